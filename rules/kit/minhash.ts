/**
 * Near-duplicate detection for corpus rules: MinHash signatures of a set of
 * tokens (shingles, lines), kept on `file.data` as a compact string, and
 * locality-sensitive hashing over them, so that a corpus pass finds the similar
 * pairs without comparing every document with every other.
 *
 * The hashing is the `minhash` package's (`Minhash`: its hash, permutations
 * and prime); this module fixes the parameters every rule shares, the encoding
 * of a signature as facts (8 hex digits a value) and indexes the bands for LSH
 * (see candidatePairs for why not with the package's LshIndex).
 */
import {Minhash} from 'minhash'
import type {VFile} from 'vfile'
import {getLines} from './text.js'

/** Values in a signature: the standard error of a similarity estimate is about sqrt(J(1-J)/128), 0.035 at 0.8. */
export const PERMUTATIONS = 128
/** Rows per LSH band: 32 bands of 4; a pair at similarity 0.5 is a candidate with probability 0.87, at 0.7 with 1.00. */
export const BAND_SIZE = 4
const SEED = 1
const MAX = 0xffffffff

/** One permutation set, built once (the package builds it per instance). */
let template: Minhash | undefined
function fresh(): Minhash {
  template ??= withHashOnce(new Minhash({numPerm: PERMUTATIONS, seed: SEED}))
  const minhash = Object.create(template) as Minhash
  minhash.hashvalues = new Array<number>(PERMUTATIONS).fill(MAX)
  return minhash
}

/**
 * The package's `update` hashes the token again for each of the 128 permutations; this one hashes it
 * once, with the package's own hash and permutations, and gives the same values (a test checks it).
 */
function withHashOnce(minhash: Minhash): Minhash {
  const library = minhash as Minhash & {permA: number[]; permB: number[]; prime: number; hash(value: string): number}
  library.update = function (this: typeof library, value: string) {
    const hash = this.hash(value)
    const values = this.hashvalues
    for (let i = 0; i < values.length; i++) {
      const permuted = (this.permA[i] * hash + this.permB[i]) % this.prime
      if (permuted < values[i]) values[i] = permuted
    }
  }
  return library
}

/** The signature of a set of tokens (each counted once), as 8 hex digits a value; '' for an empty set. */
export function signature(tokens: Iterable<string>): string {
  const minhash = fresh()
  let any = false
  for (const token of tokens) {
    minhash.update(token)
    any = true
  }
  return any ? encode(minhash.hashvalues) : ''
}

/** The signature of the union of the sets behind `signatures` (a document linted in windows). */
export function union(signatures: readonly string[]): string {
  const present = signatures.filter((value) => value.length === PERMUTATIONS * 8)
  if (present.length <= 1) return present[0] ?? ''
  const values = decode(present[0])
  for (let k = 1; k < present.length; k++) {
    const other = decode(present[k])
    for (let i = 0; i < PERMUTATIONS; i++) if (other[i] < values[i]) values[i] = other[i]
  }
  return encode(values)
}

/** Estimated Jaccard similarity of the sets behind two signatures: the share of equal values (the package's `jaccard`, read off the encoding). */
export function similarity(a: string, b: string): number {
  if (a.length !== PERMUTATIONS * 8 || b.length !== PERMUTATIONS * 8) return 0
  let equal = 0
  for (let at = 0; at < a.length; at += 8) {
    let k = 0
    while (k < 8 && a.charCodeAt(at + k) === b.charCodeAt(at + k)) k++
    if (k === 8) equal++
  }
  return equal / PERMUTATIONS
}

/** Past this many documents in one band bucket, each is paired with the bucket's first only. */
const BUCKET_PAIRS = 64

/**
 * The candidate pairs among `signatures` (indices, `i < j`, each pair once, in order), by LSH: two
 * signatures that agree on every value of one band of BAND_SIZE values are a candidate; every pair
 * above about 0.6 similarity is very likely among them, and the caller checks each with `similarity`.
 * Empty signatures take no part.
 *
 * Bands are indexed one at a time: each document's band is mixed into one number, packed with the
 * document's index into a float and the floats sorted, so that equal bands stand side by side; no
 * object or string a band. (The package's LshIndex keeps every band of every document as a string key
 * of one object: at 100,000 documents that took a gigabyte and grew 16 times for 10 times the documents.)
 * Two different bands that mix to one number only add a candidate, which `similarity` then rejects.
 */
