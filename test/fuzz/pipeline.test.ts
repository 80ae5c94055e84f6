/**
 * Property-based tests of the whole pipeline (`lintTexts`: every rule, windows, the corpus pass,
 * plain text, Markdown and HTML) on fuzzed corpora of several documents: no exception and no
 * `internal-error`, every message's place inside its document with offsets that match its
 * line/column, fixes that apply, the same messages on a second run; and, where `src/fix.ts` exists,
 * linting the fixed text does not report the fixed findings again.
 *
 * Seeded and bounded (see ./arbitraries.ts): `FC_SEED=<n>` replays a failure, `FC_RUNS=<x>` scales.
 */
import os from 'node:os'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lintTexts, type TextInput} from '../../src/engine.js'
import {articleLine, checkMessages, deepRun, fuzzCorpus, fuzzDocument, params, show, snapshot} from './arbitraries.js'

const cwd = os.tmpdir()

/**
 * The pipeline over `inputs`. `heavy: false` turns contradiction off: it tags every document with
 * compromise (some 300 ms per small document, per window too), which the tests that multiply windows,
 * long lines or repetitions cannot afford; it is fuzzed with the rest in the corpus property below
 * and on its own in ./rules.test.ts.
 */
async function lintAll(inputs: TextInput[], options: {windowSize?: number; heavy?: boolean} = {}): Promise<VFile[]> {
  return lintTexts(inputs, {cwd, config: false, windowSize: options.windowSize, rules: options.heavy === false ? {contradiction: 'off'} : undefined})
}
const light = {heavy: false}

/** Whatever is wrong with the messages of a run over `inputs`. */
function problemsOf(inputs: TextInput[], files: VFile[]): string[] {
  const byPath = new Map(inputs.map((input) => [input.path, input.value]))
  const problems: string[] = []
  if (files.length !== inputs.length) problems.push(`${inputs.length} inputs but ${files.length} files`)
  for (const file of files) {
    const text = byPath.get(file.path)
    if (text === undefined) {
      problems.push(`a file ${file.path} that was not an input`)
      continue
    }
    for (const problem of checkMessages(text, file.messages)) problems.push(`${file.path}: ${problem.message}: ${problem.problem}`)
  }
  return problems
}

function fail(inputs: TextInput[], problems: string[]): never {
  throw new Error(`on\n${inputs.map((input) => `  ${input.path}: ${show(input.value)}`).join('\n')}\n  ${problems.join('\n  ')}`)
}

/**
 * The offset in the original text of an offset in the fixed text: inside a replacement it is the
 * replaced range's start, after an edit it is moved back by what the edit added or removed. (Blank
 * lines that the fixer drops after a removed line are not counted: offsets after them map a little
 * early, which can only hide a repeat, not invent one.)
 */
function toOriginal(offset: number, applied: Array<{start: number; end: number; text: string}>): number {
  let delta = 0
  for (const fix of applied) {
    const length = fix.text.length
    const start = fix.start + delta
    if (offset < start) break
    if (offset < start + length) return fix.start
    delta += length - (fix.end - fix.start)
  }
  return offset - delta
}

const asInputs = (texts: string[], extension = 'txt'): TextInput[] => texts.map((value, i) => ({path: `doc${i}.${extension}`, value}))

