import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import duplicateDocument, {corpus} from '../../rules/duplicate-document.js'
import sharedBoilerplate, {corpus as sharedCorpus} from '../../rules/shared-boilerplate.js'

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
  return files.map((file) => file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, source: m.source, line: m.line, column: m.column, url: m.url})))
}

const url = 'https://github.com/scrapelint/scrapelint/blob/main/rules/duplicate-document.md'

describe('duplicate-document', () => {
  it('reports exact copies (after whitespace and case) in each copy, naming the others', async () => {
    const text = article('Council approves river bridge', [1, 2, 3])
    const copy = text.toUpperCase().replace(/ /g, '  ').replace(/\n\n/g, '\n\n\n')
    const results = await run([
      {path: 'a.txt', value: text},
      {path: 'b.txt', value: copy},
      {path: 'c.txt', value: article('Farmers fear a late harvest', [4, 5, 6])},
    ])
    expect(results).toEqual([
      [{reason: 'This document is an exact copy (after whitespace and case) of b.txt: keep one version', ruleId: 'duplicate-document', source: 'scrapelint', line: 1, column: 1, url}],
      [{reason: 'This document is an exact copy (after whitespace and case) of a.txt: keep one version', ruleId: 'duplicate-document', source: 'scrapelint', line: 1, column: 1, url}],
      [],
    ])
  })

  it('reports a republished version with a new headline and one changed paragraph, with where they part', async () => {
    const first = article('Council approves river bridge', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const second = article('River bridge approved after years of delay', [1, 2, 3, 4, 5, 6, 7, 8, 9, 11])
    const [a, b] = await run([
      {path: 'story.txt', value: first},
      {path: 'story-updated.txt', value: second},
    ])
    expect(a).toHaveLength(1)
    expect(b).toHaveLength(1)
    expect(a[0].reason).toMatch(/^This document is a near copy of story-updated\.txt \(similarity (8\d|9\d)%; first difference: line 1 here, line 1 of story-updated\.txt\): keep one version$/)
    expect(b[0].reason).toMatch(/^This document is a near copy of story\.txt \(similarity (8\d|9\d)%; first difference: line 1 here, line 1 of story\.txt\): keep one version$/)
  })

  it('names where two copies first part when the headline is the same', async () => {
    const [a] = await run([
      {path: 'a.txt', value: article('Council approves river bridge', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])},
      {path: 'b.txt', value: article('Council approves river bridge', [1, 2, 3, 4, 12, 6, 7, 8, 9, 10])},
    ])
    expect(a[0].reason).toMatch(/first difference: line 11 here, line 11 of b\.txt\)/)
  })

  it('says nothing of distinct articles of one site that share their menus and footer, nor of short pages', async () => {
    const menu = ['Home', 'News', 'Sport', 'Weather', 'Most read: council approves budget', 'Subscribe to our newsletter for daily updates from the city', 'Copyright 2024 City Courier Media Group, all rights reserved'].join('\n')
    const page = (seed: number) => [menu, '', prose(seed, 60), '', menu].join('\n')
    expect(await run([{path: 'a.txt', value: page(1)}, {path: 'b.txt', value: page(2)}, {path: 'c.txt', value: page(3)}])).toEqual([[], [], []])
    const short = 'Page not found. The page you asked for is not here.'
    expect(await run([{path: 'x.txt', value: short}, {path: 'y.txt', value: short}])).toEqual([[], []])
    expect(await run([{path: 'x.txt', value: short}, {path: 'y.txt', value: short}], {minWords: 5})).toHaveLength(2)
  })

  it('reports from the facts alone (a large run keeps no text), and names JSON Lines records by id', async () => {
    const text = article('Council approves river bridge', [1, 2, 3])
    const results = await run(
      [
        {path: 'crawl.jsonl#L1', value: text, record: {file: 'crawl.jsonl', id: 'https://example.com/a', line: 1}},
        {path: 'crawl.jsonl#L7', value: text, record: {file: 'crawl.jsonl', line: 7}},
      ],
      {},
      true,
    )
    expect(results.map((messages) => messages.map((m) => m.reason))).toEqual([
      ['This document is an exact copy (after whitespace and case) of crawl.jsonl#L7: keep one version'],
      ['This document is an exact copy (after whitespace and case) of crawl.jsonl#https://example.com/a: keep one version'],
    ])
  })

  it('names the first five copies and counts the rest', async () => {
    const text = article('Council approves river bridge', [1, 2, 3])
    const results = await run(Array.from({length: 8}, (_, i) => ({path: `${i}.txt`, value: text})))
    expect(results[0][0].reason).toBe('This document is an exact copy (after whitespace and case) of 1.txt, 2.txt, 3.txt, 4.txt, 5.txt and 2 more: keep one version')
    expect(results.every((messages) => messages.length === 1)).toBe(true)
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
