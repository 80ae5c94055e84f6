/**
 * shared-boilerplate (corpus rule): lines that recur verbatim, as their own
 * line, in several documents of one run are the site's template (related
 * headlines, footers, newsletter boxes), not content.
 *
 * The plugin leaves one fingerprint per candidate line on `file.data`
 * (a 64-bit hash of the line after whitespace and case normalisation, its
 * line number and offsets); `corpus` counts in how many documents each
 * fingerprint occurs and reports the lines that reach `minDocs`. The text is
 * never re-read: one pass over the fingerprints to count, one to report.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {documentOffset, getLines, type Line} from './kit/text.js'
import {candidatePairs, shingleSignature, similarity, union} from './kit/minhash.js'

export const meta: RuleMeta = {
  id: 'shared-boilerplate',
  description: 'a line that recurs verbatim as its own line in several documents of the run: site template, not content',
  level: 'warn',
  fixable: true,
  options: {
    minDocs: {
      type: 'integer',
      default: 2,
      min: 2,
      max: 1_000_000,
      description: 'in how many documents a line must recur to be reported',
    },
    minWords: {
      type: 'integer',
      default: 4,
      min: 1,
      max: 50,
      description: 'shortest line (in words) that is fingerprinted; shorter lines (`Share`, `Conclusion`, `Table of Contents`) recur by chance',
    },
    copySimilarity: {
      type: 'number',
      default: 0.7,
      min: 0.3,
      max: 1,
      description: 'documents whose words are this alike (estimated Jaccard similarity of their 5-word shingles, as duplicate-document measures it) (estimated Jaccard similarity) are copies of one article and count once: their lines are not template',
    },
    maxWords: {
      type: 'integer',
      default: 40,
      min: 5,
      max: 1000,
      description: 'longest line (in words) that is fingerprinted; whole shared paragraphs are copied content, not template',
    },
  },
}

interface Settings extends RuleOptions {
  minDocs: number
  minWords: number
  maxWords: number
  copySimilarity: number
}

/**
 * One candidate line: [hash, line, start offset, end offset including the line ending, the line of
 * the previous non-blank line (0: none), the line's first characters for the message, 1 when the line
 * ends with a line ending]. The last three
 * let the corpus pass group and name lines without the text, which a large run drops.
 */
export type Fingerprint = [hash: string, line: number, start: number, end: number, previous: number, preview: string, newline: 0 | 1]

/** How much of a line's text a fingerprint keeps, to name it in the message. */
const PREVIEW = 70

export interface SharedBoilerplateFacts {
  fingerprints: Fingerprint[]
  /** The MinHash signature of the document's 5-word shingles (one a window), to tell copies of one article. */
  signatures: string[]
}

declare module 'vfile' {
  interface DataMap {
    sharedBoilerplate: SharedBoilerplateFacts
  }
}

/** Fewest letters a fingerprinted line has: separators and numbers alone are not template evidence. */
const MIN_LETTERS = 12
const QUOTES_OPEN = new Set(['"', '“', '‘', "'", '«', '„'])
const QUOTES_CLOSE = new Set(['"', '”', '’', "'", '»', '“'])

/** The line after whitespace and case normalisation, or undefined when it is no candidate. */
export function normaliseLine(text: string, minWords: number, maxWords: number): string | undefined {
  const trimmed = text.trim()
  if (trimmed.length === 0) return undefined
  // A quotation standing alone is a quoted sentence, which two articles may well share.
  if (QUOTES_OPEN.has(trimmed[0]) && QUOTES_CLOSE.has(trimmed[trimmed.length - 1])) return undefined
  let out = ''
  let words = 0
  let letters = 0
  let space = true
  for (const c of trimmed) {
    if (c === ' ' || c === '\t' || c === '\u00a0') {
      space = true
      continue
    }
    if (space) {
      if (++words > maxWords) return undefined
      if (out.length > 0) out += ' '
      space = false
    }
    const lower = c.toLowerCase()
    if (lower !== c.toUpperCase()) letters++
    out += lower
  }
  return words < minWords || letters < MIN_LETTERS ? undefined : out
}