describe('fuzz: the whole pipeline', () => {
  it('keeps every message of a corpus inside its document, with applicable fixes, deterministically', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCorpus, async (texts) => {
        const inputs = asInputs(texts)
        const first = await lintAll(inputs)
        const problems = problemsOf(inputs, first)
        const second = await lintAll(inputs)
        const a = first.map((file) => snapshot(file.messages))
        const b = second.map((file) => snapshot(file.messages))
        if (JSON.stringify(a) !== JSON.stringify(b)) problems.push('a second run gave other messages')
        if (problems.length > 0) fail(inputs, problems)
      }),
      params(8),
    )
  })

  it('places messages right when documents are linted in small windows', async () => {
    // Small windows make every document a windowed one, so the window arithmetic (padding, shifting
    // offsets back, merging facts) meets the hostile text: CR line ends, astral symbols, no newlines.
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzDocument, {minLength: 2, maxLength: 3}), fc.integer({min: 200, max: 3000}), async (texts, windowSize) => {
        const inputs = asInputs(texts)
        const problems = problemsOf(inputs, await lintAll(inputs, {windowSize, heavy: false}))
        if (problems.length > 0) fail(inputs, problems)
      }),
      params(20),
    )
  })

  it.each(['md', 'html'])('maps messages back into .%s sources', async (extension) => {
    const markup = fc.array(fc.oneof(articleLine.map((line) => (extension === 'md' ? line : `<p>${line}</p>`)), fuzzDocument, fc.constantFrom('# Heading', '## Related', '<div>', '</div>', '> quoted', '- item', '```', '<script>x</script>', '&amp; &#128512; &bogus;')), {maxLength: 16})
    await fc.assert(
      fc.asyncProperty(fc.array(markup.map((lines) => lines.join('\n')), {minLength: 2, maxLength: 3}), async (texts) => {
        const inputs = asInputs(texts, extension)
        const problems = problemsOf(inputs, await lintAll(inputs, light))
        if (problems.length > 0) fail(inputs, problems)
      }),
      params(12),
    )
  })

  it('handles lines longer than the long-line limit, with and without spaces', async () => {
    const longLine = fc.oneof(
      fc.tuple(fc.constantFrom('a', 'x.', '"', '[', '\u201C', '\uD83D\uDE00', 'e\u0301', '\u200B', '-'), fc.integer({min: 33_000, max: 40_000})).map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length))),
      fc.array(articleLine, {minLength: 80, maxLength: 120}).map((lines) => lines.join(' ').repeat(2).slice(0, 45_000)),
    )
    await fc.assert(
      fc.asyncProperty(longLine, fc.array(articleLine, {maxLength: 4}), fc.constantFrom('\n', '\r\n', '\r'), async (line, around, eol) => {
        const inputs = asInputs([[...around, line, ...around].join(eol), around.join(eol)])
        const problems = problemsOf(inputs, await lintAll(inputs, light))
        if (problems.length > 0) fail(inputs, problems)
      }),
      params(4),
    )
  })

  it('handles thousands of repeated headings and deep runs of quotes and brackets', async () => {
    const heading = fc.constantFrom('Table of Contents', 'Related Articles', 'Iran Wants To Negotiate After Crippling Israeli Strikes | The Daily Caller', '## Conclusion', 'Share this article')
    await fc.assert(
      fc.asyncProperty(heading, fc.integer({min: 1000, max: 3000}), fc.array(deepRun, {minLength: 1, maxLength: 3}), async (line, times, runs) => {
        const text = `${line}\n\n`.repeat(times) + runs.join('\n')
        const inputs = asInputs([text, `${line}\nA short article about the river council.\n${runs.join(' ')}`])
        const problems = problemsOf(inputs, await lintAll(inputs, light))
        if (problems.length > 0) fail(inputs, problems)
      }),
      params(3),
    )
  })

  it('does not report fixed findings again after their fixes are applied (when src/fix.ts exists)', async (context) => {
    const fixes = (await import('../../src/fix.js').catch(() => undefined)) as undefined | {fixFile: (file: VFile) => {output: string; applied: Array<{ruleId: string; start: number; end: number; text: string; message: {reason: string; actual?: string | null}}>}}
    if (!fixes?.fixFile) context.skip()
    await fc.assert(
      fc.asyncProperty(fuzzCorpus, async (texts) => {
        const inputs = asInputs(texts)
        const files = await lintAll(inputs, light)
        const fixed: TextInput[] = []
        const appliedByPath = new Map<string, ReturnType<NonNullable<typeof fixes>['fixFile']>['applied']>()
        for (const file of files) {
          const result = fixes!.fixFile(file)
          fixed.push({path: file.path, value: result.output})
          appliedByPath.set(file.path, result.applied)
        }
        const again = await lintAll(fixed, light)
        const problems: string[] = []
        for (const file of again) {
          const applied = [...(appliedByPath.get(file.path) ?? [])].sort((a, b) => a.start - b.start)
          const source = inputs.find((input) => input.path === file.path)!.value
          for (const fix of applied) {
            const removed = source.slice(fix.start, fix.end)
            // The same finding: same rule and reason, at the place of the fixed text in the original (a
            // different, identical line that a fix moved up is another finding, not a repeat).
            const repeat = file.messages.find((message) => {
              if (message.ruleId !== fix.ruleId || message.reason !== fix.message.reason || message.actual !== removed) return false
              const offset = message.place && 'start' in message.place ? message.place.start.offset : undefined
              if (offset === undefined) return false
              const at = toOriginal(offset, applied)
              return fix.start === fix.end ? at === fix.start : at >= fix.start && at < fix.end
            })
            if (repeat) problems.push(`${file.path}: ${fix.ruleId} fixed ${JSON.stringify(removed.slice(0, 80))} but reports it again at ${repeat.line}:${repeat.column}`)
          }
        }
        if (problems.length > 0) fail(inputs, problems)
      }),
      params(12),
    )
  })

  it('lints the same texts to the same messages in a different order of inputs', async () => {
    // Corpus rules compare documents: their findings must not depend on the order of the inputs.
    await fc.assert(
      fc.asyncProperty(fuzzCorpus, async (texts) => {
        const inputs = asInputs(texts)
        const forward = await lintAll(inputs)
        const backward = await lintAll([...inputs].reverse())
        expect(backward.map((file) => file.path)).toEqual(forward.map((file) => file.path))
        for (const [i, file] of forward.entries()) {
          expect(snapshot(backward[i]!.messages), `${file.path} on ${show(inputs[i]!.value)}`).toEqual(snapshot(file.messages))
        }
      }),
      params(5),
    )
  })
})
