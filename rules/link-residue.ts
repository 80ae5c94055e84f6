/**
 * link-residue: related-article headlines and navigation lines that a
 * scraper left around (or glued onto) the article.
 *
 * A boilerplate detector's signals, per line: shape (word count, no sentence
 * punctuation, Title Case), separators (`Headline | Publisher`), link labels
 * (`Also Read:`, `Related Posts`), repetition, position (after the article's
 * last paragraph), neighbours (a run of such lines) and clickbait cues
 * (Chakraborty et al. 2016). A line is reported when its evidence adds up to
 * `minScore`; a line directly followed by a paragraph is a section heading
 * (whatever its words when the Markdown or HTML marks it as one), and the
 * article's own `See also` over names of topics is its appendix. Data tables
 * rendered as text (label/value rows, league tables, timetables, price and
 * ingredient lists: runs of rows with figures) are content, like paragraphs.
 * Everything is token and string logic, linear in the document.
 */
import type {Root} from 'nlcst'
import {tagMany} from './kit/nlp.js'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, removalPlace, toPlace, type Line} from './kit/text.js'
import type {LayoutLine} from './kit/layout.js'
import {APPENDIX_HEADINGS} from './kit/english.js'
import data from './data/link-residue.json' with {type: 'json'}

export const meta: RuleMeta = {
  id: 'link-residue',
  description: 'stranded related-article headlines and navigation lines (`Headline | Publisher`, `Also Read: ...`, menus) left in the text',
  level: 'warn',
  fixable: true,
  options: {
    minScore: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 10,
      description: 'evidence a title-like line needs to be reported (publisher suffix 2, link label 3, repetition, position after the article, neighbours, Title Case, clickbait cue, cut-off ending 1 each; a following paragraph -3)',
    },
    minNavRun: {
      type: 'integer',
      default: 5,
      min: 2,
      max: 100,
      description: 'how many one-to-four-word lines in a row (a menu, a share bar) make a navigation block',
    },
  },
}

interface Settings extends RuleOptions {
  minScore: number
  minNavRun: number
}

const LABELS = new Set(data.labels)
const AD_LABELS = new Set(data.adLabels)
const HYPERBOLIC = new Set(data.hyperbolicWords)
const PHRASES = new Set(data.clickbaitPhrases)
const PHRASE_MAX = Math.max(...data.clickbaitPhrases.map((phrase) => phrase.split(' ').length))
const SMALL = new Set(data.smallWords)
const CUT_OFF = new Set(data.cutOffEndings)
const LABEL_MAX = Math.max(...data.labels.map((label) => label.split(' ').length))
const APPENDIX = new Set(APPENDIX_HEADINGS)

/** Longest line looked at as a possible headline; longer lines are prose or data. */
const MAX_TITLE_CHARS = 200
const MAX_TITLE_WORDS = 24
/** How far back from the end of a paragraph a glued headline is looked for. */
const GLUED_WINDOW = 300

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_'])
const TERMINALS = new Set(['.', '!', '?', '…'])
const SEPARATORS = [' | ', ' » ', ' :: ', ' - ', ' – ', ' — ', ' · ']

type Kind = 'blank' | 'prose' | 'title' | 'nav' | 'other' | 'data'

interface Info {
  line: Line
  /** Trimmed text without a list bullet. */
  text: string
  words: string[]
  kind: Kind
  bulleted: boolean
  /** Followed by a paragraph: a section heading (set after classification). */
  heading?: boolean
  /** Marked up as a heading (Markdown, HTML) and followed by a paragraph that is not a link: a section heading whatever its words. */
  markedHeading?: boolean
  /** A row of a data table (a run of label/value rows or rows of figures): article content, like prose. */
  table?: boolean
}

export default function linkResidue(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const infos = getLines(file).map(classify)
    markTables(infos)
    const links = linkLines(file)
    const headings = headingLines(file)
    // From the end, carrying the next non-blank line: a scan per line is quadratic on a long run of blank lines.
    let next: Info | undefined
    for (let i = infos.length - 1; i >= 0; i--) {
      // over a paragraph or a data table (`Test car details` over its spec rows): a heading or a caption
      infos[i].heading = next?.kind === 'prose' || next?.table === true
      infos[i].markedHeading = next !== undefined && infos[i].heading && headings.has(infos[i].line.line) && !links.has(next.line.line)
      if (infos[i].kind !== 'blank') next = infos[i]
    }
    const flagged = new Map<number, string[]>()
    checkTitles(infos, settings, flagged, links)
    checkNavRuns(infos, settings, flagged)
    checkAdLabels(infos, flagged)
    reportBlocks(file, infos, flagged)
    checkGluedTails(file, infos)
  }
}

// ---------------------------------------------------------------- lines

