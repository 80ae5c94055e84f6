import {ruleTester} from '../helpers/rule-tester.js'

const glued = 'The vineyard will keep growing old varieties for as long as the family runs it.***\nNext paragraph here.'
const spaced = ['Tickets sold out within an hour of the announcement. * * *', 'The trial ended on Friday with a split verdict. ---', '~~~The next morning the ferry did not run.'].join('\n')
const dashes = ["---What We Still Don't Know About the Outage", '- Tickets are on sale from Monday morning', '--- The next morning the ferry did not run.', '--Then he left the room without a word.'].join('\n')
const END = /^Separator `.+` glued to the end of a paragraph: a section break from the page's markup that the scraper joined to the text$/
const START = /^Separator `.+` glued to the start of a paragraph: a section break from the page's markup that the scraper joined to the text$/

ruleTester('separator-residue', {
  valid: [
    {
      name: 'leaves separators on their own line, bold italics, em dashes and markdown rules alone',
      text: ['***', '* * *', 'She called it ***the best harvest in years***', 'He paused---and then he left the room without a word.', '---', 'A list item follows - and more text - without separators.'].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a separator glued to the end of a paragraph',
      text: glued,
      messages: [
        {
          reason: "Separator `***` glued to the end of a paragraph: a section break from the page's markup that the scraper joined to the text",
          line: 1,
          column: glued.indexOf('***') + 1,
          actual: '***',
          expected: [''],
        },
      ],
      output: glued.replace('***', ''),
    },
    {
      name: 'reports spaced and dashed separators after a sentence, and one glued to the start',
      text: spaced,
      messages: [
        {reason: END, line: 1, actual: ' * * *'},
        {reason: END, line: 2, actual: ' ---'},
        {reason: START, line: 3, actual: '~~~'},
      ],
      output: ['Tickets sold out within an hour of the announcement.', 'The trial ended on Friday with a split verdict.', 'The next morning the ferry did not run.'].join('\n'),
    },
    {
      name: 'reports dashes glued to the start of a heading or paragraph, but not list bullets or spaced dashes',
      text: dashes,
      messages: [{reason: "Separator `---` glued to the start of a paragraph: a section break from the page's markup that the scraper joined to the text", line: 1, actual: '---', expected: ['']}],
      output: dashes.slice(3),
    },
  ],
})
