import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import citationResidue from '../../rules/citation-residue.js'
import {ruleTester} from '../helpers/rule-tester.js'

const glued = [
  'Early life[edit]',
  'The club was founded in 1902.[2][3] Its first ground was a cricket field[citation needed], later sold.[a]',
  '^ Jump up to: a b Annual report of the club, 1903.',
].join('\n')
const referenced = ['Solar output rose 4%.[1] Wind fell.[2] Hydro held.[7]', '', 'References', '1. Energy agency, 2020.', '2. Grid operator, 2021.'].join('\n')

ruleTester('citation-residue', {
  valid: [
    {
      name: 'does not report numbered lists, [sic], editorial insertions or code indexing',
      text: [
        '[1] Preheat the oven.',
        '[2] Mix the flour and the salt.',
        '"He was [sic] late," she said. "We get our shot [again]," and it is [a] big one.',
        'Read items[0] and x[1] first; then set total = values[2] * 2.',
        'Quoted from the Quran [Al Maa-idah 8] and [ CNET ] in a list.',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a run of spaced markers as one message that removes them with the space before',
      text: 'The orchid grows on volcanic slopes [4] [5] [6] and flowers in March.',
      messages: [{reason: 'Reference markers `[4] [5] [6]` point to no references in this document', line: 1, column: 36, actual: ' [4] [5] [6]', expected: ['']}],
      output: 'The orchid grows on volcanic slopes and flowers in March.',
    },
    {
      name: 'reports glued markers, maintenance tags, edit links, letter notes and jump-up links',
      text: glued,
      messages: [
        {reason: 'Section edit link `[edit]` left in the text', line: 1, actual: '[edit]', expected: ['']},
        {reason: /`\[2\]\[3\]`/, line: 2, actual: '[2][3]', expected: ['']},
        {reason: 'Encyclopedia maintenance tag `[citation needed]` left in the text', line: 2, actual: '[citation needed]', expected: ['']},
        {reason: /`\[a\]`/, line: 2, actual: '[a]', expected: ['']},
        {reason: /Jump up/, line: 3, actual: '^ Jump up to: a b ', expected: ['']},
      ],
      output: ['Early life', 'The club was founded in 1902. Its first ground was a cricket field, later sold.', 'Annual report of the club, 1903.'].join('\n'),
    },
    {
      name: 'does not report markers that a references section defines, but does report the others',
      text: referenced,
      messages: [{reason: /`\[7\]`/, line: 1, actual: '[7]', expected: ['']}],
      output: referenced.replace('[7]', ''),
    },
  ],
})

describe('citation-residue', () => {
  it('stays linear on hostile input', () => {
    const text = '[1] '.repeat(100_000) + '\nword' + '[2]'.repeat(100_000) + '\n' + '['.repeat(200_000) + '\n' + '^ Jump up'.repeat(5_000)
    const file = new VFile({value: text})
    const start = performance.now()
    citationResidue()({type: 'RootNode', children: []}, file)
    expect(performance.now() - start).toBeLessThan(3000)
  })
})