/** 64-bit fingerprint as 16 hex digits: two independent 32-bit FNV-1a hashes. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

function removalEnd(value: string, line: Line): number {
  let end = line.end
  if (value.charCodeAt(end) === 13) end++
  if (value.charCodeAt(end) === 10) end++
  return end
}

export default function sharedBoilerplate(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const value = String(file)
    const fingerprints: Fingerprint[] = []
    let previous = 0
    for (const line of getLines(file)) {
      const key = normaliseLine(line.text, settings.minWords, settings.maxWords)
      if (key !== undefined) {
        const end = removalEnd(value, line)
        // Offsets through documentOffset: in a window of a long document they are the window's.
        fingerprints.push([fingerprint(key), line.line, documentOffset(file, line.start), documentOffset(file, end), previous, line.text.trim().slice(0, PREVIEW), end > line.end ? 1 : 0])
      }
      if (line.text.trim().length > 0) previous = line.line
    }
    // Only a document with prose can be a copy: pages that are mostly template are alike by their template.
    const shingles = shingleSignature(file)
    file.data.sharedBoilerplate = {fingerprints, signatures: [shingles.prose ? shingles.signature : '']}
  }
}

/** Count each fingerprint once per document, then report the lines shared by `minDocs` documents or more. */
export function corpus(files: VFile[], options: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  // Counted in typed arrays (FingerprintCounts), not a Map of strings: a corpus of 10,000 documents has
  // some 400,000 distinct lines, and a Map that size cost 20 to 30 times the 1,000-document pass.
  let total = 0
  for (const file of files) total += file.data.sharedBoilerplate?.fingerprints.length ?? 0
  const counts = new FingerprintCounts(total)
  const copies = copiesOf(files, settings.copySimilarity)
  // Each fingerprint's slot in the table, in the order of the facts: the report pass reads this
  // array in sequence and touches a line's facts only when the line is shared (reading every
  // line's facts twice, scattered over the heap, was what grew faster than the corpus).
  const slots = new Uint32Array(total)
  // Counted copy by copy (`add` counts a document once by remembering the last one it saw, so the
  // copies of one article are counted one after the other), each fingerprint's slot kept in fact order.
  const starts = new Uint32Array(files.length)
  let at = 0
  for (let index = 0; index < files.length; index++) {
    starts[index] = at
    at += files[index].data.sharedBoilerplate?.fingerprints.length ?? 0
  }
  const order = files.map((_file, index) => index).sort((a, b) => copies[a] - copies[b] || a - b)
  for (const index of order) {
    const fingerprints = files[index].data.sharedBoilerplate?.fingerprints
    if (fingerprints) for (let k = 0; k < fingerprints.length; k++) slots[starts[index] + k] = counts.add(fingerprints[k][0], copies[index])
  }

  at = 0
  for (const file of files) {
    const fingerprints = file.data.sharedBoilerplate?.fingerprints
    if (!fingerprints) continue
    // Consecutive shared lines (blank lines between) are one block, one message.
    let block: Array<{print: Fingerprint; docs: number}> = []
    const flush = () => {
      if (block.length > 0) reportBlock(file, block)
      block = []
    }
    for (let k = 0; k < fingerprints.length; k++) {
      const docs = counts.documentsAt(slots[at++])
      if (docs < settings.minDocs) continue
      const print = fingerprints[k]
      const previous = block[block.length - 1]
      if (previous && !onlyBlankBetween(file, previous.print, print)) flush()
      block.push({print, docs})
    }
    flush()
  }
}

/**
 * For each document, the first document of the run it is a copy of (itself when none): documents whose
 * sets of 5-word shingles are alike (estimated Jaccard similarity at least `threshold`, MinHash with
 * LSH) count as one, so that the lines of a mirrored or republished article are not taken for the
 * site's template; two distinct articles that share a footer stay two.
 */
