import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import tocResidue from '../../rules/toc-residue.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(tocResidue)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, line: m.line, column: m.column, actual: m.actual, expected: m.expected}))
}

const para = (topic: string) => `Researchers spent three winters studying ${topic} along the northern coast, counting nests and measuring the ice each morning before dawn.`

describe('toc-residue', () => {
  it('reports a contents heading followed by nothing but the first section', async () => {
    const text = ['Why Puffins Return', '', 'In this article', '', '', 'A Colony on the Cliffs', '', para('puffins')].join('\n')
    expect(await lint(text)).toEqual([
      {
        reason: 'Empty table of contents: `In this article` is followed by no entries',
        ruleId: 'toc-residue',
        line: 3,
        column: 1,
        actual: 'In this article\n',
        expected: [''],
      },
    ])
  })

  it('reports a table whose entries never appear, as one block', async () => {
    const text = ['Contents', '1 Early history', '2 Trade routes', '3 Decline', para('ports')].join('\n')
    const messages = await lint(text)
    expect(messages).toEqual([
      {
        reason: 'Table of contents `Contents` lists 3 entries, none of which appears as a section of the document',
        ruleId: 'toc-residue',
        line: 1,
        column: 1,
        actual: 'Contents\n1 Early history\n2 Trade routes\n3 Decline\n',
        expected: [''],
      },
    ])
  })

  it('reports the one entry whose section is missing, and contents-box toggle text', async () => {
    const text = ['Contents [hide]', '- Early history', '- Trade routes', '- Famous captains', 'Early history', para('harbours'), 'Trade routes', para('ships')].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => [m.line, m.reason, m.actual])).toEqual([
      [1, 'Contents-box toggle text `[hide]`: the show/hide button of the page\'s table of contents, not text', '[hide]'],
      [4, 'Contents entry "- Famous captains" has no section in the document', '- Famous captains\n'],
    ])
  })

  it('accepts a real table whose entries match the headings, even glued ones', async () => {
    const text = [
      'Table of Contents',
      '- The Mountain Villages',
      '- Winter Markets',
      'The Mountain Villages',
      para('villages') + 'Winter Markets',
      para('markets'),
    ].join('\n')
    expect(await lint(text)).toEqual([])
  })

  it('ends the table at the first section heading, even when a list follows it before any prose', async () => {
    const text = [
      'Contents',
      '- What you need',
      '- Day-by-day instructions',
      'What you need',
      '- A clean glass jar with a loose lid',
      '- Wholemeal or rye flour',
      '- A kitchen scale',
      para('starters'),
      'Day-by-day instructions',
      para('bread'),
    ].join('\n')
    expect(await lint(text)).toEqual([])
    // an entry with no section is still reported when the table ends at a repeated entry
    const missing = ['Contents', '- What you need', '- Troubleshooting', 'What you need', '- A kitchen scale', para('starters')].join('\n')
    expect(await lint(missing)).toEqual([
      {
        reason: 'Contents entry "- Troubleshooting" has no section in the document',
        ruleId: 'toc-residue',
        line: 3,
        column: 1,
        actual: '- Troubleshooting\n',
        expected: [''],
      },
    ])
  })

  it('ignores prose that mentions contents', async () => {
    const text = ['The contents of the box were never catalogued.', 'Table of contents pages were added in later editions.', para('books')].join('\n')
    expect(await lint(text)).toEqual([])
  })
})
