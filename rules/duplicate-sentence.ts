/**
 * duplicate-sentence: the same sentence twice in one document, word for word
 * or spun with small edits (article spinners and generators repeat
 * themselves; scrapers paste a block twice).
 *
 * Each sentence becomes a list of normalised words. Candidates come from an
 * inverted index of word 3-grams (postings of very common 3-grams are
 * ignored), so the work stays near-linear in the document's length; each
 * candidate pair is then scored by the share of content words they have in
 * common and by their longest common run of words. Both work on the words with synonyms folded
 * (`large`/`big`, `purchased`/`bought`, `look at`/`view`: rules/data/duplicate-sentence.ts), so that
 * a spun copy meets the same thresholds as an edited one; word-for-word repeats are told on the
 * words as written.
 */
import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import type {Position} from 'unist'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, removalPlace, toPlace} from './kit/text.js'
import {getSentences} from './kit/tree.js'
import {
  CONTINUATIONS,
  IRREGULAR_FORMS,
  MAX_POSTINGS,
  MAX_VERSE_LINE,
  MAX_WORDS,
  MIN_CONTENT_NEAR,
  STOPWORDS,
  SYNONYM_GROUPS,
  TERMINALS,
} from './data/duplicate-sentence.js'

export const meta: RuleMeta = {
  id: 'duplicate-sentence',
  description: 'the same sentence twice in one document, word for word or spun with small edits',
  level: 'warn',
  fixable: true,
  // Which copy of a spun sentence is the one to keep is the author's call: `--fix` removes one only when asked.
  suggestion: true,
  options: {
    minWords: {
      type: 'integer',
      default: 8,
      min: 3,
      max: 100,
      description: 'Sentences with fewer words are not compared (short stock phrases repeat naturally).',
    },
    threshold: {
      type: 'number',
      default: 0.75,
      min: 0.5,
      max: 1,
      description:
        'Near-duplicate threshold: the share of the shorter sentence\u2019s content words that the other sentence has too.',
    },
    minRun: {
      type: 'integer',
      default: 5,
      min: 2,
      max: 50,
      description: 'A near duplicate must also share a run of at least this many consecutive words.',
    },
  },
}

interface Settings extends RuleOptions {
  minWords: number
  threshold: number
  minRun: number
}

interface Item {
  start: number
  end: number
  line: number
  column: number
  /** The normalised words as written. */
  words: string[]
  /** The words with synonyms folded to their group's first word (a phrase to one word). */
  folded: string[]
  /** What each folded word stood for in the sentence (`look at` for `see`). */
  raw: string[]
  /** Stems of the folded content words. */
  content: Set<string>
  text: string
  /** The sentence is (nearly) all of its line(s): a pull quote, dek, caption or list item. */
  standalone: boolean
}

interface Finding {
  item: Item
  index: number
  other: Item
  otherIndex: number
  exact: boolean
  /** The later sentence is a contiguous part of the earlier one: removing it loses nothing. */
  contained: boolean
  score: number
  run: number
  /** How many consecutive sentences, from `index`, repeat consecutive earlier ones. */
  count: number
  /** For a near duplicate found only once synonyms are folded: the swaps, `earlier/later`. */
  swaps?: string[]
}

interface Synonyms {
  /** Word (any form) -> its group's canonical word. */
  words: Map<string, string>
  /** Phrases by their first word, longest first. */
  phrases: Map<string, {tokens: string[]; canonical: string}[]>
  /** The canonical words. */
  canonicals: Set<string>
}

function isVowel(c: string | undefined): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'
}

/** Plural or third-person form. */
function sForm(base: string): string {
  if (base.endsWith('s') || base.endsWith('x') || base.endsWith('z') || base.endsWith('ch') || base.endsWith('sh')) return base + 'es'
  if (base.endsWith('y') && !isVowel(base.at(-2))) return base.slice(0, -1) + 'ies'
  return base + 's'
}

