#!/usr/bin/env node
// Benchmark of `scrapelint queue` (built dist/): documents per second with 1 and 2 worker processes
// on this machine, against a single-machine run, and the Redis memory a run holds per 1,000
// documents (its jobs and their results, measured with INFO memory once the run is done).
//
//   node scripts/bench-queue.mjs [--copies N] [--batch-size N]
//
// Inputs: the 62 pages of ../shared/data/article-extraction-dev (page text and HTML) and the seeds,
// copied N times (default 1). Needs redis-server on the PATH (apt-get install redis-server).
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = path.join(root, 'dist/src/cli.js')
const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const copies = option('--copies', 1)
const batchSize = option('--batch-size', 8)
const pages = path.resolve(root, '../shared/data/article-extraction-dev')

if (!fs.existsSync(cli)) fail('dist/src/cli.js is missing: run `npx tsc -p tsconfig.json` first')
if (spawnSync('redis-server', ['--version']).status !== 0) fail('redis-server is not installed (apt-get install redis-server)')
if (!fs.existsSync(pages)) fail('../shared/data/article-extraction-dev is absent')

function fail(text) {
  console.error(`bench-queue: ${text}`)
  process.exit(2)
}

const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-bench-queue-'))
for (let copy = 0; copy < copies; copy++) {
  const dir = path.join(cwd, 'inputs', `copy${copy}`)
  fs.mkdirSync(dir, {recursive: true})
  for (const name of fs.readdirSync(pages)) if (name.endsWith('.page.txt') || name.endsWith('.html.gz')) fs.copyFileSync(path.join(pages, name), path.join(dir, name))
  for (const name of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', name), path.join(dir, name))
}

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const {port} = server.address()
    server.close(() => resolve(port))
  })
})
const url = `redis://127.0.0.1:${port}`
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {stdio: 'ignore'})
process.on('exit', () => redis.kill('SIGKILL'))

/** One Redis command, by the inline protocol; the raw reply. */
function command(text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text + '\r\n'))
    let reply = ''
    socket.on('data', (data) => {
      reply += data
      if (/^\$\d+\r\n/.test(reply) ? reply.length >= Number(reply.slice(1, reply.indexOf('\r'))) + reply.indexOf('\n') + 3 : reply.endsWith('\r\n')) {
        socket.destroy()
        resolve(reply)
      }
    })
    socket.on('error', reject)
  })
}
for (let tries = 0; ; tries++) {
  if (await command('PING').then((reply) => reply.startsWith('+PONG'), () => false)) break
  if (tries > 100) fail('redis-server did not start')
  await new Promise((resolve) => setTimeout(resolve, 50))
}
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await command('INFO memory'))[1])

function run(argv) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...argv], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (data) => (stdout += data))
    child.stderr.on('data', (data) => (stderr += data))
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

let started = performance.now()
const single = await run(['--no-config', '--jobs', '1', '--format', 'json', 'inputs'])
const singleSeconds = (performance.now() - started) / 1000
const documents = JSON.parse(single.stdout).length
console.log(`${documents} documents (${copies} cop${copies === 1 ? 'y' : 'ies'} of the 62 pages as text and HTML, and the seeds), jobs of ${batchSize} files`)
console.log(`single machine (--jobs 1):  ${(documents / singleSeconds).toFixed(1)} documents/s (${singleSeconds.toFixed(1)} s)`)

for (const count of [1, 2]) {
  const name = `bench-${count}`
  const workers = Array.from({length: count}, () => spawn(process.execPath, [cli, 'worker', '--redis', url, '--run', name], {cwd, stdio: 'ignore'}))
  const before = await usedMemory()
  started = performance.now()
  const added = await run(['queue', 'add', '--redis', url, '--run', name, '--no-config', '--batch-size', String(batchSize), 'inputs'])
  if (added.code !== 0) fail(`queue add failed: ${added.stderr}`)
  const report = await run(['queue', 'report', '--redis', url, '--run', name, '--no-config', '--format', 'json'])
  const seconds = (performance.now() - started) / 1000
  const after = await usedMemory()
  for (const worker of workers) worker.kill('SIGTERM')
  let same = 'report identical to the single run'
  if (report.stdout !== single.stdout) {
    const kept = path.join(os.tmpdir(), `bench-queue-${count}`)
    fs.mkdirSync(kept, {recursive: true})
    fs.writeFileSync(path.join(kept, 'single.json'), single.stdout)
    fs.writeFileSync(path.join(kept, 'queue.json'), report.stdout)
    fs.writeFileSync(path.join(kept, 'queue.stderr'), report.stderr)
    same = `REPORT DIFFERS from the single run (both kept in ${kept})`
  }
  console.log(`${count} worker${count === 1 ? ': ' : 's:'}                 ${(documents / seconds).toFixed(1)} documents/s (${seconds.toFixed(1)} s, worker start-up included); ${same}`)
  if (count === 1) console.log(`Redis memory:              ${((after - before) / 1024 / 1024 / documents * 1000).toFixed(1)} MiB per 1,000 documents (${((after - before) / 1024 / 1024).toFixed(1)} MiB for ${documents})`)
  await run(['queue', 'clear', '--redis', url, '--run', name])
}
console.log(`(${os.availableParallelism()} cores, shared with whatever else runs; load average ${os.loadavg()[0].toFixed(1)})`)
fs.rmSync(cwd, {recursive: true, force: true})
process.exit(0)
