/**
 * keyword-stuffing: one exact phrase repeated far more often than natural
 * prose would, to rank for a search query (`"Iran Russia War"` thirteen
 * times, in quotes, in an article that calls the phrase a misnomer;
 * `best vpn deals best vpn deals`).
 *
 * Every phrase of 2 to 5 words (no function word at either edge, no
 * punctuation inside) is counted against the document's own statistics: its
 * count, its density per 1,000 words, and the lift over what the frequencies
 * of its words predict. A frequent phrase is only reported with a cue that it
 * is a keyword and not a name the article is about:
 * - it is wrapped in quotes again and again, as a term rather than used;
 * - it is a capitalised title phrase of 3+ words glued from names that the
 *   article also uses on their own (`Iran Russia War`: `Iran`, `Russia`);
 * - it is repeated back to back (`best vpn deals best vpn deals`).
 * `Iran and Russia`, `the company`, `Apple` or `of the` carry none of these.
 *
 * A single word is reported when it is packed into one line: 5+ times within 60 words, a third or
 * more of the content words of its sentences, next to changing words (`Tennis Tennis Tennis: Best
 * Tennis Shoes, Tennis Rackets ...`); see packedWords.
 */
import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, toPlace} from './kit/text.js'
import {getSentences} from './kit/tree.js'
import {NUMBER_WORDS, QUOTES, STOPWORDS} from './data/keyword-stuffing.js'

export const meta: RuleMeta = {
  id: 'keyword-stuffing',
  description: 'one exact phrase repeated at a density far above natural prose: SEO keyword stuffing',
  level: 'warn',
  fixable: false,
  options: {
    minCount: {
      type: 'integer',
      default: 5,
      min: 2,
      max: 1000,
      description: 'A phrase must occur at least this many times (back-to-back repeats are reported from 2); a packed word this many and at least 5.',
    },
    minDensity: {
      type: 'number',
      default: 2.5,
      min: 0,
      max: 1000,
      description:
        'Occurrences per 1,000 words a phrase needs when it is also in a title or heading line (twice this when it is not).',
    },
    maxPhrases: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 50,
      description: 'Report at most this many phrases and packed words per document.',
    },
  },
}

interface Settings extends RuleOptions {
  minCount: number
  minDensity: number
  maxPhrases: number
}

/** Longest phrase counted, in words. */
const MAX_N = 5
/** Words longer than this are not keywords (hashes, URLs, hostile input). */
const MAX_WORD_LENGTH = 40

interface Token {
  /** Normalised (lower case) form. */
  norm: string
  /** `norm` without a possessive `'s`: a possessive counts for its word. */
  base: string
  /** As written. */
  value: string
  start: number
  end: number
  line: number
  /** Starts with an upper-case letter. */
  capital: boolean
  /** Index of the sentence, and position in it. */
  sentence: number
  first: boolean
  /** Only whitespace (no punctuation) between this token and the next word of the sentence. */
  joined: boolean
  /** An opening quote right before it / a closing quote right after it (trailing `,.;:` allowed). */
  quoteBefore: boolean
  quoteAfter: boolean
  /** Letters and digits only (a word that can take part in a keyword). */
  plain: boolean
}

interface Candidate {
  key: string
  n: number
  occurrences: number[]
  quoted: number
  backToBack: number
  heading: boolean
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[\u2018\u2019\u02BC]/g, "'")
}

