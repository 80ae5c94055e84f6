#!/usr/bin/env node
// Benchmark (not a test): time of shared-boilerplate's corpus pass over 1,000 and 10,000
// generated documents (run `npx tsc -p .` first). Each document has 40 lines of generated
// prose and headings plus a few template lines drawn from 50 "sites"; the per-document plugin
// runs first (not timed), then the corpus pass is timed. The ratio should stay near 10.
//
//   node --expose-gc scripts/bench-shared-boilerplate.mjs [sizes...]
import path from 'node:path'
import {faker} from '@faker-js/faker'
import {VFile} from 'vfile'

const here = path.dirname(new URL(import.meta.url).pathname)
const rule = await import(path.join(here, '..', 'dist', 'rules', 'shared-boilerplate.js'))
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
faker.seed(42)
const sites = Array.from({length: 50}, () => Array.from({length: 4}, () => faker.lorem.sentence({min: 5, max: 10}).replace(/\.$/, '')))

function makeDocument(i) {
  const lines = []
  for (let k = 0; k < 40; k++) lines.push(k % 5 === 0 ? faker.lorem.words({min: 4, max: 8}) : faker.lorem.paragraph({min: 2, max: 5}), '')
  for (const line of sites[i % sites.length]) lines.push(line, '')
  return new VFile({path: `doc-${i}.txt`, value: lines.join('\n')})
}

const plugin = rule.default()
// warm-up: the first corpus pass of a process also compiles the rule; untimed, so the smaller size is not charged for it
{
  const files = Array.from({length: 200}, (_, i) => makeDocument(i))
  for (const file of files) plugin(undefined, file)
  for (let round = 0; round < 3; round++) rule.corpus(files, {})
}
const results = []
for (const size of sizes.length > 0 ? sizes : [1000, 10000]) {
  const files = []
  for (let i = 0; i < size; i++) {
    const file = makeDocument(i)
    plugin(undefined, file)
    files.push(file)
  }
  // best of five passes (messages cleared between), so one GC pause does not decide the figure
  let ms = Infinity
  let messages = 0
  for (let round = 0; round < 5; round++) {
    for (const file of files) file.messages = []
    globalThis.gc?.()
    const start = process.hrtime.bigint()
    rule.corpus(files, {})
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6)
    messages = files.reduce((sum, file) => sum + file.messages.length, 0)
  }
  results.push(ms)
  console.log(`${String(size).padStart(6)} documents: corpus pass ${ms.toFixed(1)} ms, ${messages} messages`)
}
if (results.length >= 2) console.log(`ratio ${(results[results.length - 1] / results[0]).toFixed(1)} for ${sizes.length ? 'the sizes given' : '10x the documents'}`)