function classify(line: Line): Info {
  let text = line.text.trim()
  if (text.length === 0) return {line, text, words: [], kind: 'blank', bulleted: false}
  let bulleted = false
  const bullet = bulletLength(text)
  if (bullet > 0) {
    text = text.slice(bullet).trimStart()
    bulleted = true
  }
  if (text.length > MAX_TITLE_CHARS * 4) return {line, text, words: [], kind: 'prose', bulleted}
  const words = text.split(/\s+/)
  const ends = endsSentence(text)
  const breaks = hasSentenceBreak(text)
  if ((words.length >= 8 && (ends || breaks)) || words.length >= 25) return {line, text, words, kind: 'prose', bulleted}
  if (isContentsHeading(text) || text.includes(' : ') || text.endsWith(':')) return {line, text, words, kind: 'other', bulleted}
  if (isTitleShape(text, words, ends, breaks)) return {line, text, words, kind: 'title', bulleted}
  if (isNavShape(text, words)) return {line, text, words, kind: 'nav', bulleted}
  return {line, text, words, kind: 'other', bulleted}
}

/** `- `, `• `, `* `, `1. `, `12) ` at the start of a line. */
function bulletLength(text: string): number {
  const first = text[0]
  if ((first === '-' || first === '•' || first === '*' || first === '·' || first === '–') && text[1] === ' ') return 2
  let i = 0
  while (i < text.length && i < 3 && text[i] >= '0' && text[i] <= '9') i++
  if (i > 0 && (text[i] === '.' || text[i] === ')') && text[i + 1] === ' ') return i + 2
  return 0
}

function stripClosers(text: string): string {
  let end = text.length
  while (end > 0 && CLOSERS.has(text[end - 1])) end--
  return text.slice(0, end)
}

function endsSentence(text: string): boolean {
  const core = stripClosers(text)
  return core.length > 0 && TERMINALS.has(core[core.length - 1])
}

/** Whether `.`/`!`/`?` followed by a capital starts a new sentence at `i` (the punctuation). */
function isBreakAt(text: string, i: number): boolean {
  if (!TERMINALS.has(text[i])) return false
  let j = i + 1
  while (j < text.length && CLOSERS.has(text[j])) j++
  if (text[j] !== ' ') return false
  j++
  while (j < text.length && (text[j] === '"' || text[j] === '“' || text[j] === "'" || text[j] === '‘')) j++
  const next = text[j]
  if (next === undefined || next.toLowerCase() === next.toUpperCase() || next !== next.toUpperCase()) return false
  if (text[i] !== '.') return true
  // `U.S. Senate`, `Dr. Who`, `Pres. Jonathan`: a short or capitalised word before the dot is an abbreviation.
  let k = i - 1
  let letters = 0
  while (k >= 0 && text[k] !== ' ' && letters < 6) {
    k--
    letters++
  }
  const before = text.slice(k + 1, i)
  if (before.length < 4 || before.includes('.')) return false
  return before[0] === before[0].toLowerCase() || before.length >= 6
}

function hasSentenceBreak(text: string): boolean {
  for (let i = 0; i < text.length - 2; i++) if (isBreakAt(text, i)) return true
  return false
}

function isTitleShape(text: string, words: string[], ends: boolean, breaks: boolean): boolean {
  if (text.length > MAX_TITLE_CHARS || words.length < 3 || words.length > MAX_TITLE_WORDS || breaks) return false
  if (text.includes('://') || text.startsWith('www.')) return false
  const core = stripClosers(text)
  const last = core[core.length - 1]
  if (last === ',' || last === ';' || last === ':') return false
  if (ends && last === '.' && !core.endsWith('...')) return false
  if ((last === '?' || last === '!') && titleCaseRatio(words) < 0.75) return false
  const first = firstLetter(text)
  return first !== undefined && (first === first.toUpperCase() || /^[0-9"“‘']/.test(text))
}

function isNavShape(text: string, words: string[]): boolean {
  if (words.length > 4 || text.length > 40) return false
  const core = stripClosers(text)
  if (core.endsWith('.') && !core.endsWith('...')) return false
  const first = firstLetter(text)
  return first !== undefined && first === first.toUpperCase()
}

function firstLetter(text: string): string | undefined {
  for (let i = 0; i < text.length && i < 8; i++) {
    const c = text[i]
    if (c.toLowerCase() !== c.toUpperCase()) return c
  }
  return undefined
}

function letters(word: string): string {
  let out = ''
  for (const c of word) if (c.toLowerCase() !== c.toUpperCase() || c === "'" || c === '’') out += c
  return out
}

/** Share of the content words (not `of`, `the`...) that start with a capital. */
function titleCaseRatio(words: string[]): number {
  let content = 0
  let capital = 0
  for (const word of words) {
    const bare = letters(word)
    if (bare.length === 0 || SMALL.has(bare.toLowerCase())) continue
    content++
    if (bare[0] !== bare[0].toLowerCase()) capital++
  }
  return content < 3 ? 0 : capital / content
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ')
}

function lowerWords(words: string[]): string[] {
  return words.map((word) => letters(word).toLowerCase().replace(/’/g, "'")).filter((word) => word.length > 0)
}

// ---------------------------------------------------------------- data tables

const UNITS = new Set(data.units)
const CURRENCY = new Set(['$', '£', '€', '¥', '₹', '₩', '₽', '¢'])
const FRACTIONS = '½¼¾⅓⅔⅛⅜⅝⅞'
/** Longest line looked at as a table row. */
const MAX_ROW_CHARS = 160

/** How strongly a line reads as a data row: `strong` (a figure: number, measure, price, time, quantity) or `weak` (a short name as the value). */
type Row = 'strong' | 'weak' | undefined

/** `38,995`, `£2.50`, `07:15`, `2-1`, `1/2`, `½`, `(84)`, `+12`, `1.`: a figure. */
function isFigure(token: string): boolean {
  if (token.length === 0 || token.length > 24) return false
  let start = 0
  let end = token.length
  while (start < end && '([~≈+-−±'.includes(token[start])) start++
  while (start < end && CURRENCY.has(token[start])) start++
  while (end > start && ')],;%*'.includes(token[end - 1])) end--
  const core = token.slice(start, end)
  if (core.length === 0) return false
  if (FRACTIONS.includes(core)) return true
  // bounded (24 characters) and each part a single class: linear
  return /^\d[\d,.]*(?:[-–/:x×]\d[\d,.]*)?[½¼¾⅓⅔⅛]?$/.test(core)
}

/** `77kWh`, `200g`, `5.9s`, `0-62mph`: a figure glued to its unit. */
function isGluedMeasure(token: string): boolean {
  if (token.length > 24) return false
  const match = /^[$£€]?\d[\d,.]*(?:[-–]\d[\d,.]*)?([a-zA-Zµ°/%]{1,6})[,;)]?$/.exec(token)
  return match !== null && UNITS.has(match[1].toLowerCase())
}

/** A value that is a figure or a measure (`310 miles`, `£38,995`, `77kWh`, `28 ° C`): a figure, then at most three figures, units or symbols. */
function isFigureValue(value: string): boolean {
  const tokens = value.split(' ').filter((token) => token.length > 0)
  if (tokens.length === 0 || tokens.length > 4) return false
  if (!isFigure(tokens[0]) && !isGluedMeasure(tokens[0])) return false
  return tokens.slice(1).every((token) => isFigure(token) || isGluedMeasure(token) || UNITS.has(token.toLowerCase().replace(/[.,;)]$/, '')) || firstLetter(token) === undefined)
}