function isHeadingLine(text: string): boolean {
  const trimmed = text.trim()
  if (!trimmed || /[.!?:;,]["'\u201D\u2019)]*$/u.test(trimmed)) return false
  let words = 0
  for (const part of trimmed.split(/\s+/)) if (part) words++
  return words <= 15
}

function formatDensity(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1)
}

export default function keywordStuffing(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (tree: Root, file: VFile) {
    const tokens = collectTokens(tree)
    const total = tokens.length
    if (total === 0) return
    const lines = getLines(file)
    const headingLine = new Map<number, boolean>()
    const onHeading = (line: number) => {
      let value = headingLine.get(line)
      if (value === undefined) {
        value = isHeadingLine(lines[line - 1]?.text ?? '')
        headingLine.set(line, value)
      }
      return value
    }

    // Word frequencies: all, and capitalised mid-sentence (used as a name).
    const frequency = new Map<string, number>()
    const asName = new Map<string, number>()
    // A single-word name is a capitalised word inside a sentence with no capitalised word joined to
    // it (`Iran` in `Iran and Russia`, not `New` in `New York`). Possessives count for their word.
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]
      const base = token.base
      frequency.set(token.norm, (frequency.get(token.norm) ?? 0) + 1)
      if (base !== token.norm) frequency.set(base, (frequency.get(base) ?? 0) + 1)
      const before = tokens[i - 1]
      const after = tokens[i + 1]
      const single =
        token.capital &&
        !token.first &&
        !(before && before.joined && before.sentence === token.sentence && before.capital) &&
        !(token.joined && after && after.capital)
      if (single) asName.set(base, (asName.get(base) ?? 0) + 1)
    }

    // Phrases of 2..MAX_N words inside one sentence with nothing but spaces between them.
    const candidates = new Map<string, Candidate>()
    for (let i = 0; i < tokens.length; i++) {
      const head = tokens[i]
      if (!head.plain || STOPWORDS.has(head.norm)) continue
      let key = head.norm
      let content = 1
      for (let n = 2; n <= MAX_N; n++) {
        const previous = tokens[i + n - 2]
        const last = tokens[i + n - 1]
        if (!last || !previous.joined || last.sentence !== head.sentence || !last.plain) break
        key += ' ' + last.norm
        if (STOPWORDS.has(last.norm)) continue
        content++
        if (content < 2) continue
        let candidate = candidates.get(key)
        if (!candidate) {
          candidate = {key, n, occurrences: [], quoted: 0, backToBack: 0, heading: false}
          candidates.set(key, candidate)
        }
        const lastOccurrence = candidate.occurrences.at(-1)
        if (lastOccurrence !== undefined && lastOccurrence + n > i) continue // overlaps itself (`a a a`)
        candidate.occurrences.push(i)
        if (head.quoteBefore && last.quoteAfter) candidate.quoted++
        if (lastOccurrence === i - n && tokens[i - 1].joined && tokens[i - 1].sentence === head.sentence) candidate.backToBack++
        if (onHeading(head.line)) candidate.heading = true
      }
    }

    const findings: {candidate: Candidate; cue: string; lift: number}[] = []
    for (const candidate of candidates.values()) {
      const count = candidate.occurrences.length
      if (count < 2) continue
      const words = candidate.key.split(' ')
      const density = (count / total) * 1000
      let expected = total - candidate.n + 1
      for (const word of words) expected *= (frequency.get(word) ?? 0) / total
      const lift = count / Math.max(expected, 1e-9)

      let cue: string | undefined
      if (candidate.backToBack > 0) {
        cue = `repeated back to back ${candidate.backToBack === 1 ? 'once' : candidate.backToBack + ' times'}`
      } else {
        if (count < settings.minCount) continue
        if (density < (candidate.heading ? settings.minDensity : settings.minDensity * 2)) continue
        // Far above what its words predict (a function-word phrase never is).
        if (lift < 20) continue
        // A keyword is built from the words the page is about: at least two of its content words
        // also stand on their own in the text (a quoted film title or a brand name is opaque).
        const content = words.filter((word) => !STOPWORDS.has(word))
        const enough = Math.max(2, Math.ceil(count / 2))
        const alone = content.filter((word) => (frequency.get(word) ?? 0) - count >= enough)
        const packed = packedRun(tokens, candidate)
        if (alone.length < 2 && !packed) continue
        if (packed) {
          cue = `${packed} of them within ${PACK_WINDOW} words, in lower case as a search query rather than a name`
        } else if (candidate.quoted >= 3 && candidate.quoted * 3 >= count) {
          cue = `${candidate.quoted} of them in quotes, as a term rather than in a sentence`
        } else if (candidate.n >= 3 && content.length === candidate.n) {
          const titled = candidate.occurrences.every((i) => {
            for (let k = 0; k < candidate.n; k++) if (!tokens[i + k].capital) return false
            return true
          })
          if (titled) {
            // Names the article uses on their own, glued into one phrase with no `and`, hyphen or comma.
            const glued = words.filter((word) => (asName.get(word) ?? 0) >= enough)
            const shown = glued.map((word) => tokens[candidate.occurrences[0] + words.indexOf(word)].value)
            const inProse = candidate.occurrences.filter((i) => !tokens[i].first && !onHeading(tokens[i].line)).length
            if (glued.length >= 2 && inProse >= 3) {
              cue = `a title-case phrase glued from ${shown.map((word) => `\u201C${word}\u201D`).join(' and ')}, which the text also uses on their own, ${inProse} times inside sentences`
            }
          }
        }
      }
      if (cue) findings.push({candidate, cue, lift})
    }

    // Longest and most frequent first; a phrase whose occurrences sit inside a reported one is the same finding.
    findings.sort(
      (a, b) =>
        b.candidate.occurrences.length * b.candidate.n - a.candidate.occurrences.length * a.candidate.n ||
        b.candidate.n - a.candidate.n,
    )
    const covered = new Set<number>()
    let reported = 0
    const wordMin = Math.max(settings.minCount, WORD_MIN_COUNT)
    for (const {candidate, cue, lift} of findings) {
      if (reported >= settings.maxPhrases) break
      let inside = 0
      for (const i of candidate.occurrences) if (covered.has(i) || covered.has(i + candidate.n - 1)) inside++
      if (inside * 2 >= candidate.occurrences.length) continue
      for (const i of candidate.occurrences) for (let k = 0; k < candidate.n; k++) covered.add(i + k)
      reported++

      const count = candidate.occurrences.length
      const first = tokens[candidate.occurrences[0]]
      const last = tokens[candidate.occurrences[0] + candidate.n - 1]
      const text = String(file)
      const phrase = text.slice(first.start, last.end)
      const density = (count / total) * 1000
      const others = candidate.occurrences.slice(1).map((i) => tokens[i].line)
      const otherLines = [...new Set(others)]
      report(
        file,
        meta,
        `Phrase \u201C${phrase}\u201D appears ${count} times (${formatDensity(density)} per 1,000 words), ${cue}: keyword stuffing`,
        {
          place: toPlace(file, first.start, last.end),
          note:
            `Also on line${otherLines.length === 1 ? '' : 's'} ${otherLines.join(', ')}. ` +
            `The document has ${total} words; the frequencies of the phrase's own words predict ` +
            `${formatExpected(count / lift)} occurrence${count / lift === 1 ? '' : 's'}, not ${count}. ` +
            'Keep the phrase where it is meant and say the rest in plain words.',
          actual: phrase,
        },
      )
    }

    // One content word packed into one line (a keyword line such as `Tennis Tennis Tennis: Best Tennis Shoes, ...`).
    for (const packed of packedWords(tokens, wordMin)) {
      if (reported >= settings.maxPhrases) break
      let inside = 0
      for (const i of packed.positions) if (covered.has(i)) inside++
      if (inside * 2 >= packed.positions.length) continue
      for (const i of packed.positions) covered.add(i)
      reported++

      const count = packed.positions.length
      const first = tokens[packed.positions[0]]
      const all = frequency.get(first.base) ?? count
      report(
        file,
        meta,
        `Word \u201C${first.value}\u201D appears ${count} times in ${packed.words} words, ${count} of their ${packed.content} content words, next to ${packed.neighbours.length} different words: keyword stuffing`,
        {
          place: toPlace(file, first.start, first.end),
          note:
            `Next to ${packed.neighbours.map((word) => `\u201C${word}\u201D`).join(', ')}; ` +
            `${all === count ? 'nowhere else in the document' : `${all} times in the whole document of ${total} words`}. ` +
            'Prose names its topic once or twice in a sentence and lets the other words carry it; ' +
            'a line that is mostly one word in changing company is a list of search queries. Say the word once and drop the repeats.',
          actual: first.value,
        },
      )
    }
  }
}

