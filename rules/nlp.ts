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

/** The rank of each hook key of a net in `Object.keys(net.hooks)`: the order compromise tries them in. */
const hookRanks = new WeakMap<Net, {ranks: Map<string, number>; keys: string[]}>()

/**
 * compromise's `bulkMatch` (the postTagger's sweep), with the same result in the same order, but
 * finding each clause's candidate matches from the clause's own words and tags (a few dozen) instead
 * of testing all of the net's ~730 hook keys against every clause and concatenating arrays: that
 * lookup was a third of the sweep. The rest (trimming by needs, `ifNo`, wants and length, then
 * matching) is compromise's code, as in its `sweep/index.js`.
 */
const fastBulkMatch: BulkMatch = function (document, net, methods, opts = {}) {
  let order = hookRanks.get(net)
  if (!order) {
    const keys = Object.keys(net.hooks)
    order = {ranks: new Map(keys.map((key, rank) => [key, rank])), keys}
    hookRanks.set(net, order)
  }
  const {ranks, keys} = order
  const docCache = methods.one.cacheDoc(document)
  const results: unknown[] = []
  for (let n = 0; n < document.length; n++) {
    const haves = docCache[n]
    const present: number[] = []
    for (const item of haves) {
      const rank = ranks.get(item)
      if (rank !== undefined) present.push(rank)
    }
    present.sort((a, b) => a - b)
    const seen = new Set<string>()
    let maybe: NetMatch[] = []
    for (const rank of present) {
      for (const match of net.hooks[keys[rank]]) {
        if (seen.has(match.match)) continue
        seen.add(match.match)
        if (!match.needs.every((need) => haves.has(need))) continue
        if (match.ifNo !== undefined && match.ifNo.some((no) => haves.has(no))) continue
        if (match.wants.length > 0 && match.wants.filter((want) => haves.has(want)).length < match.minWant) continue
        maybe.push(match)
      }
    }
    if (net.always.length > 0) maybe = maybe.concat(net.always)
    const termCount = document[n].length
    for (const match of maybe) {
      if (termCount < match.minWords) continue
      const found = methods.one.match([document[n]], match)
      if (found.ptrs.length === 0) continue
      for (const pointer of found.ptrs) {
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
