/**
 * Property-based tests of every rule in the registry on its own
 * (`unified().use(retextEnglish).use(rule)`), on fuzzed article-like and hostile documents:
 * no exception, every message's place inside the text with offsets that match its line/column,
 * every fix applicable (`actual` is the text it replaces), and the same messages on a second run.
 * Corpus rules also get their corpus pass over several fuzzed documents.
 *
 * Seeded and bounded (see ./arbitraries.ts): `FC_SEED=<n>` replays a failure, `FC_RUNS=<x>` scales.
 */
import fc from 'fast-check'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {resolveOptions, type Rule} from '../../rules/kit/rule.js'
import {checkMessages, deepRun, fuzzCorpus, fuzzDocument, params, show, snapshot} from './arbitraries.js'

function processorFor(rule: Rule) {
  return unified().use(retextEnglish).use(rule.plugin, resolveOptions(rule.meta, {}))
}

async function lintWith(processor: ReturnType<typeof processorFor>, text: string, name = 'doc.txt'): Promise<VFile> {
  const file = new VFile({path: name, value: text})
  await processor.run(processor.parse(file), file)
  return file
}

/** Run one rule on `text` twice and return whatever is wrong (an exception fails the property by itself). */
async function problemsOf(rule: Rule, text: string) {
  const processor = processorFor(rule)
  const first = await lintWith(processor, text)
  const problems = checkMessages(text, first.messages).map((p) => `${p.message}: ${p.problem}`)
  const second = await lintWith(processor, text)
  if (JSON.stringify(snapshot(first.messages)) !== JSON.stringify(snapshot(second.messages))) problems.push('a second run gave other messages')
  return problems
}

/** Hostile shapes in one document: deep runs of quotes/brackets/punctuation inside article lines. */
const hostileDocument = fc
  .tuple(fuzzDocument, fc.array(deepRun, {minLength: 1, maxLength: 4}), fc.array(fc.nat(), {minLength: 1, maxLength: 4}))
  .map(([doc, runs, ats]) => {
    let text = doc
    runs.forEach((run, i) => {
      const at = text.length === 0 ? 0 : ats[i % ats.length]! % (text.length + 1)
      text = text.slice(0, at) + run + text.slice(at)
    })
    return text
  })

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('fuzz: %s on its own', (_id, rule) => {
  it('keeps every message inside the text, with applicable fixes, deterministically', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzDocument, async (text) => {
        const problems = await problemsOf(rule, text)
        if (problems.length > 0) throw new Error(`on ${show(text)}:\n  ${problems.join('\n  ')}`)
      }),
      params(40),
    )
  })

  it('survives deep runs of quotes, brackets and punctuation', async () => {
    await fc.assert(
      fc.asyncProperty(hostileDocument, async (text) => {
        const problems = await problemsOf(rule, text)
        if (problems.length > 0) throw new Error(`on ${show(text)}:\n  ${problems.join('\n  ')}`)
      }),
      params(15),
    )
  })

  it.runIf(rule.corpus !== undefined)('its corpus pass keeps messages inside each text', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCorpus, async (texts) => {
        const processor = processorFor(rule)
        const files: VFile[] = []
        for (const [i, text] of texts.entries()) files.push(await lintWith(processor, text, `doc${i}.txt`))
        rule.corpus!(files, resolveOptions(rule.meta, {}))
        const problems = files.flatMap((file, i) => checkMessages(texts[i]!, file.messages).map((p) => `doc${i}: ${p.message}: ${p.problem}`))
        if (problems.length > 0) throw new Error(`on ${texts.map(show).join('\n')}:\n  ${problems.join('\n  ')}`)
      }),
      params(25),
    )
  })

  it('fires on the fuzzed documents at least sometimes (the generators reach it)', async () => {
    // Not a property: a guard that the generators above exercise this rule's reporting code. Rules
    // whose findings need a corpus, or a long repetitive document, are exempt.
    if (rule.corpus || rule.meta.id === 'keyword-stuffing') return
    const samples = fc.sample(fuzzDocument, {seed: 7, numRuns: 60})
    let fired = 0
    for (const text of samples) if ((await lintWith(processorFor(rule), text)).messages.length > 0) fired++
    expect(fired, `${rule.meta.id} never fired on 60 fuzzed documents`).toBeGreaterThan(0)
  })
})
