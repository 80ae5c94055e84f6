/** src/fix.ts: collecting fixes from messages and applying them without overlap. */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {applyFixes, collectFixes, fixFile, type Fix} from '../src/fix.js'
import {toPlace} from '../rules/kit/text.js'

/** A file with one message per edit, placed by offsets like the rules place theirs. */
function fileWith(text: string, edits: Array<{ruleId: string; start: number; end: number; expected?: string[]}>): VFile {
  const file = new VFile({path: 'a.txt', value: text})
  for (const edit of edits) {
    const message = file.message('x', {place: toPlace(file, edit.start, edit.end), ruleId: edit.ruleId, source: 'scrapelint'})
    message.actual = text.slice(edit.start, edit.end)
    if (edit.expected) message.expected = edit.expected
  }
  return file
}

function fix(ruleId: string, start: number, end: number, text: string): Fix {
  const file = fileWith('', [])
  return {ruleId, start, end, text, message: file.message('x')}
}

describe('collectFixes', () => {
  it('takes the first expected option of messages with offsets, and only of the rules asked for', () => {
    const text = 'one two three four'
    const file = fileWith(text, [
      {ruleId: 'link-residue', start: 0, end: 4, expected: ['', 'ignored']},
      {ruleId: 'glued-heading', start: 8, end: 13, expected: ['\nthree']},
      {ruleId: 'keyword-stuffing', start: 14, end: 18},
    ])
    const all = collectFixes(file)
    expect(all.map((f) => [f.ruleId, f.start, f.end, f.text])).toEqual([
      ['link-residue', 0, 4, ''],
      ['glued-heading', 8, 13, '\nthree'],
    ])
    expect(collectFixes(file, {rules: ['glued-heading']}).map((f) => f.ruleId)).toEqual(['glued-heading'])
  })

  it('leaves suggestion rules (duplicate-sentence) out unless they are named', () => {
    const text = 'A sentence here. A sentence here.'
    const file = fileWith(text, [{ruleId: 'duplicate-sentence', start: 16, end: 33, expected: ['']}])
    expect(collectFixes(file)).toEqual([])
    expect(collectFixes(file, {rules: ['duplicate-sentence']})).toHaveLength(1)
  })
})

describe('applyFixes', () => {
  it('applies removals, replacements and insertions at their original offsets', () => {
    const text = 'keep [1] this.Heading\nmore'
    const result = applyFixes(text, [fix('citation-residue', 4, 8, ''), fix('glued-heading', 14, 21, '\nHeading')])
    expect(result.output).toBe('keep this.\nHeading\nmore')
    expect(result.applied).toHaveLength(2)
    expect(result.skipped).toEqual([])
  })

  it('keeps the larger edit when two overlap, and says which one was skipped', () => {
    const text = 'abcdefghij'
    const result = applyFixes(text, [fix('a', 2, 5, 'X'), fix('b', 4, 8, 'Y')])
    expect(result.output).toBe('abcdYij')
    expect(result.skipped).toHaveLength(1)
    expect(result.skipped[0].fix.ruleId).toBe('a')
    expect(result.skipped[0].conflict.ruleId).toBe('b')
    expect(result.skipped[0].reason).toBe('overlap')
  })

  it('drops an edit inside a removal quietly (its text is gone) and merges identical edits', () => {
    const text = 'line one\nbio: lorem ipsum\nline three\n'
    const block = fix('fake-author-block', 9, 26, '')
    const inner = fix('lorem-ipsum', 14, 25, '')
    const same = fix('shared-boilerplate', 9, 26, '')
    const result = applyFixes(text, [inner, block, same])
    expect(result.output).toBe('line one\nline three\n')
    expect(result.skipped.map((skip) => skip.reason).sort()).toEqual(['duplicate', 'inside'])
  })

  it('edits that only meet both apply', () => {
    const result = applyFixes('aaXXbb', [fix('a', 2, 4, ''), fix('b', 4, 6, ''), fix('c', 2, 2, '>')])
    expect(result.output).toBe('aa>')
  })

  it('a removed block of lines takes the blank lines it leaves doubled, and the end of the text stays as it was', () => {
    const text = 'Title\n\nTable of Contents\n\n\n\nFirst paragraph.\n\nMenu\n\nFooter line'
    const toc = text.indexOf('Table')
    const menu = text.indexOf('Menu')
    const result = applyFixes(text, [fix('toc-residue', toc, toc + 'Table of Contents\n'.length, ''), fix('link-residue', menu, text.length, '')])
    expect(result.output).toBe('Title\n\nFirst paragraph.')
    const withNewline = applyFixes(text + '\n', [fix('link-residue', menu, text.length + 1, '')])
    expect(withNewline.output).toBe('Title\n\nTable of Contents\n\n\n\nFirst paragraph.\n')
  })

  it('a removal at the start takes the blank lines after it', () => {
    const text = 'Skip to content\n\nThe article.'
    expect(applyFixes(text, [fix('link-residue', 0, 16, '')]).output).toBe('The article.')
  })

  it('property: applied edits never overlap, and the text outside them is kept in order', () => {
    fc.assert(
      fc.property(
        fc.string({maxLength: 60}),
        fc.array(fc.tuple(fc.nat(60), fc.nat(10), fc.constantFrom('', 'X', '\n')), {maxLength: 8}),
        (text, raw) => {
          const fixes = raw.map(([start, length, insert], index) => {
            const from = Math.min(start, text.length)
            // Inline edits only (not whole lines), so the output is exactly the spliced text.
            return fix(`r${index}`, from, Math.min(text.length, from + length), insert === '' && length === 0 ? 'Y' : insert)
          })
          const result = applyFixes(text, fixes)
          const applied = [...result.applied].sort((a, b) => a.start - b.start)
          for (let index = 1; index < applied.length; index++) expect(applied[index].start).toBeGreaterThanOrEqual(applied[index - 1].end)
          expect(result.applied.length + result.skipped.length).toBe(fixes.length)
          let expected = ''
          let at = 0
          for (const edit of applied) {
            expected += text.slice(at, edit.start) + edit.text
            at = edit.end
          }
          expected += text.slice(at)
          const wholeLineRemoval = applied.some((edit) => edit.text === '' && (edit.start === 0 || text[edit.start - 1] === '\n') && (edit.end === text.length || text[edit.end - 1] === '\n'))
          if (!wholeLineRemoval) expect(result.output).toBe(expected)
        },
      ),
      {seed: 7, numRuns: 300},
    )
  })
})

describe('fixFile', () => {
  it('fixes a linted document from its messages', () => {
    const text = 'Good text [12] here.'
    const file = fileWith(text, [{ruleId: 'citation-residue', start: 9, end: 14, expected: ['']}])
    expect(fixFile(file).output).toBe('Good text here.')
  })
})
