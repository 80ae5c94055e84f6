/**
 * caption-residue: photo credits, bylines and datelines that a scraper leaves
 * inside the article, where page-furniture (which only looks before and after
 * the article) does not reach.
 *
 * - A credit on its own line (`Photo: Getty Images`, `Credit: EPA`,
 *   `Photo by Jason Kempin/Getty Images`, `Christopher Tays Submitted photo`,
 *   `Michael Conroy, AP`, `(Image: © TNG Collaboration)`): remove the line.
 * - A credit at the end of a caption (`... autonomy (Image: GETTY )`,
 *   `... a rabbit Credit: Getty - Contributor`): keep the caption without it.
 * - A byline (`By Laura Mowat`, `By` over a name line, `Von ... publiziert am
 *   ...`), a dateline (`PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ...`,
 *   `Updated 3 hours ago`, `Nov. 19, 2019 8:03 am ET`) and the author's
 *   contact line beside them (`@handle`, `News reporter @handle`,
 *   `Write to Al Root at allen.root@dowjones.com`): remove the line.
 *
 * Token-level checks against the word lists of data/caption-residue.json: the
 * only regular expression splits a line at white space. Linear in the line.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, linesPlace, removalPlace, type Line} from './kit/text.js'
import data from './data/caption-residue.json' with {type: 'json'}

export const meta: RuleMeta = {
  id: 'caption-residue',
  description: 'photo credits (`Photo: Getty Images`, `(Image: PA)` after a caption) and bylines or datelines (`By Laura Mowat`, `PUBLISHED: 10:48 ...`) left inside the article',
  level: 'warn',
  fixable: true,
  options: {
    maxCreditWords: {
      type: 'integer',
      default: 10,
      min: 1,
      max: 30,
      description: 'the most words a credit may have after its label (`Photo:`, `Photo by`)',
    },
    bylines: {
      type: 'boolean',
      default: true,
      description: 'also report bylines, datelines and the author\'s contact lines',
    },
  },
}

interface Settings extends RuleOptions {
  maxCreditWords: number
  bylines: boolean
}

/** Lines longer than this are prose: never a credit, byline or dateline on their own. */
const MAX_LINE = 200
/** Captions longer than this are not looked at for a credit at their end. */
const MAX_CAPTION = 2000
/** The most words of a whole credit, byline or dateline line. */
const MAX_LINE_WORDS = 16

const phrases = (list: string[]) => list.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length)
const CREDIT_LABELS = phrases(data.creditLabels)
const BY_LABELS = phrases(data.byLabels)
const COURTESY = phrases(data.courtesy)
const CREDIT_SUFFIXES = phrases(data.creditSuffixes)
const BYLINE_LABELS = phrases(data.bylineLabels)
const DATELINE_LABELS = phrases(data.datelineLabels)
const CONTACT_LEADS = phrases(data.contactLeads)
const AGENCIES = new Set(data.agencies)
const PARTICLES = new Set(data.nameParticles)
const NOT_NAMES = new Set(data.notNames)
const ROLES = new Set(data.roles)
const MONTHS = new Set(data.months)
const WEEKDAYS = new Set(data.weekdays)
const TIME_WORDS = new Set(data.timeWords)
const TIME_ZONES = new Set(data.timeZones)

const OPENERS = new Set(['(', '[', '“', '"', "'", '‘', '«', '—', '–', '-', '|', '•', '·', '/'])
const CLOSERS = new Set([')', ']', ',', '.', ':', ';', '”', '"', "'", '’', '»', '!', '?', '|', '/', '—', '–', '-'])
const TERMINALS = new Set(['.', '!', '?', '…'])
const SEPARATORS = new Set(['|', '/', '-', '–', '—', '·', '•', ',', '&'])

interface Token {
  /** As written. */
  raw: string
  /** Lower case, without the punctuation around it. */
  bare: string
  start: number
  end: number
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u2009' || c === '\u202f'
}

function bare(raw: string): string {
  let from = 0
  let to = raw.length
  while (from < to && OPENERS.has(raw[from])) from++
  while (to > from && CLOSERS.has(raw[to - 1])) to--
  return raw.slice(from, to).toLowerCase()
}

