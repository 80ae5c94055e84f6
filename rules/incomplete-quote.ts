/**
 * incomplete-quote: quotations that lost their end on the way through copy,
 * paste and spinning: `mentions, "the Iranians, in turn, expected."` (a verb
 * that needs an object), `"... will not flag any time."` (`any time soon`
 * without `soon`), `"... alliances and client" states.` (the closing quote
 * falls inside a noun phrase), quotes that never close, quotes that open
 * mid-word, and quotes the article itself calls incomplete.
 *
 * Works on the nlcst tree, paragraph by paragraph, token by token: quote
 * marks are paired by their flanks (what is before and after them), never by
 * a regular expression, so the cost is linear in the length of the text.
 * Part-of-speech decisions use closed word classes from
 * `data/incomplete-quote.ts` (articles, prepositions, conjunctions...) and
 * the position of the words, not a statistical tagger: on quote fragments
 * taggers guess wrong too often (see the doc page).
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {toPlace} from './kit/text.js'
import {
  afterQuoteNonNouns,
  attributiveAdjectives,
  attributiveOnly,
  auxiliaries,
  closers,
  determiners,
  idioms,
  ifEnders,
  incompleteWords,
  leadingApostropheWords,
  modals,
  negations,
  nonInitialPairs,
  nonNominal,
  ofStranders,
  passiveMarkers,
  subjectPronouns,
  textNouns,
  toHeads,
  transitiveVerbs,
  nominativePronouns,
  preVerbAdverbs,
  pronounEnders,
  gerundLicensors,
  infinitiveTakers,
  notRelativeHeads,
  passiveAuxiliaries,
  relativeSubjects,
  strandBoundaries,
  strandParticles,
  strandVerbs,
  strandWh,
} from './data/incomplete-quote.js'

export const meta: RuleMeta = {
  id: 'incomplete-quote',
  description: 'a quotation cut off mid-sentence: it ends on a word that cannot end a clause, closes inside a noun phrase, never closes, or opens mid-word',
  level: 'warn',
  fixable: false,
  options: {
    minWords: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 50,
      description: 'Fewest words a quoted span needs before its last word is checked (shorter spans are scare quotes, titles or words cited as words).',
    },
    minWordsBeforeNoun: {
      type: 'integer',
      default: 6,
      min: 1,
      max: 50,
      description: 'Fewest words a quoted span needs before a lowercase noun right after its closing mark counts as the end of the quoted noun phrase (`client" states`).',
    },
    unclosed: {
      type: 'boolean',
      default: true,
      description: 'Report a double quote that opens and never closes in its paragraph, when the text after it stops mid-sentence or another quote opens first.',
    },
    singleQuotes: {
      type: 'boolean',
      default: true,
      description: 'Also check spans in single quotes (‘...’ or \'...\') whose marks pair unambiguously.',
    },
  },
}

interface Settings extends RuleOptions {
  minWords: number
  minWordsBeforeNoun: number
  unclosed: boolean
  singleQuotes: boolean
}

type Kind = 'word' | 'punct' | 'space' | 'other'

interface Token {
  kind: Kind
  value: string
  /** Lowercase, straight apostrophes: for word lists. */
  lower: string
  start: number
  end: number
  /** Index of the sentence the token is in (per paragraph). */
  sentence: number
}

interface Span {
  open: number
  close: number
  family: 'double' | 'single'
}

interface Finding {
  /** Offsets of the place. */
  start: number
  end: number
  word: string
  reason: string
  notes: string[]
}

const DOUBLE = new Set(['"', '“', '”', '„', '‟', '«', '»'])
const SINGLE = new Set(["'", '‘', '’', '‹', '›'])
const ARROWS = new Set(['«', '»', '‹', '›'])
const OPEN_GLYPH = new Set(['“', '„', '‟', '«', '‘', '‹'])
const CLOSE_GLYPH = new Set(['”', '»', '’', '›'])
const OPEN_CONTEXT = new Set(['(', '[', '{', '—', '–', '-', '/', ':'])
const CLOSE_CONTEXT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '…', '-', '/'])
const DELIBERATE_END = new Set(['?', '!', '…', '—', '–', '-', '‽'])
const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')'])

/** `.`, `?!`, `...`, `…`: punctuation that ends a sentence. */
function isTerminal(token: Token): boolean {
  return token.kind === 'punct' && /^[.!?…‽]+$/.test(token.value)
}

/** `?`, `!`, `...`, `—`: a quote that ends on these is a question, a cry or a deliberate break. */
function isDeliberateEnd(token: Token): boolean {
  return token.kind === 'punct' && (DELIBERATE_END.has(token.value) || /^(?:\.{2,}|[?!…‽]+)$/.test(token.value))
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char)
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char)
}

function isLower(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toUpperCase() && first === first.toLowerCase()
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase()
}

function quoted(text: string): string {
  return '`' + text + '`'
}