function copiesOf(files: readonly VFile[], threshold: number): Uint32Array {
  const first = new Uint32Array(files.length)
  for (let i = 0; i < files.length; i++) first[i] = i
  const signatures = files.map((file) => union(file.data.sharedBoilerplate?.signatures ?? []))
  const root = (i: number): number => {
    while (first[i] !== i) i = first[i] = first[first[i]]
    return i
  }
  for (const [a, b] of candidatePairs(signatures)) {
    if (similarity(signatures[a], signatures[b]) < threshold) continue
    const ra = root(a)
    const rb = root(b)
    if (ra !== rb) first[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  for (let i = 0; i < files.length; i++) first[i] = root(i)
  return first
}

/**
 * How many documents have each fingerprint: an open-addressing hash table in typed arrays, keyed by
 * the fingerprint's two 32-bit halves (read from its 16 hex digits), with the last document that
 * counted it so that a line repeated inside one document counts once. No objects, no strings kept.
 */
class FingerprintCounts {
  private readonly mask: number
  /** Four numbers a slot, side by side (one cache line a probe): high half, low half, documents counted (0: empty), last document. */
  private readonly table: Uint32Array

  constructor(expected: number) {
    let size = 16
    while (size < expected * 1.5) size *= 2
    this.mask = size - 1
    this.table = new Uint32Array(size * 4)
  }

  private slot(hash: string): number {
    const high = hexWord(hash, 0)
    const low = hexWord(hash, 8)
    const table = this.table
    let at = (Math.imul(high ^ low, 0x9e3779b1) >>> 0) & this.mask
    while (table[at * 4 + 2] !== 0 && (table[at * 4] !== high || table[at * 4 + 1] !== low)) at = (at + 1) & this.mask
    table[at * 4] = high
    table[at * 4 + 1] = low
    return at * 4
  }

  /** Count `hash` for `document` (once per document); returns its slot. */
  add(hash: string, document: number): number {
    const at = this.slot(hash)
    if (this.table[at + 2] !== 0 && this.table[at + 3] === document) return at
    this.table[at + 2]++
    this.table[at + 3] = document
    return at
  }

  /** Documents counted for the fingerprint at `slot` (from `add`). */
  documentsAt(slot: number): number {
    return this.table[slot + 2]
  }
}

/** Eight hex digits of `text` from `from`, as an unsigned 32-bit number (a malformed digit counts as 0). */
function hexWord(text: string, from: number): number {
  let value = 0
  for (let i = from; i < from + 8; i++) {
    const c = text.charCodeAt(i)
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : 0
    value = value * 16 + digit
  }
  return value >>> 0
}

/** Whether nothing but blank lines stands between two fingerprinted lines. */
function onlyBlankBetween(_file: VFile, a: Fingerprint, b: Fingerprint): boolean {
  return b[4] === a[1]
}

function reportBlock(file: VFile, block: Array<{print: Fingerprint; docs: number}>) {
  const first = block[0].print
  const last = block[block.length - 1].print
  const least = Math.min(...block.map((entry) => entry.docs))
  const most = Math.max(...block.map((entry) => entry.docs))
  const shared = least === most ? `${least} documents` : `${least} to ${most} documents`
  const value = typeof file.value === 'string' ? file.value : undefined
  // A line may end in `\n`, `\r\n` or a lone `\r` (old Mac files): each starts a new line.
  const endsWithNewline = value === undefined ? last[6] === 1 : last[3] > 0 && (value.charCodeAt(last[3] - 1) === 10 || value.charCodeAt(last[3] - 1) === 13)
  const place = {
    start: {line: first[1], column: 1, offset: first[2]},
    end: endsWithNewline ? {line: last[1] + 1, column: 1, offset: last[3]} : {line: last[1], column: last[3] - lastLineStart(last) + 1, offset: last[3]},
  }
  // Without the text (a large run keeps only facts) the fix still has its place; `actual` needs the text.
  const actual = value?.slice(first[2], last[3])
  const firstText = first[5]
  const quoted = firstText.length >= PREVIEW ? firstText.slice(0, PREVIEW - 3) + '...' : firstText
  const count = block.length === 1 ? 'This line' : `These ${block.length} lines`
  report(file, meta, `${count} ("${quoted}") recur${block.length === 1 ? 's' : ''} as ${block.length === 1 ? 'its own line' : 'their own lines'} in ${shared} of this run: site template, not content`, {
    place,
    note: `A line repeated verbatim (after whitespace and case normalisation) across documents is the scraped site's furniture: related links, footers, newsletter boxes. Shared by ${shared}: ${block.map((entry) => `line ${entry.print[1]} (${entry.docs})`).join(', ')}. Remove ${block.length === 1 ? 'it' : 'them'}.`,
    actual,
    expected: [''],
  })
}

function lastLineStart(print: Fingerprint): number {
  return print[2]
}
