/**
 * duplicate-document (corpus rule): a document that is an exact copy (after
 * whitespace and case) or a near copy (most of its word shingles shared) of
 * another document of the run: a mirror, a syndicated copy, a republished
 * update, one page under two addresses.
 *
 * The plugin leaves, per document, a hash of its normalised text, a MinHash
 * signature of its 5-word shingles and one small hash per non-blank line (to say
 * where two near copies part); the corpus pass groups exact copies by hash and
 * finds near copies by LSH over the signatures, so it never re-reads the text and
 * its cost stays linear in the corpus.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines} from './kit/text.js'
import {candidatePairs, shingleSignature, similarity, union} from './kit/minhash.js'

export const meta: RuleMeta = {
  id: 'duplicate-document',
  description: 'a document that is an exact or near copy of another document of the run (mirror, syndication, republished update)',
  level: 'warn',
  fixable: false,
  options: {
    threshold: {
      type: 'number',
      default: 0.7,
      min: 0.3,
      max: 1,
      description: 'smallest estimated Jaccard similarity of two documents’ 5-word shingles for them to be near copies',
    },
    minWords: {
      type: 'integer',
      default: 30,
      min: 1,
      max: 100_000,
      description: 'documents with fewer words take no part: short pages (a caption, an error page) are alike by chance',
    },
  },
}

interface Settings extends RuleOptions {
  threshold: number
  minWords: number
}

/** How many other documents a message names before it counts the rest. */
const NAMED = 5

/**
 * The facts of one document, as arrays so that the windows of a long document concatenate: one
 * entry a window in `exact`, `signatures` and `words`; `lines` holds [line, hash] pairs, flat.
 */
export interface DuplicateDocumentFacts {
  exact: string[]
  signatures: string[]
  words: number[]
  lines: number[]
}

declare module 'vfile' {
  interface DataMap {
    duplicateDocument: DuplicateDocumentFacts
  }
}

const SPACE = /\s+/g

export default function duplicateDocument() {
  return function (_tree: Root, file: VFile) {
    const text = String(file)
    const {signature, words} = shingleSignature(file)
    const lines: number[] = []
    for (const line of getLines(file)) {
      const key = normalise(line.text)
      if (key.length > 0) lines.push(line.line, hash32(key))
    }
    file.data.duplicateDocument = {
      exact: [createHash('sha1').update(normalise(text)).digest('hex')],
      signatures: [signature],
      words: [words],
      lines,
    }
  }
}

function normalise(text: string): string {
  return text.replace(SPACE, ' ').trim().toLowerCase()
}

function hash32(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0)
}

interface Entry {
  file: VFile
  facts: DuplicateDocumentFacts
  exact: string
  signature: string
}

interface Match {
  other: number
  /** 1 for an exact copy. */
  similarity: number
  exact: boolean
}

export function corpus(files: VFile[], options: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  const entries: Entry[] = []
  for (const file of files) {
    const facts = file.data.duplicateDocument
    if (!facts || facts.words.reduce((sum, n) => sum + n, 0) < settings.minWords) continue
    entries.push({file, facts, exact: facts.exact.join(','), signature: union(facts.signatures)})
  }

  // Exact copies share a hash; near copies are looked for among one document of each exact group.
  const groups = new Map<string, number[]>()
  entries.forEach((entry, index) => {
    const group = groups.get(entry.exact)
    if (group) group.push(index)
    else groups.set(entry.exact, [index])
  })
  const heads = [...groups.values()].map((group) => group[0])
  const groupOf = (index: number) => groups.get(entries[index].exact) as number[]

  const matches: Match[][] = entries.map(() => [])
  for (const group of groups.values()) for (const a of group) for (const b of group) if (a !== b) matches[a].push({other: b, similarity: 1, exact: true})
  for (const [i, j] of candidatePairs(heads.map((index) => entries[index].signature))) {
    const value = similarity(entries[heads[i]].signature, entries[heads[j]].signature)
    if (value < settings.threshold) continue
    for (const a of groupOf(heads[i])) for (const b of groupOf(heads[j])) {
      matches[a].push({other: b, similarity: value, exact: false})
      matches[b].push({other: a, similarity: value, exact: false})
    }
  }

  entries.forEach((entry, index) => {
    const found = matches[index]
    if (found.length === 0) return
    found.sort((x, y) => Number(y.exact) - Number(x.exact) || y.similarity - x.similarity || x.other - y.other)
    reportDocument(entry, found.map((match) => ({...match, entry: entries[match.other]})))
  })
}

function reportDocument(entry: Entry, found: Array<Match & {entry: Entry}>) {
  const exact = found.filter((match) => match.exact)
  const near = found.filter((match) => !match.exact)
  const parts: string[] = []
  if (exact.length > 0) parts.push(`an exact copy (after whitespace and case) of ${names(exact.map((match) => match.entry))}`)
  if (near.length > 0) {
    const closest = near[0]
    const difference = firstDifference(entry.facts.lines, closest.entry.facts.lines)
    const where = difference ? `; first difference: line ${difference[0]} here, line ${difference[1]} of ${label(closest.entry)}` : ''
    parts.push(`a near copy of ${names(near.map((match) => match.entry))} (similarity ${percent(closest.similarity)}${where})`)
  }
  const first = entry.facts.lines[0] ?? 1
  report(entry.file, meta, `This document is ${parts.join(', and ')}: keep one version`, {
    place: {line: first, column: 1},
    note: `The same article twice in one run (a mirror, a syndicated copy, a republished update, one page under two addresses) is counted twice by every later step. Similarity is the estimated Jaccard similarity of the documents’ sets of 5-word shingles (MinHash, ${found.length} match${found.length === 1 ? '' : 'es'}: ${found.map((match) => `${label(match.entry)} ${match.exact ? 'exact' : percent(match.similarity)}`).join(', ')}). Keep the newer or fuller version.`,
  })
}

/** The first line where two documents' non-blank lines differ: [line here, line there], or undefined when one ends first. */
function firstDifference(a: readonly number[], b: readonly number[]): [number, number] | undefined {
  for (let k = 0; k + 1 < a.length && k + 1 < b.length; k += 2) if (a[k + 1] !== b[k + 1]) return [a[k], b[k]]
  if (a.length !== b.length) return a.length > b.length ? [a[b.length], b[b.length - 2] ?? 1] : [a[a.length - 2] ?? 1, b[a.length]]
  return undefined
}

function names(list: readonly Entry[]): string {
  const shown = list.slice(0, NAMED).map(label)
  const rest = list.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown[0]
}

/** A document as the report names it: a JSON Lines record by its id or url, a file by its path from the working folder. */
function label(entry: Entry): string {
  const record = (entry.file.data as {record?: {file: string; id?: string}}).record
  if (record?.id) return `${record.file}#${record.id}`
  const file = entry.file
  return file.path ? path.relative(file.cwd, path.resolve(file.cwd, file.path)) || file.path : '(stdin)'
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}