/** Regular verb forms: -s, -ed, -ing (with a doubled final consonant too, both spellings being harmless). */
function verbForms(base: string): string[] {
  const forms = [sForm(base)]
  const last = base.at(-1)
  if (base.endsWith('ie')) forms.push(base + 'd', base.slice(0, -2) + 'ying')
  else if (base.endsWith('ee')) forms.push(base + 'd', base + 'ing')
  else if (last === 'e') forms.push(base + 'd', base.slice(0, -1) + 'ing')
  else if (last === 'y' && !isVowel(base.at(-2))) forms.push(base.slice(0, -1) + 'ied', base + 'ing')
  else {
    forms.push(base + 'ed', base + 'ing')
    if (last && !isVowel(last) && last !== 'w' && last !== 'x' && last !== 'y' && isVowel(base.at(-2)) && !isVowel(base.at(-3))) {
      forms.push(base + last + 'ed', base + last + 'ing')
    }
  }
  return forms
}

/** Builds the fold table from SYNONYM_GROUPS: words as listed first, generated forms where free. */
function buildSynonyms(): Synonyms {
  const words = new Map<string, string>()
  const phrases = new Map<string, {tokens: string[]; canonical: string}[]>()
  const canonicals = new Set<string>()
  const irregular = new Map<string, string[]>()
  for (const [form, base] of Object.entries(IRREGULAR_FORMS)) irregular.set(base, [...(irregular.get(base) ?? []), form])
  const add = (tokens: string[], canonical: string) => {
    if (tokens.length === 1) {
      if (!words.has(tokens[0])) words.set(tokens[0], canonical)
      return
    }
    const list = phrases.get(tokens[0]) ?? []
    if (list.some((phrase) => phrase.tokens.join(' ') === tokens.join(' '))) return
    list.push({tokens, canonical})
    list.sort((a, b) => b.tokens.length - a.tokens.length)
    phrases.set(tokens[0], list)
  }
  const groups = SYNONYM_GROUPS.map((group) => {
    const kind = group.slice(0, 1)
    const entries = group.slice(2).trim().split(/ +/).map((entry) => entry.split('_'))
    return {kind, entries, canonical: entries[0].join(' ')}
  })
  for (const {entries, canonical} of groups) {
    canonicals.add(canonical)
    for (const tokens of entries) add(tokens, canonical)
  }
  for (const {kind, entries, canonical} of groups) {
    if (kind === 'a') continue
    for (const [head, ...rest] of entries) {
      const forms = kind === 'v' ? [...verbForms(head), ...(irregular.get(head) ?? [])] : [sForm(head), ...(irregular.get(head) ?? [])]
      for (const form of forms) add([form, ...rest], canonical)
    }
  }
  return {words, phrases, canonicals}
}

const SYNONYMS = buildSynonyms()

/** Folds synonyms (single words and phrases) to their group's first word. */
function foldSynonyms(words: string[]): {folded: string[]; raw: string[]} {
  const folded: string[] = []
  const raw: string[] = []
  for (let i = 0; i < words.length; ) {
    const word = words[i]
    const phrase = SYNONYMS.phrases.get(word)?.find((p) => p.tokens.every((token, j) => words[i + j] === token))
    if (phrase) {
      folded.push(phrase.canonical)
      raw.push(phrase.tokens.join(' '))
      i += phrase.tokens.length
      continue
    }
    let canonical = SYNONYMS.words.get(word)
    if (canonical === undefined && word.endsWith("'s")) canonical = SYNONYMS.words.get(word.slice(0, -2))
    folded.push(canonical ?? word)
    raw.push(word)
    i++
  }
  return {folded, raw}
}

/** Stems of the content words. */
function contentOf(words: string[]): Set<string> {
  const content = new Set<string>()
  for (const word of words) if (!STOPWORDS.has(word)) content.add(stem(word))
  return content
}

/** Share of the smaller set that the larger has, and the smaller set's size. */
function overlap(a: Set<string>, b: Set<string>): {score: number; size: number} {
  const small = a.size <= b.size ? a : b
  const large = small === a ? b : a
  let common = 0
  for (const word of small) if (large.has(word)) common++
  return {score: small.size ? common / small.size : 0, size: small.size}
}

/** The synonym swaps between two sentences, `earlier/later`, in the later one's order. */
function swapsOf(earlier: Item, later: Item): string[] {
  const before = new Map<string, Set<string>>()
  for (let i = 0; i < earlier.folded.length; i++) {
    const word = earlier.folded[i]
    if (!SYNONYMS.canonicals.has(word)) continue
    const forms = before.get(word) ?? new Set<string>()
    forms.add(earlier.raw[i])
    before.set(word, forms)
  }
  const after = new Map<string, Set<string>>()
  for (let i = 0; i < later.folded.length; i++) {
    const word = later.folded[i]
    if (!before.has(word)) continue
    const forms = after.get(word) ?? new Set<string>()
    forms.add(later.raw[i])
    after.set(word, forms)
  }
  const swaps: string[] = []
  for (const [word, forms] of after) {
    const earlierForms = before.get(word)!
    if ([...forms].some((form) => earlierForms.has(form))) continue
    swaps.push(`${[...earlierForms][0]}/${[...forms][0]}`)
  }
  return swaps
}