/** A short name as a value (`Voltra E5 Long Range`, `Manchester United`): one to five words, capitalised or figures. */
function isNameValue(value: string): boolean {
  const tokens = value.split(' ').filter((token) => token.length > 0)
  if (tokens.length === 0 || tokens.length > 5 || value.length > 40 || endsSentence(value)) return false
  return tokens.every((token) => {
    const first = firstLetter(token)
    return isFigure(token) || isGluedMeasure(token) || SMALL.has(token.toLowerCase()) || (first !== undefined && first === first.toUpperCase() && /^[\p{L}\p{N}]/u.test(token))
  })
}

/** A row label: one to four words, letters first, no sentence punctuation, not a link label (`Related:`). */
function isRowLabel(label: string): boolean {
  if (label.length === 0 || label.length > 32) return false
  const words = label.split(' ').filter((word) => word.length > 0)
  if (words.length === 0 || words.length > 4) return false
  if (!/^[\p{L}\p{N}]/u.test(label) || /[.!?;,]$/.test(label)) return false
  return labelPrefix([...words.slice(0, -1), words[words.length - 1] + ':']) === undefined
}

/**
 * The cells of a row: split at tabs, runs of two or more spaces and `|` (by a scan: a regular
 * expression like `\s*\|\s*` backtracks on long runs of spaces). One cell when there is none.
 */
function cells(text: string): string[] {
  const out: string[] = []
  let cell = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    const split = c === '\t' || c === '|' || (c === ' ' && text[i + 1] === ' ')
    if (!split) {
      cell += c
      continue
    }
    while (i + 1 < text.length && (text[i + 1] === ' ' || text[i + 1] === '\t' || text[i + 1] === '|')) i++
    if (cell.trim().length > 0) out.push(cell.trim())
    cell = ''
  }
  if (cell.trim().length > 0) out.push(cell.trim())
  return out
}

function labelValue(label: string, value: string): Row {
  if (!isRowLabel(label)) return undefined
  if (isFigureValue(value)) return 'strong'
  if (isNameValue(value)) return 'weak'
  return undefined
}

/**
 * A row of a data table, not a headline: a label and its value (`Range  310 miles`, `Price as tested: 38,995`,
 * `Espresso - £2.50`), a row of figures (`1  Liverpool  20  15  3  2  48`, `1 Liverpool 20 15 3 2 48`), a
 * timetable row (`07:15 London Euston 09:40`), an ingredient with its quantity (`200g plain flour`, `2 tbsp olive oil`).
 */
