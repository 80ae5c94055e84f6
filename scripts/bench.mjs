#!/usr/bin/env node
// The benchmark (`npm run bench`; it builds first). Prints, side by side:
// - the floor: bare retext-english parse throughput on the same texts, in this process;
// - scrapelint --jobs 1 and --jobs <cores>, whole runs of the CLI on the same corpus (MB/s,
//   documents/s, ratio to the floor, peak RSS);
// - the corpus pass for 1,000 and 10,000 documents (the corpus rules' own benchmarks).
//
//   node scripts/bench.mjs [--docs N] [--size BYTES] [--seed S]
// The corpus is generated (deterministic for a seed): articles of about --size characters, a third
// with scrape defects (stranded headlines, calls to comment, a faker profile block, cut quotes).
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {faker} from '@faker-js/faker/locale/en'
import retextEnglish from 'retext-english'
import {unified} from 'unified'

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at === -1 ? fallback : Number(args[at + 1])
}
const docs = option('--docs', 150)
const size = option('--size', 20_000)
const seed = option('--seed', 7)
const cores = os.availableParallelism()

faker.seed(seed)
const sentence = () => {
  const who = faker.helpers.arrayElement([faker.person.fullName(), `the ${faker.company.buzzNoun()} team`, faker.company.name(), 'the council', 'officials'])
  const verb = faker.helpers.arrayElement(['said', 'announced', 'reported', 'confirmed', 'warned', 'argued'])
  const body = faker.lorem.words({min: 0, max: 0}) + faker.helpers.arrayElement([
    `the ${faker.commerce.productName().toLowerCase()} would ship in ${faker.number.int({min: 2019, max: 2026})}`,
    `revenue rose ${faker.number.int({min: 2, max: 40})} percent in the ${faker.helpers.arrayElement(['first', 'second', 'third', 'fourth'])} quarter`,
    `the plan for ${faker.location.city()} had been delayed by ${faker.number.int({min: 2, max: 9})} months`,
    `"we are ${faker.word.adjective()} about the ${faker.word.noun()} and will keep working with ${faker.location.country()}"`,
    `${faker.number.int({min: 100, max: 9000})} people had signed a petition against the ${faker.word.noun()}`,
  ])
  return `${who[0].toUpperCase()}${who.slice(1)} ${verb} that ${body}.`
}
function article(index) {
  const parts = [faker.lorem.sentence({min: 5, max: 9}).replace(/\.$/, '').replace(/\b\w/g, (c) => c.toUpperCase())]
  while (parts.join('\n\n').length < size) {
    if (faker.number.int({min: 0, max: 5}) === 0) parts.push(faker.company.catchPhrase().replace(/\b\w/g, (c) => c.toUpperCase()))
    parts.push(Array.from({length: faker.number.int({min: 3, max: 7})}, sentence).join(' '))
  }
  if (index % 3 === 0) {
    parts.push('We invite you to share your thoughts in the comments section below! Don\'t forget to share this article.')
    parts.push(`${faker.lorem.sentence(7).replace(/\.$/, '')} | The Daily ${faker.word.noun()}`)
    parts.push(
      ['Detail Author:', `  • Name : ${faker.person.fullName()}`, `  • Username : ${faker.internet.username()}`, `  • Email : ${faker.internet.email()}`, `  • Address : ${faker.location.streetAddress()} ${faker.location.city()}, ${faker.location.state({abbreviated: true})} ${faker.location.zipCode()}`, `  • Company : ${faker.company.name()}`, `  • Job : ${faker.person.jobTitle()}`, `  • Bio : ${faker.lorem.sentences(2)}`].join('\n'),
    )
  }
  return parts.join('\n\n') + '\n'
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-bench-'))
const texts = []
for (let index = 0; index < docs; index++) {
  const text = article(index)
  texts.push(text)
  fs.writeFileSync(path.join(dir, `${String(index).padStart(5, '0')}.txt`), text)
}
const megabytes = texts.reduce((sum, text) => sum + text.length, 0) / 1e6

// The floor: parse only, after a warm-up pass over a few texts.
const parser = unified().use(retextEnglish)
for (const text of texts.slice(0, 10)) parser.parse(text)
let started = performance.now()
for (const text of texts) parser.parse(text)
const floorSeconds = (performance.now() - started) / 1000
const floor = megabytes / floorSeconds

function cli(jobs, extra = [], inputs = [dir], count = docs, size = megabytes) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist/src/cli.js'), '--format', 'json', '--stats', '--jobs', String(jobs), '--no-progress', ...extra, ...inputs], {encoding: 'utf8', maxBuffer: 1 << 30})
  const stats = /document pass ([\d.]+) s .*corpus pass ([\d.]+) s; peak RSS (\d+) MB/.exec(result.stderr)
  if (!stats) throw new Error(`no --stats line from the CLI:\n${result.stderr}`)
  const seconds = Number(stats[1])
  return {jobs, seconds, mbs: size / seconds, docs: count / seconds, corpus: Number(stats[2]), rss: Number(stats[3])}
}

