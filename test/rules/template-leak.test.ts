import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import templateLeak from '../../rules/template-leak.js'
import {ruleTester} from '../helpers/rule-tester.js'

const datos = [
  'Coffee prices rose again this spring, and roasters are worried about the harvest.',
  '',
  'The "Datos Fuente" indicates that Brazilian output fell by a tenth. As noted in the "Datos Fuente," buyers are hedging.',
]
const zorbatek = 'According to the "Zorbatek Quivel", the bridge will open in May.'
const tokens = 'Welcome to {{ site_name }}! [Add image caption] Read more at INSERT_LINK about [PRIMARY KEYWORD] today.'
const sample = [
  'A placeholder is written with double curly braces, such as `{{ page.title }}`, like this:',
  '',
  '    <h1>{{ page.title }}</h1>',
  '    {% for post in site.posts %}',
  '<li><a href="{{ post.url }}">{{ post.title }}</a></li>',
  '',
  'Thanks for reading {{ site_name }} today.',
]
const fields = 'Title: Best Hiking Boots\nKeywords: hiking boots, trail\nMeta description: Find the best boots.\n\nHiking boots matter.'
const slots = [
  'We are seeing the best range of products since %s, brokers said.',
  'Recipe by {author}. Serves four.',
  'The average two-year fix stood at undefined per cent at the time.',
  'The phone is available now from NaN in three colours.',
  'null',
  'Price: undefined',
]
const DATOS = '"Datos Fuente" is cited as a source but is a leaked prompt label, not a source'
const program = (value: string) => `Program value \`${value}\` stands where a value belongs`