/** Occurrences a single word needs inside one line (at least; `minCount` when higher). */
const WORD_MIN_COUNT = 5
/** Width, in words, of the stretch of one line in which a packed word's occurrences are counted. */
const WORD_WINDOW = 60
/** Share of the content words of its sentences the packed word must make up. */
const WORD_MIN_SHARE = 1 / 3
/** Different content words next to it (left or right, only spaces between) that it needs. */
const WORD_MIN_NEIGHBOURS = 3

interface PackedWord {
  /** Token indexes of the occurrences in the stretch. */
  positions: number[]
  /** Words and content words in the sentences of the line that the occurrences touch. */
  words: number
  content: number
  /** The different content words next to it, as first written. */
  neighbours: string[]
}

/** A content word: letters first, two characters or more, not a function word, not a number. */
function contentKey(token: Token): string | undefined {
  if (!token.plain || token.norm.length < 2 || !/^\p{L}/u.test(token.norm)) return undefined
  if (STOPWORDS.has(token.norm) || NUMBER_WORDS.has(token.norm)) return undefined
  return token.base
}

/**
 * An occurrence that does not count for a packed word: a quantity, right after a number
 * (`1 cup flour`, `two cups`), or the last word of a capitalised name (`Leeds United 3`, `Elm
 * Street`), which the name's own words tell apart.
 */