/** The words of `text` from `from` to `to`, with their offsets. */
function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  let i = from
  while (i < to) {
    while (i < to && isSpace(text[i])) i++
    if (i >= to) break
    const start = i
    while (i < to && !isSpace(text[i])) i++
    const raw = text.slice(start, i)
    tokens.push({raw, bare: bare(raw), start, end: i})
  }
  return tokens
}

/** Length of the longest phrase of `list` at `tokens[i]`, or 0. */
function phraseAt(tokens: Token[], i: number, list: string[][]): number {
  for (const phrase of list) {
    if (i + phrase.length > tokens.length) continue
    let ok = true
    for (let k = 0; k < phrase.length && ok; k++) ok = tokens[i + k].bare === phrase[k]
    if (ok) return phrase.length
  }
  return 0
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase()
}

function firstLetter(raw: string): string | undefined {
  for (const c of raw) if (c.toLowerCase() !== c.toUpperCase()) return c
  return undefined
}

function hasDigit(raw: string): boolean {
  for (const c of raw) if (c >= '0' && c <= '9') return true
  return false
}

function endsSentence(raw: string): boolean {
  let i = raw.length
  while (i > 0 && (raw[i - 1] === '"' || raw[i - 1] === '”' || raw[i - 1] === "'" || raw[i - 1] === '’')) i--
  return i > 0 && TERMINALS.has(raw[i - 1])
}

/** An agency credit: `Getty Images`, `AFP/Getty Images`, `Reuters`, `AP Photo` (capitalised: `ePA` is an abbreviation). */
function isAgencyText(text: string): boolean {
  if (!isUpper(firstLetter(text))) return false
  const parts = text.toLowerCase().split('/')
  if (parts.length > 4) return false
  for (const part of parts) {
    const name = bare(part.trim())
    if (!AGENCIES.has(name)) return false
  }
  return true
}

/**
 * Where the credit's value starts when `tokens[i]` opens a credit (`Photo:`, `Image credit:`,
 * `Photo by`, `Courtesy of`, `©`), else -1.
 */
function creditValue(tokens: Token[], i: number): number {
  const label = phraseAt(tokens, i, CREDIT_LABELS)
  if (label > 0) {
    const last = tokens[i + label - 1].raw
    if (last.endsWith(':')) return i + label
    if (tokens[i + label]?.raw === ':') return i + label + 1
  }
  const by = phraseAt(tokens, i, BY_LABELS)
  // `by` written bare (`by:` or `by,` is no credit)
  if (by > 0 && tokens[i + by]?.raw.toLowerCase() === 'by') return i + by + 1
  const courtesy = phraseAt(tokens, i, COURTESY)
  if (courtesy > 0) return i + courtesy
  const raw = tokens[i]?.raw
  if (raw !== undefined && raw.startsWith('©') && isCopyrightCredit(tokens, i)) return raw.length === 1 ? i + 1 : i
  return -1
}

/**
 * `© REUTERS / POOL`, `© Martin Taylor`: a picture's owner. `© 2019 Sky UK`, `© Copyright Gannett`,
 * `© The Detroit News, a ... Newspaper`: the page's copyright line (page-furniture's business).
 */
function isCopyrightCredit(tokens: Token[], i: number): boolean {
  if (tokens.length - i > 6) return false
  for (let k = i; k < tokens.length; k++) {
    const raw = tokens[k].raw
    if (hasDigit(raw) || raw.endsWith(',') || tokens[k].bare === 'copyright' || tokens[k].bare === 'rights') return false
  }
  return true
}

/** A credit value: 1 to `max` words, not ending a sentence (an agency name may). */
function isCreditValue(tokens: Token[], from: number, to: number, max: number): boolean {
  const count = to - from
  if (count < 1 || count > max) return false
  const last = tokens[to - 1]
  return !endsSentence(last.raw) || AGENCIES.has(last.bare) || count <= 3
}

