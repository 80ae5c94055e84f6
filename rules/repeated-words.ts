/**
 * repeated-words: `the the`, `it it`. An adapter over retext-repeated-words
 * that gives its messages scrapelint's rule id, source and doc page.
 */
import type {Root} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import type {VFile} from 'vfile'
import {SOURCE, ruleUrl, type RuleMeta} from '../src/rule.js'

export const meta: RuleMeta = {
  id: 'repeated-words',
  description: 'the same word twice in a row (`the the`), a typical copy-paste and spinning slip',
  level: 'warn',
  fixable: true,
}

export default function repeatedWords() {
  const check = retextRepeatedWords()
  return function (tree: Root, file: VFile) {
    const before = file.messages.length
    check(tree, file)
    for (const message of file.messages.slice(before)) {
      const word = message.ruleId
      message.ruleId = meta.id
      message.source = SOURCE
      message.url = ruleUrl(meta.id)
      message.ancestors = undefined
      message.note = `\`${word}\` is repeated; keep one occurrence.`
      // Keep the first occurrence as written (`The the` becomes `The`, not `the`).
      const first = message.actual?.split(/\s/)[0]
      if (first) message.expected = [first]
    }
  }
}
