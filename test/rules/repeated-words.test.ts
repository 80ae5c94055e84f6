import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import repeatedWords from '../../rules/repeated-words.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(repeatedWords)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, source: m.source, line: m.line, column: m.column, actual: m.actual, expected: m.expected, note: m.note}))
}

const message = (word: string, column: number, actual = `${word} ${word}`) => ({
  reason: `Unexpected repeated \`${word}\`, remove one occurrence`,
  ruleId: 'repeated-words',
  source: 'scrapelint',
  line: 1,
  column,
  actual,
  expected: [actual.split(' ')[0]],
  note: `\`${word.toLowerCase()}\` is repeated; keep one occurrence.`,
})

describe('repeated-words', () => {
  it('reports a slip, keeping the first occurrence as written', async () => {
    const text = 'He went to the the shop. The the end came. This is is a test.'
    expect(await lint(text)).toEqual([message('the', text.indexOf('the the') + 1), message('the', text.indexOf('The the') + 1, 'The the'), message('is', text.indexOf(' is is') + 2)])
  })

  it('reports a slip inside a quotation and the double copula', async () => {
    const text = '"I saw the the dog," she said. The thing is is that we left. What I mean is is that it failed.'
    expect(await lint(text)).toEqual([message('the', text.indexOf('the the') + 1), message('is', text.indexOf('is is') + 1), message('is', text.lastIndexOf('is is') + 1)])
  })

  it('leaves words that repeat by design alone', async () => {
    const text = 'She had had enough. He said that that plan failed. Duran Duran played in Walla Walla. Bye bye, said the child. Ha ha, very funny.'
    expect(await lint(text)).toEqual([])
  })

  it('leaves a repeat quoted as an example alone', async () => {
    const text = 'Editors look for typing errors such as "the the" and \u201Cis is\u201D at the start of a line.'
    expect(await lint(text)).toEqual([])
  })

  it('leaves the pseudo-cleft `What it is is` alone', async () => {
    const text = 'What it is is a problem of trust. What the trouble was was the cost. Whatever the plan is is fine with me.'
    expect(await lint(text)).toEqual([])
  })

  it('stays linear on a long run of repeats', async () => {
    const started = performance.now()
    const messages = await lint('the '.repeat(20_000) + 'what it is is '.repeat(2_000))
    expect(messages).toHaveLength(19_999)
    expect(performance.now() - started).toBeLessThan(20_000)
  })
})