/** The credit inside a bracketed group (`Image: GETTY `, `Photo by X/Getty Images`, `SpaceX via Nasa`). */
function isCreditGroup(content: string, square: boolean, max: number): boolean {
  const tokens = tokenize(content)
  if (tokens.length === 0 || tokens.length > max + 3) return false
  const value = creditValue(tokens, 0)
  if (value >= 0) return isCreditValue(tokens, value, tokens.length, max + 2) || (value === 0 && tokens.length <= max)
  if (isAgencyText(content)) return true
  if (square && tokens.length <= 6) for (const token of tokens) if (token.raw === 'via') return true
  return false
}

/** A person's name (or an agency), one word after the other: `Laura Mowat`, `Sarah E. Needleman`, `Reuters`. */
function nameRun(tokens: Token[], from: number): number {
  let i = from
  while (i < tokens.length && i - from < 6) {
    const raw = tokens[i].raw
    const word = tokens[i].bare
    if (hasDigit(raw) || word === '') break
    if (i > from && PARTICLES.has(word) && raw === raw.toLowerCase()) {
      i++
      continue
    }
    if (!isUpper(raw[0])) break
    if (i === from && NOT_NAMES.has(word)) return 0
    i++
    if (raw.endsWith(',')) break
  }
  // a name does not end on a particle
  while (i > from && PARTICLES.has(tokens[i - 1].bare) && tokens[i - 1].raw === tokens[i - 1].raw.toLowerCase()) i--
  return i - from
}

/** A whole line that is a name (`Randy Maniloff`, `Sarah E. Needleman`). */
function isNameLine(tokens: Token[]): boolean {
  if (tokens.length < 2 || tokens.length > 5) return false
  const run = nameRun(tokens, 0)
  if (run !== tokens.length) return false
  const last = tokens[tokens.length - 1].raw
  return !endsSentence(last) && !last.endsWith(',')
}

/** A word of a date or time: a number, a month, a weekday, `am`, `ago`, a time zone, a separator. */
function isDateWord(token: Token): boolean {
  const word = token.bare
  if (word === '' || SEPARATORS.has(token.raw)) return true
  if (hasDigit(word)) {
    for (const c of word) if (!((c >= '0' && c <= '9') || c === ':' || c === '.' || c === '/' || c === '-' || c === ',' || c === 'h' || c === 'a' || c === 'p' || c === 'm')) return false
    return true
  }
  return MONTHS.has(word) || WEEKDAYS.has(word) || TIME_WORDS.has(word) || TIME_ZONES.has(word)
}

function isClock(word: string): boolean {
  const colon = word.indexOf(':')
  return colon > 0 && colon < word.length - 1 && hasDigit(word.slice(0, colon)) && hasDigit(word.slice(colon + 1))
}

/**
 * A dateline: `PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, ...`, `Updated 3 hours ago`,
 * or a bare time stamp with a clock (`Nov. 19, 2019 8:03 am ET`).
 */
function isDateline(tokens: Token[], afterName = false): boolean {
  // `(Published Monday, Nov. 18, 2019)` at the end of a story is an editor's note, not a dateline
  const lead = tokens[0].raw[0]
  if (!afterName && !isUpper(lead) && !hasDigit(lead)) return false
  let i = 0
  let labelled = false
  let dated = false
  let clock = false
  let calendar = false
  while (i < tokens.length) {
    const label = phraseAt(tokens, i, DATELINE_LABELS)
    if (label > 0 && (i === 0 || SEPARATORS.has(tokens[i - 1].raw) || tokens[i - 1].raw.endsWith(','))) {
      labelled = true
      i += label
      continue
    }
    const token = tokens[i]
    if (!isDateWord(token)) return false
    if (hasDigit(token.bare) || token.bare === 'ago' || token.bare === 'yesterday' || token.bare === 'today') dated = true
    if (isClock(token.bare)) clock = true
    if (MONTHS.has(token.bare) || WEEKDAYS.has(token.bare)) calendar = true
    i++
  }
  if (!labelled && firstLetter(tokens[0].raw) !== undefined && i > 0) {
    // a bare time stamp: a clock and a month or weekday
    return clock && calendar
  }
  return labelled ? dated : clock && calendar
}

