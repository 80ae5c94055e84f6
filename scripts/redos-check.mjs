#!/usr/bin/env node
/**
 * Adversarial inputs for every rule (the built dist/): long runs of one character class per regex
 * family (quotes, brackets, `a.`, colons, spaces, digits, bullets, capitalised words, lorem...), a
 * 1 MB line without spaces, and so on. Each input is parsed once (timed apart: parse-latin itself
 * is superlinear on long paragraphs, which the engine bounds with windows), then every rule runs on
 * its own over the parsed tree and is timed. Prints the slowest rule/input pairs; exits 1 if any
 * rule takes longer than the bound on one input.
 *
 *   node scripts/redos-check.mjs [--bound-ms 10000] [--scale 1]
 *
 * The inputs reach the rules the way the engine gives them: a long line is cut into windows of
 * LONG_LINE characters (the engine's cut) and each window is parsed and run on its own.
 */
import {performance} from 'node:perf_hooks'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../dist/rules/index.js'
import {LONG_LINE, windows, DEFAULT_WINDOW} from '../dist/src/document.js'
import {resolveOptions} from '../dist/rules/kit/rule.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at === -1 ? fallback : Number(args[at + 1])
}
const boundMs = option('--bound-ms', 10_000)
const scale = option('--scale', 1)
const n = (count) => Math.max(1, Math.round(count * scale))

const K100 = n(100_000)
const inputs = {
  'quotes "×100k': '"'.repeat(K100),
  'curly quotes “”×50k': '“”'.repeat(K100 / 2),
  'open curly quote “ + words ×20k': '“word '.repeat(K100 / 5),
  '[ ×100k': '['.repeat(K100),
  '[1] ×30k': '[1] '.repeat(K100 / 3),
  '([{ nested ×30k': '(['.repeat(K100 / 4) + ']]'.repeat(K100 / 4),
  'a. ×100k': 'a.'.repeat(K100),
  '. X ×50k': '. X'.repeat(K100 / 2),
  ': ×100k': ':'.repeat(K100),
  'Key : ×20k': 'Key : '.repeat(K100 / 5),
  'spaces ×100k then x': ' '.repeat(K100) + 'x',
  'tabs and spaces ×100k': ' \t'.repeat(K100 / 2) + '.',
  'digits ×100k': '1'.repeat(K100),
  'phone-like 1-2 ×50k': '1-'.repeat(K100 / 2),
  'bullets • ×100k': '• '.repeat(K100 / 2),
  '*** ×30k': '*** '.repeat(K100 / 4),
  '| ×100k': '| '.repeat(K100 / 2),
  '- ×100k': '-'.repeat(K100),
  'Title Case words ×20k': 'Iran Opens Airspace '.repeat(K100 / 20),
  'capitals ×100k': 'A'.repeat(K100),
  'lorem ipsum ×20k words': 'lorem ipsum dolor sit amet '.repeat(K100 / 25),
  'the the ×50k': 'the '.repeat(K100 / 4),
  'said, " ×20k': 'he said, "'.repeat(K100 / 10),
  'emails @ ×30k': 'a@b.'.repeat(K100 / 4),
  'url-like / ×50k': 'https://x.co/'.repeat(K100 / 13),
  'newlines ×100k': '\n'.repeat(K100),
  'blank-separated headings ×5k': 'Table of Contents\n\n'.repeat(n(5_000)),
  'repeated headline lines ×5k': 'Iran Wants To Negotiate After Crippling Israeli Strikes | The Daily Caller\n'.repeat(n(5_000)),
  'author fields ×5k': '  • Name : Timmy Blanda\n'.repeat(n(5_000)),
  'astral symbols ×50k': '\u{1F600}'.repeat(K100 / 2),
  'combining marks ×100k': 'e' + '\u0301'.repeat(K100),
  'zero-width ×100k': 'a\u200B'.repeat(K100 / 2),
  'RTL ×50k': '\u0645\u0631\u062D\u0628\u0627 '.repeat(K100 / 6),
  'NUL ×100k': '\u0000'.repeat(K100),
  'lone surrogates ×100k': '\uD800'.repeat(K100),
  '1 MB line without spaces': 'abcdefghij'.repeat(n(100_000)),
  '1 MB line of words': 'Russia signed a new defense pact with Iran. '.repeat(n(24_000)),
}

