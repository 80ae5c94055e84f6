#!/usr/bin/env node
// Counts scrapelint's messages per rule over a set of files (run `npm run build` first).
//
//   node scripts/rule-stats.mjs ../shared/data/article-extraction-dev/*.body.txt
//   node scripts/rule-stats.mjs --show link-residue ../shared/data/article-extraction-dev/*.body.txt
//
// Files are linted as one corpus. `--show ID` also prints each message of that rule.
import {execFileSync} from 'node:child_process'
import path from 'node:path'

const args = process.argv.slice(2)
const show = new Set()
const files = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--show') show.add(args[++i])
  else files.push(args[i])
}
if (files.length === 0) {
  console.error('usage: rule-stats.mjs [--show RULE] FILES..')
  process.exit(2)
}
const cli = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist', 'src', 'cli.js')
let raw
try {
  raw = execFileSync(process.execPath, [cli, '--format', 'json', ...files], {encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit']})
} catch (error) {
  raw = error.stdout
}
const report = JSON.parse(raw)
const counts = new Map()
for (const file of report) {
  for (const message of file.messages) {
    counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1)
    if (show.has(message.ruleId)) console.log(`${file.path}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}${message.actual ? '  [' + message.actual.slice(0, 100).replace(/\n/g, '⏎') + ']' : ''}`)
  }
}
console.log(`${report.length} files, ${[...counts.values()].reduce((a, b) => a + b, 0)} messages`)
for (const [rule, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${rule}: ${count}`)
