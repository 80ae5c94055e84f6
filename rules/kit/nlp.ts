/**
 * compromise, for the rules that tag text with it (contradiction, link-residue, template-leak):
 * loaded from its single-file build, which a worker imports in about half the time of its ES
 * modules (hundreds of files). Every rule must take compromise from here, so that a process loads
 * it once and the rules share one model.
 */
import {createRequire} from 'node:module'
import type Compromise from 'compromise'

const nlp = createRequire(import.meta.url)('compromise') as typeof Compromise
export default nlp

/** A match of compromise's postTagger, as its `buildNet` leaves it (only what the sweep reads). */
interface NetMatch {
  match: string
  needs: string[]
  wants: string[]
  minWant: number
  minWords: number
  ifNo?: string[]
  unTag?: unknown
}
interface Net {
  hooks: Record<string, NetMatch[]>
  always: NetMatch[]
}
type Document = unknown[][]
interface OneMethods {
  cacheDoc(document: Document): Array<Set<string>>
  match(document: Document, match: NetMatch): {ptrs: number[][]}
  bulkMatch: BulkMatch
}
type BulkMatch = (document: Document, net: Net, methods: {one: OneMethods}, opts?: {matchOne?: boolean}) => unknown[]

const world = nlp.world() as unknown as {hooks: string[]; methods: {one: OneMethods}}

/**
 * A net, indexed so that a clause finds the matches it may run from its own words and tags. Each
 * distinct match string (compromise keeps one match per string) has a number; `places[id]` lists
 * where it sits in the hook lists, as rank of the key in `Object.keys(net.hooks)` (the order
 * compromise tries the keys in) and position in that key's list, by rank; `anchors` maps one of its
 * needs (else each of its wants) to it.
 */
interface Index {
  keys: string[]
  places: Array<Array<[number, number]>>
  anchors: Map<string, number[]>
  /** Per match number, the clause that last reached it. */
  seen: Int32Array
  clause: number
}
const indexes = new WeakMap<Net, Index>()

/** Tags most clauses have: a poor anchor. */
const COMMON = new Set(['#Noun', '#Verb', '#Adjective', '#Determiner', '#Preposition', '#Singular', '#Plural', '#Adverb', '#Conjunction', '#PresentTense', '#Pronoun', '#ProperNoun', '#Infinitive', '#Value', '#PastTense', '#Copula', '#Auxiliary', '#Possessive'])
const anchorRank = (key: string) => (key.startsWith('#') ? (COMMON.has(key) ? 2 : 1) : 0)

function indexOf(net: Net): Index {
  let index = indexes.get(net)
  if (!index) {
    const keys = Object.keys(net.hooks)
    const numbers = new Map<string, number>()
    const matches: NetMatch[] = []
    const places: Array<Array<[number, number]>> = []
    keys.forEach((key, rank) => net.hooks[key].forEach((match, position) => {
      let id = numbers.get(match.match)
      if (id === undefined) {
        numbers.set(match.match, (id = matches.length))
        matches.push(match)
        places.push([])
      }
      places[id].push([rank, position])
    }))
    const anchors = new Map<string, number[]>()
    const anchor = (key: string, id: number) => {
      const list = anchors.get(key)
      if (list) list.push(id)
      else anchors.set(key, [id])
    }
    matches.forEach((match, id) => {
      if (match.needs.length > 0) anchor([...match.needs].sort((a, b) => anchorRank(a) - anchorRank(b))[0], id)
      else for (const want of new Set(match.wants)) anchor(want, id)
    })
    index = {keys, places, anchors, seen: new Int32Array(matches.length).fill(-1), clause: 0}
    indexes.set(net, index)
  }
  return index
}

/**
 * compromise's `bulkMatch` (the postTagger's sweep), with the same result in the same order. For
 * each clause compromise tests all ~730 hook keys of the net, concatenates the lists of those the
 * clause has (hundreds of matches for `#Noun` alone), keeps the first match of each string, and
 * keeps those whose needs, `ifNo`, wants and length the clause meets: a third of the sweep, for
 * about 27 matches per clause. Here the clause's own words and tags (a few dozen) reach the
 * matches anchored on them; those meeting the same conditions are put in compromise's order (the
 * place of their first hook key the clause has) and run with compromise's `match`, as in its
 * `sweep/index.js`.
 */
