import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import duplicateSentence, {meta} from '../../rules/duplicate-sentence.js'
import {SYNONYM_GROUPS} from '../../rules/data/duplicate-sentence.js'
import {lintCase, ruleTester} from '../helpers/rule-tester.js'

const cider = 'The cider press in the old barn ran every weekend until the frost came.'
const harvest = ['Harvest Notes', '', `The orchard opened to visitors in early September after a dry summer. ${cider}`, '', `Prices stayed the same as last year. ${cider} Families came from three counties.`].join('\n')
const ferry =
  'The new ferry terminal will open in spring, and the city council approved a budget of four million dollars for the harbour walk, officials said.\n\n' +
  'Residents welcomed the plan. The city council approved a budget of four million dollars for the harbour walk.'
const sardines =
  'Researchers at the coastal institute found that warming seas are pushing sardine shoals far north of their traditional spawning grounds each spring.\n\n' +
  'Fishermen have noticed. Furthermore, warming seas are pushing sardine shoals far north of their traditional spawning grounds every spring, the coastal institute researchers found.'
const homes =
  'The council will purchase a large plot of land near the river to build numerous new homes for individuals on low incomes.\n\n' +
  'Work starts next year. The council will buy a big plot of land near the river to construct many new homes for people on low incomes.'
const phrasal =
  'Nearby residents were told to keep their windows closed because of heavy smoke from the large fire at the furniture warehouse.\n\n' +
  'Crews stayed all weekend. Residents nearby were instructed to keep their windows shut due to heavy smoke from the big blaze at the furniture warehouse.\n\n' +
  'With the free app you can view your transactions, move money between accounts and purchase shares without paying any fees.\n\n' +
  'It is popular. With the free app you can look at your transactions, shift money between accounts and buy shares without paying any fees.'
const plot = 'The council will purchase a large plot of land near the river to build numerous new homes for individuals on low incomes.'
const library =
  'The library will close for renovation from March to June this year. Books can be returned at the branch on Elm Street during that time. The reading room reopens with new lighting and thirty more seats.'
const oaks = 'Volunteers planted two thousand oak saplings along the northern edge of the park.'
const refrain = 'Cold is the water and grey is the sky,\nRow, brother, row, for the shore is nigh.'
const song = 'Row, brother, row, for the shore is nigh and the tide is turning.'
const contents = ['Contents', '- Where the River Begins: Springs of the High Moor', '- What Comes Next for the Valley Towns and Their Farms After the Flood?']
const body = ['Where the River Begins: Springs of the High Moor', 'The river rises in peat bogs above the village and gathers a dozen streams before the weir.', 'What Comes Next for the Valley Towns and Their Farms After the Flood?', 'Councils along the valley will meet in spring to agree a shared flood plan.']
const river = 'The river rises in peat bogs above the village and gathers a dozen streams before the weir.'
const quote = 'We never expected the little bakery to become the heart of the whole neighbourhood.'
const waters =
  'Researchers at the coastal institute found that warming seas are pushing sardine shoals far north of their traditional spawning grounds each spring.\n\n' +
  'Fishermen have noticed. Furthermore, warming waters are pushing sardine shoals far north of their former spawning grounds every spring, the coastal institute researchers found.'
const SPUN = /^Sentence nearly repeats the sentence at line 1, column 1 \(\d+% of the content words, \d+ words in a row in common\): a spun duplicate$/