/**
 * A byline: `By Laura Mowat`, `by Laura Winter`, `By Reuters`, `Von Moritz Bachmann publiziert am
 * 25. September 2018`, `By Laura Mowat | Political Reporter`. The words after `By` are a name,
 * not `the end of the year` or `2018, when`.
 */
function isByline(tokens: Token[]): boolean {
  const label = phraseAt(tokens, 0, BYLINE_LABELS)
  if (label === 0 || label >= tokens.length) return false
  if (tokens[label - 1].raw.endsWith(',')) return false
  const run = nameRun(tokens, label)
  if (run === 0) return false
  const after = label + run
  if (after === tokens.length) {
    if (endsSentence(tokens[after - 1].raw) && !(tokens[after - 1].raw.length <= 3)) return false
    return run >= 2 || AGENCIES.has(tokens[label].bare)
  }
  if (run < 2 && !AGENCIES.has(tokens[label].bare)) return false
  // what follows the name: a dateline, or a job title
  const rest = tokens.slice(after)
  const first = rest[0]
  if (phraseAt(rest, 0, DATELINE_LABELS) > 0 || SEPARATORS.has(first.raw)) {
    const tail = rest.slice(SEPARATORS.has(first.raw) ? 1 : 0)
    if (tail.length === 0) return false
    if (tail.every((token) => ROLES.has(token.bare))) return true
    return isDateline(tail, true)
  }
  if (tokens[after - 1].raw.endsWith(',')) return rest.every((token) => ROLES.has(token.bare))
  return false
}

/** `@saraheneedleman` (trailing punctuation aside). */
function isHandle(raw: string): boolean {
  let end = raw.length
  while (end > 1 && CLOSERS.has(raw[end - 1])) end--
  if (raw[0] !== '@' || end < 2) return false
  for (let i = 1; i < end; i++) {
    const c = raw[i]
    if (!(c === '_' || (c >= '0' && c <= '9') || c.toLowerCase() !== c.toUpperCase())) return false
  }
  return true
}

function isEmail(raw: string): boolean {
  const at = raw.indexOf('@')
  return at > 0 && raw.indexOf('.', at) > at + 1 && raw.lastIndexOf('@') === at
}

/** A contact line that says whose it is: `News reporter @TomGillespie1`, `Write to Al Root at a.root@x.com`. */
function isContactLine(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1]
  const address = isHandle(last.raw) || isEmail(last.bare)
  if (!address || tokens.length < 2) return false
  const lead = phraseAt(tokens, 0, CONTACT_LEADS)
  if (lead > 0) {
    const run = nameRun(tokens, lead)
    const rest = tokens.slice(lead + run, -1)
    return run >= 1 && rest.every((token) => token.bare === 'at' || token.bare === 'on' || token.bare === 'twitter' || token.bare === 'x' || token.bare === 'via')
  }
  if (isHandle(last.raw)) return tokens.slice(0, -1).every((token) => ROLES.has(token.bare))
  return false
}

/** A lone handle or address: residue only next to a byline or dateline. */
function isLoneAddress(tokens: Token[]): boolean {
  return tokens.length === 1 && (isHandle(tokens[0].raw) || isEmail(tokens[0].bare))
}

/** Where the agency after the last separator starts (`Michael Conroy, AP`, `X | Bloomberg | Getty Images`, `X via AP`), else -1. */
function agencyTail(text: string): number {
  let best = -1
  let separator = ''
  for (const candidate of [' | ', ', ', ' via ', ' / ']) {
    const at = text.lastIndexOf(candidate)
    if (at > best) {
      best = at
      separator = candidate
    }
  }
  if (best <= 0) return -1
  const tail = text.slice(best + separator.length).trim()
  if (!isAgencyText(tail)) return -1
  // `Allentown, PA` is a place: after a comma only a name of 3 letters or more, or AP
  if (separator === ', ' && tail.length < 3 && tail.toLowerCase() !== 'ap') return -1
  return best
}

