/**
 * engagement-bait: sentences that ask the reader to comment, share,
 * subscribe, follow, like or click: `Share your thoughts in the comments
 * below!`, `Don't forget to share this article`, `Subscribe to our newsletter`.
 *
 * A sentence is bait when three things meet in it: it addresses the reader
 * (an imperative at the start of the sentence or of the clause after
 * `If you ...,`, or a lead-in such as `we invite you to`, `please`, `feel free
 * to`), an engagement verb, and the place or object of the engagement that
 * the verb needs (`the comments`, `this article`, `our newsletter`, `us on
 * Twitter`, `the link below`). Reported requests (`The mayor asked residents
 * to share their thoughts`) and quoted speech are not bait.
 *
 * Adjacent bait sentences, the reader questions right before them (`What do
 * you think?`) and reader-addressed sentences between two of them form one
 * message whose fix removes them all.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {report, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {toPlace} from './kit/text.js'
import {getParagraphs} from './kit/tree.js'
import data from './data/engagement-bait.json' with {type: 'json'}

export const meta: RuleMeta = {
  id: 'engagement-bait',
  description: 'calls to comment, share, subscribe, follow, like or click addressed to the reader',
  level: 'warn',
  fixable: true,
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')
const alternation = (values: string[]) => [...values].sort((a, b) => b.length - a.length).map(escape).join('|')

const verbCues = new Map<string, string[]>(Object.entries(data.verbs))
const cues = new Map<string, RegExp>(Object.entries(data.cues).map(([name, source]) => [name, new RegExp(source, 'u')]))
const VERB = new RegExp(`(?<![\\p{L}'])(?:${alternation([...verbCues.keys()])})(?![\\p{L}'])`, 'gu')
/** Fillers that may open an imperative sentence, one to three of them, then the verb. */
const OPENING = new RegExp(`^[^\\p{L}]{0,8}(?:(?:${alternation(data.fillers)})[,\\s]{1,3}){0,3}$`, 'u')
/** A lead-in right before the verb that addresses the reader. */
const LEAD_IN = new RegExp(`(?:^|[^\\p{L}'])(?:${alternation(data.leadIns)})[,\\s]{1,3}(?:(?:${alternation(data.fillers)})[,\\s]{1,3}){0,2}$`, 'u')
/** `If you found this useful, share it`: the clause after the conditional. */
const CONDITIONAL = /^\P{L}{0,8}if\syou\b/u
/** `Don't keep this to yourself - hit the share button`: a clause after a spaced dash or a semicolon opens anew (not after a colon: `The coach said: leave ...` reports speech). */
const CLAUSE_BREAK = /\s[-–—]\s|;\s/gu
/** `Download our plan and share your progress ...`: an imperative opener joined to the verb by `and`. */
const IMPERATIVE = new RegExp(`^[^\\p{L}]{0,8}(?:(?:${alternation(data.fillers)})[,\\s]{1,3}){0,3}(?:${alternation(data.imperativeOpeners)})\\s`, 'u')
const AND_BEFORE = /(?:^|[\s,])(?:and|then)\s$/u
/** A subject other than the reader before the verb: `We download the data and share it with partners` is not addressed to the reader. */
const READER_SUBJECT = /(?<![\p{L}'])(?:i|we|they|he|she|who)(?![\p{L}'])/u
const READER = /(?<![\p{L}'])(?:you|your|you're|you've|yourself)(?![\p{L}'])/u
const WE_LOVE_TO_HEAR = /(?<![\p{L}'])(?:we|i)(?:'d|\swould)\slove\sto\shear\s(?:from\syou|your|what\syou|how\syou)/u

interface Found {
  start: number
  end: number
  verb: string
}

/** Lower-cased sentence with apostrophes made straight (same length as the original). */
function lower(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'")
}

/** Whether `index` of `text` is inside a quotation opened earlier in it. */
function insideQuotes(text: string, index: number): boolean {
  let straight = 0
  let curly = 0
  for (let i = 0; i < index; i++) {
    const c = text[i]
    if (c === '"') straight++
    else if (c === '“') curly++
    else if (c === '”') curly = Math.max(0, curly - 1)
  }
  return straight % 2 === 1 || curly > 0
}

/** The engagement call in a sentence, if it is one. */
export function findBait(sentence: string): Found | undefined {
  const text = lower(sentence)
  if (text.length > 5000) return undefined
  if (WE_LOVE_TO_HEAR.test(text) && cues.get('comments')!.test(text)) {
    const match = WE_LOVE_TO_HEAR.exec(text)!
    return {start: match.index, end: match.index + match[0].length, verb: 'hear from you'}
  }
  VERB.lastIndex = 0
  for (const match of text.matchAll(VERB)) {
    const verb = match[0].replace(/\s+/g, ' ')
    const needed = verbCues.get(verb) ?? []
    if (!needed.includes('any') && !needed.some((name) => cues.get(name)?.test(text))) continue
    if (insideQuotes(sentence, match.index)) continue
    const before = text.slice(Math.max(0, match.index - 80), match.index)
    const atStart = match.index <= 80 && OPENING.test(text.slice(0, match.index))
    let afterConditional = false
    if (CONDITIONAL.test(text)) {
      const comma = text.indexOf(',')
      if (comma !== -1 && comma < match.index) afterConditional = OPENING.test(text.slice(comma + 1, match.index))
    }
    let afterBreak = false
    if (!atStart && match.index <= 200) {
      let clause = -1
      for (const brk of text.slice(0, match.index).matchAll(CLAUSE_BREAK)) clause = brk.index + brk[0].length
      if (clause > 0) afterBreak = OPENING.test(text.slice(clause, match.index))
    }
    const coordinated = AND_BEFORE.test(before) && IMPERATIVE.test(text) && !READER_SUBJECT.test(text.slice(0, match.index))
    if (atStart || afterConditional || afterBreak || coordinated || LEAD_IN.test(before)) {
      return {start: match.index, end: match.index + match[0].length, verb}
    }
  }
  return undefined
}

interface Item {
  start: number
  end: number
  text: string
  bait?: Found
}

export default function engagementBait(_options?: RuleOptions) {
  return function (tree: Root, file: VFile) {
    const value = String(file)
    for (const paragraph of getParagraphs(tree)) {
      const items: Item[] = []
      for (const child of paragraph.children) {
        if (child.type !== 'SentenceNode') continue
        const start = (child as Sentence).position?.start.offset
        const end = (child as Sentence).position?.end.offset
        if (start === undefined || end === undefined) continue
        // A sentence that runs over line breaks (menus, stacked links) is judged line by line.
        let from = start
        while (from < end) {
          let to = value.indexOf('\n', from)
          if (to === -1 || to > end) to = end
          let first = from
          // Emphasis markers glued to the previous sentence close it (`bond.** **What`): they are not part of this one.
          if (first > 0 && /\S/.test(value[first - 1])) while (first < to && (value[first] === '*' || value[first] === '_')) first++
          while (first < to && /\s/.test(value[first])) first++
          let last = to
          while (last > first && /\s/.test(value[last - 1])) last--
          if (last > first) {
            const text = value.slice(first, last)
            items.push({start: first, end: last, text, bait: findBait(text)})
          }
          from = to + 1
        }
      }
      let k = 0
      while (k < items.length) {
        if (!items[k].bait) {
          k++
          continue
        }
        // Grow the group: reader questions before it, reader-addressed sentences up to the next bait.
        let first = k
        while (first > 0 && READER.test(lower(items[first - 1].text)) && /\?\W{0,4}$/.test(items[first - 1].text.trimEnd())) first--
        let last = k
        for (let m = k + 1; m < items.length; m++) {
          if (items[m].bait) last = m
          else if (!READER.test(lower(items[m].text))) break
        }
        emit(file, value, items, first, last)
        k = last + 1
      }
    }
  }
}

/** `sharing` → `share`, `following` → `follow`. */
function base(verb: string): string {
  if (!verb.endsWith('ing')) return verb
  const stem = verb.slice(0, -3)
  return [stem + 'e', stem, stem.slice(0, -1)].find((candidate) => verbCues.has(candidate)) ?? verb
}

function emit(file: VFile, value: string, items: Item[], first: number, last: number) {
  let start = items[first].start
  let end = items[last].end
  // Take the space before the sentences (or, at the start of a paragraph, after them) so no double space is left.
  let before = start
  while (before > 0 && (value[before - 1] === ' ' || value[before - 1] === '\t')) before--
  if (before < start && before > 0 && value[before - 1] !== '\n') start = before
  else while (end < value.length && (value[end] === ' ' || value[end] === '\t')) end++
  // Keep emphasis balanced: a group that opens with `**` takes the closing `**` after it.
  const opener = /^\s*(\*{1,3}|_{1,3})/.exec(value.slice(start, start + 8))
  if (opener && value.startsWith(opener[1], end) && !value.slice(start, end).trimEnd().endsWith(opener[1])) end += opener[1].length
  const calls = items.slice(first, last + 1).filter((item) => item.bait)
  const quoted = calls.map((item) => '`' + item.text.trim().slice(0, 90) + (item.text.trim().length > 90 ? '…' : '') + '`')
  const verbs = [...new Set(calls.map((item) => base(item.bait!.verb)))]
  report(file, meta, `Call to engagement addressed to the reader (${verbs.join(', ')}): ${quoted[0]}`, {
    place: toPlace(file, start, end),
    note: `${calls.length > 1 ? `${calls.length} sentences ask` : 'The sentence asks'} the reader to ${verbs.join(' / ')}${items.length > 0 && last > first ? `; with ${last - first + 1 - calls.length} reader-addressed sentence(s) around them` : ''}. Calls to comment, share, subscribe or click are furniture of a blog template or an article generator's closing formula, not content of the article. Remove the sentence${last > first ? 's' : ''}.`,
    actual: value.slice(start, end),
    expected: [''],
  })
}
