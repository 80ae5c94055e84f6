import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import duplicateDocument, {corpus} from '../../rules/duplicate-document.js'
import sharedBoilerplate, {corpus as sharedCorpus} from '../../rules/shared-boilerplate.js'
import {ruleTester} from '../helpers/rule-tester.js'

/** A deterministic paragraph of `words` words (a line of prose), different for each seed. */
function prose(seed: number, words = 40): string {
  const vocabulary = ['council', 'river', 'market', 'said', 'on', 'the', 'new', 'plan', 'would', 'cost', 'more', 'than', 'residents', 'expected', 'after', 'years', 'of', 'delay', 'bridge', 'school', 'budget', 'minister', 'report', 'week', 'city', 'farmers', 'harvest', 'rain', 'price', 'talks']
  let state = seed * 2654435761 + 1
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    out.push(vocabulary[state % vocabulary.length] + (i % 7 === 3 ? String(state % 97) : ''))
  }
  return out.join(' ') + '.'
}

function article(headline: string, seeds: number[]): string {
  return [headline, '', ...seeds.flatMap((seed) => [prose(seed), ''])].join('\n')
}

async function run(docs: Array<{path: string; value: string; record?: {file: string; id?: string; line: number}}>, options: Record<string, unknown> = {}, dropText = false) {
  const processor = unified().use(retextEnglish).use(duplicateDocument, options)
  const files: VFile[] = []
  for (const doc of docs) {
    const file = new VFile({path: doc.path, value: doc.value})
    if (doc.record) file.data.record = doc.record
    await processor.run(processor.parse(file), file)
    if (dropText) file.value = undefined as unknown as string
    files.push(file)
  }
  corpus(files, options)
  return files.map((file) => file.messages.map((m) => ({reason: m.reason, line: m.line})))
}

const story = article('Council approves river bridge', [1, 2, 3])
const menu = ['Home', 'News', 'Sport', 'Weather', 'Most read: council approves budget', 'Subscribe to our newsletter for daily updates from the city', 'Copyright 2024 City Courier Media Group, all rights reserved'].join('\n')
const page = (seed: number) => [menu, '', prose(seed, 60), '', menu].join('\n')
const short = 'Page not found. The page you asked for is not here.'
const exact = (others: string) => `This document is an exact copy (after whitespace and case) of ${others}: keep one version`

ruleTester('duplicate-document', {
  valid: [
    {name: 'distinct articles of one site that share their menus and footer', corpus: [page(1), page(2), page(3)]},
    {name: 'short pages (under minWords) are alike by chance', corpus: [short, short]},
    {name: 'two different stories', corpus: [story, article('Farmers fear a late harvest', [4, 5, 6])]},
  ],
  invalid: [
    {
      name: 'exact copies after whitespace and case, in each copy, naming the others',
      corpus: [
        {path: 'a.txt', text: story},
        {path: 'b.txt', text: story.toUpperCase().replace(/ /g, '  ').replace(/\n\n/g, '\n\n\n')},
        {path: 'c.txt', text: article('Farmers fear a late harvest', [4, 5, 6])},
      ],
      messages: [[{reason: exact('b.txt'), line: 1, column: 1, expected: undefined}], [{reason: exact('a.txt'), line: 1, column: 1}], []],
    },
    {
      name: 'a republished version with a new headline and one changed paragraph, with where they part',
      corpus: [
        {path: 'story.txt', text: article('Council approves river bridge', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])},
        {path: 'story-updated.txt', text: article('River bridge approved after years of delay', [1, 2, 3, 4, 5, 6, 7, 8, 9, 11])},
      ],
      messages: [
        [{reason: /^This document is a near copy of story-updated\.txt \(similarity (8\d|9\d)%; first difference: line 1 here, line 1 of story-updated\.txt\): keep one version$/, note: /Keep the newer or fuller version\.$/}],
        [{reason: /^This document is a near copy of story\.txt \(similarity (8\d|9\d)%; first difference: line 1 here, line 1 of story\.txt\): keep one version$/}],
      ],
    },
    {
      name: 'where two copies with one headline first part',
      corpus: [
        {path: 'a.txt', text: article('Council approves river bridge', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])},
        {path: 'b.txt', text: article('Council approves river bridge', [1, 2, 3, 4, 12, 6, 7, 8, 9, 10])},
      ],
      messages: [[{reason: /first difference: line 11 here, line 11 of b\.txt\)/}], [{reason: /first difference: line 11 here, line 11 of a\.txt\)/}]],
    },
    {
      name: 'short pages when minWords allows them',
      options: {minWords: 5},
      corpus: [
        {path: 'x.txt', text: short},
        {path: 'y.txt', text: short},
      ],
      messages: [[{reason: exact('y.txt')}], [{reason: exact('x.txt')}]],
    },
    {
      name: 'the first five copies named, the rest counted',
      corpus: Array.from({length: 7}, (_, i) => ({path: `${i}.txt`, text: story})),
      messages: [
        [{reason: exact('1.txt, 2.txt, 3.txt, 4.txt, 5.txt and 1 more')}],
        [{reason: exact('0.txt, 2.txt, 3.txt, 4.txt, 5.txt and 1 more')}],
        [{reason: exact('0.txt, 1.txt, 3.txt, 4.txt, 5.txt and 1 more')}],
        [{reason: exact('0.txt, 1.txt, 2.txt, 4.txt, 5.txt and 1 more')}],
        [{reason: exact('0.txt, 1.txt, 2.txt, 3.txt, 5.txt and 1 more')}],
        [{reason: exact('0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 1 more')}],
        [{reason: exact('0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 1 more')}],
      ],
    },
  ],
})

describe('duplicate-document facts', () => {
  it('reports from the facts alone (a large run keeps no text), and names JSON Lines records by id', async () => {
    const results = await run(
      [
        {path: 'crawl.jsonl#L1', value: story, record: {file: 'crawl.jsonl', id: 'https://example.com/a', line: 1}},
        {path: 'crawl.jsonl#L7', value: story, record: {file: 'crawl.jsonl', line: 7}},
      ],
      {},
      true,
    )
    expect(results.map((messages) => messages.map((m) => m.reason))).toEqual([[exact('crawl.jsonl#L7')], [exact('crawl.jsonl#https://example.com/a')]])
  })
})

describe('shared-boilerplate with copies', () => {
  async function lint(texts: string[]) {
    const processor = unified().use(retextEnglish).use(sharedBoilerplate)
    const files: VFile[] = []
    for (const [i, value] of texts.entries()) {
      const file = new VFile({path: `doc-${i}.txt`, value})
      await processor.run(processor.parse(file), file)
      files.push(file)
    }
    sharedCorpus(files, {})
    return files.map((file) => file.messages.map((m) => m.reason))
  }

  it('takes no line of two copies of one article for template', async () => {
    const story = ['Council approves river bridge plan for the city', '', prose(1), '', 'Read more stories from the city desk here', '', prose(2)].join('\n')
    expect(await lint([story, story.replace('plan for', 'plan, for')])).toEqual([[], []])
  })

  it('still reports a footer shared by distinct articles, counting copies of one article once', async () => {
    const footer = 'Subscribe to the Valley Courier for daily updates'
    const doc = (seed: number) => [`Headline number ${seed} of the day`, '', prose(seed), '', prose(seed + 100), '', footer].join('\n')
    const results = await lint([doc(1), doc(1), doc(2)])
    for (const messages of results) expect(messages).toEqual([`This line ("${footer}") recurs as its own line in 2 documents of this run: site template, not content`])
  })
})
