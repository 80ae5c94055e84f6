#!/usr/bin/env node
// Snapshot every observable output of the built CLI (dist/) on a fixed set of inputs, so a
// restructuring can show that it changed nothing:
//
//   node scripts/snapshot.mjs OUT            write the snapshot to the folder OUT
//   node scripts/snapshot.mjs OUT --compare BASE
//                                            write it, then compare it file by file with BASE
//                                            (exit 1 and list the files that differ)
//
// Inputs: the seeds, each folder of test/fixtures, and, when ../shared/data is there, the 62
// pages of article-extraction-dev (page text, clean body, and HTML). Each set is copied into
// OUT/inputs/<set>/ and linted from OUT/inputs with --no-config --jobs 1, so the names in the
// reports do not depend on where the project sits. Per set: the JSON and SARIF reports, the
// --emit-facts file and the --fix --out-dir output.
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = path.join(root, 'dist/src/cli.js')
const args = process.argv.slice(2)
const out = args[0] && !args[0].startsWith('--') ? path.resolve(args[0]) : undefined
const compareAt = args.indexOf('--compare')
const base = compareAt === -1 ? undefined : args[compareAt + 1] && path.resolve(args[compareAt + 1])

if (!out || (compareAt !== -1 && !base)) {
  console.error('usage: node scripts/snapshot.mjs OUT [--compare BASE]')
  process.exit(2)
}
if (!existsSync(cli)) {
  console.error('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` first')
  process.exit(2)
}

const pages = path.resolve(root, '../shared/data/article-extraction-dev')
/** @type {Array<{name: string, from: string, filter?: (name: string) => boolean}>} */
const sets = [
  {name: 'seeds', from: path.join(root, 'seeds')},
  ...readdirSync(path.join(root, 'test/fixtures'))
    .filter((name) => statSync(path.join(root, 'test/fixtures', name)).isDirectory())
    .map((name) => ({name: 'fixtures-' + name, from: path.join(root, 'test/fixtures', name)}))
]
if (existsSync(pages)) {
  sets.push(
    {name: 'pages-text', from: pages, filter: (name) => name.endsWith('.page.txt')},
    {name: 'pages-body', from: pages, filter: (name) => name.endsWith('.body.txt')},
    {name: 'pages-html', from: pages, filter: (name) => name.endsWith('.html.gz')}
  )
} else {
  console.error('../shared/data/article-extraction-dev is absent: the 62 pages are not in this snapshot')
}

rmSync(out, {recursive: true, force: true})
const inputs = path.join(out, 'inputs')
mkdirSync(inputs, {recursive: true})

for (const set of sets) {
  const target = path.join(inputs, set.name)
  mkdirSync(target, {recursive: true})
  for (const name of readdirSync(set.from)) {
    if (set.filter && !set.filter(name)) continue
    cpSync(path.join(set.from, name), path.join(target, name), {recursive: true})
  }
}

/** Run the CLI from OUT/inputs; exit 0 and 1 are both normal (1: error-level findings). */
function run(argv) {
  const result = spawnSync(process.execPath, [cli, '--no-config', '--jobs', '1', ...argv], {
    cwd: inputs,
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
  if (result.status !== 0 && result.status !== 1) {
    console.error(`scrapelint ${argv.join(' ')} exited ${result.status}:\n${result.stderr}`)
    process.exit(2)
  }
  return result
}

for (const set of sets) {
  const dir = path.join(out, 'outputs', set.name)
  mkdirSync(dir, {recursive: true})
  const rel = (name) => path.relative(inputs, path.join(dir, name))
  run(['--format', 'json', '-o', rel('report.json'), set.name])
  run(['--format', 'sarif', '-o', rel('report.sarif'), set.name])
  run(['--emit-facts', rel('facts.jsonl'), '--format', 'json', '-o', rel('report-facts.json'), set.name])
  run(['--fix', '--out-dir', rel('fixed'), set.name])
  // Reports name the working folder (cwd, SARIF's file URIs): write it as <inputs>, so two
  // snapshots taken in different folders compare.
  for (const name of ['report.json', 'report.sarif', 'facts.jsonl', 'report-facts.json']) {
    const file = path.join(dir, name)
    const text = readFileSync(file, 'utf8')
    writeFileSync(file, text.split(pathToFileURL(inputs).href).join('<inputs>').split(inputs).join('<inputs>'))
  }
}

const files = (dir) => {
  /** @type {string[]} */
  const found = []
  const walk = (sub) => {
    for (const entry of readdirSync(path.join(dir, sub), {withFileTypes: true})) {
      const name = path.join(sub, entry.name)
      if (entry.isDirectory()) walk(name)
      else found.push(name)
    }
  }
  walk('outputs')
  return found.sort()
}

const written = files(out)
console.log(`${written.length} output files for ${sets.length} sets in ${out}`)

if (base) {
  const before = files(base)
  const differ = []
  const all = new Set([...before, ...written])
  for (const name of [...all].sort()) {
    const a = path.join(base, name)
    const b = path.join(out, name)
    if (!existsSync(a)) differ.push(`only in the new snapshot: ${name}`)
    else if (!existsSync(b)) differ.push(`only in ${base}: ${name}`)
    else if (!readFileSync(a).equals(readFileSync(b))) differ.push(`differs: ${name}`)
  }
  if (differ.length > 0) {
    console.log(differ.join('\n'))
    console.log(`${differ.length} of ${all.size} files differ from ${base}`)
    process.exit(1)
  }
  console.log(`byte-identical to ${base}: ${all.size} files`)
}


