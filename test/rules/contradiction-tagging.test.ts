/**
 * How the contradiction rule has compromise tag its sentences (rules/nlp.ts): the faster sweep gives
 * compromise's own tags, each sentence of a batch is tagged as if alone, and sentences seen in an
 * earlier document (the per-process cache) give the same claims as new ones.
 */
import {readFileSync} from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import contradiction from '../../rules/contradiction.js'
import nlp, {tag, tagMany} from '../../rules/kit/nlp.js'

const SENTENCES = [
  'Sales rose by 7% to $3 billion in the second quarter, the company said on Tuesday.',
  'The treaty was not signed by Germany, although officials had expected it to be.',
  'Netflix shares rose after the board refused to approve the merger with Vantor.',
  "He hasn't closed the plant; it was born of a 1990 deal and employs 4,000 workers.",
  'If the senate votes no, the bill will probably be delayed until next year.',
  'they are hungry',
  'As a principle, we eat. Then we sleep',
  'But now obviously the team has lost three games in a row',
]

type Tagged = ReturnType<typeof tag>
const tagsOf = (doc: Tagged) => (doc.docs as unknown as Array<Array<{text: string; tags: Set<string>}>>).map((terms) => terms.map((term) => `${term.text}/${[...term.tags].sort().join(',')}`).join(' '))

/** compromise as it comes, without its `chunks` hook (which sets no tag). */
function plain(text: string): Tagged {
  const world = nlp.world() as unknown as {hooks: string[]}
  const saved = world.hooks
  world.hooks = saved.filter((hook) => hook !== 'chunks')
  try {
    return nlp(text)
  } finally {
    world.hooks = saved
  }
}

describe('tagging for the contradiction rule', () => {
  test('the faster sweep gives compromise’s own tags', () => {
    for (const text of [...SENTENCES, SENTENCES.join(' ')]) expect(tagsOf(tag(text))).toEqual(tagsOf(plain(text)))
    // and on the sentences of the dev and held-out pairs, in one text
    const pairs = JSON.parse(readFileSync(new URL('../fixtures/contradiction-pairs.json', import.meta.url), 'utf8')) as Record<string, Array<{a: string; b: string; context?: string}>>
    const all = Object.values(pairs).flat().flatMap((pair) => [pair.context ?? '', pair.a, pair.b]).join('\n\n')
    expect(tagsOf(tag(all))).toEqual(tagsOf(plain(all)))
  })

  test('a batch tags each text as if it were alone: a text without a final stop does not run on into the next', () => {
    const {doc, counts} = tagMany(SENTENCES)
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(doc.docs.length)
    const alone = SENTENCES.flatMap((text) => tagsOf(tag(text)))
    expect(tagsOf(doc)).toEqual(alone)
    // `As` after `they are hungry` is a preposition, not a name in the middle of a sentence
    expect(tagsOf(doc)[6]).toMatch(/^As\/Preposition /)
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 2, 1])
  })

  test('a document whose sentences were seen in an earlier document gets the same claims', () => {
    const text = [
      'Analysts have followed Norcell for years. Investors in Norcell were cautious. The board of Norcell met on Monday.',
      'Norcell signed the supply contract with Vantor in 2021, according to filings.',
      'Revenue at Norcell fell 5% in 2022 after the plant was closed',
      'Norcell never signed the supply contract with Vantor, a spokesperson said.',
    ].join('\n')
    const parser = unified().use(retextEnglish)
    const run = () => {
      const file = new VFile(text)
      contradiction()(parser.parse(file), file)
      return file.data.contradiction
    }
    const first = run()
    expect(first?.claims.length).toBeGreaterThanOrEqual(3)
    expect(run()).toEqual(first)
  })
})