function dataRow(info: Info): Row {
  if (info.kind === 'blank' || info.kind === 'prose' || info.text.length > MAX_ROW_CHARS) return undefined
  const text = info.text
  const parts = cells(text)
  if (parts.length >= 3) {
    // a row of cells: figures in half of them at least (a league table, a timetable, a price grid)
    const figures = parts.filter((part) => isFigureValue(part)).length
    return figures * 2 >= parts.length ? 'strong' : undefined
  }
  if (parts.length === 2) return labelValue(parts[0], parts[1])
  const words = info.words
  // `Label: value`, `Label - £2.50`
  const colon = text.indexOf(': ')
  if (colon > 0) return text.indexOf(': ', colon + 2) === -1 ? labelValue(text.slice(0, colon), text.slice(colon + 2).trim()) : undefined
  for (const dash of [' - ', ' – ', ' — ']) {
    const at = text.indexOf(dash)
    if (at > 0 && isFigureValue(text.slice(at + dash.length).trim()) && isRowLabel(text.slice(0, at).trim())) return 'strong'
  }
  if (words.length > 12) return undefined
  // a price list with single spaces: a short label, then a price (`Flat white £3.10`)
  const last = words[words.length - 1]
  if (words.length >= 2 && words.length <= 4 && CURRENCY.has(last[0]) && isFigure(last) && isRowLabel(words.slice(0, -1).join(' '))) return 'strong'
  // a row of figures with single spaces: three figures at least, half the words
  const figures = words.filter((word) => isFigure(word) || isGluedMeasure(word)).length
  if (figures >= 3 && figures * 2 >= words.length) return 'strong'
  // a timetable row: a time first
  if (/^\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?$/i.test(words[0]) && words.length <= 8) return 'strong'
  // an ingredient: a quantity first, with its unit (`200g`, `2 tbsp`), or a few lower-case words (`2 eggs`, `1 onion, chopped`)
  if (isGluedMeasure(words[0])) return 'strong'
  if (isFigure(words[0]) && !words[0].endsWith('.')) {
    const unit = words.length >= 2 ? words[1].toLowerCase().replace(/[.,]$/, '') : ''
    if (unit.length >= 2 && UNITS.has(unit)) return 'strong'
    const rest = words.slice(1)
    if (rest.length >= 1 && rest.length <= 5 && rest.every((word) => firstLetter(word) === undefined || firstLetter(word) === firstLetter(word)!.toLowerCase())) return 'weak'
  }
  return undefined
}

/**
 * Runs of data rows (blank lines aside, one at a time) that are a table: two rows or more, figures in half of
 * them at least. A single `Label: figure` row (`Price as tested: 38,995`) is a data line too. Both are the
 * article's content, never link lines: their kind becomes `data`.
 */
function markTables(infos: Info[]) {
  const fields: number[] = []
  let i = 0
  while (i < infos.length) {
    const first = dataRow(infos[i])
    if (first === undefined) {
      i++
      continue
    }
    const rows: number[] = [i]
    let strong = first === 'strong' ? 1 : 0
    let j = i + 1
    let blanks = 0
    for (; j < infos.length; j++) {
      if (infos[j].kind === 'blank') {
        if (++blanks > 1) break
        continue
      }
      const row = dataRow(infos[j])
      if (row === undefined) break
      blanks = 0
      rows.push(j)
      if (row === 'strong') strong++
    }
    if (rows.length >= 2 && strong * 2 >= rows.length) {
      for (const r of rows) {
        infos[r].kind = 'data'
        infos[r].table = true
      }
    } else if (rows.length === 1 && first === 'strong' && isFieldLine(infos[i].text)) {
      fields.push(i)
    }
    i = rows[rows.length - 1] + 1
  }
  // A lone `Label: figure` line next to the article's text or a table is part of it; among menu lines (`INSANITY MAX: 30`) it is a menu item.
  for (const f of fields) {
    const near = [previousNonBlank(infos, f), nextNonBlank(infos, f)]
    if (near.some((info) => info !== undefined && (info.kind === 'prose' || info.table === true))) infos[f].kind = 'data'
  }
}

function previousNonBlank(infos: Info[], i: number): Info | undefined {
  for (let j = i - 1; j >= 0; j--) if (infos[j].kind !== 'blank') return infos[j]
  return undefined
}

/** `Tested by: ... | Email: ... | Handle: ...`: two `|` cells or more that are `Label: value` fields. */
function isRecord(text: string): boolean {
  let fields = 0
  for (const cell of text.split(' | ')) {
    const colon = cell.indexOf(': ')
    if (colon > 0 && isRowLabel(cell.slice(0, colon).trim())) fields++
  }
  return fields >= 2
}

/** `Price as tested: 38,995`: a label, a colon and a figure. */
function isFieldLine(text: string): boolean {
  const colon = text.indexOf(': ')
  return colon > 0 && isRowLabel(text.slice(0, colon)) && isFigureValue(text.slice(colon + 2).trim())
}

// ---------------------------------------------------------------- cues

