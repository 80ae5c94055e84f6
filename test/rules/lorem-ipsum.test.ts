import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fakerEN as faker} from '@faker-js/faker'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import loremIpsum from '../../rules/lorem-ipsum.js'
import {lintCase, ruleTester, type InvalidTextCase} from '../helpers/rule-tester.js'

const REASON = /^Lorem-ipsum filler: \d+ of \d+ words are placeholder Latin; a template or fake-data generator left it in place of real text$/
const INTRO = 'The harbour authority approved the new ferry timetable on Monday.'

/** One lorem-ipsum message on `line`, removing `actual`; the output is the text without it. */
function filler(name: string, text: string, line: number, actual: string, column?: number): InvalidTextCase {
  return {name, text, messages: [{reason: REASON, line, ...(column === undefined ? {} : {column}), actual, expected: ['']}], output: text.replace(actual, '')}
}

const seed = readFileSync(new URL('../../seeds/000_b5ec2ec2e0fda784.txt', import.meta.url), 'utf8')
const seedLines = seed.split('\n')

describe('finds the seed bios (lines 81, 89, 97, 105) and removes each whole field line', () => {
  ruleTester('lorem-ipsum', {
    invalid: [
      {
        name: 'seed 000',
        text: seed,
        messages: [
          {
            reason: REASON,
            line: 81,
            column: 1,
            endLine: 82,
            endColumn: 1,
            actual: seedLines[80] + '\n',
            expected: [''],
            note: /^lorem words: Nisi, tempora, voluptates, voluptatum, assumenda, Odit, illum, repudiandae, \.\.\. \(share 100%/,
          },
          ...[89, 97, 105].map((line) => ({reason: REASON, line, column: 1, endLine: line + 1, endColumn: 1, actual: seedLines[line - 1] + '\n', expected: ['']})),
        ],
        output: seedLines.filter((_, index) => ![80, 88, 96, 104].includes(index)).join('\n'),
      },
    ],
  })
})

describe('flags faker lorem as a bio line (seeds 1-20)', () => {
  ruleTester('lorem-ipsum', {
    invalid: Array.from({length: 20}, (_, i) => i + 1).map((seed) => {
      faker.seed(seed)
      const bio = faker.lorem.sentences({min: 1, max: 3})
      return {...filler(`seed ${seed}`, `${INTRO}\n\n  • Bio : ${bio}\n`, 3, `  • Bio : ${bio}\n`), output: `${INTRO}\n`}
    }),
  })
})

describe('flags faker lorem as a caption or a paragraph (seeds 21-35)', () => {
  ruleTester('lorem-ipsum', {
    invalid: Array.from({length: 15}, (_, i) => i + 21).map((seed) => {
      faker.seed(seed)
      const paragraph = seed % 2 ? faker.lorem.paragraph() : `Photo: ${faker.lorem.sentence({min: 5, max: 9})}`
      return {...filler(`seed ${seed}`, `${INTRO}\n\n${paragraph}\n\nThe first sailing leaves at 6 a.m.\n`, 3, `${paragraph}\n`), output: `${INTRO}\n\nThe first sailing leaves at 6 a.m.\n`}
    }),
  })
})

describe('flags a lorem sentence inside English prose and removes only it (seeds 41-50)', () => {
  ruleTester('lorem-ipsum', {
    invalid: Array.from({length: 10}, (_, i) => i + 41).map((seed) => {
      faker.seed(seed)
      const sentence = faker.lorem.sentence({min: 6, max: 10})
      return filler(`seed ${seed}`, `${INTRO} ${sentence} Tickets go on sale next week.\n`, 1, `${sentence} `, INTRO.length + 2)
    }),
  })
})

const clean = [
  'The tax is, de facto, a levy on renters, and income per capita fell by 3 percent.',
  'Earlier studies (Smith et al., 2019) used an ad hoc sample of 40 schools.',
  'The school motto, Veritas vos liberabit, is carved above the door.',
  'Her curriculum vitae lists a video studio, a via ferrata guide and a terror-victims fund.',
  'He graduated magna cum laude and did pro bono work for the clinic, sui generis as ever.',
  'The state motto of Virginia is "Sic semper tyrannis," which visitors read on the seal.',
  'As Caesar wrote: "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani, tertiam qui ipsorum lingua Celtae, nostra Galli appellantur."',
  'The inscription reads "Dulce et decorum est pro patria mori", a line from Horace.',
  'The judge granted a writ of habeas corpus; the amicus curiae brief was filed in the interim.',
  'Tempus fugit, the clock face says, and the tour guide repeats it in three languages.',
  'The bus runs via the hospital, and the error in the timetable has been fixed.',
  '"Et tu, Brute?" is the line every actor dreads getting wrong.',
  'The Latin motto "Ars longa, vita brevis" hangs over the studio door.',
  'Quis custodiet ipsos custodes? The question is older than the police force it is asked about.',
  'The sum of the parts is greater than the whole, the creator of the video said.',
]

describe('leaves English with Latin tags, mottos and Latin quotations alone', () => {
  ruleTester('lorem-ipsum', {valid: clean.map((sentence) => ({name: sentence, text: `${INTRO}\n\n${sentence}\n`}))})
})

const classic = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.'
const latin = 'Tempora voluptatem accusamus saepe vero.'
const motto = `${INTRO}\n\nThe old Latin motto of the guild reads: "${latin}"\n`

describe('the classic passage, a pipe-separated field, and quoted Latin', () => {
  ruleTester('lorem-ipsum', {
    valid: [
      // Quoted and presented as a Latin motto it needs 8 words at 95%.
      {name: 'asks more of a quoted Latin passage than of filler', text: motto},
      // Real Latin verse stays far below even the plain bar.
      {name: 'leaves real Latin verse alone', text: `${INTRO}\n\nNunc est bibendum, nunc pede libero pulsanda tellus.\n`},
    ],
    invalid: [
      {...filler('flags the classic passage', `${INTRO}\n\n${classic}\n`, 3, `${classic}\n`), output: `${INTRO}\n`},
      filler('flags a lorem field inside a pipe-separated line', 'Name: Lia Schumm | Bio: Cohibeo aegre tempora voluptatem assumenda. | Phone: 555-0100\n', 1, 'Cohibeo aegre tempora voluptatem assumenda. '),
      {...filler('a bare paragraph of Latin is filler', `${INTRO}\n\n${latin}\n`, 3, `${latin}\n`), output: `${INTRO}\n`},
      {name: 'takes a quoted Latin passage with lower quotedMinWords and quotedMinShare', text: motto, options: {quotedMinWords: 4, quotedMinShare: 0.8}, messages: [{reason: REASON, line: 3, expected: ['']}]},
    ],
  })
})

describe('lorem-ipsum', () => {
  it('stays linear on hostile input', () => {
    const long = 'Bio: ' + 'voluptas '.repeat(200_000) + '\n' + '| '.repeat(200_000) + '\n' + 'a, b: '.repeat(100_000)
    const file = new VFile({value: long})
    const started = performance.now()
    loremIpsum()({type: 'RootNode', children: []} as never, file)
    expect(performance.now() - started).toBeLessThan(4000)
    expect(file.messages).toHaveLength(1)
  })

  const bodies = path.resolve(import.meta.dirname, '../../../shared/data/article-extraction-dev')
  it.skipIf(!existsSync(bodies))('says nothing on the 62 clean article bodies (skipped without ../shared/data)', async () => {
    const files = readdirSync(bodies).filter((name) => name.endsWith('.body.txt'))
    expect(files.length).toBeGreaterThan(50)
    for (const name of files) expect((await lintCase('lorem-ipsum', readFileSync(path.join(bodies, name), 'utf8')))[0].messages, name).toEqual([])
  })
})
