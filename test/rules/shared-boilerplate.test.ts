import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import sharedBoilerplate, {corpus, fingerprint, normaliseLine} from '../../rules/shared-boilerplate.js'
import {lintCase, ruleTester} from '../helpers/rule-tester.js'

const footer = ['Subscribe to the Valley Courier for daily updates', '', 'Copyright 2024 Valley Courier Media Group']
const article = (topic: string, quote = '') =>
  [`Farmers in the valley expect a late ${topic} harvest this year.`, '', `The co-operative said the ${topic} crop was smaller than last year. ${quote}`.trim()].join('\n')

const docs = [article('apple'), article('pear'), article('plum')].map((text) => [text, '', ...footer].join('\n'))
const quote = '"We have never seen weather like this," the mayor said.'
const barley = [article('barley'), '', 'Read the latest   farm news HERE every morning'].join('\n')
const oats = [article('oats'), '', 'read the latest farm news here every morning'].join('\n')

ruleTester('shared-boilerplate', {
  valid: [
    {name: 'reports nothing for a single document, even with a line repeated inside it', corpus: [[article('grape'), '', ...footer, '', ...footer].join('\n')]},
    {
      name: 'does not count quoted sentences inside paragraphs, short headings or separators',
      corpus: ['cherry', 'walnut'].map((topic) => [article(topic, quote), '', 'Conclusion', '', '* * * * *', '', '"We have never seen weather like this."'].join('\n')),
    },
    {name: 'respects minDocs (3: quiet)', corpus: [barley, oats, article('rye')], options: {minDocs: 3}},
  ],
  invalid: [
    {
      name: 'reports a template block in each document that shares it, naming how many',
      corpus: docs,
      messages: docs.map(() => [
        {
          reason: 'These 2 lines ("Subscribe to the Valley Courier for daily updates") recur as their own lines in 3 documents of this run: site template, not content',
          line: 5,
          column: 1,
          endLine: 7,
          actual: footer.join('\n'),
          expected: [''],
        },
      ]),
      output: [article('apple'), article('pear'), article('plum')],
    },
    {
      name: 'respects minDocs and normalises case and whitespace',
      corpus: [barley, oats, article('rye')],
      messages: [[{reason: /in 2 documents/, line: 5}], [{reason: /in 2 documents/, line: 5}], []],
      output: [article('barley'), article('oats'), article('rye')],
    },
  ],
})

describe('shared-boilerplate', () => {
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

  it('leaves compact, JSON-serialisable facts on file.data', async () => {
    const [file] = await lintCase('shared-boilerplate', 'Short\n\nA line long enough to be a fingerprint\n')
    const facts = JSON.parse(JSON.stringify(file.data.sharedBoilerplate))
    // hash, line, start, end (with the line ending), previous non-blank line, preview, ends with a line ending
    // A document with no prose line (15 words or more) leaves no signature: it cannot be a copy.
    expect(facts).toEqual({fingerprints: [[fingerprint('a line long enough to be a fingerprint'), 3, 7, 7 + 38 + 1, 1, 'A line long enough to be a fingerprint', 1]], signatures: ['']})
    expect(normaliseLine('  Two   Words  ', 1, 10)).toBeUndefined()
    expect(fingerprint('abc')).toMatch(/^[0-9a-f]{16}$/)
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'))
  })

  it('reports from the facts alone when the texts were dropped (a large run keeps no text)', async () => {
    const footer = 'Sign Up For The Weekly Garden Newsletter Today'
    const texts = [`First article about tomatoes.\n\n${footer}\n\nMore Stories From The Garden Desk Here\n`, `Second article about roses.\n\n${footer}\n\nMore Stories From The Garden Desk Here\n`]
    const processor = unified().use(retextEnglish).use(sharedBoilerplate)
    const files: VFile[] = []
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
