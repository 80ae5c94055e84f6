/**
 * contradiction: two sentences, in one document or across the corpus, that
 * cannot both be true: `the pact was signed` vs `they may not sign a pact`.
 *
 * Per document (the plugin): claims are extracted from candidate sentences
 * (subject, predicate lemma, object head, polarity, modality, numbers,
 * period) and left on `file.data.contradiction`. Once over the corpus
 * (`corpus`): claims are indexed by subject, predicate (or antonymy axis)
 * and object; only claims in one index bucket are judged, by a `Judge`
 * (`rules/contradiction/judge.ts`), so the cost grows with the corpus, not
 * with its square. The text is never re-read in the corpus pass.
 */
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Position} from 'unist'
import {report, resolveOptions, type CorpusCheck, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {documentColumn, documentOffset} from './kit/text.js'
import {getSentences} from './kit/tree.js'
import type {Claim, ContradictionData, StoredClaim, StoredSentence} from './contradiction/claims.js'
import {AXES, GENDERED, extractClaims, isCandidate, tokenizeMany, verbForms} from './contradiction/extract.js'
import {createRuleJudge, reportedDisagreement, type ConflictKind, type Judge} from './contradiction/judge.js'
import {NOT_NAMES} from './data/contradiction-lexicon.js'

export type {Claim, ContradictionData, StoredClaim, StoredSentence} from './contradiction/claims.js'

export const meta: RuleMeta = {
  id: 'contradiction',
  description: 'two sentences (in one document or across documents) that contradict each other: negation, done vs may-not, antonyms, numbers, dates',
  level: 'warn',
  fixable: false,
  options: {
    withinDocument: {type: 'boolean', default: true, description: 'Also report contradictions between two sentences of one document.'},
    kinds: {
      type: 'string[]',
      default: ['negation', 'modality', 'antonym', 'numeric', 'date'],
      description: 'Kinds of conflict to report: `negation`, `modality` (done vs may-not/will-not/unlikely), `antonym`, `numeric`, `date`.',
    },
    numericTolerance: {
      type: 'number', default: 0.02, min: 0, max: 0.5,
      description: 'Relative gap two numbers may have, beyond the rounding their writing allows, before they conflict.',
    },
    maxSentenceWords: {
      type: 'integer', default: 80, min: 10, max: 300,
      description: 'Longer sentences are not parsed (parsing cost grows with length and long sentences parse poorly).',
    },
    maxPerBucket: {
      type: 'integer', default: 64, min: 2, max: 10000,
      description: 'Most distinct claims judged against each other for one subject, predicate and object; keeps the corpus pass near-linear.',
    },
  },
}

interface Options extends RuleOptions {
  withinDocument: boolean
  kinds: string[]
  numericTolerance: number
  maxSentenceWords: number
  maxPerBucket: number
}

// ---------------------------------------------------------------------------
// Per document.

/** Capitalised words that are not names (built once per process). */
const NOT_NAME_SET: ReadonlySet<string> = new Set(NOT_NAMES)

/**
 * What the document is about: the capitalised words (not sentence-initial) that recur most; and the
 * gendered pronouns that may not stand for it, since the document uses the other gender too (`she`
 * for the woman of an obituary, `he` once for her husband: neither is known to be the topic).
 */
function documentTopic(sentences: string[][]): {topic: string[]; names: Set<string>; ambiguous: Set<string>} {
  const counts = new Map<string, number>()
  const pronouns = new Set<string>()
  for (const words of sentences) {
    let first = true
    for (const text of words) {
      if (text.length <= 3) {
        const lower = text.toLowerCase()
        if (GENDERED.has(lower)) pronouns.add(lower)
      }
      if (!first && text.length > 1) {
        const c0 = text.charCodeAt(0)
        const c1 = text.charCodeAt(1)
        const capital = c0 >= 65 && c0 <= 90 && ((c1 >= 97 && c1 <= 122) || (c1 >= 65 && c1 <= 90 && text.length <= 5))
        if (capital) {
          let word = text.toLowerCase()
          if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2)
          if (!NOT_NAME_SET.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1)
        }
      }
      first = false
    }
  }
  const names = new Set(counts.keys())
  const ambiguous = new Set([...pronouns].filter((pronoun) => pronouns.has(GENDERED.get(pronoun)!)))
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
  if (ranked.length === 0 || ranked[0][1] < 3) return {topic: [], names, ambiguous}
  const topic = [ranked[0][0]]
  if (ranked[1] && ranked[1][1] >= 3 && ranked[1][1] >= ranked[0][1] * 0.5) topic.push(ranked[1][0])
  return {topic: topic.sort(), names, ambiguous}
}