const one = cli(1)
const many = cli(cores)
// the one rule that tags text with compromise, apart: what the other rules cost together
const lean = cli(1, ['--rule', 'contradiction:off'])
const row = (name, mbs, docsPerSecond, extra = '', against = floor) => console.log(`${name.padEnd(28)} ${mbs.toFixed(3).padStart(8)} MB/s ${docsPerSecond.toFixed(1).padStart(8)} docs/s ${(mbs / against).toFixed(2).padStart(6)} × floor ${extra}`.trimEnd())
console.log(`corpus: ${docs} generated articles, ${megabytes.toFixed(2)} MB (seed ${seed}); machine: ${cores} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`)
row('floor (retext-english parse)', floor, docs / floorSeconds)
row('scrapelint --jobs 1', one.mbs, one.docs, `peak RSS ${one.rss} MB; corpus pass ${one.corpus.toFixed(2)} s`)
row(`scrapelint --jobs ${cores}`, many.mbs, many.docs, `peak RSS ${many.rss} MB; ${(many.mbs / one.mbs).toFixed(2)} × --jobs 1`)
row('  --jobs 1, contradiction off', lean.mbs, lean.docs, `peak RSS ${lean.rss} MB`)
console.log(`targets: --jobs 1 ≥ 0.5 × floor (${(one.mbs / floor).toFixed(2)}); --jobs ${cores} ≥ 1.7 × --jobs 1 (${(many.mbs / one.mbs).toFixed(2)})`)

// Real pages as a naive scraper gets them (../shared/data, when it is there): prose as it is, not generated.
const pagesDir = path.join(root, '..', 'shared', 'data', 'article-extraction-dev')
if (fs.existsSync(pagesDir)) {
  const pages = fs.readdirSync(pagesDir).filter((name) => name.endsWith('.page.txt')).map((name) => path.join(pagesDir, name))
  const pageTexts = pages.map((name) => fs.readFileSync(name, 'utf8'))
  const pageMegabytes = pageTexts.reduce((sum, text) => sum + text.length, 0) / 1e6
  started = performance.now()
  for (const text of pageTexts) parser.parse(text)
  const pageFloorSeconds = (performance.now() - started) / 1000
  const pageFloor = pageMegabytes / pageFloorSeconds
  const onPages = cli(1, [], pages, pages.length, pageMegabytes)
  const leanPages = cli(1, ['--rule', 'contradiction:off'], pages, pages.length, pageMegabytes)
  console.log(`\nreal pages: the ${pages.length} .page.txt files of ../shared/data/article-extraction-dev, ${pageMegabytes.toFixed(2)} MB`)
  row('floor (retext-english parse)', pageFloor, pages.length / pageFloorSeconds, '', pageFloor)
  row('scrapelint --jobs 1', onPages.mbs, onPages.docs, '', pageFloor)
  row('  --jobs 1, contradiction off', leanPages.mbs, leanPages.docs, '', pageFloor)
}

console.log('\ncorpus pass on generated facts (the corpus rules\' own benchmarks):')
for (const script of ['bench-shared-boilerplate.mjs', 'bench-contradiction.mjs']) {
  const file = path.join(root, 'scripts', script)
  if (!fs.existsSync(file)) continue
  try {
    process.stdout.write(execFileSync(process.execPath, [file], {encoding: 'utf8', cwd: root}).replace(/^/gm, '  '))
  } catch (error) {
    console.log(`  ${script} failed: ${String(error.stderr || error.message).split('\n')[0]}`)
  }
}
fs.rmSync(dir, {recursive: true, force: true})