/** The pieces the engine would lint: windows of the document, each padded as the engine pads it. */
function pieces(text) {
  if (text.length <= DEFAULT_WINDOW && !text.split('\n').some((line) => line.length > LONG_LINE)) return [text]
  return windows(text, DEFAULT_WINDOW).map((w) => '\n'.repeat(w.line - 1) + text.slice(w.start, w.end))
}

const parser = unified().use(retextEnglish)
const processors = rules.map((rule) => ({id: rule.meta.id, rule, processor: unified().use(retextEnglish).use(rule.plugin, resolveOptions(rule.meta, {}))}))
const results = []
const parseTimes = []
for (const [name, text] of Object.entries(inputs)) {
  const parts = pieces(text)
  const trees = []
  let parseMs = 0
  for (const part of parts) {
    const file = new VFile({value: part})
    const start = performance.now()
    trees.push({tree: parser.parse(file), value: part})
    parseMs += performance.now() - start
  }
  parseTimes.push({name, ms: parseMs, parts: parts.length})
  for (const {id, rule, processor} of processors) {
    let ms = 0
    const files = []
    for (const {tree, value} of trees) {
      const file = new VFile({value, path: 'a.txt'})
      // Every rule runs on the same parsed tree: rules read it and never change it (copying a tree
      // of a 100k-character input for each rule cost more than the rules themselves).
      const start = performance.now()
      try {
        await processor.run(tree, file)
      } catch (error) {
        results.push({id, name, ms: Number.NaN, error: String(error)})
      }
      ms += performance.now() - start
      files.push(file)
    }
    if (rule.corpus) {
      const second = new VFile({value: 'x', path: 'b.txt'})
      await processor.run(processor.parse(second), second)
      const start = performance.now()
      rule.corpus([...files, second], resolveOptions(rule.meta, {}))
      ms += performance.now() - start
    }
    results.push({id, name, ms})
  }
  if (process.env.REDOS_VERBOSE) {
    const slowest = results.filter((result) => result.name === name).sort((a, b) => b.ms - a.ms)[0]
    process.stderr.write(`${name}: parse ${parseMs.toFixed(0)} ms, slowest ${slowest.id} ${slowest.ms.toFixed(0)} ms\n`)
  } else process.stderr.write('.')
}
process.stderr.write('\n')

results.sort((a, b) => (b.ms || Infinity) - (a.ms || Infinity))
const format = (ms) => (Number.isNaN(ms) ? 'threw' : `${ms.toFixed(0).padStart(7)} ms`)
console.log(`redos-check: ${Object.keys(inputs).length} adversarial inputs × ${rules.length} rules (bound ${boundMs} ms per rule and input)`)
console.log('\nslowest rule/input pairs (rule time only, parse excluded):')
for (const result of results.slice(0, 12)) console.log(`  ${format(result.ms)}  ${result.id.padEnd(20)} ${result.name}`)
parseTimes.sort((a, b) => b.ms - a.ms)
console.log('\nslowest parses (retext-english, in the engine\'s windows):')
for (const entry of parseTimes.slice(0, 5)) console.log(`  ${format(entry.ms)}  ${entry.name} (${entry.parts} piece${entry.parts === 1 ? '' : 's'})`)

const failures = results.filter((result) => result.error || result.ms > boundMs)
if (failures.length > 0) {
  console.log(`\nFAILED: ${failures.length} rule/input pair(s) over ${boundMs} ms or threw:`)
  for (const failure of failures) console.log(`  ${failure.id} on ${failure.name}: ${failure.error ?? format(failure.ms)}`)
  process.exit(1)
}
console.log(`\nok: every rule finished every input within ${boundMs} ms`)
