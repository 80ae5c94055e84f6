#!/usr/bin/env node
/**
 * Size of the `--format html` report for a corpus of generated articles, with the built CLI
 * (`npm run build` first), and, where Debian's chromium is installed, how long the page takes to
 * open and to render one document's body (bodies are rendered when opened, not at load).
 *
 *   node scripts/bench-html-report.mjs [count]      (default: 1000)
 *   BENCH_HTML_OUT=big.html node scripts/bench-html-report.mjs   (also keep the report there)
 *
 * Each article is ~2.5 KB of generated sentences with, now and then, a doubled word, a footer line
 * shared with other articles (shared-boilerplate) and a claim that contradicts another article's.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'src', 'cli.js')
if (!fs.existsSync(cli)) {
  console.error('dist/src/cli.js is missing: run `npm run build` first')
  process.exit(2)
}
const count = Number(process.argv[2] ?? 1000)

const subjects = ['The council', 'Local farmers', 'The new museum', 'Researchers', 'The city budget', 'A regional airline', 'The school board', 'Residents']
const verbs = ['announced', 'questioned', 'expanded', 'delayed', 'reviewed', 'welcomed', 'rejected', 'funded']
const objects = ['a plan for the river park', 'the winter schedule', 'new rules for street parking', 'a study of air quality', 'the library renovation', 'a second bus line', 'the harvest festival', 'plans for a solar farm']
const tails = ['after months of debate.', 'despite objections from neighbours.', 'earlier than expected.', 'with support from both parties.', 'at a meeting on Tuesday.', 'following a public survey.']
const footers = ['Subscribe to our newsletter for the latest local updates every morning.', 'Follow us on social media for breaking news and weather alerts.', 'Read more stories from our award winning newsroom every day.']

const claims = [
  ['Germany signed the climate treaty in 2019.', 'Germany did not sign the climate treaty in 2019.'],
  ['Portugal ratified the trade agreement.', 'Portugal never ratified the trade agreement.'],
  ['The senate passed the budget bill in March 2021.', 'The senate did not pass the budget bill in March 2021.'],
  ['Kenya banned plastic bags in 2017.', 'Kenya never banned plastic bags.'],
]

function random(seed) {
  let state = seed >>> 0
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function article(index, next) {
  const pick = (list) => list[Math.floor(next() * list.length)]
  const paragraphs = [`Story ${index}: ${pick(subjects)} and ${pick(objects)}`]
  for (let p = 0; p < 6; p++) {
    const sentences = []
    for (let s = 0; s < 4; s++) sentences.push(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}`)
    if (next() < 0.3) sentences.push('The the vote was close.')
    paragraphs.push(sentences.join(' '))
  }
  // Every tenth article says a thing that the one five after it denies.
  const claim = claims[Math.floor(index / 10) % claims.length]
  if (index % 10 === 0) paragraphs.push(claim[0])
  if (index % 10 === 5) paragraphs.push(claim[1])
  if (next() < 0.6) paragraphs.push(pick(footers))
  return paragraphs.join('\n\n') + '\n'
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-bench-html-'))
try {
  const folder = path.join(work, 'articles')
  fs.mkdirSync(folder)
  const next = random(42)
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const text = article(i, next)
    bytes += Buffer.byteLength(text)
    fs.writeFileSync(path.join(folder, `article-${String(i).padStart(4, '0')}.txt`), text)
  }
  const report = path.join(work, 'report.html')
  const started = performance.now()
  const run = spawnSync(process.execPath, [cli, '--no-config', '--format', 'html', '--output', report, 'articles'], {cwd: work, encoding: 'utf8'})
  const seconds = (performance.now() - started) / 1000
  if (run.status !== 0 && run.status !== 1) {
    console.error(run.stderr)
    process.exit(1)
  }
  const html = fs.readFileSync(report, 'utf8')
  if (process.env.BENCH_HTML_OUT) fs.copyFileSync(report, process.env.BENCH_HTML_OUT)
  const size = Buffer.byteLength(html)
  const data = JSON.parse(/<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)[1])
  const findings = data.documents.reduce((sum, document) => sum + document.findings.length, 0)
  const contradictions = data.edges.filter((edge) => edge.kind === 'contradiction').length
  console.log(`${count} articles, ${(bytes / 1e6).toFixed(2)} MB of text: ${findings} findings, ${contradictions} contradiction and ${data.edges.length - contradictions} boilerplate edges`)
  console.log(`report ${(size / 1e6).toFixed(2)} MB (${(size / bytes).toFixed(2)}x the text, ${(size / count / 1024).toFixed(1)} KB a document), lint + report ${seconds.toFixed(1)} s`)

  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  let playwright
  try {
    playwright = await import('playwright-core')
  } catch {
    playwright = undefined
  }
  if (!fs.existsSync(chromium) || !playwright) {
    console.log(`(no ${fs.existsSync(chromium) ? 'playwright-core' : chromium}: page timings skipped)`)
  } else {
    const context = await playwright.chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      let at = performance.now()
      await page.goto(pathToFileURL(report).href, {waitUntil: 'load'})
      const load = performance.now() - at
      const worst = Number(await page.locator('table.documents tbody tr').first().getAttribute('data-doc'))
      at = performance.now()
      await page.evaluate((d) => (location.hash = `#doc-${d}`), worst)
      await page.locator(`#document[data-doc="${worst}"]`).waitFor({state: 'visible'})
      const open = performance.now() - at
      const marks = await page.locator('#text mark').count()
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
      console.log(`chromium: page loaded in ${load.toFixed(0)} ms (${nodes} elements with one document open); the worst document (${marks} marks) rendered in ${open.toFixed(0)} ms`)
    } finally {
      await context.close()
    }
  }
} finally {
  fs.rmSync(work, {recursive: true, force: true})
}