ruleTester('template-leak', {
  valid: [
    {name: 'does not report a non-English label cited as a source once', text: zorbatek},
    {
      name: 'does not report real quoted titles, terms or sources',
      text: [
        'The term "Iran Russia War" is a misnomer, the analysts argue.',
        'According to the "New York Times", the talks stalled.',
        'The "Green Deal" states its goals plainly. He called it "Project Fear" twice.',
        'Critics said the "Big Beautiful Bill" mentions no cuts.',
      ].join('\n'),
    },
    {
      name: 'does not report editorial brackets, headline tags or code constants',
      text: [
        '"We get our shot [again]," he said. "I think [Google] will win," she added.',
        'Kelly Clarkson admits it [WATCH] and more [VIDEO] of the [a] big one.',
        'Set MAX_PATH in the config; the [sic] spelling stays. Call [the company] later.',
      ].join('\n'),
    },
    {name: 'does not report a chatbot self-reference inside quotes', text: 'The bot replied: "As an AI language model, I cannot help."'},
    {name: 'does not report a lone label line or labels deep in the text', text: 'Summary: the council voted.\n\nThe vote was close.\n\nTitle: a song by the band.\n\nKeywords: none of these.'},
    {
      name: 'does not report the English words undefined and null, percentages, or format slots in code',
      text: [
        'The contract was declared null and void, and her role is undefined.',
        'The deal is null, the court said; the border remained undefined for years.',
        'Prices rose 5%, or 50%s in some regions, and the {braces} stay in code: `print("%s" % name)`.',
        '    console.log(`${user.name} is %s`, undefined)',
        'const value = null;',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a prompt-field label cited as a source, once per occurrence',
      text: datos.join('\n'),
      messages: [
        {reason: DATOS, line: 3, column: datos[2].indexOf('"Datos') + 1, actual: '"Datos Fuente"', expected: undefined},
        {reason: DATOS, line: 3, column: datos[2].lastIndexOf('"Datos') + 1, actual: '"Datos Fuente,"', expected: undefined},
      ],
      output: datos.join('\n'),
    },
    {
      name: 'reports a repeated non-English label cited as a source only when repeated',
      text: [zorbatek, zorbatek, zorbatek].join('\n'),
      messages: [1, 2, 3].map((line) => ({reason: '"Zorbatek Quivel" is cited as a source but is a leaked prompt label, not a source', line})),
    },
    {
      name: 'reports template tokens and placeholders, with removal as the fix',
      text: tokens,
      messages: [
        {reason: 'Template token `{{ site_name }}` was never filled in', column: tokens.indexOf('{{') + 1, actual: '{{ site_name }}', expected: ['']},
        {reason: 'Unfilled placeholder `[Add image caption]`', column: tokens.indexOf('[Add') + 1, actual: '[Add image caption]', expected: ['']},
        {reason: /`INSERT_LINK`/, column: tokens.indexOf('INSERT_LINK') + 1, actual: 'INSERT_LINK', expected: ['']},
        {reason: /`\[PRIMARY KEYWORD\]`/, column: tokens.indexOf('[PRIMARY') + 1, actual: '[PRIMARY KEYWORD]', expected: ['']},
      ],
      output: 'Welcome to !  Read more at  about  today.',
    },
    {
      name: 'does not report template syntax shown as a code sample, but reports it in the prose around',
      text: sample.join('\n'),
      messages: [{reason: 'Template token `{{ site_name }}` was never filled in', line: 7, column: 20, actual: '{{ site_name }}', expected: ['']}],
      output: sample.join('\n').replace('{{ site_name }}', ''),
    },
    {
      name: 'reports chatbot self-references outside quotes',
      text: 'As an AI language model, I cannot give financial advice. Stocks fell.',
      messages: [{line: 1, column: 1, actual: 'As an AI language model', reason: 'Chatbot self-reference `As an AI language model` left in the text'}],
    },
    {
      name: 'reports a generated-by-AI note as a removable sentence',
      text: 'Tides are rising. Note: this article was generated by AI and may contain errors.',
      messages: [{reason: /generated/i, line: 1, column: 18, actual: ' Note: this article was generated by AI and may contain errors.', expected: ['']}],
      output: 'Tides are rising.',
    },
    {
      name: 'reports prompt field lines at the top, whole lines with their line ending',
      text: fields,
      messages: [
        {reason: /^Prompt field line `title:`/, line: 1, actual: 'Title: Best Hiking Boots\n', expected: ['']},
        {reason: /^Prompt field line `keywords:`/, line: 2, actual: 'Keywords: hiking boots, trail\n', expected: ['']},
        {reason: 'Prompt field line `meta description:` left in the text', line: 3, actual: 'Meta description: Find the best boots.\n', expected: ['']},
      ],
      output: 'Hiking boots matter.',
    },
    {
      name: 'reports format slots and program values where a value belongs',
      text: slots.join('\n'),
      messages: [
        {line: 1, column: slots[0].indexOf('%s') + 1, reason: 'Format slot `%s` was never filled in', actual: '%s', expected: ['']},
        {line: 2, column: slots[1].indexOf('{') + 1, reason: 'Format slot `{author}` was never filled in', actual: '{author}', expected: ['']},
        {line: 3, column: slots[2].indexOf('undefined') + 1, reason: program('undefined'), actual: 'undefined', expected: undefined},
        {line: 4, column: slots[3].indexOf('NaN') + 1, reason: program('NaN'), actual: 'NaN', expected: undefined},
        {line: 5, column: 1, reason: program('null'), actual: 'null', expected: undefined},
        {line: 6, column: 8, reason: program('undefined'), actual: 'undefined', expected: undefined},
      ],
      output: slots.join('\n').replace('%s', '').replace('{author}', ''),
    },
  ],
})

describe('template-leak', () => {
  it('stays linear on hostile input (the rule alone: the English parser is slow on such text by itself)', () => {
    const text = '"' + 'as an ai model '.repeat(50_000) + 'A '.repeat(200_000) + '[' + 'x'.repeat(300_000) + ' {{' + '{'.repeat(100_000) + '\n' + 'KEY_'.repeat(50_000) + '\n' + '"Data "'.repeat(50_000)
    const file = new VFile({value: text})
    const start = performance.now()
    templateLeak()({type: 'RootNode', children: []}, file)
    expect(performance.now() - start).toBeLessThan(3000)
  })
})
