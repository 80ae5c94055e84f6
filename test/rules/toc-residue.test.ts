import {ruleTester} from '../helpers/rule-tester.js'

const para = (topic: string) => `Researchers spent three winters studying ${topic} along the northern coast, counting nests and measuring the ice each morning before dawn.`
const empty = ['Why Puffins Return', '', 'In this article', '', '', 'A Colony on the Cliffs', '', para('puffins')]
const unused = ['Contents', '1 Early history', '2 Trade routes', '3 Decline', para('ports')]
const missing = ['Contents [hide]', '- Early history', '- Trade routes', '- Famous captains', 'Early history', para('harbours'), 'Trade routes', para('ships')]
const repeated = ['Contents', '- What you need', '- Troubleshooting', 'What you need', '- A kitchen scale', para('starters')]

ruleTester('toc-residue', {
  valid: [
    {
      name: 'accepts a real table whose entries match the headings, even glued ones',
      text: ['Table of Contents', '- The Mountain Villages', '- Winter Markets', 'The Mountain Villages', para('villages') + 'Winter Markets', para('markets')].join('\n'),
    },
    {
      name: 'ends the table at the first section heading, even when a list follows it before any prose',
      text: [
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
      ].join('\n'),
    },
    {
      name: 'ignores prose that mentions contents',
      text: ['The contents of the box were never catalogued.', 'Table of contents pages were added in later editions.', para('books')].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a contents heading followed by nothing but the first section',
      text: empty.join('\n'),
      messages: [{reason: 'Empty table of contents: `In this article` is followed by no entries', line: 3, column: 1, actual: 'In this article\n', expected: ['']}],
      output: ['Why Puffins Return', '', 'A Colony on the Cliffs', '', para('puffins')].join('\n'),
    },
    {
      name: 'reports a table whose entries never appear, as one block',
      text: unused.join('\n'),
      messages: [
        {
          reason: 'Table of contents `Contents` lists 3 entries, none of which appears as a section of the document',
          line: 1,
          column: 1,
          actual: 'Contents\n1 Early history\n2 Trade routes\n3 Decline\n',
          expected: [''],
        },
      ],
      output: para('ports'),
    },
    {
      name: 'reports the one entry whose section is missing, and contents-box toggle text',
      text: missing.join('\n'),
      messages: [
        {reason: "Contents-box toggle text `[hide]`: the show/hide button of the page's table of contents, not text", line: 1, actual: '[hide]'},
        {reason: 'Contents entry "- Famous captains" has no section in the document', line: 4, actual: '- Famous captains\n'},
      ],
      // The toggle's removal keeps the space before it.
      output: missing.filter((line) => line !== '- Famous captains').join('\n').replace('Contents [hide]', 'Contents '),
    },
    {
      name: 'still reports an entry with no section when the table ends at a repeated entry',
      text: repeated.join('\n'),
      messages: [{reason: 'Contents entry "- Troubleshooting" has no section in the document', line: 3, column: 1, actual: '- Troubleshooting\n', expected: ['']}],
      output: repeated.filter((line) => line !== '- Troubleshooting').join('\n'),
    },
  ],
})