function boundUse(tokens: Token[], i: number): boolean {
  const token = tokens[i]
  const before = tokens[i - 1]
  if (!before || !before.joined || before.sentence !== token.sentence) return false
  if (/^\p{N}/u.test(before.norm) || NUMBER_WORDS.has(before.norm)) return true
  if (!token.capital || !before.capital || before.norm === token.norm || STOPWORDS.has(before.norm)) return false
  const after = tokens[i + 1]
  return !(token.joined && after && after.sentence === token.sentence && after.capital)
}

/**
 * One content word packed into one line far beyond natural repetition: WORD_MIN_COUNT times or more
 * within WORD_WINDOW words of one line, at least WORD_MIN_SHARE of the content words of the
 * sentences of the line it occurs in, next to at least WORD_MIN_NEIGHBOURS different content words (the word is glued to
 * changing company, as in a list of queries: `Tennis Shoes, Tennis Rackets, Tennis Bags`), and no
 * neighbour next to three quarters of its occurrences (then it is part of a repeated name or
 * clause, which the phrase counts judge). A chant or refrain (`Row, brother, row`, `go, go, go`)
 * has no changing neighbours; prose that keeps returning to its topic word spreads it over
 * sentences full of other words. Linear: each line's words are grouped once.
 */
function packedWords(tokens: Token[], minCount: number): PackedWord[] {
  const found: PackedWord[] = []
  let lineStart = 0
  while (lineStart < tokens.length) {
    let lineEnd = lineStart
    while (lineEnd < tokens.length && tokens[lineEnd].line === tokens[lineStart].line) lineEnd++
    const length = lineEnd - lineStart
    if (length >= minCount) {
      // Content words so far, for the count in any stretch.
      const prefix = new Array<number>(length + 1)
      prefix[0] = 0
      const byWord = new Map<string, number[]>()
      for (let i = lineStart; i < lineEnd; i++) {
        const key = contentKey(tokens[i])
        prefix[i - lineStart + 1] = prefix[i - lineStart] + (key === undefined ? 0 : 1)
        if (key === undefined || boundUse(tokens, i)) continue
        let list = byWord.get(key)
        if (!list) byWord.set(key, (list = []))
        list.push(i)
      }
      // Where the sentence of each word starts and ends inside the line (token indexes, end exclusive):
      // filled once per line, and only for a line with a word counted often enough (most have none).
      let sentenceStart: number[] | undefined
      let sentenceEnd: number[] | undefined
      for (const [key, positions] of byWord) {
        if (positions.length < minCount) continue
        // The most occurrences within WORD_WINDOW words.
        let best = 0
        let bestFrom = 0
        let from = 0
        for (let to = 0; to < positions.length; to++) {
          while (positions[to] - positions[from] >= WORD_WINDOW) from++
          if (to - from + 1 > best) {
            best = to - from + 1
            bestFrom = from
          }
        }
        if (best < minCount) continue
        const run = positions.slice(bestFrom, bestFrom + best)
        if (!sentenceStart || !sentenceEnd) {
          sentenceStart = new Array<number>(length)
          sentenceEnd = new Array<number>(length)
          for (let i = lineStart; i < lineEnd; i++) {
            sentenceStart[i - lineStart] = i > lineStart && tokens[i - 1].sentence === tokens[i].sentence ? sentenceStart[i - lineStart - 1] : i
          }
          for (let i = lineEnd - 1; i >= lineStart; i--) {
            sentenceEnd[i - lineStart] = i < lineEnd - 1 && tokens[i + 1].sentence === tokens[i].sentence ? sentenceEnd[i - lineStart + 1] : i + 1
          }
        }
        // The stretch: the sentences of the line that the run touches.
        const start = sentenceStart[run[0] - lineStart]
        const end = sentenceEnd[run[run.length - 1] - lineStart]
        const content = prefix[end - lineStart] - prefix[start - lineStart]
        if (best < content * WORD_MIN_SHARE) continue
        // Changing company: the content words right next to it.
        const neighbours = new Map<string, {value: string; count: number}>()
        const add = (token: Token | undefined) => {
          if (!token) return
          const other = contentKey(token)
          if (other === undefined || other === key) return
          const entry = neighbours.get(other)
          if (entry) entry.count++
          else neighbours.set(other, {value: token.value, count: 1})
        }
        for (const i of run) {
          const token = tokens[i]
          const before = tokens[i - 1]
          if (before && before.joined && before.sentence === token.sentence && before.line === token.line) add(before)
          const after = tokens[i + 1]
          if (token.joined && after && after.sentence === token.sentence && after.line === token.line) add(after)
        }
        if (neighbours.size < WORD_MIN_NEIGHBOURS) continue
        let dominated = false
        for (const {count} of neighbours.values()) if (count * 4 >= best * 3) dominated = true
        if (dominated) continue
        found.push({
          positions: run,
          words: end - start,
          content,
          neighbours: [...neighbours.values()].map(({value}) => value),
        })
      }
    }
    lineStart = lineEnd
  }
  return found.sort((a, b) => b.positions.length - a.positions.length || a.positions[0] - b.positions[0])
}