export function candidatePairs(signatures: readonly string[]): Array<[number, number]> {
  const present: number[] = []
  for (let i = 0; i < signatures.length; i++) if (signatures[i].length === PERMUTATIONS * 8) present.push(i)
  const indexBits = Math.max(1, Math.ceil(Math.log2(signatures.length + 1)))
  const keyScale = 2 ** indexBits
  const keyBits = Math.min(32, 53 - indexBits)
  const packed = new Float64Array(present.length)
  const seen = new Set<number>()
  const pairs: Array<[number, number]> = []
  const add = (i: number, j: number) => {
    const key = i * signatures.length + j
    if (seen.has(key)) return
    seen.add(key)
    pairs.push([i, j])
  }
  const bucket: number[] = []
  const flush = () => {
    if (bucket.length > BUCKET_PAIRS) for (let k = 1; k < bucket.length; k++) add(bucket[0], bucket[k])
    else for (let a = 0; a < bucket.length; a++) for (let b = a + 1; b < bucket.length; b++) add(bucket[a], bucket[b])
    bucket.length = 0
  }
  for (let band = 0; band < PERMUTATIONS / BAND_SIZE; band++) {
    for (let k = 0; k < present.length; k++) {
      const key = bandKey(signatures[present[k]], band) >>> (32 - keyBits)
      packed[k] = key * keyScale + present[k]
    }
    packed.sort()
    let previous = -1
    for (let k = 0; k < packed.length; k++) {
      const key = Math.floor(packed[k] / keyScale)
      const index = packed[k] - key * keyScale
      if (key !== previous) {
        flush()
        previous = key
      }
      bucket.push(index)
    }
    flush()
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1])
}

/** A band of a signature (BAND_SIZE values of 8 hex digits) mixed into one unsigned 32-bit number. */
function bandKey(value: string, band: number): number {
  let mixed = band + 1
  const from = band * BAND_SIZE * 8
  for (let v = 0; v < BAND_SIZE; v++) {
    let word = 0
    for (let i = from + v * 8; i < from + v * 8 + 8; i++) {
      const c = value.charCodeAt(i)
      word = (word << 4) | (c <= 57 ? c - 48 : c - 87)
    }
    mixed = Math.imul(mixed ^ word, 0x9e3779b1) ^ (mixed >>> 15)
  }
  return mixed >>> 0
}

function encode(values: readonly number[]): string {
  let out = ''
  // The package's values are taken modulo a prime just above 2^32: the few above fit as the maximum.
  for (const value of values) out += Math.min(value, MAX).toString(16).padStart(8, '0')
  return out
}

function decode(value: string): number[] {
  const values = new Array<number>(PERMUTATIONS)
  for (let i = 0; i < PERMUTATIONS; i++) values[i] = Number.parseInt(value.slice(i * 8, i * 8 + 8), 16)
  return values
}

/** Words a shingle holds. */
export const SHINGLE = 5
/** Fewest words of a line that counts as prose: menus, headlines, related links and bylines are shorter. */
export const PROSE_LINE = 15
/** Fewest prose words a document needs for its signature to be of prose alone (else: every line). */
const PROSE_WORDS = 30
const WORD = /[\p{L}\p{N}]+/gu
export interface ShingleSignature {
  signature: string
  /** Words in the document. */
  words: number
  /** Whether the signature is of prose lines alone (false: the document has too little prose, every line counts). */
  prose: boolean
}
const shingleCache = new WeakMap<VFile, ShingleSignature>()

/**
 * The signature of a document's set of 5-word shingles (words: runs of letters and digits, in lower
 * case) and its number of words; computed once per document, whichever rules ask. Only the shingles of
 * prose lines count (lines of at least PROSE_LINE words), unless the document has too little prose
 * (hard-wrapped text, a short note): two articles of one site whose pages are mostly the site's menus
 * and link lists share most of their lines but none of their prose.
 */
export function shingleSignature(file: VFile): ShingleSignature {
  let found = shingleCache.get(file)
  if (found) return found
  const prose: string[][] = []
  const all: string[][] = []
  let proseWords = 0
  let words = 0
  for (const line of getLines(file)) {
    const lineWords = line.text.toLowerCase().match(WORD)
    if (!lineWords) continue
    all.push(lineWords)
    words += lineWords.length
    if (lineWords.length >= PROSE_LINE) {
      prose.push(lineWords)
      proseWords += lineWords.length
    }
  }
  const shingles = new Set<string>()
  const enough = proseWords >= PROSE_WORDS
  for (const lineWords of enough ? prose : all) {
    if (lineWords.length < SHINGLE) shingles.add(lineWords.join(' '))
    for (let i = 0; i + SHINGLE <= lineWords.length; i++) shingles.add(lineWords.slice(i, i + SHINGLE).join(' '))
  }
  found = {signature: signature(shingles), words, prose: enough}
  shingleCache.set(file, found)
  return found
}