/** The tokens of a paragraph, flat, with offsets. */
function tokenize(paragraph: Paragraph): Token[] {
  const tokens: Token[] = []
  let sentenceIndex = 0
  const push = (kind: Kind, value: string, start: number, end: number) => {
    tokens.push({kind, value, lower: value.toLowerCase().replace(/[’‘]/g, "'"), start, end, sentence: sentenceIndex})
  }
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') continue
    for (const node of (child as Sentence).children) {
      const position = node.position
      if (!position || position.start.offset === undefined || position.end.offset === undefined) continue
      const start = position.start.offset
      const end = position.end.offset
      if (node.type === 'WordNode') push('word', toString(node), start, end)
      else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') push('punct', node.value, start, end)
      else if (node.type === 'WhiteSpaceNode') push('space', node.value, start, end)
      else push('other', toString(node), start, end)
    }
    sentenceIndex++
  }
  return tokens
}

type Role = 'open' | 'close' | 'either'

/** Whether a quote mark opens or closes, from the characters around it. */
function flankRole(text: string, token: Token): Role {
  const before = text[token.start - 1]
  const after = text[token.end]
  const quoteBefore = before !== undefined && (DOUBLE.has(before) || SINGLE.has(before))
  const quoteAfter = after !== undefined && (DOUBLE.has(after) || SINGLE.has(after))
  const left = (isSpace(before) || OPEN_CONTEXT.has(before) || quoteBefore) && !isSpace(after) && !CLOSE_CONTEXT.has(after)
  const right = !isSpace(before) && !OPEN_CONTEXT.has(before) && (isSpace(after) || CLOSE_CONTEXT.has(after) || quoteAfter)
  if (left && !right) return 'open'
  if (right && !left) return 'close'
  if (after !== undefined && CLOSE_CONTEXT.has(after)) return 'close'
  if (OPEN_GLYPH.has(token.value)) return 'open'
  if (CLOSE_GLYPH.has(token.value)) return 'close'
  return 'either'
}

interface DoublePairing {
  spans: Span[]
  /** Opening marks that never close, each with why that is a cut. */
  unclosed: Array<{open: number; why: string}>
  /** Whether the paragraph has a closing mark before any opening one. */
  startsClosing: boolean
}

/**
 * Pair the double quote marks of a paragraph (straight, curly, guillemets
 * are one family; nesting is allowed). Linear: one pass with a stack.
 */
function pairDouble(text: string, tokens: Token[]): DoublePairing {
  const spans: Span[] = []
  const stack: number[] = []
  let seenMark = false
  let startsClosing = false
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.kind !== 'punct' || !DOUBLE.has(token.value)) continue
    const before = text[token.start - 1]
    let role = flankRole(text, token)
    // Inch marks: `5'6"`, `a 12" screen`.
    if (stack.length === 0 && role !== 'open' && before !== undefined && /\d/.test(before)) continue
    if (role === 'either') role = stack.length === 0 ? 'open' : 'close'
    if (role === 'open') {
      stack.push(index)
    } else if (stack.length > 0) {
      spans.push({open: stack.pop()!, close: index, family: 'double'})
    } else if (!seenMark) {
      startsClosing = true
    }
    seenMark = true
  }
  const unclosed: DoublePairing['unclosed'] = []
  // Guillemets double as arrows in navigation (`Back to Top «`, `« Previous`): never reported open.
  if (stack.length > 0 && !ARROWS.has(tokens[stack[0]].value)) {
    let last = tokens.length - 1
    while (last >= 0 && tokens[last].kind === 'space') last--
    while (last >= 0 && isTerminal(tokens[last])) last--
    const end = tokens[last]
    const open = stack[0]
    if (last === stack[stack.length - 1]) {
      unclosed.push({open: last, why: 'nothing follows it in the paragraph'})
    } else if (end.kind === 'punct' && DOUBLE.has(end.value)) {
      // `«... «...»` or `"... "..."`: the inner and outer quotes close on one mark.
    } else if (!isTerminal(lastNonSpace(tokens)) && !(lastNonSpace(tokens).kind === 'punct' && DELIBERATE_END.has(lastNonSpace(tokens).value))) {
      // A quote left open at the end of a finished sentence only lost its closing mark (or runs on
      // into the next paragraph); one that stops mid-sentence lost its end. Nested quotes that
      // close on one mark (`«... «...»`) are not reported.
      unclosed.push({open, why: 'the paragraph ends mid-sentence inside it'})
    }
  }
  return {spans, unclosed, startsClosing}
}

function lastNonSpace(tokens: Token[]): Token {
  let last = tokens.length - 1
  while (last > 0 && tokens[last].kind === 'space') last--
  return tokens[last]
}