/** Lower case, straight apostrophes, no surrounding punctuation. */
function normalise(word: string): string {
  const lower = word.toLowerCase().replace(/[\u2018\u2019\u02BC]/g, "'")
  // Trimmed with a scan, not `/[^\p{L}\p{N}]+$/`, which is quadratic on a long run of punctuation.
  const letter = /[\p{L}\p{N}]/u
  const chars = Array.from(lower)
  let start = 0
  let end = chars.length
  while (start < end && !letter.test(chars[start]!)) start++
  while (end > start && !letter.test(chars[end - 1]!)) end--
  return chars.slice(start, end).join('')
}

/** A light stem so that spun plurals and possessives still match. */
function stem(word: string): string {
  if (word.endsWith("'s")) word = word.slice(0, -2)
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y'
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** Whether the sentence ends in sentence punctuation (closing quotes and brackets allowed after it). */
function isTerminated(sentence: Sentence): boolean {
  for (let i = sentence.children.length - 1; i >= 0; i--) {
    const child = sentence.children[i]
    if (child.type === 'WhiteSpaceNode') continue
    if (child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') return false
    if (TERMINALS.has(child.value)) return true
    if (!/^["'\u2018\u2019\u201C\u201D)\]\u00BB]$/u.test(child.value)) return false
  }
  return false
}

/**
 * Whether the sentence is verse: broken over two or more short lines, each before a break ending
 * in a comma, semicolon, colon or dash (a title glued before a sentence ends in none of them).
 */
function isVerse(sentence: Sentence): boolean {
  let breaks = 0
  let lineStart = sentence.position?.start.offset
  let last: Sentence['children'][number] | undefined
  for (const child of sentence.children) {
    if (child.type === 'WhiteSpaceNode' && /[\r\n]/.test(child.value)) {
      const start = child.position?.start.offset
      if (lineStart === undefined || start === undefined || start - lineStart > MAX_VERSE_LINE) return false
      if (!last || (last.type !== 'PunctuationNode' && last.type !== 'SymbolNode') || !CONTINUATIONS.has(last.value)) return false
      breaks++
      lineStart = child.position?.end.offset
      last = undefined
      continue
    }
    if (child.type !== 'WhiteSpaceNode') last = child
  }
  const end = sentence.position?.end.offset
  return breaks > 0 && lineStart !== undefined && end !== undefined && end - lineStart <= MAX_VERSE_LINE
}

/** Whether the sentence makes up (nearly) all the words of the lines it is on. */
function isStandalone(file: VFile, firstLine: number, lastLine: number, words: number, cache: Map<string, number>): boolean {
  const key = firstLine + ':' + lastLine
  let tokens = cache.get(key)
  if (tokens === undefined) {
    const lines = getLines(file)
    const first = lines[firstLine - 1]
    const last = lines[lastLine - 1]
    if (!first || !last) return false
    const text = String(file)
    tokens = 0
    let inToken = false
    for (let i = first.start; i < last.end; i++) {
      const space = text.charCodeAt(i) <= 32
      if (!space && !inToken) tokens++
      inToken = !space
    }
    cache.set(key, tokens)
  }
  return words >= 0.75 * tokens
}

/**
 * Whether words read as a title: at least three words of four letters or more, nearly all
 * capitalised (`The Future Trajectory: What Lies Ahead for Tehran and Moscow?`). A sentence of
 * running text capitalises only its first word and names.
 */
function isTitleCase(children: Sentence['children']): boolean {
  let long = 0
  let capitalised = 0
  for (const child of children) {
    if (child.type !== 'WordNode') continue
    const word = toString(child)
    if (word.length < 4) continue
    long++
    if (word[0] !== word[0].toLowerCase()) capitalised++
  }
  return long >= 3 && capitalised >= 0.85 * long
}

/** Length of the longest run of consecutive equal words (DP over two short arrays). */
function longestRun(a: string[], b: string[]): number {
  let best = 0
  let previous = new Uint16Array(b.length + 1)
  let current = new Uint16Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : 0
      if (current[j] > best) best = current[j]
    }
    ;[previous, current] = [current, previous]
    current.fill(0)
  }
  return best
}

/** Whether `inner` occurs as a contiguous part of `outer`. */
function containsSequence(outer: string[], inner: string[]): boolean {
  if (inner.length > outer.length) return false
  outer: for (let i = 0; i + inner.length <= outer.length; i++) {
    for (let j = 0; j < inner.length; j++) if (outer[i + j] !== inner[j]) continue outer
    return true
  }
  return false
}

function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '\u2026'
}

/** The range to delete (sentences `first` to `last` on one line) so that removing it leaves tidy text. */
function removalRange(file: VFile, first: Item, last: Item): Position {
  const text = String(file)
  const line = getLines(file)[first.line - 1]
  if (line && first.line === last.line && text.slice(line.start, line.end).trim() === text.slice(first.start, last.end).trim()) {
    return removalPlace(file, line)
  }
  let end = last.end
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++
  if (end > last.end && end < text.length && text[end] !== '\n' && text[end] !== '\r') return toPlace(file, first.start, end)
  let start = first.start
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--
  return toPlace(file, start, last.end)
}

export default function duplicateSentence(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (tree: Root, file: VFile) {
    const items: Item[] = []
    const lineTokens = new Map<string, number>()
    const source = String(file)
    const each = function (node: Sentence) {
      const end = node.position?.end.offset
      if (end === undefined) return
      if (!isTerminated(node)) return
      // A refrain repeats by design.
      if (isVerse(node)) return
      // A line break inside a "sentence" means a title or label line glued before it: compare only
      // the part after the last break.
      let from = 0
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i]
        if (child.type === 'WhiteSpaceNode' && /[\r\n]/.test(child.value)) {
          from = i + 1
          break
        }
      }
      const head = node.children[from]?.position?.start
      if (!head || head.offset === undefined) return
      const words: string[] = []
      for (let i = from; i < node.children.length; i++) {
        const child = node.children[i]
        if (child.type !== 'WordNode') continue
        const word = normalise(toString(child))
        if (word) words.push(word)
        if (words.length > MAX_WORDS) return
      }
      if (words.length < settings.minWords) return
      const standalone = isStandalone(file, head.line, node.position!.end.line, words.length, lineTokens)
      // A heading (a line of its own in title case, `The Road Ahead: What Comes Next?`) repeats its
      // entry in the table of contents by design.
      if (standalone && isTitleCase(node.children.slice(from))) return
      const {folded, raw} = foldSynonyms(words)
      items.push({
        start: head.offset,
        end,
        line: head.line,
        column: head.column,
        words,
        folded,
        raw,
        content: contentOf(folded),
        text: source.slice(head.offset, end),
        standalone,
      })
    }
    for (const node of getSentences(tree)) each(node)

    const index = new Map<string, number[]>()
    const findings: Finding[] = []
    for (let k = 0; k < items.length; k++) {
      const item = items[k]
      const shared = new Map<number, number>()
      const keys = new Set<string>()
      const folded = item.folded
      for (let i = 0; i + 3 <= folded.length; i++) keys.add(folded[i] + ' ' + folded[i + 1] + ' ' + folded[i + 2])
      for (const key of keys) {
        const postings = index.get(key)
        if (!postings) continue
        if (postings.length <= MAX_POSTINGS) for (const other of postings) shared.set(other, (shared.get(other) ?? 0) + 1)
      }

      const last = findings.at(-1)
      const previousRun = last && last.index + last.count === k ? last.otherIndex + last.count : undefined
      let best: {other: Item; otherIndex: number; exact: boolean; contained: boolean; score: number; run: number} | undefined
      for (const [otherIndex, count] of shared) {
        const other = items[otherIndex]
        const exact = other.words.length === item.words.length && containsSequence(other.words, item.words)
        if (exact) {
          if (item.standalone !== other.standalone) continue
          // Among exact copies prefer the one that continues the previous finding (a pasted run).
          const continues = previousRun !== undefined && otherIndex === previousRun
          if (!best?.exact || continues) best = {other, otherIndex, exact, contained: true, score: 1, run: item.words.length}
          if (continues) break
          continue
        }
        if (best?.exact) continue
        // A pull quote, dek or embedded post repeats a sentence of the running text on a line of
        // its own: that is the page's design, not a spun or pasted duplicate.
        if (item.standalone !== other.standalone) continue
        const shorter = Math.min(item.words.length, other.words.length)
        const longer = Math.max(item.words.length, other.words.length)
        if (shorter < longer / 2) continue
        // a common run of minRun words means at least minRun - 2 common 3-grams
        if (count < settings.minRun - 2) continue
        const {score, size} = overlap(item.content, other.content)
        if (score < settings.threshold) continue
        const run = longestRun(item.folded, other.folded)
        if (run < settings.minRun) continue
        const contained = containsSequence(other.words, item.words)
        // With few content words, one or two changed words already fall under the threshold:
        // a natural restatement. Spun text needs more words to be told apart from it.
        if (!contained && size < MIN_CONTENT_NEAR) continue
        if (!best || score > best.score || (score === best.score && run > best.run)) best = {other, otherIndex, exact: false, contained, score, run}
      }

      if (best) {
        const finding: Finding = {item, index: k, ...best, count: 1}
        if (!best.exact && !best.contained) {
          // Say so when the pair is a near duplicate only once synonyms are folded; else give the
          // figures of the words as written.
          const other = best.other
          const plain = overlap(contentOf(item.words), contentOf(other.words))
          const plainRun = longestRun(item.words, other.words)
          if (plain.score >= settings.threshold && plainRun >= settings.minRun && plain.size >= MIN_CONTENT_NEAR) {
            finding.score = plain.score
            finding.run = plainRun
          } else {
            const swaps = swapsOf(other, item)
            if (swaps.length > 0) finding.swaps = swaps
          }
        }
        const previous = findings.at(-1)
        // Consecutive sentences that repeat consecutive earlier ones (a pasted paragraph): one message.
        if (
          previous &&
          previous.contained &&
          finding.contained &&
          previous.index + previous.count === k &&
          previous.otherIndex + previous.count === finding.otherIndex &&
          items[k - 1].line === item.line
        ) {
          previous.count++
          previous.exact &&= finding.exact
        } else findings.push(finding)
      }

      for (const key of keys) {
        const postings = index.get(key)
        if (postings) {
          if (postings.length <= MAX_POSTINGS) postings.push(k)
        } else index.set(key, [k])
      }
    }

    for (const finding of findings) reportFinding(file, items, finding)
  }
}

