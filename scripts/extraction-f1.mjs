#!/usr/bin/env node
// How much scrape residue `scrapelint --fix` removes from real pages, scored like the public
// article-extraction benchmark (F1 over word 4-gram shingles against the human-made article body).
//
//   npm run f1                     (after npm run build)
//   node scripts/extraction-f1.mjs [--data DIR] [--keep OUTDIR] [--halves] [--residue FILE] [-- more scrapelint options]
//
// --halves also scores the two halves of the pages (even and odd index in name order) separately,
// after one run over all of them, so a change designed on one half can be checked on the other.
// --residue FILE writes, per page, the non-blank lines of the cleaned text that are not lines of the
// body (what --fix left behind), for looking at what is still there.
//
// Runs `scrapelint --fix --out-dir` over every `<id>.page.txt` in the data folder as one corpus (so
// the corpus rules see every page), renames the outputs to `<id>.txt`, and scores them with the
// shared scorer `../shared/tools/extraction-f1.mjs`, next to the score of the unfixed pages.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const extra = args.includes('--') ? args.splice(args.indexOf('--')).slice(1) : []
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : args[index + 1]
}
const data = path.resolve(option('--data', path.join(root, '..', 'shared', 'data', 'article-extraction-dev')))
const scorer = path.join(root, '..', 'shared', 'tools', 'extraction-f1.mjs')
const cli = path.join(root, 'dist', 'src', 'cli.js')
for (const [what, where] of [['data folder', data], ['scorer', scorer], ['built CLI (run npm run build)', cli]]) {
  if (!fs.existsSync(where)) {
    console.error(`extraction-f1: the ${what} is missing: ${where}`)
    process.exit(2)
  }
}
const pages = fs.readdirSync(data).filter((name) => name.endsWith('.page.txt')).sort()
if (pages.length === 0) {
  console.error(`extraction-f1: no <id>.page.txt files in ${data}`)
  process.exit(2)
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-f1-'))
const fixedDir = path.join(work, 'fixed')
const keep = option('--keep', undefined)
const outDir = keep ? path.resolve(keep) : fixedDir

const started = Date.now()
const run = spawnSync(process.execPath, [cli, '--fix', '--out-dir', outDir, '--format', 'json', '--output', path.join(work, 'report.json'), ...extra, ...pages.map((name) => path.join(data, name))], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 1 << 28,
})
if (run.status === null || run.status >= 2) {
  console.error(`extraction-f1: scrapelint --fix failed (exit ${run.status ?? run.signal}):\n${run.stderr}`)
  process.exit(2)
}
const seconds = ((Date.now() - started) / 1000).toFixed(1)
const summary = run.stderr.split('\n').find((line) => line.includes('applied')) ?? ''

/** Copy `<id>.page.txt` from `from` to `<id>.txt` in `to`, the layout the scorer wants. */
function asPredictions(from, to) {
  fs.mkdirSync(to, {recursive: true})
  for (const name of pages) {
    const source = path.join(from, name)
    if (fs.existsSync(source)) fs.copyFileSync(source, path.join(to, name.slice(0, -'.page.txt'.length) + '.txt'))
  }
  return to
}

function score(predictions, truth = data) {
  const result = spawnSync(process.execPath, [scorer, truth, predictions], {encoding: 'utf8'})
  if (result.status !== 0) {
    console.error(`extraction-f1: the scorer failed:\n${result.stderr}`)
    process.exit(2)
  }
  return result.stdout.trim()
}

console.log(`unfixed pages:       ${score(asPredictions(data, path.join(work, 'unfixed')))}`)
console.log(`scrapelint --fix:    ${score(asPredictions(outDir, path.join(work, 'scored')))}`)
if (args.includes('--halves')) {
  const scored = path.join(work, 'scored')
  for (const [half, rest] of [['even', 0], ['odd', 1]]) {
    const truth = path.join(work, `truth-${half}`)
    fs.mkdirSync(truth, {recursive: true})
    pages.forEach((name, index) => {
      const body = name.slice(0, -'.page.txt'.length) + '.body.txt'
      if (index % 2 === rest && fs.existsSync(path.join(data, body))) fs.copyFileSync(path.join(data, body), path.join(truth, body))
    })
    console.log(`  ${half} half:         ${score(scored, truth)}`)
  }
}
const residue = option('--residue', undefined)
if (residue) {
  const out = []
  pages.forEach((name, index) => {
    const id = name.slice(0, -'.page.txt'.length)
    const bodyPath = path.join(data, id + '.body.txt')
    const body = new Set((fs.existsSync(bodyPath) ? fs.readFileSync(bodyPath, 'utf8') : '').split('\n').map((line) => line.trim()))
    const fixedPath = path.join(outDir, name)
    const fixed = fs.existsSync(fixedPath) ? fs.readFileSync(fixedPath, 'utf8') : ''
    const left = fixed.split('\n').map((line) => line.trim()).filter((line) => line && !body.has(line))
    out.push(`== ${id} (${index % 2 === 0 ? 'even' : 'odd'}) ${left.length} residue lines`, ...left)
  })
  fs.writeFileSync(residue, out.join('\n') + '\n')
}
console.log(`(${pages.length} pages as one corpus, ${seconds} s; ${summary.replace(/^scrapelint: warning: /, '')})`)
if (!keep) fs.rmSync(work, {recursive: true, force: true})