/** Single-quoted spans whose marks pair without doubt (apostrophes are everywhere). */
function pairSingle(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.kind !== 'punct' || !SINGLE.has(token.value) || token.value === '’' || token.value === '›') continue
    if (flankRole(text, token) !== 'open') continue
    const next = tokens[index + 1]
    if (!next || next.kind !== 'word' || !isLetter(next.value[0]) || leadingApostropheWords.has(next.lower)) continue
    let words = 0
    for (let other = index + 1; other < tokens.length && words <= 60; other++) {
      const candidate = tokens[other]
      if (candidate.kind === 'word') words++
      if (candidate.kind !== 'punct') continue
      if (DOUBLE.has(candidate.value)) break
      if (!SINGLE.has(candidate.value)) continue
      const role = flankRole(text, candidate)
      if (role === 'open') break
      if (role !== 'close') continue
      const previous = tokens[other - 1]
      const after = tokens[other + 1]
      // `the players' union`: a plural possessive, not a closing quote.
      if (previous && previous.kind === 'word' && /s$/i.test(previous.value) && after && after.kind === 'space' && tokens[other + 2]?.kind === 'word') break
      spans.push({open: index, close: other, family: 'single'})
      index = other
      break
    }
  }
  return spans
}

interface Context {
  text: string
  tokens: Token[]
  settings: Settings
}

/** Indices of the word tokens strictly between two token indices. */
function wordsBetween(tokens: Token[], from: number, to: number): number[] {
  const words: number[] = []
  for (let index = from + 1; index < to; index++) if (tokens[index].kind === 'word') words.push(index)
  return words
}

/** Whether the clause that ends at word `last` (inside the span) is negated. */
function clauseNegated(tokens: Token[], from: number, last: number): boolean {
  let seen = 0
  for (let index = last; index > from && seen < 40; index--) {
    const token = tokens[index]
    if (token.kind === 'punct' && (token.value === ';' || isTerminal(token))) break
    if (token.kind === 'word') {
      seen++
      if (negations.has(token.lower) || token.lower.endsWith("n't")) return true
    }
  }
  return false
}

/** The word before index `index` (skipping spaces), if it is a word and within the span. */
function previousWord(tokens: Token[], index: number, floor: number): Token | undefined {
  const other = previousWordIndex(tokens, index, floor)
  return other < 0 ? undefined : tokens[other]
}

/**
 * A transitive verb at the end of a clause whose only other part is a plain
 * subject: `the Iranians, in turn, expected.`, `it will require.`.
 */
function verbWithoutObject(tokens: Token[], from: number, verbIndex: number): string | undefined {
  const verb = tokens[verbIndex]
  if (!transitiveVerbs.has(verb.lower)) return undefined
  const base = !/(?:ed|s|ght)$/.test(verb.lower) && verb.lower !== 'brought'
  // Walk back over adverbs, auxiliaries and comma-enclosed asides.
  let index = verbIndex - 1
  let sawModal = false
  let sawAside = false
  for (let steps = 0; index > from && steps < 30; steps++) {
    const token = tokens[index]
    if (token.kind === 'space') {
      index--
      continue
    }
    if (token.kind === 'word') {
      if (passiveMarkers.has(token.lower)) return undefined
      if (auxiliaries.has(token.lower) || modals.has(token.lower) || (token.lower.endsWith('ly') && token.lower.length > 4)) {
        if (modals.has(token.lower)) sawModal = true
        index--
        continue
      }
      break
    }
    if (token.kind === 'punct' && token.value === ',') {
      // An aside: `, in turn,` - up to four words back to the previous comma.
      let other = index - 1
      let words = 0
      while (other > from && words <= 4 && !(tokens[other].kind === 'punct')) {
        if (tokens[other].kind === 'word') words++
        other--
      }
      if (other > from && tokens[other].value === ',' && words >= 1 && words <= 4) {
        sawAside = true
        index = other - 1
        continue
      }
      return undefined
    }
    return undefined
  }
  if (base && !sawModal) return undefined
  // Now the subject: a pronoun alone, or [determiner] up to four nominal words.
  const subject: Token[] = []
  while (index > from && subject.length <= 5) {
    const token = tokens[index]
    if (token.kind === 'space') {
      index--
      continue
    }
    if (token.kind !== 'word') break
    subject.unshift(token)
    index--
    if (determiners.has(token.lower) || subjectPronouns.has(token.lower)) break
  }
  if (subject.length === 0 || subject.length > 5) return undefined
  // What comes before the subject must start a clause.
  while (index > from && tokens[index].kind === 'space') index--
  const boundary = index === from || (tokens[index].kind === 'punct' && CLAUSE_PUNCT.has(tokens[index].value)) ||
    (tokens[index].kind === 'word' && (tokens[index].lower === 'and' || tokens[index].lower === 'but'))
  if (!boundary) return undefined
  const head = subject[0]
  if (subject.length === 1 && subjectPronouns.has(head.lower)) {
    return `${quoted(verb.value)} needs an object, and the clause is only ${quoted(head.value)} + verb`
  }
  if (subjectPronouns.has(head.lower)) return undefined
  for (const [position, word] of subject.entries()) {
    if (position === 0 && determiners.has(word.lower)) continue
    if (nonNominal.has(word.lower) || determiners.has(word.lower)) return undefined
  }
  if (determiners.has(head.lower) && subject.length === 1) return undefined
  const phrase = subject.map((word) => word.value).join(' ')
  return `${quoted(verb.value)} needs an object, and the clause is only its subject ${quoted(phrase)}${sawAside ? ' with an aside' : ''} + verb`
}