/** ` | The Daily Caller`, ` - Reuters`, ` » example.com`: the suffix, or undefined. */
function publisherSuffix(text: string): string | undefined {
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator)
    if (at <= 0) continue
    const before = text.slice(0, at).trim().split(/\s+/)
    const after = text.slice(at + separator.length).trim()
    if (before.length < 3 || after.length === 0 || after.length > 40) continue
    const afterWords = after.split(/\s+/)
    if (afterWords.length > 5) continue
    // `Tested by: ... | Email: ... | Followers: 12044`: the fields of a record, not a headline and its publisher
    if (separator === ' | ' && isRecord(text)) continue
    const strong = separator === ' | ' || separator === ' » ' || separator === ' :: '
    // `Headline - Publisher`: one dash only (`June 9 – Tampa – Arena` is a list row) and a headline of four words or more
    if (!strong && (before.length < 4 || text.indexOf(separator) !== at || SEPARATORS.some((other) => other !== separator && other !== ' | ' && text.includes(other)))) continue
    const named = afterWords.every((word) => {
      const first = firstLetter(word)
      return (first !== undefined && first === first.toUpperCase()) || word.includes('.') || SMALL.has(word.toLowerCase())
    })
    if (strong || (named && afterWords.length <= 4)) return separator + after
  }
  return undefined
}

/** A link label at the start (`Also Read:`, `Related »`): the label, or undefined. */
function labelPrefix(words: string[]): string | undefined {
  const lower = lowerWords(words.slice(0, LABEL_MAX + 1))
  for (let n = Math.min(LABEL_MAX, lower.length); n >= 1; n--) {
    const candidate = lower.slice(0, n).join(' ')
    if (!LABELS.has(candidate)) continue
    const labelEnd = words[n - 1]
    const next = words[n]
    // `Related: headline`, `Also Read » headline`, `Related Posts` on its own
    if (/[:»|]$/.test(labelEnd) || next === ':' || next === '»' || next === '|' || next === '-' || next === '–' || n === words.length) return candidate
    return undefined
  }
  return undefined
}

function clickbaitCue(words: string[]): string | undefined {
  const lower = lowerWords(words)
  for (const word of lower) if (HYPERBOLIC.has(word)) return `hyperbolic word "${word}"`
  for (let i = 0; i < lower.length; i++) {
    for (let n = 3; n <= PHRASE_MAX && i + n <= lower.length; n++) {
      const phrase = lower.slice(i, i + n).join(' ')
      if (PHRASES.has(phrase)) return `clickbait phrase "${phrase}"`
    }
  }
  if (/^[0-9]{1,2}$/.test(words[0]) && words.length >= 4 && titleCaseRatio(words) >= 0.75) return 'numbered listicle headline'
  return undefined
}

function cutOff(text: string, words: string[]): boolean {
  if (text.endsWith('...') || text.endsWith('…')) return true
  const last = lowerWords(words.slice(-1))[0]
  return last !== undefined && CUT_OFF.has(last)
}

const CONTENTS = new Set(['table of contents', 'contents', 'in this article', 'in this post', 'on this page', 'jump to', 'jump to section', 'article contents', 'toc'])

function isContentsHeading(text: string): boolean {
  // Trailing colons and spaces go with a scan: `/[:\s]+$/` is quadratic on a long run of them mid-line.
  let core = stripClosers(text)
  let end = core.length
  while (end > 0 && (core[end - 1] === ':' || /\s/.test(core[end - 1]))) end--
  core = core.slice(0, end)
  return CONTENTS.has(normalise(core).replace(/[^a-z ]/g, '').trim())
}

// ---------------------------------------------------------------- checks

function nextNonBlank(infos: Info[], i: number): Info | undefined {
  for (let j = i + 1; j < infos.length; j++) if (infos[j].kind !== 'blank') return infos[j]
  return undefined
}

/**
 * HTML and Markdown inputs say which lines are links (`file.data.layout`, see src/formats/layout.ts):
 * a block that is all link text, and not a heading, is a link in the page. Plain text has no layout.
 */
function linkLines(file: VFile): Map<number, LayoutLine> {
  const lines = new Map<number, LayoutLine>()
  for (const entry of file.data.layout?.lines ?? []) {
    if (entry.linkDensity >= 0.9 && !/^h[1-6]$/.test(entry.block)) lines.set(entry.line, entry)
  }
  return lines
}

/** The lines the layout marks as headings (`<h2>`, `## ...`). Plain text has no layout. */
function headingLines(file: VFile): Set<number> {
  const lines = new Set<number>()
  for (const entry of file.data.layout?.lines ?? []) if (/^h[1-6]$/.test(entry.block)) lines.add(entry.line)
  return lines
}

