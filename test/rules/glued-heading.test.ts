import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import gluedHeading from '../../rules/glued-heading.js'
import {ruleTester} from '../helpers/rule-tester.js'

const paragraph = 'Sourdough needs patience, warm water and a starter that has been fed the night before.'
const heading = 'Shaping the Loaf: Tension Without Tearing'
const colon = `Baking Bread at Home\n\n${paragraph}${heading}\n\nFold the dough toward you and turn it a quarter.`
const contents = [
  'Contents',
  '- Where the Money Goes',
  '- Who Pays in the End?',
  'The budget grew again this year, and the council said it was "unavoidable."Where the Money Goes',
  'Most of it went to roads and schools, officials said on Tuesday afternoon?Who Pays in the End?',
  'Taxpayers, mostly.',
]
const ratings = 'From the rebound, the substitute blazed the ball over the bar from six yards.'
const ratingsHeading = 'Player Ratings and Key Moments From a Wet Afternoon'
const reason = (text: string) => `Heading \`${text}\` is glued to the end of the previous paragraph`

ruleTester('glued-heading', {
  valid: [
    {
      name: 'does not take a Title Case tail without a section after it, or an e-mail address, for a heading',
      text: [
        'The final was played at the national stadium.Wembley Stadium Tour',
        '',
        'Contact the desk for corrections at any hour: Sports desk | Email: Rylee.White@yahoo.com | Job: Senior Sports Editor',
        'The desk replies to every message within two working days, the editor said.',
      ].join('\n'),
    },
    {
      name: 'does not report abbreviations, initials, decimals, domains or normal sentences',
      text: [
        'He moved to the U.S.A. in 1990 and read J.R.R. Tolkien every night before bed.',
        'The ratio was 3.5 to 1, e.g. in Node.js projects hosted on example.com at 9 a.m. sharp.',
        'The team won the match.The coach said the players deserve a rest after a long season.',
        'She said it was over.Then she left: the room went quiet',
        'Prices rose in the capital.Analysts: Markets',
      ].join('\n\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a colon-subtitle heading glued after a sentence, inserting the paragraph break',
      text: colon,
      messages: [{reason: reason(heading), line: 3, column: paragraph.length + 1, actual: heading, expected: ['\n\n' + heading]}],
      output: `Baking Bread at Home\n\n${paragraph}\n\n${heading}\n\nFold the dough toward you and turn it a quarter.`,
    },
    {
      name: 'uses a single line break in documents without blank lines, and handles closing quotes and questions',
      text: contents.join('\n'),
      messages: [
        {reason: reason('Where the Money Goes'), line: 4, actual: 'Where the Money Goes', expected: ['\nWhere the Money Goes']},
        {reason: reason('Who Pays in the End?'), line: 5, actual: 'Who Pays in the End?', expected: ['\nWho Pays in the End?']},
      ],
      output: contents.join('\n').replace('."Where', '."\nWhere').replace('?Who Pays', '?\nWho Pays'),
    },
    {
      name: 'reports a Title Case heading with no colon when a paragraph of prose starts on the next line',
      text: `${ratings}${ratingsHeading}\nThe winner came from the resulting pressure, a corner headed in off the bar.`,
      messages: [{reason: reason(ratingsHeading), line: 1, column: ratings.length + 1, actual: ratingsHeading, expected: ['\n' + ratingsHeading]}],
      output: `${ratings}\n${ratingsHeading}\nThe winner came from the resulting pressure, a corner headed in off the bar.`,
    },
  ],
})

describe('glued-heading', () => {
  it('stays linear on hostile input (the rule alone: the English parser is slow on such text by itself)', () => {
    const text = 'word.Word '.repeat(200_000) + '\n' + 'A.B'.repeat(200_000) + '\n' + 'x.'.repeat(300_000) + 'Title Case: Heading Here'
    const file = new VFile({value: text})
    const start = performance.now()
    gluedHeading()({type: 'RootNode', children: []}, file)
    expect(performance.now() - start).toBeLessThan(3000)
  })
})
