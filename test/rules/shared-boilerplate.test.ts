import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import sharedBoilerplate, {corpus, fingerprint, normaliseLine} from '../../rules/shared-boilerplate.js'

async function lintCorpus(texts: string[], options: Record<string, unknown> = {}) {
  const processor = unified().use(retextEnglish).use(sharedBoilerplate, options)
  const files: VFile[] = []
  for (const [i, value] of texts.entries()) {
    const file = new VFile({path: `doc-${i}.txt`, value})
    await processor.run(processor.parse(file), file)
    files.push(file)
  }
  corpus(files, options)
  return files.map((file) =>
    file.messages.map((m) => ({
      reason: m.reason,
      ruleId: m.ruleId,
      line: m.line,
      column: m.column,
      endLine: m.place && 'end' in m.place ? m.place.end.line : m.line,
      actual: m.actual,
      expected: m.expected,
    })),
  )
}

const footer = ['Subscribe to the Valley Courier for daily updates', '', 'Copyright 2024 Valley Courier Media Group']
const article = (topic: string, quote = '') =>
  [`Farmers in the valley expect a late ${topic} harvest this year.`, '', `The co-operative said the ${topic} crop was smaller than last year. ${quote}`.trim()].join('\n')

describe('shared-boilerplate', () => {
  it('reports a template block in each document that shares it, naming how many', async () => {
    const docs = [article('apple'), article('pear'), article('plum')].map((text) => [text, '', ...footer].join('\n'))
    const results = await lintCorpus(docs)
    for (const messages of results) {
      expect(messages).toEqual([
        {
          reason: 'These 2 lines ("Subscribe to the Valley Courier for daily updates") recur as their own lines in 3 documents of this run: site template, not content',
          ruleId: 'shared-boilerplate',
          line: 5,
          column: 1,
          endLine: 7,
          actual: footer.join('\n'),
          expected: [''],
        },
      ])
    }
  })

  it('reports nothing for a single document, even with a line repeated inside it', async () => {
    const text = [article('grape'), '', ...footer, '', ...footer].join('\n')
    expect(await lintCorpus([text])).toEqual([[]])
  })

  it('counts exactly in a corpus of thousands of distinct lines: a line twice in one document counts once', () => {
    const shared = 'Sign up for the Harbour Gazette morning briefing'
    const files = Array.from({length: 3000}, (_, i) => {
      const own = [`Ferry number ${i} left the harbour at dawn with its cargo`, '', `The crew of vessel ${i} reported calm seas all the way`]
      const extra = i === 7 ? ['', shared, '', shared] : i === 1500 || i === 2999 ? ['', shared] : []
      const file = new VFile({path: `doc-${i}.txt`, value: [...own, ...extra].join('\n')})
      sharedBoilerplate()(undefined as never, file)
      return file
    })
    corpus(files, {minDocs: 3})
    const reported = files.flatMap((file, i) => file.messages.map((message) => [i, message.reason]))
    expect(reported).toEqual([
      [7, `These 2 lines ("${shared}") recur as their own lines in 3 documents of this run: site template, not content`],
      [1500, `This line ("${shared}") recurs as its own line in 3 documents of this run: site template, not content`],
      [2999, `This line ("${shared}") recurs as its own line in 3 documents of this run: site template, not content`],
    ])
    for (const file of files) file.messages = []
    corpus(files.slice(0, 2000), {minDocs: 3})
    // without document 2999 the line is in two documents only
    expect(files.flatMap((file) => file.messages)).toEqual([])
    corpus(files.slice(0, 2000), {minDocs: 2})
    expect(files.flatMap((file, i) => file.messages.map(() => i))).toEqual([7, 1500])
  })

  it('does not count quoted sentences inside paragraphs, short headings or separators', async () => {
    const quote = '"We have never seen weather like this," the mayor said.'
    const a = [article('cherry', quote), '', 'Conclusion', '', '* * * * *', '', '"We have never seen weather like this."'].join('\n')
    const b = [article('walnut', quote), '', 'Conclusion', '', '* * * * *', '', '"We have never seen weather like this."'].join('\n')
    expect(await lintCorpus([a, b])).toEqual([[], []])
  })

  it('respects minDocs and normalises case and whitespace', async () => {
    const a = [article('barley'), '', 'Read the latest   farm news HERE every morning'].join('\n')
    const b = [article('oats'), '', 'read the latest farm news here every morning'].join('\n')
    const c = article('rye')
    const two = await lintCorpus([a, b, c])
    expect(two.map((messages) => messages.map((m) => m.line))).toEqual([[5], [5], []])
    expect(two[0][0].reason).toContain('in 2 documents')
    expect(await lintCorpus([a, b, c], {minDocs: 3})).toEqual([[], [], []])
  })

  it('leaves compact, JSON-serialisable facts on file.data', async () => {
    const processor = unified().use(retextEnglish).use(sharedBoilerplate)
    const file = new VFile({value: 'Short\n\nA line long enough to be a fingerprint\n'})
    await processor.run(processor.parse(file), file)
    const facts = JSON.parse(JSON.stringify(file.data.sharedBoilerplate))
    // hash, line, start, end (with the line ending), previous non-blank line, preview, ends with a line ending
    expect(facts).toEqual({fingerprints: [[fingerprint('a line long enough to be a fingerprint'), 3, 7, 7 + 38 + 1, 1, 'A line long enough to be a fingerprint', 1]]})
    expect(normaliseLine('  Two   Words  ', 1, 10)).toBeUndefined()
    expect(fingerprint('abc')).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'))
  })

  it('reports from the facts alone when the texts were dropped (a large run keeps no text)', async () => {
    const footer = 'Sign Up For The Weekly Garden Newsletter Today'
    const texts = [`First article about tomatoes.\n\n${footer}\n\nMore Stories From The Garden Desk Here\n`, `Second article about roses.\n\n${footer}\n\nMore Stories From The Garden Desk Here\n`]
    const processor = unified().use(retextEnglish).use(sharedBoilerplate)
    const files = []
    for (const value of texts) {
      const file = new VFile({path: `${files.length}.txt`, value})
      await processor.run(processor.parse(file), file)
      file.value = undefined as unknown as string
      files.push(file)
    }
    corpus(files, {})
    expect(files.map((file) => file.messages.map((m) => [m.reason, m.place, m.actual, m.expected]))).toEqual(
      files.map((_, index) => {
        const start = index === 0 ? 31 : 29
        return [
          [
            `These 2 lines ("${footer}") recur as their own lines in 2 documents of this run: site template, not content`,
            {start: {line: 3, column: 1, offset: start}, end: {line: 6, column: 1, offset: start + footer.length + 2 + 38 + 1}},
            undefined,
            [''],
          ],
        ]
      }),
    )
  })
})