export default function contradiction(options?: RuleOptions) {
  const settings = resolveOptions<Options>(meta, options)
  return function (tree: Root, file: VFile) {
    const sentences = getSentences(tree)
    // the words of each sentence, as written (read once: for the topic, then the filter)
    const sentenceWords: string[][] = sentences.map((sentence) => {
      const words: string[] = []
      for (const child of sentence.children) if (child.type === 'WordNode') words.push(toString(child))
      return words
    })
    const {topic, names, ambiguous} = documentTopic(sentenceWords)
    const candidates: Array<{text: string; at: Claim['at']; si: number}> = []
    for (let si = 0; si < sentences.length; si++) {
      const sentence = sentences[si]
      const start = sentence.position?.start
      const end = sentence.position?.end
      if (!start || !end || start.offset === undefined || end.offset === undefined) continue
      if (sentenceWords[si].length > settings.maxSentenceWords || !isCandidate(sentenceWords[si].map((word) => word.toLowerCase()))) continue
      const last = sentence.children[sentence.children.length - 1]
      if (last && last.type === 'PunctuationNode' && toString(last) === '?') continue
      // Offsets through documentOffset: in a window of a long document they are the window's.
      candidates.push({text: toString(sentence), at: [start.line, documentColumn(file, start.line, start.column), end.line, documentColumn(file, end.line, end.column), documentOffset(file, start.offset), documentOffset(file, end.offset)], si})
    }
    // each distinct sentence is parsed once (a page repeats its boilerplate; extraction only reads the tokens)
    const distinct = new Map<string, number>()
    for (const candidate of candidates) if (!distinct.has(candidate.text)) distinct.set(candidate.text, distinct.size)
    const parsed = tokenizeMany([...distinct.keys()], names)
    const stored: StoredSentence[] = []
    const claims: StoredClaim[] = []
    for (let c = 0; c < candidates.length; c++) {
      const found = extractClaims(candidates[c], topic, names, parsed[distinct.get(candidates[c].text)!], ambiguous)
      if (found.length === 0) continue
      stored.push({si: found[0].si, at: found[0].at, s: found[0].s})
      for (const {at, s, vf, ...claim} of found) claims.push(claim)
    }
    const data: ContradictionData = {topic, sentences: stored, claims}
    file.data.contradiction = data
  }
}

// ---------------------------------------------------------------------------
// Over the corpus.

interface Entry {
  /** Unique per claim in the run, to judge a pair once even when it shares several buckets. */
  id: number
  file: number
  claim: Claim
  /** The claim's signature (`signature`): what the judge sees of it. */
  sig: string
  /** Subject, predicate, object and signature: what the claim says. */
  says: string
}

/** Index keys of a claim: subject, predicate (and each antonymy axis) and object. */
export function claimKeys(claim: Claim): string[] {
  const keys = [`${claim.subj}|${claim.pred}|${claim.obj}`]
  for (const [axis] of AXES.get(claim.pred) ?? []) keys.push(`${claim.subj}|~${axis}|${claim.obj}`)
  return keys
}

/** What the judge sees of a claim: claims with the same signature in one bucket are judged once. */
function signature(claim: Claim): string {
  return [claim.pred, claim.pol, claim.mod, claim.per ?? '', (claim.mods ?? []).join(','), claim.nev ?? 0, claim.nom ?? 0, claim.q ?? '',
    (claim.n ?? []).map((n) => `${n.v}${n.u}${n.r}${n.lo}-${n.hi}`).join(',')].join('|')
}