/** `See also`, `Further reading` on a line of their own (a colon aside): the heading of an appendix of the article's own. */
function isAppendixHeading(info: Info): boolean {
  if (info.kind === 'blank' || info.kind === 'prose' || info.bulleted) return false
  const core = stripClosers(info.text)
  if (core.length === 0 || core.length > 40) return false
  const bare = core.endsWith(':') ? core.slice(0, -1) : core
  if (/[^\p{L}\p{N}' ’-]/u.test(bare)) return false
  return APPENDIX.has(lowerWords(info.words).join(' '))
}

/** Cues of a related headline rather than of a topic's name: a link label, publisher, duplicate, clickbait, cut-off ending or headline clause. */
const HEADLINE_CUE = /^(?:link label|publisher|repeated|hyperbolic|clickbait|numbered|cut off|a headline clause)/

/** A run of title-like lines, scored on all but the headline clause; `asks` are the members whose clause counts. */
interface Run {
  members: number[]
  introduced: boolean
  cues: Map<number, string[]>
  scores: Map<number, number>
  strongAnywhere: number
  asks: number[]
}

function checkTitles(infos: Info[], settings: Settings, flagged: Map<number, string[]>, links: Map<number, LayoutLine> = new Map()) {
  // Where the article's last paragraph is, and its first line (the title).
  let lastProse = -1
  let firstContent = -1
  for (let i = 0; i < infos.length; i++) {
    if (infos[i].kind === 'prose') lastProse = i
    if (infos[i].kind !== 'blank' && firstContent === -1) firstContent = i
  }

  // Runs of title-like lines: prose ends a run; blank, nav and other lines do not. A first pass scores each
  // run's members on everything but the headline clause and lists the lines that ask for it; these are
  // tagged in one batch (a tagger call per line costs several times as much), then a second pass scores the runs.
  const runs: Run[] = []
  let i = 0
  while (i < infos.length) {
    if (infos[i].kind !== 'title' && !isLabelLine(infos[i])) {
      i++
      continue
    }
    const members: number[] = []
    let j = i
    let afterContents = false
    let introduced = false
    for (let k = i - 1; k >= 0; k--) {
      if (infos[k].kind === 'blank') continue
      afterContents = isContentsHeading(infos[k].text)
      // `Here are the deals:` then a list: the article's own list, unless a link label introduces it
      introduced = stripClosers(infos[k].text).endsWith(':') && !isLabelLine(infos[k])
      break
    }
    for (; j < infos.length && !breaksRun(infos[j]); j++) if (infos[j].kind === 'title' || isLabelLine(infos[j])) members.push(j)
    i = j
    if (afterContents) continue // a table of contents: toc-residue's business

    const cues = new Map<number, string[]>()
    const scores = new Map<number, number>()
    let strongAnywhere = 0
    const asks: number[] = []
    for (const m of members) {
      const info = infos[m]
      const list: string[] = []
      let score = 0
      const label = labelPrefix(info.words)
      if (label) {
        score += 3
        list.push(`link label "${label}"`)
      }
      if (info.kind === 'title') {
        const suffix = publisherSuffix(info.text)
        if (suffix) {
          score += 2
          list.push(`publisher suffix "${suffix.trim()}"`)
        }
        const others = adjacentRepeats(infos, m)
        if (others.length > 0) {
          score += 1
          list.push(`repeated (also line ${others.join(', ')})`)
        }
        const bait = clickbaitCue(info.words)
        if (bait) {
          score += 1
          list.push(bait)
        }
        if (info.words.length >= 5 && titleCaseRatio(info.words) >= 0.8) {
          score += 1
          list.push('Title Case')
        }
        if (cutOff(info.text, info.words)) {
          score += 1
          list.push('cut off')
        }
      }
      const link = links.get(info.line.line)
      if (link) {
        score += 2
        list.push(`a link in the page${link.chrome ? ` (in <${link.chrome}>)` : ''}`)
      }
      if (label || list.some((cue) => cue.startsWith('publisher') || cue.startsWith('repeated') || cue.startsWith('a link'))) strongAnywhere++
      // A headline is a clause (`Iran Opens Airspace`, `Court dismisses objection`); lists of names, dates and products are not.
      if (info.kind === 'title' && list.length > 0 || (info.kind === 'title' && members.length >= 2)) asks.push(m)
      cues.set(m, list)
      scores.set(m, score)
    }
    runs.push({members, introduced, cues, scores, strongAnywhere, asks})
  }

  prefetchClauses(runs.flatMap((run) => run.asks.map((m) => infos[m].words)))

  for (const {members, introduced, cues, scores, strongAnywhere, asks} of runs) {
    for (const m of asks) {
      if (isClause(infos[m].words)) {
        scores.set(m, scores.get(m)! + 1)
        cues.get(m)!.push('a headline clause without a full stop')
      }
    }
    // The article's own appendix (`See also`, then the names of related topics): a section of the article, not a
    // related-links box, unless a line under the heading shows a headline's cues.
    if (isAppendixHeading(infos[members[0]]) && members.slice(1).every((n) => !cues.get(n)!.some((cue) => HEADLINE_CUE.test(cue)))) continue

    // Title Case clauses in the run: a list of related headlines rather than of names, dates or products.
    const headlineClauses = members.filter((n) => cues.get(n)!.includes('Title Case') && cues.get(n)!.includes('a headline clause without a full stop')).length
    for (const m of members) {
      const info = infos[m]
      if (m === firstContent && !labelPrefix(info.words)) continue // the article's title
      const list = cues.get(m)!
      let score = scores.get(m)!
      const titles = members.filter((n) => infos[n].kind === 'title').length
      if (titles >= 2) {
        score += 1
        list.push(`one of ${titles} title-like lines in a row`)
      }
      const ownStrong = list.some((cue) => cue.startsWith('link label') || cue.startsWith('publisher') || cue.startsWith('repeated') || cue.startsWith('a link'))
      if (strongAnywhere - (ownStrong ? 1 : 0) > 0) {
        score += 1
        list.push('next to other link lines')
      }
      if (m > lastProse && titles >= 2) {
        score += 1
        list.push("after the article's last paragraph")
      }
      // A section heading and its paragraph; but a heading carries no link label, is not scraped twice, and no label introduces it.
      const labelled = list.some((cue) => cue.startsWith('link label') || cue.startsWith('repeated') || cue.startsWith('a link')) || labelPrefix(infos[members[0]].words) !== undefined
      if (info.markedHeading || (info.heading && !labelled)) score -= 3
      // Evidence of links, not just of a list: a link cue in the run, or a clickbait headline clause.
      const clause = list.includes('a headline clause without a full stop')
      const linky =
        strongAnywhere > 0 ||
        (!introduced && clause && (list.some((cue) => /^(hyperbolic|clickbait|numbered)/.test(cue)) || (m > lastProse && headlineClauses >= 2 && list.includes('Title Case'))))
      if (linky && score >= settings.minScore) flagged.set(m, list)
    }
  }
}

/** Paragraphs, data rows, field labels (`Detail Author:`) and contents headings end a run of link lines. */
function breaksRun(info: Info): boolean {
  if (info.kind === 'prose' || info.kind === 'data') return true
  return info.kind === 'other' && !isLabelLine(info) && (info.text.endsWith(':') || info.text.includes(' : ') || isContentsHeading(info.text))
}

/** Whether a title-like line has a finite verb after its first word (compromise's tagger; Title Case is lowered first). */
function isClause(words: string[]): boolean {
  const lowered = lowerForClause(words)
  // A tagger call costs milliseconds: thousands of repeated headline lines must not cost thousands of calls.
  let known = clauseCache.get(lowered)
  if (known === undefined) {
    known = tagClauses([lowered])[0]
    if (clauseCache.size >= CLAUSE_CACHE_MAX) clauseCache.clear()
    clauseCache.set(lowered, known)
  }
  return known
}

/** The line as the tagger sees it: Title Case lowered, the first word and acronyms kept. */
function lowerForClause(words: string[]): string {
  return words.map((word, i) => (i === 0 || (word.length > 1 && word === word.toUpperCase()) ? word : word.toLowerCase())).join(' ')
}

const clauseCache = new Map<string, boolean>()
const CLAUSE_CACHE_MAX = 10_000
/** Lines per tagger call: past a few dozen a larger batch saves little, and a batch's terms are all held at once. */
const CLAUSE_BATCH = 500

/** Answers `isClause` for these lines ahead, in as few tagger calls as the batch size allows (each line tagged as if alone). */
function prefetchClauses(lines: string[][]) {
  const todo = [...new Set(lines.map(lowerForClause))].filter((lowered) => !clauseCache.has(lowered))
  for (let from = 0; from < todo.length; from += CLAUSE_BATCH) {
    const batch = todo.slice(from, from + CLAUSE_BATCH)
    if (clauseCache.size + batch.length > CLAUSE_CACHE_MAX) clauseCache.clear()
    tagClauses(batch).forEach((known, k) => clauseCache.set(batch[k], known))
  }
}

/** Per line: a finite verb (present or past tense, modal, copula; not a gerund or infinitive) after its first word. */
function tagClauses(lowered: string[]): boolean[] {
  const {doc, counts} = tagMany(lowered)
  // `counts[k]` sentences of the batch are line k's
  const owner: number[] = []
  counts.forEach((count, k) => {
    for (let n = 0; n < count; n++) owner.push(k)
  })
  const known = lowered.map(() => false)
  const finite = doc.match('(#PresentTense|#PastTense|#Modal|#Copula)').not('#Gerund').not('#Infinitive').terms().json() as Array<{terms: Array<{index?: [number, number]}>}>
  for (const hit of finite) {
    const term = hit.terms[0]
    if (term && term.index && term.index[1] > 0) known[owner[term.index[0]]] = true
  }
  return known
}

/** The same line right before or after (blank lines aside): a link scraped twice (image link + text link). */
function adjacentRepeats(infos: Info[], i: number): number[] {
  const key = normalise(infos[i].text)
  const out: number[] = []
  for (const step of [-1, 1]) {
    for (let j = i + step; j >= 0 && j < infos.length; j += step) {
      if (infos[j].kind === 'blank') continue
      if (normalise(infos[j].text) === key) out.push(infos[j].line.line)
      break
    }
  }
  return out
}

function isLabelLine(info: Info): boolean {
  return (info.kind === 'nav' || info.kind === 'other' || info.kind === 'title') && info.words.length <= LABEL_MAX + 6 && labelPrefix(info.words) !== undefined
}

/** Menus, share bars, footers: many one-to-four-word lines in a row. */
function checkNavRuns(infos: Info[], settings: Settings, flagged: Map<number, string[]>) {
  let i = 0
  while (i < infos.length) {
    if (infos[i].kind !== 'nav') {
      i++
      continue
    }
    const members: number[] = []
    let j = i
    let blanks = 0
    for (; j < infos.length; j++) {
      const kind = infos[j].kind
      if (kind === 'blank') {
        if (++blanks > 1) break
        continue
      }
      if (kind !== 'nav') break
      blanks = 0
      members.push(j)
    }
    i = j
    if (members.length < settings.minNavRun) continue
    // Short topic names under the article's own `See also` heading: its appendix, not a menu.
    if (isAppendixHeading(infos[members[0]])) continue
    for (const m of members) {
      const next = nextNonBlank(infos, m)
      if (next && next.kind === 'prose') continue
      if (!flagged.has(m)) flagged.set(m, [`one of ${members.length} one-to-four-word lines in a row (a menu or share bar)`])
    }
  }
}

/** A line that is only an advertisement label (`Advertisement`, `Story continues below advertisement`): the empty ad slot's caption. */
function checkAdLabels(infos: Info[], flagged: Map<number, string[]>) {
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]
    if (info.kind === 'blank' || info.kind === 'prose' || info.bulleted || info.words.length > 6) continue
    let core = stripClosers(info.text)
    while (core.length > 0 && (core.endsWith(':') || core.endsWith('.') || core.endsWith('…'))) core = core.slice(0, -1)
    if (AD_LABELS.has(normalise(core).replaceAll('–', '-').replaceAll('—', '-')) && !flagged.has(i)) flagged.set(i, ['an advertisement label'])
  }
}

