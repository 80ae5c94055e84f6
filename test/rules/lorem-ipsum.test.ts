import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fakerEN as faker} from '@faker-js/faker'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import loremIpsum from '../../rules/lorem-ipsum.js'

function lint(text: string, options?: Record<string, unknown>): VFileMessage[] {
  const processor = unified().use(retextEnglish).use(loremIpsum, options)
  const file = new VFile({value: text})
  processor.runSync(processor.parse(file), file)
  return file.messages
}

const REASON = /^Lorem-ipsum filler: \d+ of \d+ words are placeholder Latin; a template or fake-data generator left it in place of real text$/

function expectOne(text: string, line: number) {
  const messages = lint(text)
  expect(messages).toHaveLength(1)
  const message = messages[0]!
  expect(message.ruleId).toBe('lorem-ipsum')
  expect(message.reason).toMatch(REASON)
  expect(message.place).toMatchObject({start: {line}})
  expect(message.expected).toEqual([''])
  return message
}

const INTRO = 'The harbour authority approved the new ferry timetable on Monday.'

describe('lorem-ipsum', () => {
  it('finds the seed bios (lines 81, 89, 97, 105) and removes each whole field line', () => {
    const text = readFileSync(new URL('../../seeds/000_b5ec2ec2e0fda784.txt', import.meta.url), 'utf8')
    const messages = lint(text)
    expect(messages.map((message) => message.place && 'start' in message.place && message.place.start.line)).toEqual([81, 89, 97, 105])
    const lines = text.split('\n')
    expect(messages[0]!.actual).toBe(lines[80] + '\n')
    expect(messages[0]!.place).toMatchObject({start: {line: 81, column: 1}, end: {line: 82, column: 1}})
    expect(messages[0]!.note).toMatch(/^lorem words: Nisi, tempora, voluptates, voluptatum, assumenda, Odit, illum, repudiandae, \.\.\. \(share 100%/)
  })

  describe('flags faker lorem as a bio line (seeds 1-20)', () => {
    it.each(Array.from({length: 20}, (_, i) => i + 1))('seed %i', (seed) => {
      faker.seed(seed)
      const bio = faker.lorem.sentences({min: 1, max: 3})
      const text = `${INTRO}\n\n  • Bio : ${bio}\n`
      const message = expectOne(text, 3)
      expect(message.actual).toBe(`  • Bio : ${bio}\n`)
    })
  })

  describe('flags faker lorem as a caption or a paragraph (seeds 21-35)', () => {
    it.each(Array.from({length: 15}, (_, i) => i + 21))('seed %i', (seed) => {
      faker.seed(seed)
      const paragraph = seed % 2 ? faker.lorem.paragraph() : `Photo: ${faker.lorem.sentence({min: 5, max: 9})}`
      const text = `${INTRO}\n\n${paragraph}\n\nThe first sailing leaves at 6 a.m.\n`
      const message = expectOne(text, 3)
      expect(message.actual).toBe(`${paragraph}\n`)
    })
  })

  describe('flags a lorem sentence inside English prose and removes only it (seeds 41-50)', () => {
    it.each(Array.from({length: 10}, (_, i) => i + 41))('seed %i', (seed) => {
      faker.seed(seed)
      const filler = faker.lorem.sentence({min: 6, max: 10})
      const text = `${INTRO} ${filler} Tickets go on sale next week.\n`
      const message = expectOne(text, 1)
      expect(message.actual).toBe(`${filler} `)
      expect(message.place).toMatchObject({start: {line: 1, column: INTRO.length + 2}})
    })
  })

  it('flags the classic passage', () => {
    const text = `${INTRO}\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n`
    expectOne(text, 3)
  })

  it('flags a lorem field inside a pipe-separated line', () => {
    const text = 'Name: Lia Schumm | Bio: Cohibeo aegre tempora voluptatem assumenda. | Phone: 555-0100\n'
    const message = expectOne(text, 1)
    expect(message.actual).toBe('Cohibeo aegre tempora voluptatem assumenda. ')
  })

  describe('leaves English with Latin tags, mottos and Latin quotations alone', () => {
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
    it.each(clean)('%s', (sentence) => {
      expect(lint(`${INTRO}\n\n${sentence}\n`)).toEqual([])
    })
  })

  it('asks more of a quoted Latin passage than of filler', () => {
    const latin = 'Tempora voluptatem accusamus saepe vero.'
    // A bare paragraph of it is filler; quoted and presented as a Latin motto it needs 8 words at 95%.
    expect(lint(`${INTRO}\n\n${latin}\n`)).toHaveLength(1)
    expect(lint(`${INTRO}\n\nThe old Latin motto of the guild reads: "${latin}"\n`)).toEqual([])
    expect(lint(`${INTRO}\n\nThe old Latin motto of the guild reads: "${latin}"\n`, {quotedMinWords: 4, quotedMinShare: 0.8})).toHaveLength(1)
    // Real Latin verse stays far below even the plain bar.
    expect(lint(`${INTRO}\n\nNunc est bibendum, nunc pede libero pulsanda tellus.\n`)).toEqual([])
  })

  it('stays linear on hostile input', () => {
    const long = 'Bio: ' + 'voluptas '.repeat(200_000) + '\n' + '| '.repeat(200_000) + '\n' + 'a, b: '.repeat(100_000)
    const file = new VFile({value: long})
    const started = performance.now()
    loremIpsum()({type: 'RootNode', children: []} as never, file)
    expect(performance.now() - started).toBeLessThan(4000)
    expect(file.messages).toHaveLength(1)
  })

  const bodies = path.resolve(import.meta.dirname, '../../../shared/data/article-extraction-dev')
  it.skipIf(!existsSync(bodies))('says nothing on the 62 clean article bodies (skipped without ../shared/data)', () => {
    const files = readdirSync(bodies).filter((name) => name.endsWith('.body.txt'))
    expect(files.length).toBeGreaterThan(50)
    for (const name of files) expect(lint(readFileSync(path.join(bodies, name), 'utf8')), name).toEqual([])
  })
})
