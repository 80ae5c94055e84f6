/**
 * Claim extraction for the `contradiction` rule: which sentences to parse
 * (a token-level filter, since compromise is slow), and from compromise's
 * tags, the claims a sentence makes (subject, predicate lemma, object head,
 * polarity, modality, numbers, period).
 *
 * All logic is over tokens: no regular expression sees document text except
 * anchored, fixed-shape ones on single tokens.
 */
import nlp, {tagMany} from '../kit/nlp.js'
import {
  ANAPHORIC_DETERMINERS, ANAPHORS, ANTONYM_AXES, EVENT_VERBS, FACTIVE_GOVERNORS, FACTIVE_PREPOSITIONS,
  HEDGE_ADJECTIVES, HYPOTHETICAL_MARKERS, INTENT_VERBS, MODALS, MONTHS, MULTIPLIERS, NEGATING_GOVERNORS, NEGATIONS,
  NEGATIVE_IMPLICATIVES, NOMINALS, NOT_NEGATING, NUMBER_QUALIFIERS, NUMBER_WORDS, ONCE_ONLY, POSITIVE_IMPLICATIVES,
} from '../data/contradiction-lexicon.js'
import type {Claim, ClaimNumber, Modality} from './claims.js'
import {
  ATTRIBUTION_HEARER_VERBS, ATTRIBUTION_VERBS, INTERRUPTION_NOUNS, KNOWING_VERBS, MASS_NOUNS, RELATION_NOUNS, RESTORATION_VERBS,
} from '../data/contradiction-lexicon.js'

// ---------------------------------------------------------------------------
// Knowledge bases, built once per process.

interface VerbTransform {
  toInfinitive(word: string, model: unknown, tense?: string): string
  conjugate(word: string, model: unknown): Record<string, string | undefined>
}
const world = (nlp as unknown as {world(): {model: unknown; methods: {two: {transform: {verb: VerbTransform}}}}}).world()
const verbTransform = world.methods.two.transform.verb
const LEXICON = (world.model as {one: {lexicon: Record<string, string | string[] | undefined>}}).one.lexicon

