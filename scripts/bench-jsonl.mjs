#!/usr/bin/env node
/**
 * Peak memory (RSS) of linting a JSON Lines crawl of 1,000 and 10,000 generated records with the
 * built CLI (`npm run build` first). Records stream, so the text of a record is held only while it
 * is linted; what grows with the number of records is each document's messages and corpus facts.
 *
 *   node scripts/bench-jsonl.mjs [counts...]      (default: 1000 10000)
 *   BENCH_MODE=no node scripts/bench-jsonl.mjs     (only the run without the corpus rules; `all` only the other)
 *
 * Two runs per size: every rule, and without the corpus rules (contradiction, shared-boilerplate),
 * whose per-document facts are what a corpus pass must keep until the end.
 *
 * Each record is a ~2 KB article of generated sentences, with a headline line that recurs across
 * records (shared-boilerplate work) and now and then a malformed line (reported and skipped).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'src', 'cli.js')
if (!fs.existsSync(cli)) {
  console.error('dist/src/cli.js is missing: run `npm run build` first')
  process.exit(2)
}

const subjects = ['The council', 'Local farmers', 'The new museum', 'Researchers', 'The city budget', 'A regional airline', 'The school board', 'Residents']
const verbs = ['announced', 'questioned', 'expanded', 'delayed', 'reviewed', 'welcomed', 'rejected', 'funded']
const objects = ['a plan for the river park', 'the winter schedule', 'new rules for street parking', 'a study of air quality', 'the library renovation', 'a second bus line', 'the harvest festival', 'plans for a solar farm']
const tails = ['after months of debate.', 'despite objections from neighbours.', 'earlier than expected.', 'with support from both parties.', 'at a meeting on Tuesday.', 'following a public survey.']

/** A deterministic pseudo-random generator, so runs are comparable. */
function random(seed) {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function article(index, next) {
  const pick = (list) => list[Math.floor(next() * list.length)]
  const paragraphs = []
  for (let p = 0; p < 5; p++) {
    const sentences = []
    for (let s = 0; s < 4; s++) sentences.push(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}`)
    paragraphs.push(sentences.join(' '))
  }
  paragraphs.push(`Record ${index}: Residents Share Their Views On The River Park Plan | The Daily Example`)
  return paragraphs.join('\n\n')
}

function generate(file, count) {
  const next = random(count)
  const out = fs.openSync(file, 'w')
  for (let index = 1; index <= count; index++) {
    const line = index % 997 === 0 ? '{"url": "https://example.com/broken", "text": "unterminated' : JSON.stringify({url: `https://example.com/news/${index}`, title: `Story ${index}`, text: article(index, next)})
    fs.writeSync(out, line + '\n')
  }
  fs.closeSync(out)
}

// Print the child's peak RSS (getrusage's maxRSS, KiB) to stderr as it exits.
const hook = 'data:text/javascript,' + encodeURIComponent("process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'))")

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-bench-jsonl-'))
const modes = [
  ['all rules', []],
  ['no corpus rules', ['--rule', 'contradiction:off', '--rule', 'shared-boilerplate:off']],
].filter(([mode]) => !process.env.BENCH_MODE || mode.startsWith(process.env.BENCH_MODE))
console.log('records  file MB  rules            peak RSS MB  seconds  documents  exit')
for (const count of counts.length > 0 ? counts : [1000, 10000]) {
  const file = path.join(dir, `crawl-${count}.jsonl`)
  generate(file, count)
  for (const [mode, flags] of modes) {
    const started = performance.now()
    const result = spawnSync(process.execPath, ['--import', hook, cli, file, '--jobs', '1', '--format', 'json', '--output', path.join(dir, 'report.json'), ...flags], {encoding: 'utf8', maxBuffer: 1 << 28})
    const seconds = (performance.now() - started) / 1000
    const peak = Number(/PEAK_RSS_KB (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024
    let documents = NaN
    try {
      documents = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).length
    } catch {
      // No report: the exit code and stderr say why.
    }
    const size = fs.statSync(file).size / 1024 / 1024
    console.log(`${String(count).padStart(7)}  ${size.toFixed(1).padStart(7)}  ${mode.padEnd(15)}  ${peak.toFixed(0).padStart(11)}  ${seconds.toFixed(1).padStart(7)}  ${String(documents).padStart(9)}  ${result.status}`)
    // Exit 2 is expected: the generated file has malformed lines, reported and skipped.
    if (result.status !== 2) console.error(result.stderr.split('\n').slice(-5).join('\n'))
  }
}
fs.rmSync(dir, {recursive: true, force: true})