/** Width, in words, of the stretch in which a packed phrase recurs. */
const PACK_WINDOW = 120
/** Occurrences a phrase of 3+ content words needs inside one PACK_WINDOW to be packed. */
const PACK_COUNT = 4

/**
 * The most occurrences of a phrase of three or more content words (no function word inside) inside one stretch of
 * PACK_WINDOW words, when that is at least PACK_COUNT and the phrase is written in lower case
 * (three quarters of its occurrences that do not open a sentence or sit on a heading line): a
 * paragraph or keyword line packed with a search query (`best mortgage rates` six times in one
 * paragraph). Names and titles are capitalised; prose varies its words. Zero otherwise.
 */
function packedRun(tokens: Token[], candidate: Candidate): number {
  if (candidate.n < 3) return 0
  for (let k = 0; k < candidate.n; k++) if (STOPWORDS.has(tokens[candidate.occurrences[0] + k].norm)) return 0
  const positions = candidate.occurrences
  let lower = 0
  let counted = 0
  for (const i of positions) {
    if (tokens[i].first) continue
    counted++
    let capital = false
    for (let k = 0; k < candidate.n; k++) if (tokens[i + k].capital) capital = true
    if (!capital) lower++
  }
  if (counted < PACK_COUNT || lower * 4 < counted * 3) return 0
  // A query is dropped into varied sentences; a phrase that nearly always has the same content word
  // next to it is part of a longer repeated clause (a pasted sentence, a template), not a keyword.
  const next = new Map<string, number>()
  const previous = new Map<string, number>()
  // Punctuation (or a sentence boundary) next to it is one context; so is any number.
  const context = (token: Token | undefined, joined: boolean, sentence: number) =>
    !token || !joined || token.sentence !== sentence ? '\u0000' : /^\d/.test(token.norm) ? '#' : STOPWORDS.has(token.norm) ? undefined : token.norm
  for (const i of positions) {
    const last = tokens[i + candidate.n - 1]
    const after = context(tokens[i + candidate.n], last.joined, last.sentence)
    if (after !== undefined) next.set(after, (next.get(after) ?? 0) + 1)
    const before = context(tokens[i - 1], tokens[i - 1]?.joined ?? false, tokens[i].sentence)
    if (before !== undefined) previous.set(before, (previous.get(before) ?? 0) + 1)
  }
  for (const count of [...next.values(), ...previous.values()]) if (count * 4 >= positions.length * 3) return 0
  let best = 0
  let from = 0
  for (let to = 0; to < positions.length; to++) {
    while (positions[to] - positions[from] > PACK_WINDOW) from++
    best = Math.max(best, to - from + 1)
  }
  return best >= PACK_COUNT ? best : 0
}