function reportBlocks(file: VFile, infos: Info[], flagged: Map<number, string[]>) {
  const indices = [...flagged.keys()].sort((a, b) => a - b)
  let k = 0
  while (k < indices.length) {
    const block = [indices[k]]
    while (k + 1 < indices.length && onlyBlankBetween(infos, block[block.length - 1], indices[k + 1])) block.push(indices[++k])
    k++
    const first = infos[block[0]].line
    const last = infos[block[block.length - 1]].line
    const place = removalPlace(file, first, last)
    const value = String(file)
    const actual = value.slice(place.start.offset!, place.end.offset!)
    const quoted = `"${shorten(infos[block[0]].text)}"`
    const reason =
      block.length === 1
        ? `Stranded link line ${quoted}: a title-like line without sentence punctuation outside the article's prose, left from the page's related links or navigation`
        : `${block.length} stranded link lines from ${quoted}: title-like lines without sentence punctuation outside the article's prose, left from the page's related links or navigation`
    const evidence = block.slice(0, 6).map((m) => `line ${infos[m].line.line}: ${flagged.get(m)!.join(', ')}`)
    if (block.length > 6) evidence.push(`... and ${block.length - 6} more lines`)
    report(file, meta, reason, {place, note: `Evidence: ${evidence.join('; ')}. Remove the line${block.length === 1 ? '' : 's'}.`, actual, expected: ['']})
  }
}