/** Why a span's last word cannot end it, or undefined. */
function endProblem(context: Context, span: Span): Omit<Finding, 'notes'> & {notes?: string[]} | undefined {
  const {tokens, settings} = context
  const words = wordsBetween(tokens, span.open, span.close)
  if (words.length < settings.minWords) return undefined
  // The last thing inside the marks.
  let lastIndex = span.close - 1
  while (lastIndex > span.open && tokens[lastIndex].kind === 'space') lastIndex--
  const lastToken = tokens[lastIndex]
  if (lastToken.kind === 'punct') {
    if (isDeliberateEnd(lastToken) || DOUBLE.has(lastToken.value) || SINGLE.has(lastToken.value)) return undefined
    if (lastToken.value === '.' && tokens[lastIndex - 1]?.value === '.') return undefined // `. . .`
    if (lastToken.value === ')' || lastToken.value === ']') return undefined
  }
  const wordIndex = words[words.length - 1]
  const word = tokens[wordIndex]
  // Title case (`"Gone with the Wind"`) or a proper name at the end: not prose.
  const capitals = words.filter((index) => isCapitalized(tokens[index].value)).length
  if (capitals * 2 > words.length) return undefined
  const start = word.start
  const end = tokens[span.close].end
  const previous = previousWord(tokens, wordIndex, span.open)
  const lower = word.lower

  // An idiom that lost its last word.
  for (const idiom of idioms) {
    const count = idiom.words.length
    if (words.length < count) continue
    let match = true
    for (let k = 0; k < count && match; k++) {
      const token = tokens[words[words.length - count + k]]
      if (token.lower !== idiom.words[k]) match = false
    }
    // The idiom's words must be adjacent (no punctuation between them).
    if (match && count > 1 && !isAdjacent(tokens, words.slice(words.length - count))) match = false
    if (!match) continue
    if (idiom.negated && !clauseNegated(tokens, span.open, wordIndex)) continue
    if (idiom.notAfter) {
      const before = previousWord(tokens, words[words.length - count], span.open)
      if (before && idiom.notAfter.includes(before.lower)) continue
    }
    const phrase = idiom.words.join(' ')
    return {
      start,
      end,
      word: word.value,
      reason: `Quote ends on ${quoted(word.value)}: ${quoted(phrase)} is missing its last word (${quoted(phrase + ' ' + idiom.missing)})`,
      notes: [idiom.negated ? `In a negated clause, ${quoted(phrase)} at the end of a sentence is the idiom ${quoted(phrase + ' ' + idiom.missing)} cut short.` : `${quoted(phrase)} is not complete without ${quoted(idiom.missing)}.`],
    }
  }

  if (isCapitalized(word.value) && wordIndex !== words[0]) return undefined

  // A closed-class word that needs something after it.
  const kind = closers[lower]
  if (kind !== undefined) {
    const before = previous?.lower
    let legit = false
    if (lower === 'of' && before !== undefined && ofStranders.has(before)) legit = true
    if (lower === 'if' && before !== undefined && ifEnders.has(before)) legit = true
    if (lower === 'to' && !(before !== undefined && toHeads.has(before))) legit = true
    if (lower === 'but' && (before === 'all' || before === 'last')) legit = true
    if (!legit) {
      return {
        start,
        end,
        word: word.value,
        reason: `Quote ends on ${kind} ${quoted(word.value)}: the words it introduces are missing`,
        notes: [`A quotation cannot end on ${kind} ${quoted(word.value)}${before ? ` (after ${quoted(previous!.value)})` : ''}; its end was probably lost.`],
      }
    }
    if (lower !== 'to') return undefined
  }

  // `... except wait for.`, `Children were actually talking to.`: a stranded preposition nothing licenses.
  const stranded = strandedPreposition(tokens, span, wordIndex)
  if (stranded) {
    return {
      start,
      end,
      word: word.value,
      reason: `Quote ends on the preposition ${quoted(word.value)} after ${quoted(stranded.verb)} with no object: the rest of the sentence is missing`,
      notes: [`${quoted(stranded.verb + ' ' + word.value)} needs an object, and nothing before it in the clause (a wh-word, a relative clause as in \`the people I talked to\`, \`something to\` + verb, a passive) leaves a gap for it to be stranded from${stranded.boundary ? `; ${quoted(stranded.boundary)} opens a clause a gap cannot reach into` : ''}.`],
    }
  }
  if (lower === 'to') return undefined

  // `a new.`, `the main.`: an attributive adjective without its noun.
  if (previous && ((previous.lower === 'a' || previous.lower === 'an') && attributiveAdjectives.has(lower) ||
    (determiners.has(previous.lower) && attributiveOnly.has(lower)))) {
    return {
      start,
      end,
      word: word.value,
      reason: `Quote ends on the adjective ${quoted(word.value)} after ${quoted(previous.value)}: its noun is missing`,
      notes: [`${quoted(previous.value + ' ' + word.value)} needs a noun after it.`],
    }
  }

  // `every point we.`, `the first things they.`, `today I finally.`: a subject whose verb was cut off.
  let subjectIndex = wordIndex
  for (let steps = 0; steps < 2 && preVerbAdverbs.has(tokens[subjectIndex].lower); steps++) {
    const before = previousWordIndex(tokens, subjectIndex, span.open)
    if (before < 0) break
    subjectIndex = before
  }
  const subject = tokens[subjectIndex]
  if (subjectIndex !== wordIndex || nominativePronouns.has(lower)) {
    const before = previousWord(tokens, subjectIndex, span.open)
    if (nominativePronouns.has(subject.lower) && before && !pronounEnders.has(before.lower) && !before.lower.endsWith("n't") && !nominativePronouns.has(before.lower)) {
      return {
        start,
        end,
        word: word.value,
        reason: `Quote ends on ${subjectIndex === wordIndex ? 'the subject' : 'the subject and adverb'} ${quoted(tokens.slice(subjectIndex, wordIndex + 1).map((token) => token.value).join(''))} with no verb: the rest of the sentence is missing`,
        notes: [`${quoted(subject.value)} opens a clause (after ${quoted(before.value)}) whose verb never comes; nothing (an auxiliary, \`than\`, \`as\`, \`and\`) lets a subject pronoun end a sentence here.`],
      }
    }
  }

  const verbWhy = verbWithoutObject(tokens, span.open, wordIndex)
  if (verbWhy) {
    return {
      start,
      end,
      word: word.value,
      reason: `Quote ends on the verb ${quoted(word.value)} with no object: the rest of the sentence is missing`,
      notes: [verbWhy + '.'],
    }
  }
  return undefined
}

