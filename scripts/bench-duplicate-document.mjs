#!/usr/bin/env node
// Benchmark (not a test) of duplicate-document (run `npx tsc -p .` first): for 10,000 and 100,000
// generated documents, with near copies planted at several similarities, it prints recall and
// precision at the default threshold, and the time and memory of the corpus pass (the ratio of the
// two sizes should stay near 10).
//
// Each document is 4 lines of 30 words drawn from a 5,000-word vocabulary. One document in 20 gets a
// near copy: the same text with a share of its words replaced, so that the true Jaccard similarity of
// the two sets of 5-word shingles (computed here exactly) falls between about 0.4 and 1. A reported pair
// is right when its true similarity is at least 0.6 (estimates near the 0.7 threshold go either way:
// the standard error of a 128-value MinHash is about 0.04 there); recall is over the copies at 0.8 or more.
//
//   node --expose-gc scripts/bench-duplicate-document.mjs [sizes...]
import path from 'node:path'
import {VFile} from 'vfile'

const here = path.dirname(new URL(import.meta.url).pathname)
const rule = await import(path.join(here, '..', 'dist', 'rules', 'duplicate-document.js'))
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)

let state = 42
function random() {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0
  return state / 2 ** 32
}
const letters = 'abcdefghijklmnopqrstuvwxyz'
const vocabulary = Array.from({length: 5000}, () => Array.from({length: 3 + Math.floor(random() * 7)}, () => letters[Math.floor(random() * 26)]).join(''))
const word = () => vocabulary[Math.floor(random() * vocabulary.length)]

function makeLines() {
  return Array.from({length: 4}, () => Array.from({length: 30}, word))
}
function mutate(lines, share) {
  return lines.map((line) => line.map((w) => (random() < share ? word() : w)))
}
function shingles(lines) {
  const set = new Set()
  for (const line of lines) for (let i = 0; i + 5 <= line.length; i++) set.add(line.slice(i, i + 5).join(' '))
  return set
}
function jaccard(a, b) {
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}
const text = (lines) => lines.map((line) => line.join(' ') + '.').join('\n\n') + '\n'
const shares = [0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12]

const plugin = rule.default()
function corpusOf(size) {
  const files = []
  const truth = new Map()
  for (let i = 0; files.length < size; i++) {
    const lines = makeLines()
    const file = new VFile({path: `doc-${files.length}.txt`, value: text(lines)})
    files.push(file)
    if (i % 20 === 0 && files.length < size) {
      const copy = mutate(lines, shares[(i / 20) % shares.length])
      const other = new VFile({path: `doc-${files.length}.txt`, value: text(copy)})
      truth.set(`${file.path} ${other.path}`, jaccard(shingles(lines), shingles(copy)))
      files.push(other)
    }
  }
  return {files, truth}
}

const rows = []
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const {files, truth} = corpusOf(size)
  const started = performance.now()
  for (const file of files) plugin(undefined, file)
  const pluginMs = performance.now() - started
  // The texts are not needed by the corpus pass: drop them, as a large run does.
  for (const file of files) file.value = undefined
  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  const start = performance.now()
  rule.corpus(files, {})
  const corpusMs = performance.now() - start
  const after = process.memoryUsage().heapUsed
  const reported = new Set()
  for (const file of files)
    for (const message of file.messages) {
      for (const match of message.reason.matchAll(/doc-\d+\.txt/g)) {
        const [a, b] = [file.path, match[0]].sort((x, y) => Number(x.slice(4, -4)) - Number(y.slice(4, -4)))
        reported.add(`${a} ${b}`)
      }
    }
  let right = 0
  for (const pair of reported) if ((truth.get(pair) ?? 0) >= 0.6) right++
  const positives = [...truth].filter(([, j]) => j >= 0.8)
  const found = positives.filter(([pair]) => reported.has(pair)).length
  const bins = {}
  for (const [pair, j] of truth) {
    const bin = Math.min(9, Math.floor(j * 10)) / 10
    bins[bin] ??= [0, 0]
    bins[bin][0]++
    if (reported.has(pair)) bins[bin][1]++
  }
  rows.push({size, pluginMs, corpusMs, heapMB: (after - before) / 2 ** 20})
  console.log(`${size} documents, ${truth.size} planted copies: recall at J >= 0.8 ${(found / positives.length).toFixed(3)} (${found}/${positives.length}), precision ${(right / Math.max(1, reported.size)).toFixed(3)} (${right}/${reported.size} reported pairs)`)
  console.log(`  found by true similarity: ${Object.entries(bins).sort().map(([bin, [n, k]]) => `${bin}-${(Number(bin) + 0.1).toFixed(1)}: ${k}/${n}`).join(', ')}`)
  console.log(`  plugin ${(pluginMs / files.length).toFixed(3)} ms a document; corpus pass ${corpusMs.toFixed(0)} ms, heap ${rows.at(-1).heapMB.toFixed(1)} MB during it`)
}
if (rows.length >= 2) console.log(`corpus pass time ratio ${(rows[1].corpusMs / rows[0].corpusMs).toFixed(1)} for ${rows[1].size / rows[0].size} times the documents`)