const place = (claim: Claim): Position => ({
  start: {line: claim.at[0], column: claim.at[1], offset: claim.at[4]},
  end: {line: claim.at[2], column: claim.at[3], offset: claim.at[5]},
})

const KIND_WORDS: Record<ConflictKind, string> = {
  negation: 'one says it happened, the other that it did not',
  modality: 'one says it happened, the other that it may or will not',
  antonym: 'opposite outcomes',
  numeric: 'different numbers for the same quantity and period',
  date: 'different dates for the same event',
}

/** The corpus check, with the judge to use (the seam for a stronger, e.g. NLI, judge). */
export function createCorpusCheck(makeJudge: (options: Options) => Judge = (options) =>
  createRuleJudge({tolerance: options.numericTolerance, kinds: new Set(options.kinds as ConflictKind[])})): CorpusCheck {
  return function (files: VFile[], rawOptions: RuleOptions) {
    const options = resolveOptions<Options>(meta, rawOptions)
    const judge = makeJudge(options)
    const index = new Map<string, Entry[]>()
    let id = 0
    /** What each sentence says (`file:si`): a sentence that says both sides is a contrast, not a contradiction. */
    const saidIn = new Map<string, Set<string>>()
    for (let f = 0; f < files.length; f++) {
      const data = files[f].data.contradiction
      if (!data) continue
      const sentences = new Map(data.sentences.map((sentence) => [sentence.si, sentence]))
      for (const stored of data.claims) {
        const sentence = sentences.get(stored.si)
        if (!sentence) continue
        const claim: Claim = {...stored, at: sentence.at, s: sentence.s, vf: verbForms(stored.pred)}
        const sig = signature(claim)
        const entry: Entry = {id: id++, file: f, claim, sig, says: `${claim.subj}|${claim.obj}|${sig}`}
        const key = `${f}:${claim.si}`
        let said = saidIn.get(key)
        if (!said) saidIn.set(key, (said = new Set()))
        said.add(entry.says)
        for (const key of claimKeys(entry.claim)) {
          let bucket = index.get(key)
          if (!bucket) index.set(key, (bucket = []))
          bucket.push(entry)
        }
      }
    }
    const messages = new Messages(files)
    const judged = new Set<string>()
    for (const bucket of index.values()) {
      if (bucket.length < 2) continue
      // claims with one signature are judged once; their members share the verdict
      const groups = new Map<string, Entry[]>()
      for (const entry of bucket) {
        let group = groups.get(entry.sig)
        if (!group) {
          if (groups.size >= options.maxPerBucket) continue
          groups.set(entry.sig, (group = []))
        }
        group.push(entry)
      }
      const list = [...groups.values()]
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const x = list[i][0]
          const y = list[j][0]
          const pairId = x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`
          if (judged.has(pairId)) continue
          judged.add(pairId)
          const verdict = judge(x.claim, y.claim, {sameDocument: x.file === y.file})
          const sameX = x.file === y.file
          if (!verdict && !sameX) continue
          // every member of one group against one member of the other: linear in the group sizes
          const pairs: Array<[Entry, Entry]> = []
          for (const a of list[i]) pairs.push([a, partner(list[j], a)])
          for (const b of list[j]) pairs.push([partner(list[i], b), b])
          for (const [a, b] of pairs) {
            const sameFile = a.file === b.file
            if (sameFile && (a.claim.si === b.claim.si || !options.withinDocument)) continue
            // `Analysts argued that revenue rose 13 percent` / `The company confirmed ... 18 percent`: a reported disagreement
            if (reportedDisagreement(a.claim, b.claim, sameFile)) continue
            // `I had never been obsessed with it; I was obsessed with acting`: one sentence holding both sides
            if (saidIn.get(`${a.file}:${a.claim.si}`)?.has(b.says) || saidIn.get(`${b.file}:${b.claim.si}`)?.has(a.says)) continue
            const v = sameFile === sameX ? verdict : judge(a.claim, b.claim, {sameDocument: sameFile})
            if (v) messages.emit(a, b, v.a, v.b, v.kind)
          }
        }
      }
    }
    messages.finish()
  }
}

/**
 * The member of `group` to pair with `other`: one from another document if any, else another sentence
 * (one not attributed to a different source first).
 */
function partner(group: Entry[], other: Entry): Entry {
  for (const entry of group) if (entry.file !== other.file) return entry
  for (const entry of group) if (entry.claim.si !== other.claim.si && !reportedDisagreement(entry.claim, other.claim, true)) return entry
  for (const entry of group) if (entry.claim.si !== other.claim.si) return entry
  return group[0]
}

/** How many other sentences a message names beyond its first counterpart. */
const MORE_NAMED = 5

/**
 * The messages of one corpus pass: one per sentence. A sentence that contradicts many others (a
 * figure that changed across a thousand articles) gets one message naming its first counterpart,
 * and a note that names up to five more and counts the rest, so the report grows with the claims,
 * not with the pairs of them.
 */
class Messages {
  private readonly reported = new Set<string>()
  private readonly bySentence = new Map<string, {message: VFileMessage; more: string[]; count: number}>()

  constructor(private readonly files: VFile[]) {}

  emit(a: Entry, b: Entry, aSays: string, bSays: string, kind: ConflictKind) {
    const [first, second, firstSays, secondSays] =
      a.file < b.file || (a.file === b.file && a.claim.si < b.claim.si) ? [a, b, aSays, bSays] : [b, a, bSays, aSays]
    const pairKey = `${first.file}:${first.claim.si}|${second.file}:${second.claim.si}`
    if (this.reported.has(pairKey)) return
    this.reported.add(pairKey)
    const fileA = this.files[first.file]
    const fileB = this.files[second.file]
    if (first.file === second.file) {
      this.add(first, `line ${second.claim.at[0]}`, () => report(fileA, meta, `Contradiction within this document (${KIND_WORDS[kind]}): line ${first.claim.at[0]} says ${firstSays}; line ${second.claim.at[0]} says ${secondSays}`, {
        place: place(first.claim),
        note: `line ${second.claim.at[0]}: “${second.claim.s}”`,
      }))
      return
    }
    this.add(first, `${fileB.path}:${second.claim.at[0]}`, () => report(fileA, meta, `Contradiction with ${fileB.path}:${second.claim.at[0]} (${KIND_WORDS[kind]}): this says ${firstSays}; ${fileB.path}:${second.claim.at[0]} says ${secondSays}`, {
      place: place(first.claim),
      note: `${fileB.path}:${second.claim.at[0]}: “${second.claim.s}”`,
    }))
    this.add(second, `${fileA.path}:${first.claim.at[0]}`, () => report(fileB, meta, `Contradiction with ${fileA.path}:${first.claim.at[0]} (${KIND_WORDS[kind]}): this says ${secondSays}; ${fileA.path}:${first.claim.at[0]} says ${firstSays}`, {
      place: place(second.claim),
      note: `${fileA.path}:${first.claim.at[0]}: “${first.claim.s}”`,
    }))
  }

  private add(entry: Entry, where: string, create: () => VFileMessage) {
    const key = `${entry.file}:${entry.claim.si}`
    const known = this.bySentence.get(key)
    if (known) {
      known.count++
      if (known.more.length < MORE_NAMED) known.more.push(where)
      return
    }
    this.bySentence.set(key, {message: create(), more: [], count: 0})
  }

  /** Name the further counterparts in each message's note. */
  finish() {
    for (const {message, more, count} of this.bySentence.values()) {
      if (count === 0) continue
      const rest = count - more.length
      message.note += `\nAlso contradicted by ${count} more sentence${count === 1 ? '' : 's'}: ${more.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}.`
    }
  }
}

export const corpus: CorpusCheck = createCorpusCheck()