/** Index of the word before `index` (skipping spaces, and quote marks when `quotes`), or -1 when punctuation or `floor` comes first. */
function previousWordIndex(tokens: Token[], index: number, floor: number, quotes = false): number {
  for (let other = index - 1; other > floor; other--) {
    const token = tokens[other]
    if (token.kind === 'space') continue
    if (quotes && token.kind === 'punct' && (DOUBLE.has(token.value) || SINGLE.has(token.value))) continue
    return token.kind === 'word' ? other : -1
  }
  return -1
}

/** Determiners that open the subject of a zero relative clause after a noun (`the chair the teacher sat on`). */
const RELATIVE_DETERMINERS = new Set(['the', 'my', 'his', 'her', 'our', 'their', 'your', 'its', 'this', 'these', 'those'])

/** A word in -ed or -ing that is not a noun in -ing (`something`, `meeting`): probably a verb form. */
function looksVerbal(word: string): boolean {
  return /(?:ed|ing)$/.test(word) && !word.endsWith('thing') && !ING_NOUNS.has(word)
}

const ING_NOUNS = new Set(['morning', 'evening', 'meeting', 'building', 'feeling', 'ceiling', 'king', 'ring', 'spring', 'wing', 'string', 'wedding', 'bed', 'need', 'speed', 'seed', 'red', 'hundred', 'shed'])

const SKIPPED_ADVERBS = new Set(['not', 'never', 'already', 'just', 'also', 'always', 'often', 'rarely', 'ever', 'all', 'even', 'still', "n't"])

/**
 * A quote that ends on verb + preposition (`wait for`, `talking to`) whose gap nothing licenses:
 * walking back through the clause finds no wh-word (`what they are looking for`), no relative
 * clause (`the people I was talking to`, `the deal that we agreed to`), no infinitival relative or
 * tough adjective (`something to worry about`, `easy to talk to`), no passive (`it was dealt
 * with`), no `worth` + -ing. Adjunct clauses (`except`, `because`) stop the walk: a gap cannot be
 * in them (`nothing we could do except wait for.`). Linear: at most one walk of 40 words per quote.
 */
