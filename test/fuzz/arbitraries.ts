/**
 * fast-check generators for hostile and article-like text, and the properties every message must
 * keep. Shared by the fuzz tests of the rules (each on its own) and of the whole pipeline.
 *
 * Runs are seeded (`FC_SEED`, default below) and bounded (`FC_RUNS` scales the number of runs), so a
 * CI failure replays exactly: fast-check's error names the seed and the path of the counterexample.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'

export const root = path.resolve(import.meta.dirname, '..', '..')

/** The seed of every property; `FC_SEED=<n>` replays another. */
export const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_250_611
/** Multiplies every property's number of runs (`FC_RUNS=10` for a long local session). */
const scale = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 1

/** Parameters for `fc.assert`: the fixed seed, `runs` runs (scaled), and the seed in the failure. */
export function params(runs: number): fc.Parameters<unknown> {
  // FC_SHRINK=0 reports the first failure as found (shrinking a slow pipeline property can take minutes).
  return {seed, numRuns: Math.max(1, Math.round(runs * scale)), verbose: 1, endOnFailure: process.env.FC_SHRINK === '0'}
}

// ---------------------------------------------------------------- characters

/** Characters that break naive text handling: astral, combining, RTL, zero-width, NUL, lone surrogates, odd line ends. */
export const HOSTILE = [
  '\u0000', '\u0001', '\u0007', '\u001B', '\u007F',
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD',
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202E', '\u2066', '\u2069',
  '\u0301', '\u0308', '\u20DD', 'e\u0301\u0302\u0303', 'Z\u0351\u0363\u036B\u0364',
  '\uD83D\uDE00', '\uD83D\uDC69\u200D\uD83D\uDCBB', '\uD835\uDC00', '\uD800', '\uDFFF', '\uDC00\uD800', '\uD83D',
  '\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627', '\u0627\u0644\u0633\u0644\u0627\u0645',
  '\u4E2D\u6587', '\u3002', '\uFF1A', '\u0130', '\u00DF', '\uFB01', '\u1E9E',
  '\r', '\r\n', '\n', '\t', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029', '\u00A0', '\u3000', '\u2009',
  '"', "'", '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '\u201E', '\u2039', '\u203A', '`',
  '[', ']', '(', ')', '{', '}', '<', '>', '*', '#', '|', ':', ';', '.', ',', '!', '?', '-', '\u2013', '\u2014', '\u2026', '\uFFFD',
]

/** One hostile character or one any-code-point character (lone surrogates included). */
export const hostileChar = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...HOSTILE)},
  {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 1})},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 1})},
)

/** A string of hostile characters and plain words. */
export const hostileText = fc
  .array(fc.oneof({weight: 2, arbitrary: hostileChar}, {weight: 1, arbitrary: fc.constantFrom('the', 'Said', 'Iran', 'lorem', 'ipsum', ' ', ' ', 'A', '1', 'Name')}), {maxLength: 120})
  .map((parts) => parts.join(''))

// ---------------------------------------------------------------- article-like lines

function seedLines(): string[] {
  const folder = path.join(root, 'seeds')
  const lines: string[] = []
  for (const name of fs.readdirSync(folder).sort()) {
    if (!name.endsWith('.txt')) continue
    for (const line of fs.readFileSync(path.join(folder, name), 'utf8').split('\n')) if (line.trim() !== '') lines.push(line.length > 600 ? line.slice(0, 600) : line)
  }
  return lines
}

/** Lines of the two seed articles (long paragraphs cut at 600 characters): every rule fires on some. */
export const SEED_LINES = seedLines()

const WORDS = ['Iran', 'Russia', 'government', 'signed', 'the', 'a', 'defense', 'pact', 'drones', 'war', 'said', 'will', 'not', 'Moscow', 'Tehran', 'officials', 'agreement', 'was', 'had', 'new', 'Data', 'Kalimat', 'river', 'council', 'budget', 'approved', 'rejected', 'mayor', 'resigned']
const LOREM = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'voluptatem', 'quia', 'nisi', 'tempora', 'odit', 'illum', 'mollitia']
const LABELS = ['Name', 'Username', 'Email', 'Birthdate', 'Address', 'Phone', 'Company', 'Job', 'Bio', 'url', 'followers', 'following', 'username', 'bio']
const CONTENTS = ['Table of Contents', 'Contents', 'In this article', 'Jump to section', 'On this page']

const word = fc.constantFrom(...WORDS)
const titleWord = word.map((w) => w[0]!.toUpperCase() + w.slice(1))
const sentence = fc.array(word, {minLength: 3, maxLength: 14}).map((ws) => ws.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.')
const headline = fc.array(titleWord, {minLength: 3, maxLength: 10}).map((ws) => ws.join(' '))

const AUTHOR_FIELDS = [
  '  • Name : Timmy Blanda', '  • Username : becker.adrianna', '  • Email : bkunde@gmail.com', '  • Birthdate : 1984-05-09',
  '  • Address : 171 Krajcik Valleys Shyannemouth, TX 53765', '  • Phone : 956-413-1623', '  • Company : McCullough, Labadie and Langworth',
  '  • Job : Coating Machine Operator', '  • Bio : Nisi tempora voluptates voluptatum assumenda. Odit illum repudiandae mollitia.',
  '  • url : https://twitter.com/jacey_wunsch', '  • followers : 1929', '  • following : 2442',
]
/** A faker author block (several lines), some fields left out. */
const authorBlock = fc
  .tuple(fc.constantFrom('Detail Author:\n\n', 'About the author\n', ''), fc.subarray(AUTHOR_FIELDS, {minLength: 3}), fc.constantFrom('\n', '\n\n'))
  .map(([head, fields, eol]) => head + fields.join(eol))

/** Lines that look like a scraped article's, built so that rules fire on them. */
export const articleLine: fc.Arbitrary<string> = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...SEED_LINES)},
  {weight: 2, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 5}).map((s) => s.join(' '))},
  {weight: 2, arbitrary: headline},
  {weight: 1, arbitrary: fc.tuple(headline, fc.constantFrom(' | The Daily Caller', ' - Reuters', '', ' ...')).map(([h, site]) => h + site)},
  {weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '  • ', '- ', '* '), fc.constantFrom(...LABELS), fc.constantFrom(' : ', ': ', ':', ' - '), fc.oneof(headline, fc.array(fc.constantFrom(...LOREM), {minLength: 1, maxLength: 9}).map((w) => w.join(' ') + '.'), fc.constantFrom('jacey_wunsch', 'bkunde@gmail.com', '956-413-1623', '1984-05-09', 'https://twitter.com/jwunsch', '1929', 'McCullough, Labadie and Langworth', '171 Krajcik Valleys Shyannemouth, TX 53765'))).map((parts) => parts.join(''))},
  {weight: 2, arbitrary: fc.tuple(sentence, fc.constantFrom('"', '\u201C', "'"), sentence, fc.constantFrom('"', '\u201D', "'", '')).map(([a, open, b, close]) => `${a.slice(0, -1)}, ${open}${b.slice(0, -1)}${close} ${a}`)},
  {weight: 1, arbitrary: fc.tuple(sentence, fc.array(fc.integer({min: 1, max: 40}), {minLength: 1, maxLength: 4})).map(([s, ns]) => s.slice(0, -1) + ' ' + ns.map((n) => `[${n}]`).join(' ') + '.')},
  {weight: 1, arbitrary: fc.constantFrom('***', '* * *', '---', '___', '###', '==========', '**', '~~~')},
  {weight: 1, arbitrary: fc.tuple(sentence, fc.constantFrom(' ***', '***', ' * * *', ' ---')).map(([s, mark]) => s + mark)},
  {weight: 1, arbitrary: authorBlock},
  {weight: 1, arbitrary: fc.constantFrom(...CONTENTS)},
  {weight: 1, arbitrary: fc.tuple(sentence, headline).map(([s, h]) => s + h + ': ' + h)},
  {weight: 1, arbitrary: fc.constantFrom('Detail Author:', 'Socials', 'twitter:', 'instagram:', 'Share this article', 'We invite you to share your thoughts in the comments section below!', "Don't forget to share this article with your friends.", 'What are your thoughts? Let us know in the comments below!', 'References', 'Read more:', 'Related Articles')},
  {weight: 1, arbitrary: fc.array(fc.constantFrom(...LOREM), {minLength: 4, maxLength: 20}).map((w) => w.join(' ') + '.')},
  // leaked template text
  {weight: 1, arbitrary: fc.tuple(sentence, fc.constantFrom('{{author_name}}', '%s', '[object Object]', 'NaN', '[INSERT KEYWORD]', '{0}')).map(([s, leak]) => s.slice(0, -1) + ' ' + leak + '.')},
  // caption credits, bylines and datelines
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom('Photo: ', 'Credit: ', 'Image: ', 'By ', 'Photo by ', ''), fc.constantFrom('Getty Images', 'Reuters', 'Laura Mowat', 'AP Photo/Jane Doe', 'PUBLISHED: 10:48, 12 March 2019 | UPDATED: 11:02, 12 March 2019'), fc.constantFrom('', ' (Image: GETTY)', ' Credit: EPA')).map((parts) => parts.join(''))},
  {weight: 1, arbitrary: fc.constant('')},
)

/** An article line with hostile characters spliced in at random places. */
const mutatedLine = fc.tuple(articleLine, fc.array(fc.tuple(fc.nat(), hostileChar), {maxLength: 6})).map(([line, inserts]) => {
  let result = line
  for (const [at, char] of inserts) {
    const index = result.length === 0 ? 0 : at % (result.length + 1)
    result = result.slice(0, index) + char + result.slice(index)
  }
  return result
})

/** Runs of one character that parsers and regexes struggle with. */
export const deepRun = fc
  .tuple(fc.constantFrom('"', '\u201C', '\u201D', "'", '[', ']', '(', '[[', '][', '("', 'a.', '. ', ':', ' ', '*', '-', '!', '?', '\u0301', '\uD83D\uDE00', '\u200B', '|', '#'), fc.integer({min: 1, max: 400}))
  .map(([unit, count]) => unit.repeat(count))

/** A line for a fuzzed document: mostly article-like, some mutated, some hostile. */
export const fuzzLine: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: articleLine},
  {weight: 3, arbitrary: mutatedLine},
  {weight: 1, arbitrary: hostileText},
  {weight: 1, arbitrary: deepRun},
)

/**
 * A document: lines joined by `\n` (sometimes `\r\n` or blank lines), sometimes with a trailing
 * newline; some lines are repeated elsewhere in it (spun text, repeated headlines).
 */
export const fuzzDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(fuzzLine, {maxLength: 30}), fc.array(fc.tuple(fc.nat(), fc.nat()), {maxLength: 3}), fc.constantFrom('\n', '\n', '\n\n', '\r\n'), fc.boolean())
  .map(([lines, repeats, eol, trailing]) => {
    for (const [from, to] of repeats) if (lines.length > 0) lines.splice(to % (lines.length + 1), 0, lines[from % lines.length]!)
    return lines.join(eol) + (trailing ? eol : '')
  })

/** Several documents that share some lines, so the corpus rules (shared boilerplate, contradiction) have work. */
export const fuzzCorpus: fc.Arbitrary<string[]> = fc
  .tuple(fc.array(articleLine, {minLength: 1, maxLength: 6}), fc.array(fc.tuple(fc.array(fuzzLine, {maxLength: 14}), fc.array(fc.nat(), {maxLength: 6})), {minLength: 2, maxLength: 4}))
  .map(([shared, docs]) =>
    docs.map(([own, picks]) => {
      const lines = [...own]
      for (const pick of picks) lines.splice(pick % (lines.length + 1), 0, shared[pick % shared.length]!)
      return lines.join('\n')
    }),
  )

// ---------------------------------------------------------------- properties

export interface Problem {
  message: string
  problem: string
}

/**
 * Whatever is wrong with `messages` as messages on `text`: each place inside the text, offsets that
 * match line/column (by vfile-location), a range that does not end before it starts, and an
 * `expected` that applies: a range with offsets, and `actual` equal to the text it replaces.
 */
export function checkMessages(text: string, messages: VFileMessage[]): Problem[] {
  const place = location(text)
  const problems: Problem[] = []
  for (const message of messages) {
    const name = `${message.ruleId ?? '?'} ${message.line}:${message.column} ${JSON.stringify(message.reason.slice(0, 100))}`
    const fail = (problem: string) => problems.push({message: name, problem})
    if (message.ruleId === 'internal-error') fail('a rule or the parser threw: ' + message.reason)
    const where = message.place
    const points = !where ? [] : 'start' in where ? [where.start, where.end] : [where]
    const offsets: number[] = []
    for (const point of points) {
      if (!point || typeof point.line !== 'number' || typeof point.column !== 'number') {
        fail(`a point without line/column: ${JSON.stringify(point)}`)
        continue
      }
      const offset = place.toOffset(point)
      if (offset === undefined) {
        fail(`${point.line}:${point.column} is not a place in the text (${text.length} characters)`)
        continue
      }
      if (point.offset !== undefined && point.offset !== offset) fail(`offset ${point.offset} but ${point.line}:${point.column} is offset ${offset}`)
      offsets.push(point.offset ?? offset)
    }
    if (offsets.length === 2 && offsets[1]! < offsets[0]!) fail(`range ends (${offsets[1]}) before it starts (${offsets[0]})`)
    if (where && 'start' in where && message.line !== where.start.line) fail(`message.line ${message.line} is not its start line ${where.start.line}`)
    if (message.expected !== undefined && message.expected !== null) {
      if (!Array.isArray(message.expected) || !message.expected.every((item) => typeof item === 'string')) fail('expected is not a list of strings')
      if (!where || !('start' in where) || where.start.offset === undefined || where.end.offset === undefined) {
        fail('a fix (expected) on a place without a start and end offset cannot be applied')
      } else if (message.actual !== undefined && message.actual !== null) {
        const slice = text.slice(where.start.offset, where.end.offset)
        if (slice !== message.actual) fail(`actual ${JSON.stringify(message.actual.slice(0, 80))} is not the text at its place ${JSON.stringify(slice.slice(0, 80))}`)
      }
    }
  }
  return problems
}

/** What of a message is compared between two runs. */
export function snapshot(messages: VFileMessage[]) {
  return messages.map((m) => ({
    ruleId: m.ruleId,
    reason: m.reason,
    place: m.place ? JSON.parse(JSON.stringify(m.place)) : undefined,
    actual: m.actual,
    expected: m.expected,
    fatal: m.fatal,
    note: m.note,
  }))
}

/** Short view of a text for a failure message. */
export function show(text: string): string {
  return JSON.stringify(text.length > 400 ? text.slice(0, 400) + `… (${text.length} characters)` : text)
}

export type {VFile}
