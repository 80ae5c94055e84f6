#!/usr/bin/env node
// Per-document cost of the contradiction rule's extraction (run `npx tsc -p .` first):
//   node scripts/measure-contradiction-cost.mjs ../shared/data/article-extraction-dev/*.body.txt
import {readFileSync} from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import contradiction from '../dist/rules/contradiction.js'

const files = process.argv.slice(2)
const parser = unified().use(retextEnglish)
const plugin = contradiction()
let total = 0
let bytes = 0
let claims = 0
const times = []
// warm up compromise once
{
  const file = new VFile('Warm up: Germany signed the treaty in 2019 and did not ratify it.')
  plugin(parser.parse(file), file)
}
for (const name of files) {
  const file = new VFile({path: name, value: readFileSync(name, 'utf8')})
  const tree = parser.parse(file)
  const start = performance.now()
  plugin(tree, file)
  const ms = performance.now() - start
  times.push(ms)
  total += ms
  bytes += String(file).length
  claims += file.data.contradiction.claims.length
}
times.sort((a, b) => a - b)
console.log(`${files.length} documents, ${(bytes / 1024).toFixed(0)} KB, ${claims} claims`)
console.log(`extraction: total ${total.toFixed(0)} ms, mean ${(total / files.length).toFixed(1)} ms/document, median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms, ${(bytes / 1024 / (total / 1000)).toFixed(0)} KB/s`)