function formatExpected(value: number): string {
  if (value >= 10) return String(Math.round(value))
  if (value >= 0.1) return value.toFixed(1)
  return value < 0.01 ? 'less than 0.01' : value.toFixed(2)
}

/** The words of the document in order, with what the rule needs to know around each. */
function collectTokens(tree: Root): Token[] {
  const tokens: Token[] = []
  let sentenceIndex = 0
  for (const sentence of getSentences(tree)) {
    const children = sentence.children
    let firstWord = true
    let pendingQuote = false
    let previous: Token | undefined
    let gapHasPunctuation = false
    for (let c = 0; c < children.length; c++) {
      const child = children[c]
      if (child.type === 'WordNode') {
        const value = toString(child)
        const start = child.position?.start.offset
        const end = child.position?.end.offset
        if (start === undefined || end === undefined) continue
        const plain = value.length <= MAX_WORD_LENGTH && /^[\p{L}\p{N}]+(?:['\u2019]\p{L}+)?$/u.test(value)
        const norm = normalise(value)
        const token: Token = {
          norm,
          base: norm.replace(/'s$/, ''),
          value,
          start,
          end,
          line: child.position!.start.line,
          capital: /^\p{Lu}/u.test(value),
          sentence: sentenceIndex,
          first: firstWord,
          joined: false,
          quoteBefore: pendingQuote,
          quoteAfter: false,
          plain,
        }
        if (previous && !gapHasPunctuation) previous.joined = true
        tokens.push(token)
        previous = token
        firstWord = false
        pendingQuote = false
        gapHasPunctuation = false
      } else if (child.type === 'WhiteSpaceNode') {
        pendingQuote = false
        if (/[\r\n]/.test(child.value)) gapHasPunctuation = true
      } else {
        // Punctuation or symbol.
        gapHasPunctuation = true
        const value = 'value' in child ? child.value : ''
        if (QUOTES.has(value)) {
          const before = children[c - 1]
          const after = children[c + 1]
          const opens = after !== undefined && after.type === 'WordNode'
          // A closing quote right after a word, or after a word and one mark (`War,"`).
          const beforeMark = before && before.type === 'PunctuationNode' && /^[,.;:!?]$/.test(before.value) ? children[c - 2] : before
          if (!opens && beforeMark && beforeMark.type === 'WordNode' && previous) {
            previous.quoteAfter = true
          } else if (opens && (!before || before.type === 'WhiteSpaceNode' || before.type !== 'WordNode')) {
            pendingQuote = true
          }
        } else if (!/^[,.;:!?]$/.test(value)) {
          pendingQuote = false
        }
      }
    }
    sentenceIndex++
  }
  return tokens
}