const fastBulkMatch: BulkMatch = function (document, net, methods, opts = {}) {
  const index = indexOf(net)
  const {keys, places, anchors, seen} = index
  const docCache = methods.one.cacheDoc(document)
  const results: unknown[] = []
  for (let n = 0; n < document.length; n++) {
    const haves = docCache[n]
    if (index.clause === 0x7fffffff) {
      seen.fill(-1)
      index.clause = 0
    }
    const clause = index.clause++
    const found: Array<[number, NetMatch]> = []
    for (const item of haves) {
      const ids = anchors.get(item)
      if (ids === undefined) continue
      for (const id of ids) {
        if (seen[id] === clause) continue
        seen[id] = clause
        // compromise keeps the first of the string in its concatenation: its first place under a key the clause has
        let place = -1
        let match: NetMatch | undefined
        for (const [rank, position] of places[id]) {
          if (haves.has(keys[rank])) {
            place = rank * 1e6 + position
            match = net.hooks[keys[rank]][position]
            break
          }
        }
        if (match === undefined) continue
        let ok = true
        for (const need of match.needs) if (!haves.has(need)) ok = false
        if (!ok) continue
        if (match.ifNo !== undefined && match.ifNo.some((no) => haves.has(no))) continue
        if (match.wants.length > 0) {
          let count = 0
          for (const want of match.wants) if (haves.has(want)) count++
          if (count < match.minWant) continue
        }
        found.push([place, match])
      }
    }
    found.sort((a, b) => a[0] - b[0])
    let maybe = found.map((entry) => entry[1])
    if (net.always.length > 0) maybe = maybe.concat(net.always)
    const termCount = document[n].length
    for (const match of maybe) {
      if (termCount < match.minWords) continue
      const result = methods.one.match([document[n]], match)
      if (result.ptrs.length === 0) continue
      for (const pointer of result.ptrs) {
        pointer[0] = n
        const todo = Object.assign({}, match, {pointer}) as NetMatch & {pointer: number[]}
        if (match.unTag !== undefined) todo.unTag = match.unTag
        results.push(todo)
      }
      if (opts.matchOne === true) return [results[0]]
    }
  }
  return results
}

type View = ReturnType<typeof Compromise>

/** Runs `run` with compromise set up as `tag` says, and restores it before anything else can run. */
function withTagger<T>(run: () => T): T {
  const saved = world.hooks
  const savedBulkMatch = world.methods.one.bulkMatch
  world.hooks = saved.filter((hook) => hook !== 'chunks')
  world.methods.one.bulkMatch = fastBulkMatch
  try {
    return run()
  } finally {
    world.hooks = saved
    world.methods.one.bulkMatch = savedBulkMatch
  }
}

/**
 * compromise on a text without its last hook, `chunks` (a chunker: no tag depends on it, and no rule
 * reads its output), which is about a tenth of the cost, and with the faster sweep above. The hooks
 * and methods are restored before anything else can run.
 */
export function tag(text: string): View {
  return withTagger(() => nlp(text))
}

/**
 * `tag` on many texts with one compromise call (a call per text costs about twice as much), each text
 * split into sentences and tagged exactly as if it were alone: compromise never joins the end of one
 * text to the start of the next (joined as a string, a text without a final stop ran on into the next
 * one, whose first word was then read as a name). `counts[i]` is how many of `doc.docs`, in order,
 * are the sentences of `texts[i]`.
 */
export function tagMany(texts: readonly string[]): {doc: View; counts: number[]} {
  const tokenize = (world.methods.one as unknown as {tokenize: {fromString(text: string, world: unknown): unknown[][]}}).tokenize
  const document: unknown[][] = []
  const counts: number[] = []
  for (const text of texts) {
    const sentences = tokenize.fromString(text, world)
    counts.push(sentences.length)
    for (const terms of sentences) document.push(terms)
  }
  // compromise's JSON input: a list of sentences of terms, tagged by the same hooks as a string
  const input = document.map((terms) => ({terms})) as unknown as string
  return {doc: withTagger(() => nlp(input)), counts}
}
