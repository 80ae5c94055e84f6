/**
 * repeated-words: `the the`, `it it`. An adapter over retext-repeated-words
 * that gives its messages scrapelint's rule id, source and doc page, and drops
 * the repeats that are correct English: reduplicatives (`bye bye`), a repeat
 * quoted as an example (`"the the" is a typo`) and the pseudo-cleft
 * `What it is is a problem`.
 */
import type {Root, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextRepeatedWords from 'retext-repeated-words'
import type {VFile} from 'vfile'
import {SOURCE, ruleUrl, type RuleMeta} from './kit/rule.js'
import data from './data/repeated-words.json' with {type: 'json'}
import {tag} from './kit/nlp.js'

export const meta: RuleMeta = {
  id: 'repeated-words',
  description: 'the same word twice in a row (`the the`), a typical copy-paste and spinning slip',
  level: 'warn',
  fixable: true,
}

const REDUPLICATIVES: ReadonlySet<string> = new Set(data.reduplicatives)
const QUOTES: ReadonlySet<string> = new Set(data.quotes)
const COPULAS: ReadonlySet<string> = new Set(data.copulas)
const FREE_RELATIVES: ReadonlySet<string> = new Set(data.freeRelatives)

/** The index of the word before `index` in `children`, across whitespace only. */
function previousWord(children: SentenceContent[], index: number): number {
  let i = index - 1
  while (i >= 0 && children[i].type === 'WhiteSpaceNode') i--
  return i >= 0 && children[i].type === 'WordNode' ? i : -1
}

function isQuote(node: SentenceContent | undefined): boolean {
  return node !== undefined && (node.type === 'PunctuationNode' || node.type === 'SymbolNode') && QUOTES.has(node.value)
}

/**
 * `What it is is a problem`, `What the trouble was was the cost`: the first copula ends a free
 * relative clause (`what` + a subject with no verb of its own), the second is the main verb.
 * `The thing is is that` and `What I mean is is that` (the clause has its verb) stay reported.
 */
function isPseudoCleft(children: SentenceContent[], first: number, word: string): boolean {
  if (!COPULAS.has(word)) return false
  const between: string[] = []
  for (let i = previousWord(children, first); i >= 0; i = previousWord(children, i)) {
    const value = toString(children[i]).toLowerCase()
    if (FREE_RELATIVES.has(value)) {
      if (between.length === 0) return false
      return !tag(between.reverse().join(' ')).has('#Verb')
    }
    between.push(value)
    if (between.length > data.maxCleftWords) return false
  }
  return false
}

/** Whether the repeat that ends at `child` of `sentence` is correct English (`positions`: each child's index, per sentence). */
function isIntended(sentence: Sentence, child: SentenceContent, positions: WeakMap<Sentence, Map<SentenceContent, number>>): boolean {
  const children = sentence.children
  let position = positions.get(sentence)
  if (!position) positions.set(sentence, (position = new Map(children.map((node, index) => [node, index]))))
  const second = position.get(child) ?? -1
  const first = second < 0 ? -1 : previousWord(children, second)
  if (first < 0) return false
  const word = toString(child).toLowerCase()
  if (REDUPLICATIVES.has(word)) return true
  // `"the the"` on its own in quotes: the repeat is mentioned, not used.
  if (isQuote(children[first - 1]) && isQuote(children[second + 1])) return true
  return isPseudoCleft(children, first, word)
}

export default function repeatedWords() {
  const check = retextRepeatedWords()
  return function (tree: Root, file: VFile) {
    const before = file.messages.length
    check(tree, file)
    const found = file.messages.splice(before)
    const positions = new WeakMap<Sentence, Map<SentenceContent, number>>()
    for (const message of found) {
      const [sentence, child] = (message.ancestors ?? []) as [Sentence?, SentenceContent?]
      if (sentence && child && isIntended(sentence, child, positions)) continue
      const word = message.ruleId
      message.ruleId = meta.id
      message.source = SOURCE
      message.url = ruleUrl(meta.id)
      message.ancestors = undefined
      message.note = `\`${word}\` is repeated; keep one occurrence.`
      // Keep the first occurrence as written (`The the` becomes `The`, not `the`).
      const first = message.actual?.split(/\s/)[0]
      if (first) message.expected = [first]
      file.messages.push(message)
    }
  }
}