ruleTester('duplicate-sentence', {
  valid: [
    {
      name: 'stays quiet on different facts about the same topic that share synonyms',
      text: [
        plot,
        '',
        'Separately, the council will buy a big plot of land near the station to build a new school for children from the eastern villages.',
        '',
        'Residents who live near the airport say the noise from night flights makes it difficult to sleep, and many want the runway closed after eleven.',
        '',
        'Residents who reside near the airport say the noise from night flights has made it hard to sell their homes, and numerous want compensation from the operator.',
      ].join('\n'),
    },
    {
      name: 'leaves the refrain of verse alone',
      text: [refrain, 'My mother is waiting with bread on the sill,\nRow, brother, row, for the tide is still.', '', refrain, 'My sweetheart is waiting with lamp in her hand,\nRow, brother, row, till we come to the land.', '', refrain].join('\n'),
    },
    {name: 'leaves a heading that repeats its contents entry alone', text: [...contents, '', ...body].join('\n')},
    {
      name: 'skips short sentences, titles without punctuation and stock phrases',
      text: [
        'Read more about the election results in our live coverage page',
        '',
        'The vote was close. Turnout was high.',
        '',
        'Read more about the election results in our live coverage page',
        '',
        'The vote was close. Turnout was high.',
      ].join('\n'),
    },
    {
      name: 'stays quiet on prose that restates a topic in different words',
      text:
        'The bridge across the river was built in 1932 by a team of four hundred workers from the valley towns.\n\n' +
        'Its steel came from a mill upstream that closed a decade later after the depression deepened.\n\n' +
        'Four hundred workers from the valley towns lost their jobs when the mill upstream closed, and the bridge became a reminder of better years.',
    },
    {name: 'leaves a pull quote or dek on its own line alone', text: `${quote}\n\nThe shop opened in 2009 on a quiet corner. "${quote}" said the owner, who still bakes every morning at four.\n`},
    {name: 'honours the threshold option (0.95: quiet)', text: waters, options: {threshold: 0.95}},
  ],
  invalid: [
    {
      name: 'reports a word-for-word repeat at the later sentence, naming the earlier line, with a removal fix',
      text: harvest,
      messages: [{reason: 'Sentence repeats, word for word, the sentence at line 3, column 71: a pasted or generated duplicate', line: 5, column: 38, actual: cider + ' ', expected: ['']}],
      output: harvest.replace(`year. ${cider} `, 'year. '),
    },
    {
      name: 'reports a later sentence that is a word-for-word part of an earlier one',
      text: ferry,
      messages: [{reason: 'Sentence repeats part of the sentence at line 1, column 1 word for word: a pasted or generated duplicate', line: 3, column: 29, expected: ['']}],
      output: ferry.replace(' The city council approved a budget of four million dollars for the harbour walk.', ''),
    },
    {
      name: 'reports a spun sentence (reordered, a few words changed) without a fix',
      text: sardines,
      messages: [{reason: SPUN, line: 3, column: 25, expected: undefined, note: /Earlier at line 1, column 1/}],
      output: sardines,
    },
    {
      name: 'reports a sentence spun with synonyms, naming the swaps',
      text: homes,
      messages: [
        {
          reason:
            'Sentence nearly repeats the sentence at line 1, column 1 with synonyms swapped (purchase/buy, large/big, build/construct, numerous/many, individuals/people): once they are folded, 100% of the content words and 22 words in a row in common: a spun duplicate',
          line: 3,
          column: 24,
          expected: undefined,
        },
      ],
    },
    {
      // Without the synonyms only 69% of the content words are shared: found only with a lower
      // threshold, and then told with the figures of the words as written.
      name: 'tells a synonym-spun sentence found only at a lower threshold with the figures of the words as written',
      text: homes,
      options: {threshold: 0.5},
      messages: [{reason: 'Sentence nearly repeats the sentence at line 1, column 1 (69% of the content words, 7 words in a row in common): a spun duplicate'}],
    },
    {
      name: 'finds a spun sentence with phrasal swaps (due to/because of, look at/view)',
      text: phrasal,
      messages: [
        {
          reason:
            'Sentence nearly repeats the sentence at line 1, column 1 with synonyms swapped (told/instructed, closed/shut, because of/due to, large/big, fire/blaze): once they are folded, 100% of the content words and 18 words in a row in common: a spun duplicate',
          line: 3,
        },
        {
          reason:
            'Sentence nearly repeats the sentence at line 5, column 1 with synonyms swapped (view/look at, move/shift, purchase/buy): once they are folded, 100% of the content words and 20 words in a row in common: a spun duplicate',
          line: 7,
        },
      ],
    },
    {
      name: 'merges a pasted run of sentences into one message',
      text: `${library}\n\nOther news follows here today.\n\n${library}`,
      messages: [{reason: '3 sentences in a row repeat, word for word, the sentences from line 1, column 1 on: a pasted or generated duplicate', line: 5, expected: [''], actual: library}],
      output: `${library}\n\nOther news follows here today.`,
    },
    {
      name: 'compares only the sentence after a title line glued to it',
      text: `Spring Planting Day\n${oaks} The mayor cut a ribbon at noon.\n\nThe event ran all weekend. ${oaks}`,
      // the removal takes the space before the last sentence of the line with it
      messages: [{reason: 'Sentence repeats, word for word, the sentence at line 2, column 1: a pasted or generated duplicate', line: 4, column: 27, actual: ' ' + oaks, expected: ['']}],
      output: `Spring Planting Day\n${oaks} The mayor cut a ribbon at noon.\n\nThe event ran all weekend.`,
    },
    {
      // a line that ends in no comma, semicolon, colon or dash is a title, not a verse line
      name: 'reports a repeated sentence after a title line',
      text: `Ferry Songs\n${song}\n\nThe choir sang it twice.\n${song}`,
      messages: [{reason: 'Sentence repeats, word for word, the sentence at line 2, column 1: a pasted or generated duplicate', line: 5, column: 1, actual: song, expected: ['']}],
      output: `Ferry Songs\n${song}\n\nThe choir sang it twice.`,
    },
    {
      name: 'reports a repeated line of running text',
      text: [...body, '', river].join('\n'),
      messages: [{reason: 'Sentence repeats, word for word, the sentence at line 2, column 1: a pasted or generated duplicate', line: 6}],
      output: body.join('\n'),
    },
    {name: 'honours the threshold option (default: reported)', text: waters, messages: [{reason: SPUN}]},
  ],
})