const set = (words: readonly string[]) => new Set(words)
const NEGATION_SET = set(NEGATIONS)
const NOT_NEGATING_SET = set(NOT_NEGATING)
const HYPO_SET = set(HYPOTHETICAL_MARKERS)
const INTENT_SET = set(INTENT_VERBS)
const NEG_IMPL_SET = set(NEGATIVE_IMPLICATIVES)
const POS_IMPL_SET = set(POSITIVE_IMPLICATIVES)
const FACTIVE_GOV_SET = set(FACTIVE_GOVERNORS)
const FACTIVE_PREP_SET = set(FACTIVE_PREPOSITIONS)
const NEG_GOV_SET = set(NEGATING_GOVERNORS)
const ANAPHOR_SET = set(ANAPHORS)
const ANAPHORIC_DET_SET = set(ANAPHORIC_DETERMINERS)
const MONTH_SET = set(MONTHS)
const MASS_NOUN_SET = set(MASS_NOUNS)
const EVENT_SET = set(EVENT_VERBS)
const RELATION_SET = set(RELATION_NOUNS)
const RESTORATION_SET = set(RESTORATION_VERBS)
const INTERRUPTION_SET = set(INTERRUPTION_NOUNS)
const ATTRIBUTION_SET = set(ATTRIBUTION_VERBS)
const HEARER_SET = set(ATTRIBUTION_HEARER_VERBS)
/** Verbs of saying and knowing, whose `that` opens a clause rather than an object. */
const REPORTING_VERBS = set([...ATTRIBUTION_VERBS, ...KNOWING_VERBS])
/** Words that open a new clause: a reporting verb's `that`-less complement does not run past them. */
const CLAUSE_BREAKS = set(['and', 'but', 'while', 'whereas', 'as', 'when', 'after', 'before', 'because', 'since', 'although', 'though', 'so', 'or'])
/** Once-only events that cannot happen twice in any role (`born to a clerk` is still the birth): no qualifier. */
const UNREPEATABLE = set(['bear', 'die', 'assassinate'])
/** Prepositions that qualify an event's purpose or role: `opened to goods traffic`, `released on DVD`, `opened as a museum`. */
const ROLE_PREPOSITIONS = set(['to', 'as', 'on', 'for'])
/** Gendered subject pronouns, each with the other gender's. */
export const GENDERED: ReadonlyMap<string, string> = new Map([['he', 'she'], ['she', 'he']])
const HEDGE_ADVERBS = set(['probably', 'possibly', 'perhaps', 'maybe', 'likely', 'apparently', 'seemingly', 'presumably', 'potentially', 'partly', 'partially'])
const BE = set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m"])
const PAST_AUX = set(['did', 'had', 'was', 'were', "didn't", "hadn't", "wasn't", "weren't"])
const PERFECT_AUX = set(['has', 'have', 'had', "hasn't", "haven't", "hadn't", "'ve"])
const POSSESSIVE_DETS = set(['its', 'their', 'his', 'her', 'our', 'my', 'your'])
const RELATIVE = set(['that', 'which', 'who', 'whom', 'whose'])
const RELATIVE_TIME = set(['yesterday', 'today', 'tonight', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
const CURRENCY_WORDS: Record<string, string> = {dollar: '$', dollars: '$', usd: '$', euro: '€', euros: '€', pound: '£', pounds: '£', yen: '¥', yuan: '¥'}

/** Past forms of the predicates of interest (`rose` -> `rise`), to repair tags (compromise reads `Sales rose` as nouns). */
const PAST_FORMS = new Map<string, string>()
/** Past and third-person forms of those predicates, with their tense. */
const VERB_FORMS = new Map<string, [string, 'PastTense' | 'PresentTense']>()

/** Inflected forms of the predicates of interest, and the nominalisations: the sentence filter's triggers. */
const TRIGGERS: Set<string> = (() => {
  const triggers = new Set<string>()
  const verbs = new Set<string>([...EVENT_VERBS, ...ONCE_ONLY])
  for (const axis of Object.values(ANTONYM_AXES)) for (const verb of [...axis.plus, ...axis.minus]) verbs.add(verb)
  for (const verb of verbs) {
    triggers.add(verb)
    const forms = verbTransform.conjugate(verb, world.model)
    for (const form of Object.values(forms)) if (form && !form.includes(' ')) triggers.add(form)
    if (forms.PastTense && forms.PastTense !== verb) PAST_FORMS.set(forms.PastTense, verb)
    if (forms.PastTense) VERB_FORMS.set(forms.PastTense, [verb, 'PastTense'])
    if (forms.PresentTense) VERB_FORMS.set(forms.PresentTense, [verb, 'PresentTense'])
  }
  for (const noun of Object.keys(NOMINALS)) triggers.add(noun)
  for (const noun of RELATION_NOUNS) triggers.add(noun)
  for (const word of [...NEGATIONS, ...Object.keys(MODALS), ...Object.keys(HEDGE_ADJECTIVES), ...NEGATIVE_IMPLICATIVES]) triggers.add(word)
  for (const word of Object.keys(NUMBER_WORDS)) triggers.add(word)
  for (const word of Object.keys(MULTIPLIERS)) if (word.length > 2) triggers.add(word)
  return triggers
})()

/** Antonymy: axis keys of a predicate with its side. */
export const AXES: Map<string, Array<[string, 1 | -1]>> = (() => {
  const axes = new Map<string, Array<[string, 1 | -1]>>()
  for (const [name, axis] of Object.entries(ANTONYM_AXES)) {
    for (const [side, verbs] of [[1, axis.plus], [-1, axis.minus]] as const) {
      for (const verb of verbs) {
        const list = axes.get(verb) ?? []
        list.push([name, side])
        axes.set(verb, list)
      }
    }
  }
  return axes
})()
export const ONCE_ONLY_SET = set(ONCE_ONLY)

const formsCache = new Map<string, [string, string]>()
/** Past and participle of a lemma, for messages. */
export function verbForms(lemma: string): [string, string] {
  let forms = formsCache.get(lemma)
  if (!forms) {
    if (lemma === 'be') forms = ['was', 'been']
    else if (lemma === 'bear') forms = ['was born', 'born']
    else {
      const conjugated = verbTransform.conjugate(lemma, world.model)
      forms = [conjugated.PastTense ?? lemma, conjugated.Participle ?? conjugated.PastTense ?? lemma]
    }
    formsCache.set(lemma, forms)
  }
  return forms
}

const gerundCache = new Map<string, string | null>()
/** `signing` -> `sign` when the gerund is really the -ing form of a verb. */
function gerundLemma(word: string): string | null {
  let lemma = gerundCache.get(word)
  if (lemma === undefined) {
    lemma = null
    if (word.length > 5 && word.endsWith('ing')) {
      const infinitive = verbTransform.toInfinitive(word, world.model, 'Gerund')
      if (infinitive && infinitive !== word && verbTransform.conjugate(infinitive, world.model).Gerund === word) lemma = infinitive
    }
    gerundCache.set(word, lemma)
  }
  return lemma
}

// ---------------------------------------------------------------------------
// The sentence filter.

/** Whether a sentence (its words, lowercased) may hold a claim worth parsing. Token-level and linear. */
export function isCandidate(words: string[]): boolean {
  if (words.length < 3 || words.length > 80) return false
  for (const word of words) {
    if (TRIGGERS.has(word)) return true
    const code = word.charCodeAt(0)
    if (code >= 48 && code <= 57) return true
    // any past tense: `returned`, `removed`, `won`
    if (word.length > 4 && word.endsWith('ed')) return true
    if (word.endsWith("n't") || word.endsWith('n’t')) return true
    const tag = LEXICON[word]
    if (tag === 'PastTense' || tag === 'Participle') return true
  }
  return false
}

// ---------------------------------------------------------------------------
// Tokens.

export interface Token {
  /** Lowercase normal form. */
  w: string
  text: string
  tags: Set<string>
  /** Lemma (compromise's root, else the normal form). */
  lemma: string
  /** Whether punctuation that ends a clause follows (`,` `;` `:` `—`). */
  stop: boolean
}

type Term = {text: string; pre?: string; post?: string; normal?: string; tags?: Set<string>; root?: string; implicit?: string}

function toToken(t: Term): Token {
  const w = (t.implicit || t.normal || '').toLowerCase()
  const post = t.post ?? ''
  let stop = false
  for (let i = 0; i < post.length; i++) {
    const c = post[i]
    if (c === ',' || c === ';' || c === ':' || c === '—' || c === '–' || c === '(' || c === ')' || c === '"' || c === '“' || c === '”') stop = true
  }
  const tags = new Set(t.tags ?? [])
  let lemma = (t.root || w).toLowerCase()
  // compromise leaves verbs it does not know without a root (`extradited`)
  if ((!t.root || lemma === w) && tags.has('Verb') && !tags.has('Auxiliary') && (tags.has('PastTense') || tags.has('Participle') || tags.has('Gerund') || (w.endsWith('s') && !tags.has('Infinitive') && !w.endsWith('ss')))) lemma = verbLemma(w, tags.has('PastTense') ? 'PastTense' : tags.has('Gerund') ? 'Gerund' : 'PresentTense')
  return {w, text: t.text, tags, lemma, stop}
}

const lemmaCache = new Map<string, string>()
function verbLemma(word: string, tense: string): string {
  if (word === 'born') return 'bear'
  const key = word + '|' + tense
  let lemma = lemmaCache.get(key)
  if (lemma === undefined) {
    lemma = tense === 'PresentTense' && !word.endsWith('s') ? word : verbTransform.toInfinitive(word, world.model, tense) || word
    lemmaCache.set(key, lemma)
  }
  return lemma
}

function tokenize(sentence: string, names: ReadonlySet<string>): Token[] {
  return tokenizeMany([sentence], names)[0]
}

/**
 * Tokens (before `repair`, which depends on the document) of sentences tagged lately, across
 * documents: sites repeat their boilerplate sentences on every page. Least recently used first.
 * Each sentence's tokens are kept as one string (`packTokens`): kept as objects (a Set of tags per
 * token), a full cache made the garbage collector's every pass longer and cost 12% on a corpus that
 * repeats nothing.
 */
const recent = new Map<string, string>()
/** Most sentences `recent` keeps (a few MB of strings). */
const RECENT_SENTENCES = 4096

const FIELD = '\u001f'
const TOKEN = '\u001e'
/** Tokens as one string: fields split by U+001F, tokens by U+001E (a sentence holding either is not kept). */
function packTokens(tokens: Token[]): string {
  const parts: string[] = []
  for (const t of tokens) parts.push(t.w + FIELD + t.text + FIELD + [...t.tags].join(',') + FIELD + t.lemma + FIELD + (t.stop ? '1' : ''))
  return parts.join(TOKEN)
}
function unpackTokens(packed: string): Token[] {
  if (packed === '') return []
  return packed.split(TOKEN).map((part) => {
    const [w, text, tags, lemma, stop] = part.split(FIELD)
    return {w, text, tags: new Set(tags === '' ? [] : tags.split(',')), lemma, stop: stop === '1'}
  })
}

/**
 * Tokens of many sentences, with one compromise call for those not seen lately (a call per sentence
 * costs about twice as much). Each sentence is tagged as if alone (`tagMany`), so a sentence's
 * tokens do not depend on its neighbours and can be reused from `recent`.
 */
export function tokenizeMany(sentences: string[], names: ReadonlySet<string>): Token[][] {
  const result: Token[][] = new Array(sentences.length)
  const missing: string[] = []
  const missingAt: number[] = []
  for (let i = 0; i < sentences.length; i++) {
    const packed = recent.get(sentences[i])
    if (packed !== undefined) {
      recent.delete(sentences[i])
      recent.set(sentences[i], packed)
      result[i] = unpackTokens(packed)
    } else {
      missing.push(sentences[i])
      missingAt.push(i)
    }
  }
  if (missing.length > 0) {
    const {doc, counts} = tagMany(missing)
    doc.compute('root')
    const docs = doc.docs as unknown as Term[][]
    let d = 0
    for (let m = 0; m < missing.length; m++) {
      const tokens: Token[] = []
      for (let c = 0; c < counts[m]; c++) for (const term of docs[d++]) tokens.push(toToken(term))
      result[missingAt[m]] = tokens
      if (!missing[m].includes(FIELD) && !missing[m].includes(TOKEN)) recent.set(missing[m], packTokens(tokens))
    }
    for (const key of recent.keys()) {
      if (recent.size <= RECENT_SENTENCES) break
      recent.delete(key)
    }
  }
  return result.map((tokens) => repair(tokens, names))
}

function repair(tokens: Token[], names: ReadonlySet<string>): Token[] {
  // `Spotify removed`: an unknown capitalised first word read as a verb, right before a verb
  const first = tokens[0]
  const c0 = first ? first.text.charCodeAt(0) : 0
  if (first && c0 >= 65 && c0 <= 90 && first.tags.has('Verb') && !first.tags.has('Auxiliary') && !first.tags.has('Modal') && !first.tags.has('Copula') && !LEXICON[first.w] && tokens[1] && (tokens[1].tags.has('PastTense') || tokens[1].tags.has('Auxiliary') || tokens[1].tags.has('Modal'))) {
    first.tags = new Set(['Noun', 'Singular', 'ProperNoun'])
    first.lemma = first.w
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    // `was born`: a participle read as an infinitive after a form of `be`
    if (t.w === 'born' && k > 0 && BE.has(tokens[k - 1].w)) {
      t.tags = new Set(['Verb', 'PastTense', 'Participle', 'Passive'])
      t.lemma = 'bear'
    }
    // `has not closed`: a participle read as an adjective after a perfect auxiliary
    if (t.tags.has('Adjective') && (t.w.endsWith('ed') || PAST_FORMS.has(t.w) || t.w === 'born')) {
      let b = k - 1
      while (b >= 0 && (tokens[b].tags.has('Negative') || tokens[b].tags.has('Adverb') || NEGATION_SET.has(tokens[b].w))) b--
      if (b >= 0 && b < k - 1 && (PERFECT_AUX.has(tokens[b].w) || tokens[b].w.endsWith("n't")) && (tokens[b].w.startsWith('ha'))) {
        t.tags = new Set(['Verb', 'PastTense', 'Participle'])
        t.lemma = verbLemma(t.w, 'PastTense')
      }
    }
    const c0 = t.text.charCodeAt(0)
    const capital = c0 >= 65 && c0 <= 90
    // names compromise does not know (`Apple`, `Tesla`): capitalised mid-sentence, or known to the document
    if (capital && t.tags.has('Noun') && !t.tags.has('ProperNoun') && !t.tags.has('Pronoun') && !t.tags.has('Date') && !t.tags.has('Value')) {
      const bare = entityWord(t)
      const initialName = k === 0 && t.tags.has('Singular') && !MASS_NOUN_SET.has(bare) && tokens[1]?.tags.has('Verb')
      if (names.has(bare) || (k > 0 && !tokens[k - 1].stop) || initialName) t.tags.add('ProperNoun')
    }
    // `Sales rose by 7%`: a past form of a predicate of interest, read as a noun after a noun
    const lemma = PAST_FORMS.get(t.w)
    const previous = tokens[k - 1]
    // `Netflix shares rose`: `shares` read as a verb, `rose` as a noun
    if ((lemma || VERB_FORMS.get(t.w)?.[1] === 'PastTense') && previous && previous.tags.has('Verb') && previous.tags.has('PresentTense') && previous.w.endsWith('s') && k > 1 && tokens[k - 2].tags.has('Noun') && !tokens[k - 2].tags.has('Pronoun')) {
      previous.tags = new Set(['Noun', 'Plural'])
      previous.lemma = previous.w.slice(0, -1)
    }
    // `Toyota cut prices`, `The factory employs 4,000 workers`: a predicate form read as a noun right after the subject
    const form = VERB_FORMS.get(t.w)
    const next = tokens[k + 1]
    const subjectBefore = previous && (previous.tags.has('ProperNoun') || (k === 2 && tokens[0].tags.has('Determiner') && previous.tags.has('Noun'))) && !previous.tags.has('Possessive')
    if (form && t.tags.has('Noun') && !t.tags.has('Verb') && subjectBefore && next && (next.tags.has('Determiner') || next.tags.has('Value') || (next.tags.has('Noun') && !next.tags.has('ProperNoun')))) {
      t.tags = new Set(['Verb', form[1]])
      t.lemma = form[0]
      continue
    }
    if (lemma && !t.tags.has('Verb') && k > 0 && tokens[k - 1].tags.has('Noun') && !tokens[k - 1].tags.has('Determiner')) {
      const next = tokens[k + 1]
      if (!next || next.tags.has('Preposition') || next.tags.has('Value') || next.tags.has('Determiner') || next.tags.has('Adverb') || next.w === 'to') {
        t.tags = new Set(['Verb', 'PastTense'])
        t.lemma = lemma
      }
    }
  }
  return tokens
}

const is = (token: Token | undefined, tag: string) => token !== undefined && token.tags.has(tag)
const isNounish = (t: Token) => t.tags.has('Noun') || t.tags.has('Determiner') || t.tags.has('Adjective') || t.tags.has('Value') || t.tags.has('Possessive')

function lemmaOf(token: Token): string {
  if (BE.has(token.w) || token.lemma === 'is') return 'be'
  if (token.w === 'born') return 'bear'
  return token.lemma
}

// ---------------------------------------------------------------------------
// Verb groups.

interface Group {
  start: number
  /** Index of the main verb. */
  main: number
  end: number
  lemma: string
  neg: boolean
  never: boolean
  /** `not only`, `nearly`: the group's polarity is not plain. */
  partial: boolean
  modal: 'may' | 'will' | 'hypo' | null
  hedge: boolean
  passive: boolean
  copula: boolean
  mod: Modality | 'skip'
}

function findGroups(tokens: Token[]): Group[] {
  const groups: Group[] = []
  let i = 0
  while (i < tokens.length) {
    const first = tokens[i]
    const startsGroup = first.tags.has('Verb') || first.tags.has('Modal') || (first.w === 'never' && is(tokens[i + 1], 'Verb'))
    if (!startsGroup) {
      i++
      continue
    }
    let neg = false
    let never = false
    let partial = false
    let modal: Group['modal'] = null
    let hedge = false
    const aux: string[] = []
    let main = -1
    let j = i
    for (; j < tokens.length; j++) {
      const t = tokens[j]
      if (t.w in MODALS && (t.tags.has('Modal') || t.tags.has('Auxiliary'))) {
        modal = MODALS[t.w]
        if (t.w.endsWith("n't") || t.w === 'cannot') neg = true
        continue
      }
      if (NEGATION_SET.has(t.w) || (t.tags.has('Negative') && t.w === '') || t.w.endsWith("n't")) {
        if (t.w === 'no') break
        neg = true
        if (t.w === 'never') never = true
        const next = tokens[j + 1]
        if (next && NOT_NEGATING_SET.has(next.w)) partial = true
        if (t.tags.has('Auxiliary') || t.tags.has('Verb')) aux.push(t.w.replace("n't", ''))
        continue
      }
      if (t.tags.has('Adverb') && j > i) {
        if (HEDGE_ADVERBS.has(t.w)) hedge = true
        continue
      }
      if (t.tags.has('Verb')) {
        const next = nextNonAdverb(tokens, j + 1)
        const auxLike = t.tags.has('Auxiliary') || ((t.tags.has('Copula') || PERFECT_AUX.has(t.w)) && next !== undefined && tokens[next].tags.has('Verb') && !tokens[next].tags.has('Infinitive'))
        if (auxLike && next !== undefined && tokens[next].tags.has('Verb')) {
          aux.push(t.w)
          continue
        }
        main = j
        break
      }
      break
    }
    if (main === -1) {
      i = Math.max(j, i + 1)
      continue
    }
    const verb = tokens[main]
    const lemma = lemmaOf(verb)
    const copula = lemma === 'be'
    const beAux = aux.some((a) => BE.has(a))
    const passive = beAux && (verb.tags.has('PastTense') || verb.tags.has('Participle') || verb.tags.has('Passive'))
    let mod: Modality | 'skip'
    if (modal === 'hypo') mod = 'skip'
    else if (modal === 'may') mod = 'may'
    else if (modal === 'will') mod = 'will'
    else if (verb.tags.has('Gerund') && beAux) mod = 'skip'
    else if (aux.some((a) => PAST_AUX.has(a) || PERFECT_AUX.has(a)) || verb.tags.has('PastTense') || verb.tags.has('Participle')) {
      mod = passive && aux.every((a) => a === 'is' || a === 'are' || a === 'being' || a === 'be' || a === 'am') ? 'present' : 'done'
    } else if (verb.tags.has('Infinitive') && aux.length === 0 && !neg) mod = 'skip'
    else mod = 'present'
    if (verb.tags.has('Gerund') && !beAux && aux.length === 0) mod = 'skip'
    groups.push({start: i, main, end: main, lemma, neg, never, partial, modal, hedge, passive, copula, mod})
    i = main + 1
  }
  return groups
}

function nextNonAdverb(tokens: Token[], from: number): number | undefined {
  for (let k = from; k < tokens.length && k < from + 3; k++) {
    if (!tokens[k].tags.has('Adverb') && !tokens[k].tags.has('Negative') && !NEGATION_SET.has(tokens[k].w)) return k
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Noun phrases.

interface Phrase {
  start: number
  end: number
  text: string
  /** Entity words (proper nouns, lowercased, no possessive). */
  ents: string[]
  /** Head noun lemma. */
  head: string
  /** Compound before the head (`defense` in `defense pact`). */
  compound: string
  pronoun: boolean
  anaphoricDet: boolean
  /** Starts with `its`, `their`...: something of the topic, not the topic itself. */
  possessiveDet: boolean
  negDet: boolean
  /** `a`, `an`, `another`, `some`: one of many, not a particular one. */
  indefinite: boolean
  /** Capitalised modifiers before the head (`IMF` in `the IMF loan`, `Chinese`), sorted. */
  names: string[]
  numbers: ClaimNumber[]
}

const entityWord = (t: Token) => t.w.replace(/['’]s$/, '')

function phrase(tokens: Token[], start: number, end: number): Phrase | null {
  if (start > end || start < 0 || end >= tokens.length) return null
  const ents: string[] = []
  let head = ''
  let headIndex = -1
  let pronoun = false
  for (let k = start; k <= end; k++) {
    const t = tokens[k]
    if (t.tags.has('ProperNoun') && !t.tags.has('Date')) ents.push(entityWord(t))
    if (t.tags.has('Noun') && !t.tags.has('Value') && !t.tags.has('Date') && !t.tags.has('Determiner') && !(t.tags.has('Possessive') && k < end)) {
      head = t.tags.has('ProperNoun') ? '' : t.lemma.replace(/['’]s$/, '')
      headIndex = k
      pronoun = t.tags.has('Pronoun')
    }
  }
  let compound = ''
  const before = tokens[headIndex - 1]
  if (head && headIndex > start && before && (before.tags.has('Noun') || before.tags.has('Gerund')) && !before.tags.has('ProperNoun') && !before.tags.has('Value') && !before.tags.has('Possessive') && !before.tags.has('Pronoun') && !before.tags.has('Date')) compound = before.lemma
  const first = tokens[start]
  const numbers = readNumbers(tokens, start, end, 'n', head)
  const names: string[] = []
  for (let k = start; k < headIndex; k++) {
    const c0 = tokens[k].text.charCodeAt(0)
    if (c0 >= 65 && c0 <= 90 && k > 0 && !tokens[k].tags.has('Determiner')) names.push(entityWord(tokens[k]))
  }
  return {
    start, end,
    text: tokens.slice(start, end + 1).map((t) => t.text).join(' '),
    ents: [...new Set(ents)].sort(),
    head: pronoun ? first.w : head,
    compound,
    pronoun,
    anaphoricDet: ANAPHORIC_DET_SET.has(first.w) || first.tags.has('Pronoun'),
    possessiveDet: start < end && POSSESSIVE_DETS.has(first.w),
    negDet: first.w === 'no',
    indefinite: first.w === 'a' || first.w === 'an' || first.w === 'another' || first.w === 'some' || (first.tags.has('Plural') && start === end),
    names: [...new Set(names)].sort(),
    numbers,
  }
}

/** The noun phrase that ends at `end` (scanning back). */
function phraseBefore(tokens: Token[], end: number): Phrase | null {
  let k = end
  while (k >= 0 && tokens[k].tags.has('Adverb')) k--
  if (k >= 0 && RELATIVE.has(tokens[k].w)) k--
  const last = k
  while (k >= 0) {
    const t = tokens[k]
    if (k < last && t.stop) break
    if (isNounish(t) && !RELATIVE.has(t.w)) {
      k--
      continue
    }
    if ((t.w === 'and' || t.w === '&') && k > 0 && tokens[k - 1].tags.has('ProperNoun') && tokens[k + 1]?.tags.has('ProperNoun')) {
      k--
      continue
    }
    break
  }
  return last >= 0 && k + 1 <= last ? phrase(tokens, k + 1, last) : null
}

/** The noun phrase that starts at `start` (scanning on). */
function phraseAfter(tokens: Token[], start: number): Phrase | null {
  let k = start
  while (k < tokens.length) {
    const t = tokens[k]
    const gerundModifier = t.tags.has('Gerund') && k > start && tokens[k + 1]?.tags.has('Noun')
    if (!(isNounish(t) || gerundModifier || t.w === '%' || (t.w === 'and' && tokens[k - 1]?.tags.has('ProperNoun') && tokens[k + 1]?.tags.has('ProperNoun')))) break
    if (t.tags.has('Pronoun') && !t.tags.has('Possessive') && k > start) break
    k++
    if (t.stop) break
  }
  return k > start ? phrase(tokens, start, k - 1) : null
}

// ---------------------------------------------------------------------------
// Numbers and periods.

function numberValue(token: Token): number | null {
  if (NUMBER_WORDS[token.w] !== undefined) return NUMBER_WORDS[token.w]
  let digits = ''
  for (const c of token.w) {
    if ((c >= '0' && c <= '9') || c === '.') digits += c
    else if (c === ',' || c === '$' || c === '€' || c === '£' || c === '%' || c === '¥') continue
    else if (digits && (c === 'm' || c === 'k' || c === 'b' || c === 'n')) continue
    else return null
  }
  if (!digits || digits === '.') return null
  const value = Number(digits)
  return Number.isFinite(value) ? value : null
}

function readNumbers(tokens: Token[], start: number, end: number, role: ClaimNumber['r'], head: string): ClaimNumber[] {
  const numbers: ClaimNumber[] = []
  for (let k = start; k <= end; k++) {
    const t = tokens[k]
    if (!t.tags.has('Value') || t.tags.has('Year') || t.tags.has('Ordinal') || t.tags.has('Multiple')) continue
    let value = numberValue(t)
    if (value === null) continue
    let text = t.text
    let last = k
    const next = tokens[k + 1]
    if (next && MULTIPLIERS[next.w] !== undefined && k + 1 <= end + 1) {
      value *= MULTIPLIERS[next.w]
      text += ' ' + next.text
      last = k + 1
    } else if (t.w.endsWith('bn')) value *= 1e9
    else if (t.w.endsWith('m') && !t.w.endsWith('%')) value *= 1e6
    let unit = ''
    if (t.tags.has('Percent') || t.w.endsWith('%') || tokens[last + 1]?.w === 'percent') unit = '%'
    else if (t.tags.has('Money') || t.w.startsWith('$') || t.w.startsWith('€') || t.w.startsWith('£')) unit = t.w.startsWith('€') ? '€' : t.w.startsWith('£') ? '£' : '$'
    else if (tokens[last + 1] && CURRENCY_WORDS[tokens[last + 1].w]) unit = CURRENCY_WORDS[tokens[last + 1].w]
    else {
      const after = tokens[last + 1]
      if (after && after.tags.has('Noun') && !after.tags.has('Value')) unit = after.lemma
      else if (head) unit = head
    }
    if (!unit || is(tokens[last + 1], 'Duration') && !head) continue
    // qualifiers just before: `about`, `more than`, `at least`, `up to`, `nearly`
    let kind: 'about' | 'min' | 'max' | 'near' | null = null
    for (let q = k - 1; q >= Math.max(0, k - 3); q--) {
      const qualifier = NUMBER_QUALIFIERS[tokens[q].w]
      if (qualifier) {
        kind = qualifier
        break
      }
      if (tokens[q].w === 'between' || tokens[q].w === 'from') kind = 'about'
    }
    // a range (`5% to 7%`, `10 or 12`), not `by 7% to $3 billion`
    const other = tokens[last + 2]
    if ((tokens[last + 1]?.w === 'to' || tokens[last + 1]?.w === '-' || tokens[last + 1]?.w === 'or') && other && other.tags.has('Value') && other.tags.has('Money') === t.tags.has('Money') && other.tags.has('Percent') === t.tags.has('Percent')) kind = 'about'
    let lo = value
    let hi: number | null = value
    if (kind === 'about') {
      lo = value * 0.85
      hi = value * 1.15
    } else if (kind === 'near') {
      lo = value * 0.85
    } else if (kind === 'min') hi = null
    else if (kind === 'max') lo = 0
    numbers.push({v: value, lo, hi, u: unit, r: role, t: text})
    k = last
  }
  return numbers
}

/** The period a sentence names; tokens in `skip` (a subject's appositive or relative clause) do not count. */
function periodOf(tokens: Token[], skip?: [number, number]): string | undefined {
  const years = new Set<string>()
  let quarter = ''
  let month = ''
  let relative = ''
  for (let k = 0; k < tokens.length; k++) {
    if (skip && k >= skip[0] && k <= skip[1]) continue
    const t = tokens[k]
    if (t.tags.has('Year') || (t.tags.has('Date') && t.w.length === 4 && t.w >= '1700' && t.w <= '2199' && numberValue(t) !== null)) years.add(t.w)
    else if ((t.w === 'quarter' || t.w === 'half') && tokens[k - 1]?.tags.has('Ordinal')) quarter = tokens[k - 1].w + ' ' + t.w
    else if (t.w.length === 2 && (t.w[0] === 'q' || t.w[0] === 'h') && t.w[1] >= '1' && t.w[1] <= '4') quarter = t.w
    else if (MONTH_SET.has(t.w) && t.tags.has('Date') && !t.tags.has('Modal')) month = t.w
    else if ((t.w === 'last' || t.w === 'this' || t.w === 'next' || t.w === 'past') && tokens[k + 1] && (tokens[k + 1].tags.has('Date') || tokens[k + 1].tags.has('Duration'))) relative = t.w + ' ' + tokens[k + 1].w
    else if (RELATIVE_TIME.has(t.w)) relative = t.w
  }
  if (years.size > 1) return 'multi'
  const year = [...years][0]
  if (!year) return relative ? 'rel:' + relative : month || quarter ? 'rel:' + (month || quarter) : undefined
  return year + (quarter ? ' ' + quarter : '') + (month ? ' ' + month : '')
}

// ---------------------------------------------------------------------------
// Claims.

export interface SentenceInput {
  text: string
  at: Claim['at']
  si: number
}

/**
 * The claims of one sentence. `topic` is the document's topic words, for anaphoric subjects;
 * `ambiguous` the pronouns that may not resolve to it (`he` in a document that also says `she`).
 */
export function extractClaims(sentence: SentenceInput, topic: string[], names: ReadonlySet<string> = new Set(), parsed?: Token[], ambiguous: ReadonlySet<string> = NONE): Claim[] {
  const tokens = parsed ?? tokenize(sentence.text, names)
  if (tokens.length === 0) return []
  const groups = findGroups(tokens)
  if (groups.length === 0) return []
  const per = periodOf(tokens)
  let hypoAt = tokens.length
  for (let k = 0; k < tokens.length; k++) {
    if (HYPO_SET.has(tokens[k].w)) {
      hypoAt = k
      break
    }
  }
  const claims: Claim[] = []
  const short = sentence.text.length > 120 ? sentence.text.slice(0, 119) + '…' : sentence.text
  const base = {at: sentence.at, si: sentence.si, s: short}

  /** The subject of a verb group, and the span of an appositive or relative clause skipped to reach it. */
  const subjectAt = (start: number): {phrase: Phrase | null; skip?: [number, number]} => {
    const appositive = appositiveSubject(tokens, start)
    if (appositive) return appositive
    const phrase = phraseBefore(tokens, start - 1)
    // a phrase with no noun and no name (`1968` ending `the flood of 1968`, a lone determiner) is no subject
    return {phrase: phrase && (phrase.head || phrase.ents.length > 0) ? phrase : null}
  }
  /** Period of each group's claim: the sentence's, less its subject's appositive. */
  const periodFor = new Map<number, string | undefined>()
  const periodAt = (group: Group) => (periodFor.has(group.start) ? periodFor.get(group.start) : per)
  /** The source a claim at token `at` is attributed to (`X said that ...`, `according to X`, `..., X said.`). */
  let attributions: Attribution[] | undefined
  const sourceOf = (at: number): string | undefined => {
    attributions ??= attributionsOf(tokens, groups, topic, (start) => subjectAt(start).phrase)
    let found: string | undefined
    for (const a of attributions) if (at >= a.from && at < a.to) found = a.src
    return found
  }
  const subjectOf = (group: Group, index: number): {key: string; text: string} | null => {
    let found = subjectAt(group.start)
    if (!found.phrase && index > 0) {
      // coordinated verbs: `signed and ratified`
      const previous = groups[index - 1]
      const between = tokens.slice(previous.main + 1, group.start)
      if (between.some((t) => t.w === 'and' || t.w === 'but')) found = subjectAt(previous.start)
    }
    if (found.skip) periodFor.set(group.start, periodOf(tokens, found.skip))
    if (!found.phrase) return null
    return subjectKey(found.phrase, topic, ambiguous)
  }

  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]
    if (group.start > hypoAt || group.partial) continue
    const verb = tokens[group.main]
    let lemma = group.lemma
    let pol: 1 | -1 = group.neg ? -1 : 1
    let mod: Modality | 'skip' = group.mod
    if (group.hedge && mod !== 'skip') mod = 'may'
    let objectStart = group.main + 1

    // `has yet to sign`
    if (lemma === 'have' && tokens[group.main + 1]?.w === 'yet' && tokens[group.main + 2]?.w === 'to' && is(tokens[group.main + 3], 'Verb')) {
      lemma = tokens[group.main + 3].lemma
      pol = -1
      mod = 'done'
      objectStart = group.main + 4
    } else if (group.passive && HEDGE_ADJECTIVES[verb.w] && tokens[group.main + 1]?.w === 'to' && is(tokens[group.main + 2], 'Verb')) {
      // `is expected to sign`, `is not expected to sign`, `was set to sign`
      if (HEDGE_ADJECTIVES[verb.w] === 'unlikely') {
        if (group.neg) continue
        mod = 'unlikely'
        pol = 1
      } else {
        mod = group.neg ? 'unlikely' : 'will'
        pol = 1
      }
      lemma = tokens[group.main + 2].lemma
      objectStart = group.main + 3
    } else if (tokens[group.main + 1]?.w === 'to' && is(tokens[group.main + 2], 'Verb') && !group.copula) {
      // `refused to sign`, `managed to sign`; plans and intentions are skipped
      const inner = tokens[group.main + 2]
      if (NEG_IMPL_SET.has(lemma)) pol = group.neg ? 1 : -1
      else if (POS_IMPL_SET.has(lemma)) pol = group.neg ? -1 : 1
      else continue
      lemma = inner.lemma
      objectStart = group.main + 3
    } else if (group.copula) {
      // `is unlikely to sign`, `is expected to sign`, `is set to sign`
      let k = group.main + 1
      while (k < tokens.length && (tokens[k].tags.has('Adverb') || tokens[k].tags.has('Negative') || NEGATION_SET.has(tokens[k].w))) {
        if (tokens[k].tags.has('Negative') || NEGATION_SET.has(tokens[k].w)) {
          if (NOT_NEGATING_SET.has(tokens[k + 1]?.w ?? '')) break
          group.neg = true
          pol = -1
          if (tokens[k].w === 'never') group.never = true
        }
        k++
      }
      if (k < tokens.length && NOT_NEGATING_SET.has(tokens[k].w)) continue
      const hedge = HEDGE_ADJECTIVES[tokens[k]?.w ?? '']
      if (hedge && tokens[k + 1]?.w === 'to') {
        let v = k + 2
        let innerNeg = false
        if (tokens[v]?.w === 'not' || tokens[v]?.w === 'never') {
          innerNeg = true
          v++
        }
        if (!is(tokens[v], 'Verb')) continue
        lemma = tokens[v].lemma
        objectStart = v + 1
        if (hedge === 'unlikely') {
          if (group.neg || innerNeg) continue
          mod = 'unlikely'
          pol = 1
        } else if (group.neg && !innerNeg) {
          mod = 'unlikely'
          pol = 1
        } else if (!group.neg && innerNeg) {
          mod = 'will'
          pol = -1
        } else if (!group.neg) {
          mod = 'will'
          pol = 1
        } else continue
      } else if (!group.passive) {
        // copula claims: only `X is (not) a member of Y` style noun complements and measured numbers
        const complement = phraseAfter(tokens, k)
        if (!complement || mod === 'skip') continue
        // a noun complement (`a member of NATO`) or a measure (`300 metres long`); adjectives are opinions
        if (!((tokens[k].w === 'a' || tokens[k].w === 'an') && RELATION_SET.has(complement.head)) && complement.numbers.length === 0) continue
        const subject = subjectOf(group, g)
        if (!subject || !complement.head || complement.pronoun || complement.anaphoricDet && !complement.numbers.length) continue
        if (complement.ents.length > 0 && complement.head === '') continue
        const claim = build(base, subject, 'be', complement, pol, mod, periodAt(group), modsAfter(tokens, complement.end + 1))
        const src = sourceOf(group.start)
        if (claim && src) claim.src = src
        if (claim) claims.push(claim)
        continue
      }
    }
    if (mod === 'skip') continue
    if (INTENT_SET.has(lemma) && tokens[objectStart]?.w === 'to') continue
    if (!verb.tags.has('Verb')) continue

    let subject: {key: string; text: string} | null
    let object: Phrase | null
    let agentMods: string[] = []
    if (group.passive && !(HEDGE_ADJECTIVES[verb.w] && tokens[group.main + 1]?.w === 'to')) {
      const found = subjectAt(group.start)
      object = found.phrase
      if (found.skip) periodFor.set(group.start, periodOf(tokens, found.skip))
      let k = objectStart
      while (k < tokens.length && tokens[k].tags.has('Adverb')) k++
      // the agent (`by Germany`, not `by 5%`) is a modifier: `the treaty was signed` and `... signed by Germany` agree
      subject = {key: '', text: ''}
      for (let a = k; a < tokens.length && a < k + 8; a++) {
        if (tokens[a].w === 'by' && tokens[a + 1] && !tokens[a + 1].tags.has('Value')) {
          const agent = phraseAfter(tokens, a + 1)
          if (agent) agentMods = agent.ents
          break
        }
        if (tokens[a].stop) break
      }
      if (!object) continue
      // the passive's grammatical subject may itself be anaphoric (`it was founded`): resolve like a subject
      if (object.pronoun && (PERSONAL.has(object.head) || ambiguous.has(object.head))) continue
      if (!object.possessiveDet && (object.pronoun || (object.anaphoricDet && ANAPHOR_SET.has(object.head)))) {
        if (topic.length === 0) continue
        object = {...object, head: '', compound: '', ents: topic}
      }
    } else {
      subject = subjectOf(group, g)
      if (!subject) continue
      let k = objectStart
      while (k < tokens.length && (tokens[k].tags.has('Adverb') || tokens[k].tags.has('Particle'))) k++
      object = phraseAfter(tokens, k)
      if (object && object.start > group.main + 4) object = null
    }
    const numbers: ClaimNumber[] = [...(object?.numbers ?? [])]
    // `rose 5%`, `fell by 5% to $3 billion`
    for (let k = objectStart; k < tokens.length && k < objectStart + 10; k++) {
      const t = tokens[k]
      const role = t.w === 'by' ? 'by' : t.w === 'to' ? 'to' : t.w === 'from' ? 'from' : null
      if (role && is(tokens[k + 1], 'Value') || (role && NUMBER_QUALIFIERS[tokens[k + 1]?.w ?? ''] && is(tokens[k + 2], 'Value'))) {
        const found = phraseAfter(tokens, k + 1)
        if (found) for (const number of found.numbers) if (number.u === '%' || number.u === '$' || number.u === '€' || number.u === '£') numbers.push({...number, r: role!})
      }
      if (t.stop) break
    }
    if (object && object.numbers.length > 0 && AXES.has(lemma) && !object.head) {
      for (const number of numbers) if (number.r === 'n') number.r = 'by'
    }
    if (object && object.pronoun && !group.passive) continue
    if (object && object.negDet) pol = -1
    const mods = group.passive ? [...new Set([...agentMods, ...modsAfter(tokens, objectStart)])].sort() : modsAfter(tokens, (object?.end ?? objectStart - 1) + 1)
    const claim = build(base, subject, lemma, object, pol, mod, periodAt(group), mods, numbers, group.never)
    if (claim) {
      const role = ONCE_ONLY_SET.has(lemma) && !UNREPEATABLE.has(lemma) ? qualifierOf(tokens, groups, g, objectStart) : undefined
      if (role) claim.q = role
      const src = sourceOf(group.start)
      if (src) claim.src = src
      claims.push(claim)
    }
  }

  // Nominalisations: `led to the signing of a new defense pact`, `after the approval of the budget`
  for (let k = 1; k < tokens.length - 2; k++) {
    const t = tokens[k]
    if (!t.tags.has('Noun') || t.tags.has('ProperNoun') || tokens[k + 1].w !== 'of') continue
    const lemma = NOMINALS[t.w] ?? gerundLemma(t.w)
    if (!lemma) continue
    const det = tokens[k - 1]
    let possessor: Phrase | null = null
    if (det.tags.has('Possessive') && det.tags.has('ProperNoun')) possessor = phrase(tokens, k - 1, k - 1)
    else if (!det.tags.has('Determiner') && !det.tags.has('Possessive')) continue
    if (k - 1 > hypoAt) continue
    const object = phraseAfter(tokens, k + 2)
    if (!object || !object.head || object.pronoun) continue
    let pol: 1 | -1 = 1
    let mod = 'skip' as Modality | 'skip'
    let subject: {key: string; text: string} | null = possessor ? subjectKey(possessor, topic, ambiguous) : null
    const before = tokens[k - 2]
    if (before && FACTIVE_PREP_SET.has(before.w)) mod = 'done'
    else {
      let governor: Group | undefined
      let gi = -1
      for (let g = groups.length - 1; g >= 0; g--) {
        if (groups[g].main < k) {
          governor = groups[g]
          gi = g
          break
        }
      }
      if (!governor || governor.partial || governor.start > hypoAt || governor.mod === 'skip') continue
      // nothing but prepositions, particles and adverbs between the governor and the determiner
      let direct = true
      for (let b = governor.main + 1; b < k - 1; b++) if (!(tokens[b].tags.has('Preposition') || tokens[b].tags.has('Adverb') || tokens[b].tags.has('Particle') || tokens[b].w === 'to' || tokens[b].w === 'in')) direct = false
      if (!direct) continue
      if (FACTIVE_GOV_SET.has(governor.lemma)) {
        mod = governor.hedge ? 'may' : governor.mod
        pol = governor.neg ? -1 : 1
      } else if (NEG_GOV_SET.has(governor.lemma)) {
        if (governor.mod !== 'done' || governor.neg) continue
        mod = 'done'
        pol = -1
      } else continue
      if (!subject) subject = subjectOf(governor, gi)
    }
    if (!subject) subject = {key: '', text: ''}
    const after = tokens[object.end + 1]
    if (after?.w === 'by') {
      const agent = phraseAfter(tokens, object.end + 2)
      const resolved = agent ? subjectKey(agent, topic, ambiguous) : null
      if (resolved) subject = resolved
    }
    const claim = build(base, subject, lemma, object, pol, mod, per, modsAfter(tokens, object.end + 1), object.numbers)
    if (claim) {
      claim.nom = 1
      const src = sourceOf(k)
      if (src) claim.src = src
      claims.push(claim)
    }
  }
  return claims
}

const NONE: ReadonlySet<string> = new Set()

/** A span of tokens (`from` to before `to`) attributed to a source. */
interface Attribution {
  from: number
  to: number
  src: string
}

/**
 * The spans of a sentence attributed to a source: the clause after `X said (that)`, `X told reporters
 * that`, `X said:`; the words before `, X said.` or `, said X.`; the whole sentence for `according to
 * X`. Later spans are more specific (a prefix governor), so the last one containing a token wins.
 */
function attributionsOf(tokens: Token[], groups: Group[], topic: string[], subjectPhrase: (start: number) => Phrase | null): Attribution[] {
  const spans: Attribution[] = []
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (tokens[k].w !== 'according' || tokens[k + 1].w !== 'to') continue
    const who = phraseAfter(tokens, k + 2)
    const src = who ? sourceKey(who, topic) : undefined
    if (src) spans.push(k === 0 ? {from: who!.end + 1, to: tokens.length, src} : {from: 0, to: k, src})
  }
  for (const group of groups) {
    if (!ATTRIBUTION_SET.has(group.lemma) || group.neg || group.passive || group.mod === 'skip' || group.modal === 'hypo') continue
    const verb = tokens[group.main]
    let after = group.main + 1
    while (after < tokens.length && tokens[after].tags.has('Adverb') && !verb.stop) after++
    // `..., X said.` / `..., said X.`: the words before the comma
    const subject = subjectPhrase(group.start)
    const subjectStart = subject ? subject.start : group.start
    const postfix = subjectStart > 0 && tokens[subjectStart - 1].stop && (after >= tokens.length || verb.stop || tokens[after].tags.has('Preposition') || tokens[after].w === 'in')
    if (subject && postfix) {
      const src = sourceKey(subject, topic)
      if (src) spans.push({from: 0, to: subjectStart, src})
      continue
    }
    if (group.start > 0 && tokens[group.start - 1].stop && !subject) {
      const who = phraseAfter(tokens, group.main + 1)
      const src = who && who.end + 1 >= tokens.length - 1 ? sourceKey(who, topic) : undefined
      if (src) spans.push({from: 0, to: group.start, src})
      continue
    }
    if (!subject) continue
    // `X said that ...`, `X said: ...`, `X told reporters that ...`, `X said revenue rose`
    let from = -1
    if (verb.stop && after < tokens.length) from = after
    else if (tokens[after]?.w === 'that') from = after + 1
    else if (HEARER_SET.has(group.lemma)) {
      const hearer = phraseAfter(tokens, after)
      if (hearer && tokens[hearer.end + 1]?.w === 'that') from = hearer.end + 2
    } else {
      // a `that`-less complement: a noun phrase, then its verb
      const next = groups.find((other) => other.start > group.main)
      if (next) {
        let plain = next.start > after
        for (let m = after; m < next.start && plain; m++) if (tokens[m].stop || tokens[m].tags.has('Verb') || CLAUSE_BREAKS.has(tokens[m].w)) plain = false
        if (plain && next.start - after <= 8) from = after
      }
    }
    if (from < 0) continue
    const src = sourceKey(subject, topic)
    if (src) spans.push({from, to: tokens.length, src})
  }
  return spans
}

/** The key of a source: its entity words, else a bare anaphor (`the company`) as the topic, else its head. */
function sourceKey(who: Phrase, topic: string[]): string | undefined {
  if (who.ents.length > 0) return who.ents.join(',') + '#'
  if (!who.head) return undefined
  const bare = who.end === who.start || (who.end === who.start + 1 && ANAPHORIC_DET_SET.has(who.text.split(' ')[0].toLowerCase()))
  if (bare && !who.pronoun && !who.possessiveDet && ANAPHOR_SET.has(who.head) && topic.length > 0) return topic.join(',') + '#'
  // the words before the head as written (`the content team`, `the large language models team`)
  const words = who.text.toLowerCase().split(' ')
  if (ANAPHORIC_DET_SET.has(words[0]) || words[0] === 'a' || words[0] === 'an') words.shift()
  words[words.length - 1] = who.head
  return '#' + words.join(' ')
}

function subjectKey(subject: Phrase, topic: string[], ambiguous: ReadonlySet<string> = NONE): {key: string; text: string} | null {
  if (subject.pronoun && PERSONAL.has(subject.head)) return null
  // `he` in a document whose subjects are also `she` (her husband in her obituary): not the topic
  if (subject.pronoun && !subject.possessiveDet && ambiguous.size > 0 && subject.text.toLowerCase().split(' ').some((word) => ambiguous.has(word))) return null
  if (PERSONAL.has(subject.text.toLowerCase())) return null
  let ents = subject.ents
  let head = subject.head
  if (ents.length === 0) {
    const anaphoric = (subject.pronoun && !subject.possessiveDet) || (ANAPHOR_SET.has(head) && !subject.possessiveDet)
    // without a topic, only a plain common noun (`the senate`) can stand for itself
    if (topic.length === 0) return anaphoric || !head ? null : {key: '#' + head, text: subject.text}
    ents = topic
    if (anaphoric) head = ''
  } else if (ANAPHOR_SET.has(head) && head !== 'government' && head !== 'capital') head = ''
  if (!head && ents.length === 0) return null
  return {key: ents.join(',') + '#' + head, text: subject.text}
}

/**
 * `Margaret Ellison, the archivist who led the recovery after the flood of 1968, died`: the subject
 * of the verb at `start` is the name before a comma-delimited appositive or relative clause, not the
 * clause's last words. Returns the name and the clause's span (whose dates are not the verb's).
 */
function appositiveSubject(tokens: Token[], start: number): {phrase: Phrase; skip: [number, number]} | null {
  let end = start - 1
  while (end >= 0 && tokens[end].tags.has('Adverb')) end--
  if (end < 2 || !tokens[end].stop) return null
  let comma = end - 1
  while (comma >= 0 && !tokens[comma].stop) comma--
  if (comma < 0 || comma + 1 > end) return null
  const first = tokens[comma + 1]
  // `, the archivist who ...,` `, a structural engineer,` `, who ...,` `, 91,`
  const opens = first.tags.has('Determiner') || first.tags.has('Possessive') || RELATIVE.has(first.w) || (comma + 1 === end && first.tags.has('Value'))
  if (!opens) return null
  const phrase = phraseBefore(tokens, comma)
  if (!phrase || (!phrase.head && phrase.ents.length === 0) || phrase.start > 0 && !tokens[phrase.start - 1].stop) return null
  return {phrase, skip: [comma + 1, end]}
}

/**
 * The purpose or role that qualifies a repeatable once-only event, as a key: `opened to goods traffic`
 * (`to:traffic`), `opened as part of a path` (`as:part`), `released on DVD` (`on:dvd`); `again` for a
 * repeat (`opened again`, `was repaired and opened`, `after the closure ... opened`).
 */
function qualifierOf(tokens: Token[], groups: Group[], g: number, objectStart: number): string | undefined {
  const group = groups[g]
  for (let k = group.start; k < group.main; k++) if (tokens[k].w === 'again') return 'again'
  const previous = groups[g - 1]
  if (previous && (RESTORATION_SET.has(previous.lemma) || previous.lemma.startsWith('re-'))) {
    let joined = false
    for (let k = previous.main + 1; k < group.start; k++) if (tokens[k].w === 'and') joined = true
    if (joined) return 'again'
  }
  for (let k = 0; k < group.start - 1; k++) {
    if (tokens[k].w !== 'after' && tokens[k].w !== 'following') continue
    let m = k + 1
    while (m < group.start && (tokens[m].tags.has('Determiner') || tokens[m].tags.has('Adjective'))) m++
    if (m < group.start && INTERRUPTION_SET.has(tokens[m].w)) return 'again'
  }
  for (let k = objectStart; k < tokens.length && k < objectStart + 12; k++) {
    const t = tokens[k]
    if (t.w === 'again') return 'again'
    if (k > objectStart && t.tags.has('Verb')) break
    if (ROLE_PREPOSITIONS.has(t.w) && tokens[k + 1] && !tokens[k + 1].tags.has('Verb')) {
      const role = phraseAfter(tokens, k + 1)
      const what = role && !role.pronoun ? role.head || role.ents.join(' ') : ''
      if (what) return t.w + ':' + what
    }
    if (t.stop) break
  }
  return undefined
}

function modsAfter(tokens: Token[], from: number): string[] {
  const mods: string[] = []
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const t = tokens[k]
    if (t.tags.has('Verb')) break
    if ((t.w === 'with' || t.w === 'of' || t.w === 'in' || t.w === 'to' || t.w === 'against' || t.w === 'from' || t.w === 'for' || t.w === 'at' || t.w === 'on') && tokens[k + 1]) {
      let m = k + 1
      while (m < tokens.length && tokens[m].tags.has('Determiner')) m++
      while (m < tokens.length && tokens[m].tags.has('ProperNoun') && !tokens[m].tags.has('Date')) {
        mods.push(entityWord(tokens[m]))
        if (tokens[m].stop) break
        m++
      }
    }
    if (t.stop) break
  }
  return [...new Set(mods)].sort()
}

/** Verbs too light to carry a claim on their own: only with a number (`has 5,000 employees`). */
const LIGHT_VERBS = new Set(['have', 'do', 'get', 'make', 'take', 'know', 'say', 'think', 'see', 'go', 'come', 'want', 'need', 'seem', 'become', 'give', 'use', 'find', 'tell', 'ask', 'feel', 'try', 'call', 'keep', 'let', 'put', 'mean', 'show', 'look', 'happen', 'occur', 'believe', 'realize', 'realise', 'like', 'love', 'hate', 'remember', 'forget', 'understand', 'expect', 'hope', 'wonder', 'matter', 'help', 'work', 'play', 'run', 'turn', 'bring', 'hold', 'stand', 'set', 'write', 'read', 'talk', 'speak', 'hear', 'watch', 'move', 'live', 'change', 'start', 'begin', 'continue', 'stop', 'end', 'include', 'involve', 'remain', 'stay', 'appear', 'add', 'note', 'admit'])
/** Subjects that are not about the world the document reports on (`I`, `you`, `one`). */
const PERSONAL = new Set(['i', 'you', 'we', 'one', 'me', 'us', 'someone', 'anyone', 'everyone', 'everybody', 'nobody', 'people', 'somebody', 'anybody', 'no one', 'y’all', 'ya'])

function build(
  base: Pick<Claim, 'at' | 'si' | 's'>, subject: {key: string; text: string}, pred: string, object: Phrase | null,
  pol: 1 | -1, mod: Modality, per: string | undefined, mods: string[], numbers: ClaimNumber[] = object?.numbers ?? [], never = false,
): Claim | null {
  if (!pred || pred.length < 2 || pred === 'to') return null
  // `may sign` agrees with anything (signed, did not sign, may not sign): nothing to compare
  if (mod === 'may' && pol > 0) return null
  for (let i = 0; i < pred.length; i++) {
    const c = pred.charCodeAt(i)
    if (c < 97 || c > 122) return null
  }
  if (LIGHT_VERBS.has(pred) && numbers.length === 0) return null
  // `said that 5,405 people had signed`: `that` opens the reported clause (which makes its own claim),
  // it is not the object of the saying
  if (REPORTING_VERBS.has(pred) && object && /^that\s/i.test(object.text)) return null
  let obj = ''
  if (object) {
    if (object.head) obj = [...object.names, object.head].join(' ')
    else if (object.ents.length > 0) obj = object.ents.join(' ')
  }
  // an object is needed, except for changes (`revenue fell 5%`) and one-off events (`she died in 1990`)
  if (obj === '' && numbers.length === 0 && !AXES.has(pred) && !ONCE_ONLY_SET.has(pred) && !EVENT_SET.has(pred)) return null
  const claim: Claim = {...base, subj: subject.key, ss: subject.text, pred, obj, os: object?.text ?? '', pol, mod, vf: verbForms(pred)}
  if (never) claim.nev = 1
  if (object?.indefinite) claim.ind = 1
  if (object?.compound) claim.oc = object.compound
  if (numbers.length > 0) claim.n = numbers.slice(0, 3)
  if (per) claim.per = per
  if (mods.length > 0) claim.mods = mods
  return claim
}