/** The head of a credit line before its agency: names (`Natalie Naccache | Bloomberg`). */
function isNamesHead(tokens: Token[]): boolean {
  if (tokens.length === 0) return false
  for (const token of tokens) {
    if (SEPARATORS.has(token.raw) || token.raw === 'via') continue
    if (PARTICLES.has(token.bare) && token.raw === token.raw.toLowerCase()) continue
    if (token.bare === 'of' || token.bare === 'for' || token.bare === 'the') continue
    if (!isUpper(token.raw[0])) return false
  }
  return true
}

type Finding = {kind: 'credit' | 'byline' | 'dateline' | 'contact'; first: Line; last: Line} | {kind: 'caption'; first: Line; last: Line; credit: string; keep: string}

function wholeLineCredit(tokens: Token[], text: string, max: number): boolean {
  if (tokens.length > MAX_LINE_WORDS) return false
  const first = text[0]
  const lastChar = text[text.length - 1]
  if ((first === '(' && lastChar === ')') || (first === '[' && lastChar === ']')) {
    return isCreditGroup(text.slice(1, -1), first === '[', max)
  }
  const value = creditValue(tokens, 0)
  if (value > 0 && isCreditValue(tokens, value, tokens.length, max)) return true
  if (value === 0 && tokens.length <= max && !endsSentence(text)) return true
  for (const suffix of CREDIT_SUFFIXES) {
    const from = tokens.length - suffix.length
    if (from < 0 || from > 5 || endsSentence(text) && !text.endsWith('photo.')) continue
    let ok = true
    for (let k = 0; k < suffix.length && ok; k++) ok = tokens[from + k].bare === suffix[k]
    if (ok && (from === 0 ? suffix.length > 1 : isNamesHead(tokens.slice(0, from)))) return true
  }
  if (tokens.length <= 10 && !endsSentence(text)) {
    const at = agencyTail(text)
    if (at > 0 && isNamesHead(tokenize(text, 0, at))) return true
  }
  return false
}

/** A credit at the end of a caption: where it starts, or -1. `tokens` are the line's when already split (a caption too long for a credit line of its own is split only if it gets this far). */
function trailingCredit(text: string, max: number, tokens?: Token[]): number {
  const lastChar = text[text.length - 1]
  if (lastChar === ')' || lastChar === ']') {
    const open = lastChar === ')' ? '(' : '['
    let depth = 0
    for (let i = text.length - 1; i >= 0 && text.length - i < 300; i--) {
      if (text[i] === lastChar) depth++
      else if (text[i] === open) {
        depth--
        if (depth === 0) {
          if (i === 0) return -1
          return isCreditGroup(text.slice(i + 1, -1), open === '[', max) ? i : -1
        }
      }
    }
    return -1
  }
  // `... a rabbit Credit: Getty - Contributor`, `... earnings. Photograph by Robyn Beck/AFP/Getty Images`
  if (endsSentence(text)) return -1
  tokens ??= tokenize(text)
  for (let j = Math.max(3, tokens.length - max - 4); j < tokens.length; j++) {
    if (!isUpper(tokens[j].raw[0])) continue
    const value = creditValue(tokens, j)
    if (value <= j) continue
    const labelled = tokens[value - 1].raw.endsWith(':') || tokens[value - 1].raw === ':'
    if (!labelled && !endsSentence(tokens[j - 1].raw)) continue
    if (isCreditValue(tokens, value, tokens.length, max)) return tokens[j].start
  }
  return -1
}

function shorten(text: string): string {
  return text.length <= 80 ? text : text.slice(0, 77) + '...'
}

