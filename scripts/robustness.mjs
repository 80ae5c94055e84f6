#!/usr/bin/env node
/**
 * Size limits, measured through the built CLI (dist/): each case runs `scrapelint` in a child
 * process and prints its wall time, peak RSS (from /usr/bin/time -v when present) and exit code,
 * with the first lines of stderr.
 *
 *   node scripts/robustness.mjs [--files 100000] [--big-mb 200]
 *
 * Cases: a 200 MB file (skipped by --max-file-size with a message), a 1 MB line without spaces
 * (linted in windows), a folder of 100,000 tiny files (linted with bounded memory).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'src', 'cli.js')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at === -1 ? fallback : Number(args[at + 1])
}
const fileCount = option('--files', 100_000)
const bigMb = option('--big-mb', 200)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-robustness-'))

/** Run the CLI with `args` once: exit code, wall time, stderr, and peak RSS via /usr/bin/time -v when present. */
function run(name, cliArgs) {
  const timed = fs.existsSync('/usr/bin/time')
  const command = timed ? '/usr/bin/time' : process.execPath
  const commandArgs = timed ? ['-v', process.execPath, cli, ...cliArgs] : [cli, ...cliArgs]
  const start = process.hrtime.bigint()
  const result = spawnSync(command, commandArgs, {cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30})
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')
  const stderr = (result.stderr ?? '').split(/\n?(?:Command exited with|\s*Command being timed)/)[0]
  return {name, seconds, status: result.status, stderr, rssMb: match ? Number(match[1]) / 1024 : undefined}
}

function report(result) {
  const rssMb = result.rssMb
  const stderr = (result.stderr ?? '').trim().split('\n').slice(0, 3).join('\n      ')
  console.log(`${result.name}\n  exit ${result.status}, ${result.seconds.toFixed(1)} s${rssMb ? `, peak RSS ${rssMb.toFixed(0)} MB` : ''}\n  stderr: ${stderr || '(none)'}`)
}

// 1. A 200 MB file: skipped unread by the default --max-file-size (20 MiB), with a message.
const big = path.join(dir, 'big.txt')
{
  const handle = fs.openSync(big, 'w')
  const chunk = Buffer.from('Russia signed a new defense pact with Iran. '.repeat(24_000))
  let written = 0
  while (written < bigMb * 1024 * 1024) written += fs.writeSync(handle, chunk)
  fs.closeSync(handle)
}
const bigArgs = ['big.txt', '--format', 'json']
report(run(`${bigMb} MB file`, bigArgs))
fs.rmSync(big)

// 2. A 1 MB line without spaces: linted in windows.
fs.writeFileSync(path.join(dir, 'line.txt'), 'abcdefghij'.repeat(100_000))
const lineArgs = ['line.txt', '--format', 'json']
report(run('1 MB line without spaces', lineArgs))
fs.rmSync(path.join(dir, 'line.txt'))

// 3. A folder of many tiny files.
const many = path.join(dir, 'many')
for (let i = 0; i < fileCount; i++) {
  const sub = path.join(many, String(Math.floor(i / 1000)))
  if (i % 1000 === 0) fs.mkdirSync(sub, {recursive: true})
  fs.writeFileSync(path.join(sub, `${i}.txt`), `Article ${i}.\nThe council met on day ${i % 365} and approved the budget.\n`)
}
const manyArgs = ['many', '--format', 'json', '--quiet', '--rule', 'contradiction:off']
report(run(`folder of ${fileCount.toLocaleString('en')} tiny files (contradiction off)`, manyArgs))
fs.rmSync(dir, {recursive: true, force: true})
