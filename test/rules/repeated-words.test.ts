import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import repeatedWords from '../../rules/repeated-words.js'
import {ruleTester} from '../helpers/rule-tester.js'

const message = (word: string, column: number, actual = `${word} ${word}`) => ({
  reason: `Unexpected repeated \`${word}\`, remove one occurrence`,
  line: 1,
  column,
  actual,
  expected: [actual.split(' ')[0]],
  note: `\`${word.toLowerCase()}\` is repeated; keep one occurrence.`,
})

const slips = 'He went to the the shop. The the end came. This is is a test.'
const quoted = '"I saw the the dog," she said. The thing is is that we left. What I mean is is that it failed.'

ruleTester('repeated-words', {
  valid: [
    {name: 'leaves words that repeat by design alone', text: 'She had had enough. He said that that plan failed. Duran Duran played in Walla Walla. Bye bye, said the child. Ha ha, very funny.'},
    {name: 'leaves a repeat quoted as an example alone', text: 'Editors look for typing errors such as "the the" and \u201Cis is\u201D at the start of a line.'},
    {name: 'leaves the pseudo-cleft `What it is is` alone', text: 'What it is is a problem of trust. What the trouble was was the cost. Whatever the plan is is fine with me.'},
  ],
  invalid: [
    {
      name: 'reports a slip, keeping the first occurrence as written',
      text: slips,
      messages: [message('the', slips.indexOf('the the') + 1), message('the', slips.indexOf('The the') + 1, 'The the'), message('is', slips.indexOf(' is is') + 2)],
      output: 'He went to the shop. The end came. This is a test.',
    },
    {
      name: 'reports a slip inside a quotation and the double copula',
      text: quoted,
      messages: [message('the', quoted.indexOf('the the') + 1), message('is', quoted.indexOf('is is') + 1), message('is', quoted.lastIndexOf('is is') + 1)],
      output: '"I saw the dog," she said. The thing is that we left. What I mean is that it failed.',
    },
  ],
})

describe('repeated-words', () => {
  // The rule alone on one long line (the engine would lint it in windows, and not compare across them).
  it('stays linear on a long run of repeats', async () => {
    const started = performance.now()
    const processor = unified().use(retextEnglish).use(repeatedWords)
    const file = new VFile({value: 'the '.repeat(20_000) + 'what it is is '.repeat(2_000)})
    await processor.run(processor.parse(file), file)
    expect(file.messages).toHaveLength(19_999)
    expect(performance.now() - started).toBeLessThan(20_000)
  })
})