describe('duplicate-sentence', () => {
  it('lists each word in one synonym group only', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const group of SYNONYM_GROUPS) {
      expect(group).toMatch(/^[vna]: \S+( \S+)+$/)
      for (const word of group.slice(3).split(' ')) {
        if (seen.has(word)) twice.push(`${word}: ${seen.get(word)} | ${group}`)
        seen.set(word, group)
      }
    }
    expect(twice).toEqual([])
    expect(SYNONYM_GROUPS.length).toBeGreaterThan(300)
  })

  it('defaults the threshold to 0.75', () => {
    expect(meta.options?.threshold.default).toBe(0.75)
  })

  it('stays near-linear on hostile input', async () => {
    // The rule on the whole text (the engine would lint it in windows).
    const start = Date.now()
    const processor = unified().use(retextEnglish).use(duplicateSentence)
    const file = new VFile({path: 'doc.txt', value: 'The quick brown fox jumps over the lazy dog again today. '.repeat(5000) + 'word '.repeat(50000)})
    await processor.run(processor.parse(file), file)
    expect(file.messages.length).toBe(1)
    expect(file.messages[0].reason).toMatch(/^\d+ sentences in a row repeat, word for word, the sentences from line 1, column 1 on/)
    expect(Date.now() - start).toBeLessThan(20_000)
  })

  const seeds = path.resolve('seeds')
  it.skipIf(!fs.existsSync(path.join(seeds, '000_b5ec2ec2e0fda784.txt')))('finds the seed pairs (15/39, 11/47, 19/23)', async () => {
    const [file] = await lintCase('duplicate-sentence', fs.readFileSync(path.join(seeds, '000_b5ec2ec2e0fda784.txt'), 'utf8'))
    const messages = file.messages
    const pairs = messages.map((message) => [Number(/at line (\d+)/.exec(message.reason)?.[1]), message.line])
    expect(pairs).toEqual(expect.arrayContaining([[15, 39], [11, 47], [19, 23]]))
    const anchor = messages.find((message) => message.line === 39 && message.expected)
    expect(anchor?.actual).toContain('By 2025, Russia had made big strides forward in domestic drone production')
  })

  const bodies = path.resolve('../shared/data/article-extraction-dev')
  const haveBodies = fs.existsSync(bodies)
  it.skipIf(!haveBodies)('is (nearly) silent on the clean article bodies (skipped without ../shared/data)', async () => {
    let count = 0
    for (const name of fs.readdirSync(bodies).filter((name) => name.endsWith('.body.txt'))) {
      count += (await lintCase('duplicate-sentence', fs.readFileSync(path.join(bodies, name), 'utf8')))[0].messages.length
    }
    expect(count).toBeLessThanOrEqual(2)
  })
})