function onlyBlankBetween(infos: Info[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (infos[i].kind !== 'blank') return false
  return true
}

function shorten(text: string): string {
  return text.length > 70 ? text.slice(0, 67) + '...' : text
}

/** `...for more in-depth perspectives. Iran Wants To Negotiate | The Daily Caller`: a headline glued to a paragraph. */
function checkGluedTails(file: VFile, infos: Info[]) {
  const ownLines = new Set<string>()
  for (const info of infos) if (info.kind === 'title') ownLines.add(normalise(info.text))
  for (const info of infos) {
    if (info.kind !== 'prose' || endsSentence(info.text)) continue
    const text = info.line.text
    const trimmedEnd = text.trimEnd().length
    const from = Math.max(0, trimmedEnd - GLUED_WINDOW)
    let breakAt = -1
    for (let i = trimmedEnd - 2; i >= from; i--) {
      if (isBreakAt(text, i)) {
        breakAt = i
        break
      }
    }
    if (breakAt === -1) continue
    let start = breakAt + 1
    while (start < trimmedEnd && CLOSERS.has(text[start])) start++
    const tail = text.slice(start, trimmedEnd).trim()
    const words = tail.split(/\s+/)
    if (!isTitleShape(tail, words, false, hasSentenceBreak(tail))) continue
    const cues: string[] = []
    const suffix = publisherSuffix(tail)
    if (suffix) cues.push(`publisher suffix "${suffix.trim()}"`)
    if (ownLines.has(normalise(tail))) cues.push('the same headline stands on its own line elsewhere in the document')
    const label = labelPrefix(words)
    if (label) cues.push(`link label "${label}"`)
    const bait = clickbaitCue(words)
    if (cues.length === 0 && !(bait && titleCaseRatio(words) >= 0.8)) continue
    if (bait) cues.push(bait)
    const place = toPlace(file, info.line.start + start, info.line.start + trimmedEnd)
    report(file, meta, `Headline "${shorten(tail)}" glued to the end of a paragraph: a related-article link the scraper joined to the text, not part of the sentence before it`, {
      place,
      note: `Evidence: ${cues.join(', ')}; the paragraph's last sentence ends before it. Remove it.`,
      actual: text.slice(start, trimmedEnd),
      expected: [''],
    })
  }
}