export default function captionResidue(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const lines = getLines(file)
    const findings: Finding[] = []
    const bylineAt = new Set<number>()
    const lone: number[] = []
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n]
      const text = line.text.trim()
      if (text.length === 0 || text.length > MAX_CAPTION) continue
      // most lines are prose, too long for a credit, byline or dateline of their own: only their end is looked at
      const tokens = text.length <= MAX_LINE ? tokenize(text) : undefined
      if (tokens && wholeLineCredit(tokens, text, settings.maxCreditWords)) {
        findings.push({kind: 'credit', first: line, last: line})
        continue
      }
      if (settings.bylines && tokens && tokens.length <= MAX_LINE_WORDS) {
        if (tokens.length === 1 && phraseAt(tokens, 0, BYLINE_LABELS) === 1 && isUpper(text[0])) {
          // `By` over the author's name
          let next = n + 1
          while (next < lines.length && next - n <= 2 && lines[next].text.trim() === '') next++
          const name = lines[next] ? tokenize(lines[next].text) : []
          const last = lines[next] && isNameLine(name) ? lines[next] : line
          findings.push({kind: 'byline', first: line, last})
          for (let k = n; k <= last.line - 1; k++) bylineAt.add(k)
          n = last.line - 1
          continue
        }
        if (isByline(tokens)) {
          findings.push({kind: 'byline', first: line, last: line})
          bylineAt.add(n)
          continue
        }
        if (isDateline(tokens)) {
          findings.push({kind: 'dateline', first: line, last: line})
          bylineAt.add(n)
          continue
        }
        if (isContactLine(tokens)) {
          findings.push({kind: 'contact', first: line, last: line})
          bylineAt.add(n)
          continue
        }
        if (isLoneAddress(tokens)) {
          lone.push(n)
          continue
        }
      }
      const at = trailingCredit(text, settings.maxCreditWords, tokens)
      if (at > 0) {
        const keep = text.slice(0, at).trimEnd()
        if (tokenize(keep).length >= 3) {
          const lead = line.text.length - line.text.trimStart().length
          findings.push({kind: 'caption', first: line, last: line, credit: text.slice(at).trim(), keep: line.text.slice(0, lead) + keep})
        }
      }
    }
    // a lone `@handle` or address within three non-blank lines of a byline or dateline (or of another such address)
    const near = (n: number) => {
      for (const direction of [-1, 1]) {
        let seen = 0
        for (let k = n + direction; k >= 0 && k < lines.length && seen < 3; k += direction) {
          if (lines[k].text.trim() === '') continue
          seen++
          if (bylineAt.has(k)) return true
        }
      }
      return false
    }
    // One sweep down and one up reach every address of a chain of them (each within three lines of the next):
    // a sweep per address found is quadratic on a long list of handles.
    const found = new Set<number>()
    for (const order of [lone, [...lone].reverse()]) {
      for (const n of order) {
        if (!found.has(n) && near(n)) {
          found.add(n)
          bylineAt.add(n)
        }
      }
    }
    for (const n of lone) if (found.has(n)) findings.push({kind: 'contact', first: lines[n], last: lines[n]})
    findings.sort((a, b) => a.first.start - b.first.start)
    for (const finding of findings) reportFinding(file, finding)
  }
}

const WHAT = {
  credit: ['Photo credit', 'the credit of a picture the scraper dropped', 'A credit names who took or owns a picture; without the picture it is residue of the page. Remove the line.'],
  byline: ['Byline', 'the author line between the title and the article', 'The author belongs in the metadata, not in the article text. Remove the line.'],
  dateline: ['Dateline', 'the publication or update time between the title and the article', 'The date belongs in the metadata, not in the article text. Remove the line.'],
  contact: ["Author's contact", "the author's handle or address from the byline box", 'The author box belongs in the metadata, not in the article text. Remove the line.'],
} as const

function reportFinding(file: VFile, finding: Finding) {
  if (finding.kind === 'caption') {
    report(file, meta, `Photo credit \`${shorten(finding.credit)}\` at the end of a caption: the picture's credit, left in the text by the scraper`, {
      place: linesPlace(file, finding.first),
      note: 'A credit names who took or owns a picture; it is no part of the caption\'s sentence. Keep the caption without it (or remove the caption too when the picture is gone).',
      actual: finding.first.text,
      expected: [finding.keep],
    })
    return
  }
  const [label, what, note] = WHAT[finding.kind]
  const place = removalPlace(file, finding.first, finding.last)
  const actual = String(file).slice(place.start.offset!, place.end.offset!)
  const shown = finding.first === finding.last ? finding.first.text.trim() : actual.trim().split(/\s+/u).join(' ')
  report(file, meta, `${label} \`${shorten(shown)}\` on its own line: ${what}, left in the text by the scraper`, {
    place,
    note,
    actual,
    expected: [''],
  })
}