/** Swaps named in a message; more are summed up with an ellipsis. */
const MAX_SWAPS_SHOWN = 6

function reportFinding(file: VFile, items: Item[], finding: Finding) {
  const {item, other} = finding
  const where = `line ${other.line}, column ${other.column}`
  const last = items[finding.index + finding.count - 1]
  let reason: string
  if (finding.count > 1) {
    reason = `${finding.count} sentences in a row repeat, word for word, the sentences from ${where} on: a pasted or generated duplicate`
  } else if (finding.exact) {
    reason = `Sentence repeats, word for word, the sentence at ${where}: a pasted or generated duplicate`
  } else if (finding.contained) {
    reason = `Sentence repeats part of the sentence at ${where} word for word: a pasted or generated duplicate`
  } else if (finding.swaps) {
    const shown = finding.swaps.slice(0, MAX_SWAPS_SHOWN).join(', ') + (finding.swaps.length > MAX_SWAPS_SHOWN ? ', \u2026' : '')
    reason = `Sentence nearly repeats the sentence at ${where} with synonyms swapped (${shown}): once they are folded, ${Math.round(finding.score * 100)}% of the content words and ${finding.run} words in a row in common: a spun duplicate`
  } else {
    reason = `Sentence nearly repeats the sentence at ${where} (${Math.round(finding.score * 100)}% of the content words, ${finding.run} words in a row in common): a spun duplicate`
  }
  const place = finding.contained ? removalRange(file, item, last) : toPlace(file, item.start, item.end)
  report(file, meta, reason, {
    place,
    note: `Earlier at ${where}: \u201C${shorten(other.text)}\u201D.` + (finding.contained ? ' Remove the repeat.' : ' Keep one of the two.'),
    actual: String(file).slice(place.start.offset ?? item.start, place.end.offset ?? item.end),
    expected: finding.contained ? [''] : undefined,
  })
}