function strandedPreposition(tokens: Token[], span: Span, prepIndex: number): {verb: string; boundary?: string} | undefined {
  const prep = tokens[prepIndex]
  const verbs = strandVerbs[prep.lower]
  if (!verbs) return undefined
  let verbIndex = previousWordIndex(tokens, prepIndex, span.open)
  if (verbIndex < 0) return undefined
  let shown = tokens[verbIndex].value
  const particle = strandParticles[tokens[verbIndex].lower + ' ' + prep.lower]
  if (particle) {
    const before = previousWordIndex(tokens, verbIndex, span.open)
    if (before < 0 || !particle.has(tokens[before].lower)) return undefined
    shown = tokens[before].value + ' ' + shown
    verbIndex = before
  } else {
    if (!verbs.has(tokens[verbIndex].lower) && /ly$/.test(tokens[verbIndex].lower)) {
      const before = previousWordIndex(tokens, verbIndex, span.open)
      if (before < 0) return undefined
      shown = tokens[before].value + ' ' + shown
      verbIndex = before
    }
    if (!verbs.has(tokens[verbIndex].lower)) return undefined
  }
  const verb = tokens[verbIndex]
  // A passive or pseudo-passive (`it was dealt with`, `it has been paid for`), `worth fighting for`.
  let auxiliary = previousWordIndex(tokens, verbIndex, span.open)
  while (auxiliary >= 0 && (SKIPPED_ADVERBS.has(tokens[auxiliary].lower) || /ly$/.test(tokens[auxiliary].lower))) auxiliary = previousWordIndex(tokens, auxiliary, span.open)
  if (auxiliary >= 0) {
    if (!verb.lower.endsWith('ing') && passiveAuxiliaries.has(tokens[auxiliary].lower)) return undefined
    if (verb.lower.endsWith('ing') && gerundLicensors.has(tokens[auxiliary].lower)) return undefined
  }
  // A zero relative clause whose subject is a bare noun or an indefinite pronoun (`the results
  // investors were hoping for`, `something everyone can agree with`): the subject of the verb
  // group is itself preceded by a nominal, with nothing between.
  let subjectIndex = previousWordIndex(tokens, verbIndex, span.open)
  while (subjectIndex >= 0 && (auxiliaries.has(tokens[subjectIndex].lower) || passiveAuxiliaries.has(tokens[subjectIndex].lower) ||
    SKIPPED_ADVERBS.has(tokens[subjectIndex].lower) || /ly$/.test(tokens[subjectIndex].lower) || tokens[subjectIndex].lower.endsWith("n't"))) {
    subjectIndex = previousWordIndex(tokens, subjectIndex, span.open)
  }
  if (subjectIndex >= 0 && subjectIndex < verbIndex) {
    const subject = tokens[subjectIndex].lower
    const head = previousWordIndex(tokens, subjectIndex, span.open)
    const headWord = head >= 0 ? tokens[head].lower : undefined
    if (headWord !== undefined && !relativeSubjects.has(subject) && !notRelativeHeads.has(subject) && !determiners.has(subject) &&
      !looksVerbal(subject) && !notRelativeHeads.has(headWord) && !determiners.has(headWord) && closers[headWord] === undefined &&
      !relativeSubjects.has(headWord) && !looksVerbal(headWord) && !/ly$/.test(headWord) && !headWord.endsWith("n't") &&
      !passiveAuxiliaries.has(headWord) && !auxiliaries.has(headWord) && isLower(tokens[head].value)) return undefined
  }
  // The walk may go on before the opening mark when the quote continues the sentence around it
  // (`the people "he grew up with."`).
  const first = tokens[span.open + 1]
  const lead = span.open > 0 ? previousWordIndex(tokens, span.open, -1) : -1
  const cross = first !== undefined && first.kind === 'word' && (isLower(first.value) || /^i(?:'[a-z]+)?$/.test(first.lower)) && lead >= 0
  const floor = cross ? -1 : span.open
  let words = 0
  for (let index = verbIndex - 1; index > floor && words < 40; index--) {
    const token = tokens[index]
    if (token.kind === 'space') continue
    if (token.kind === 'punct') {
      if (DOUBLE.has(token.value) || SINGLE.has(token.value) || token.value === '-' || token.value === "'" || token.value === '’') continue
      return {verb: shown}
    }
    if (token.kind !== 'word') continue
    words++
    const lower = token.lower
    if (strandBoundaries.has(lower)) return {verb: shown, boundary: token.value}
    if (strandWh.has(lower)) return undefined
    const before = previousWordIndex(tokens, index, floor, cross)
    const previous = before >= 0 ? tokens[before].lower : undefined
    if (lower === 'that') {
      // A relative `that` after a noun (`the deal that we agreed to`); a demonstrative that opens the clause.
      if (previous === undefined || (!notRelativeHeads.has(previous) && !/ly$/.test(previous))) return undefined
      continue
    }
    if (lower === 'to' && index < verbIndex - 1) {
      // `something to worry about`, `easy to talk to`; not `we wanted to talk to`.
      if (previous !== undefined && !infinitiveTakers.has(previous) && !notRelativeHeads.has(previous) &&
        !looksVerbal(previous) && !/ly$/.test(previous)) return undefined
      continue
    }
    // A zero relative clause: a nominal right before the subject (`the chair he sat on`, `something
    // Scooter agrees with`, `the rules the club signed up to`).
    const nounSubject = RELATIVE_DETERMINERS.has(lower) || (isCapitalized(token.value) && previous !== undefined && !looksVerbal(previous))
    if ((relativeSubjects.has(lower) || nounSubject) && previous !== undefined && !notRelativeHeads.has(previous) &&
      !/ly$/.test(previous) && !relativeSubjects.has(previous) && closers[previous] === undefined && !previous.endsWith("n't") &&
      !(nounSubject && looksVerbal(previous)) && isLetter(tokens[before].value[0]) && isLower(tokens[before].value)) {
      return undefined
    }
  }
  return {verb: shown}
}

/** Whether word tokens follow each other with only spaces between. */
function isAdjacent(tokens: Token[], indices: number[]): boolean {
  for (let k = 1; k < indices.length; k++) {
    for (let index = indices[k - 1] + 1; index < indices[k]; index++) if (tokens[index].kind !== 'space') return false
  }
  return true
}

/** `"... alliances and client" states.`: the closing mark splits a noun phrase. */
function splitNounPhrase(context: Context, span: Span): Omit<Finding, 'notes'> & {notes?: string[]} | undefined {
  const {tokens, settings, text} = context
  const closing = tokens[span.close]
  const before = tokens[span.close - 1]
  if (!before || before.kind !== 'word') return undefined
  if (text[closing.end] !== ' ') return undefined
  const nextIndex = span.close + 2
  const next = tokens[nextIndex]
  if (!next || next.kind !== 'word' || !isLower(next.value) || !/^\p{L}+$/u.test(next.value)) return undefined
  if (afterQuoteNonNouns.has(next.lower) || /(?:ly|ed)$/.test(next.lower) || closers[next.lower] !== undefined) return undefined
  // The noun must end its sentence or clause.
  const after = tokens[nextIndex + 1]
  if (after && !(isTerminal(after) || (after.kind === 'punct' && (after.value === ',' || after.value === ';')))) return undefined
  const words = wordsBetween(tokens, span.open, span.close)
  if (words.length < settings.minWordsBeforeNoun) return undefined
  if (!isLower(before.value) || closers[before.lower] !== undefined) return undefined
  // A long quoted modifier (`a "don't ask, don't tell" policy`, `Iran's "look east" policy`) is fine.
  const opener = previousWord(tokens, span.open, -1)
  if (opener && ((determiners.has(opener.lower) && opener.lower !== 'that') || /['’]s$/.test(opener.value) || opener.lower.endsWith("s'"))) return undefined
  if (span.open > 0 && tokens[span.open - 1].kind === 'word') return undefined
  // A quoted noun phrase used as a modifier (`"an articulated lorry crash" performance`) has no clause punctuation.
  let clausal = false
  for (let index = span.open + 1; index < span.close && !clausal; index++) if (tokens[index].kind === 'punct' && CLAUSE_PUNCT.has(tokens[index].value)) clausal = true
  if (!clausal && determiners.has(tokens[words[0]].lower)) return undefined
  return {
    start: before.start,
    end: next.end,
    word: before.value,
    reason: `Quote closes after ${quoted(before.value)}, inside a noun phrase that goes on with ${quoted(next.value)}`,
    notes: [`The lowercase ${quoted(next.value)} right after the closing mark completes ${quoted(before.value + ' ' + next.value)}: the quote was cut, or its closing mark misplaced.`],
  }
}

/** `"tion of the treaty"`: the quoted text starts with the tail of a word. */
function opensMidWord(context: Context, span: Span): Omit<Finding, 'notes'> & {notes?: string[]} | undefined {
  const {tokens} = context
  const first = tokens[span.open + 1]
  if (!first || first.kind !== 'word' || !/^\p{Ll}{3,}$/u.test(first.value)) return undefined
  const pair = first.lower.slice(0, 2)
  // A tail of a word has a vowel after the pair (`rtheless`); `mph`, `hmm`, `psst` do not.
  if (!nonInitialPairs.has(pair) || !/[aeiouy]/.test(first.lower.slice(2))) return undefined
  // `"http://..."`, `"nt.dll"`: an address or a file name, not prose.
  const after = tokens[span.open + 2]
  if (after && after.kind !== 'space') return undefined
  return {
    start: tokens[span.open].start,
    end: first.end,
    word: first.value,
    reason: `Quote opens mid-word on ${quoted(first.value)}: its beginning is missing`,
    notes: [`No English word starts with ${quoted(pair)}; the quoted text begins inside a word.`],
  }
}

/** Sentences (by index) in which the article says a sentence or quote is incomplete, with their text. */
function admissions(tokens: Token[]): Map<number, string> {
  const found = new Map<number, string>()
  let sentence = -1
  let noun = false
  let adjective = false
  const flush = () => {
    if (noun && adjective) found.set(sentence, sentenceText(tokens, sentence))
  }
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.sentence !== sentence) {
      flush()
      sentence = token.sentence
      noun = false
      adjective = false
    }
    if (token.kind !== 'word') continue
    if (textNouns.has(token.lower)) noun = true
    if (incompleteWords.has(token.lower)) {
      // `cut`, `trails`, `breaks` only with `off`.
      if (particleVerbs.has(token.lower) && tokens[index + 2]?.lower !== 'off') continue
      adjective = true
    }
  }
  flush()
  return found
}

const particleVerbs = new Set(['cut', 'trails', 'trailed', 'breaks'])

function sentenceText(tokens: Token[], sentence: number): string {
  let text = ''
  for (const token of tokens) if (token.sentence === sentence) text += token.value
  return text.length > 120 ? text.slice(0, 117) + '...' : text
}

export default function incompleteQuote(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (tree: Root, file: VFile) {
    const text = String(file)
    const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'ParagraphNode')
    const tokenized = paragraphs.map(tokenize)
    const pairings = tokenized.map((tokens) => pairDouble(text, tokens))
    for (const [p, tokens] of tokenized.entries()) {
      const pairing = pairings[p]
      const context: Context = {text, tokens, settings}
      const spans = [...pairing.spans]
      if (settings.singleQuotes) spans.push(...pairSingle(text, tokens))
      spans.sort((a, b) => a.open - b.open)
      const told = admissions(tokens)
      const findings: Finding[] = []
      for (const span of spans) {
        const problem = endProblem(context, span) ?? (span.family === 'double' ? splitNounPhrase(context, span) : undefined) ?? opensMidWord(context, span)
        // Does the article say, in the next two sentences, that this is incomplete?
        const closing = tokens[span.close]
        let admission: string | undefined
        for (const [sentence, said] of told) {
          if (sentence > closing.sentence && sentence <= closing.sentence + 2 && !spans.some((other) => other !== span && other.close > span.close && tokens[other.close].sentence < sentence)) admission = said
          if (sentence === closing.sentence && sentenceHasAfter(tokens, span.close, sentence)) admission = said
        }
        if (!problem && !admission) continue
        const words = wordsBetween(tokens, span.open, span.close)
        const last = tokens[words[words.length - 1] ?? span.open]
        const finding: Finding = problem
          ? {...problem, notes: [...(problem.notes ?? [])]}
          : {start: last.start, end: closing.end, word: last.value, reason: `Quote ending on ${quoted(last.value)} is called incomplete by the article itself`, notes: []}
        if (admission) finding.notes.push(`The article itself says so: ${quoted(admission.trim())}.`)
        findings.push(finding)
      }
      if (settings.unclosed) {
        const continues = pairing.unclosed.length > 0 && nextParagraphContinues(pairings, tokenized, p, text)
        for (const {open, why} of pairing.unclosed) {
          if (continues) continue
          const openToken = tokens[open]
          const words = wordsBetween(tokens, open, tokens.length)
          let endIndex = tokens.length - 1
          for (let index = open + 1; index < tokens.length; index++) if (index > open && DOUBLE.has(tokens[index].value) && tokens[index].kind === 'punct') { endIndex = index - 1; break }
          while (endIndex > open && tokens[endIndex].kind === 'space') endIndex--
          const lastWord = [...words].reverse().find((index) => index <= endIndex)
          const shown = lastWord === undefined ? '' : tokens[lastWord].value
          findings.push({
            start: openToken.start,
            end: tokens[endIndex].end,
            word: shown,
            reason: `Quotation opened here never closes${shown ? `; its last word is ${quoted(shown)}` : ''}: ${why}`,
            notes: [`The opening ${quoted(openToken.value)} has no closing mark in its paragraph, and ${why}.`],
          })
        }
      }
      for (const finding of findings) {
        report(file, meta, finding.reason, {
          place: toPlace(file, finding.start, finding.end),
          note: finding.notes.join(' '),
          actual: text.slice(finding.start, finding.end),
        })
      }
    }
  }
}

/** Whether the words after `index` in the same sentence hold the admission (`"...expected," he admitted, the sentence incomplete`). */
function sentenceHasAfter(tokens: Token[], index: number, sentence: number): boolean {
  for (let other = index + 1; other < tokens.length && tokens[other].sentence === sentence; other++) {
    if (tokens[other].kind === 'word' && (textNouns.has(tokens[other].lower))) return true
  }
  return false
}

/** A quotation that runs on into the next paragraph: it opens with a quote mark, or closes before any opens. */
function nextParagraphContinues(pairings: DoublePairing[], tokenized: Token[][], p: number, text: string): boolean {
  const next = tokenized[p + 1]
  if (!next) return false
  if (pairings[p + 1].startsClosing) return true
  const first = next.find((token) => token.kind !== 'space')
  return first !== undefined && first.kind === 'punct' && DOUBLE.has(first.value) && flankRole(text, first) !== 'close'
}
