/**
 * `scrapelint queue` and `scrapelint worker` on a real redis-server (loopback, a free port, no
 * persistence): two worker processes, one killed with SIGKILL in the middle of a job, and the report
 * must equal the single-machine report byte for byte.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cliPath, hasShared, runCli, sharedDir, tempDir} from './helpers.js'

const pages = path.join(sharedDir, 'data', 'article-extraction-dev')
const hasRedis = spawnSync('redis-server', ['--version'], {encoding: 'utf8'}).status === 0
const reason = !hasRedis
  ? 'redis-server is not installed (apt-get install redis-server; .ci/run installs it)'
  : !hasShared || !fs.existsSync(pages)
    ? '../shared/data/article-extraction-dev is absent'
    : undefined

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
    socket.once('data', (data) => (socket.destroy(), resolve(data.toString().startsWith('+PONG'))))
    socket.once('error', () => resolve(false))
  })
}

/** Run the CLI asynchronously (spawnSync would block the workers' log reading). */
function cli(args: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    // Decoded as a stream: a chunk may end inside a UTF-8 sequence.
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (data) => (stdout += data))
    child.stderr.on('data', (data) => (stderr += data))
    child.on('close', (code) => resolve({code: code ?? -1, stdout, stderr}))
  })
}

interface Running {
  child: ChildProcess
  log: string
}

function startWorker(redis: string, cwd: string): Running {
  const child = spawn(process.execPath, [cliPath, 'worker', '--redis', redis, '--lock-duration', '1500'], {cwd, env: {...process.env, NO_COLOR: '1'}})
  const running: Running = {child, log: ''}
  child.stderr!.on('data', (data) => (running.log += data))
  return running
}

describe.skipIf(reason !== undefined)(`scrapelint queue on redis-server${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let redis: ChildProcess | undefined
  let url = ''
  let cwd = ''
  const workers: Running[] = []

  beforeAll(async () => {
    const port = await freePort()
    url = `redis://127.0.0.1:${port}`
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {stdio: 'ignore'})
    await waitFor(() => redisAnswers(port), 'redis-server')
    cwd = tempDir()
    for (const set of ['pages', 'seeds']) fs.mkdirSync(path.join(cwd, set))
    for (const name of fs.readdirSync(pages)) {
      if (name.endsWith('.page.txt') || name.endsWith('.html.gz')) fs.copyFileSync(path.join(pages, name), path.join(cwd, 'pages', name))
    }
    for (const name of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', name), path.join(cwd, 'seeds', name))
  })

  afterAll(() => {
    for (const worker of workers) worker.child.kill('SIGKILL')
    redis?.kill('SIGKILL')
  })

  it('two workers, one killed with SIGKILL mid-job: the report is the single-machine report, byte for byte', async () => {
    const single = runCli(['--no-config', '--jobs', '1', '--format', 'json', 'pages', 'seeds'], {cwd})
    const singleStylish = runCli(['--no-config', '--jobs', '1', 'pages', 'seeds'], {cwd})
    expect(single.stdout.length).toBeGreaterThan(1000)

    const added = await cli(['queue', 'add', '--redis', url, '--no-config', '--batch-size', '4', 'pages', 'seeds'], cwd)
    expect(added.stderr).toContain('queued 126 inputs in 32 jobs')
    expect(added.code).toBe(0)
    // Adding again resumes: no job is added twice.
    const again = await cli(['queue', 'add', '--redis', url, '--no-config', '--batch-size', '4', 'pages', 'seeds'], cwd)
    expect(again.stderr).toContain('resumed')

    const doomed = startWorker(url, cwd)
    const survivor = startWorker(url, cwd)
    workers.push(doomed, survivor)
    // Kill the first worker as it starts its second job, so that job is in its hands, unfinished.
    await waitFor(() => (doomed.log.match(/ started /g) ?? []).length >= 2, 'the first worker to take a second job')
    doomed.child.kill('SIGKILL')
    const lostJob = [...doomed.log.matchAll(/job (\S+) started/g)].at(-1)![1]
    expect(doomed.log).not.toContain(`job ${lostJob} done`)

    const report = await cli(['queue', 'report', '--redis', url, '--no-config', '--format', 'json'], cwd)
    expect(report.code).toBe(single.code)
    expect(report.stdout).toBe(single.stdout)
    // The killed worker's job was picked up again by the other.
    expect(survivor.log).toContain(`job ${lostJob} done`)

    const stylish = await cli(['queue', 'report', '--redis', url, '--no-config'], cwd)
    expect(stylish.stdout).toBe(singleStylish.stdout)

    const status = await cli(['queue', 'status', '--redis', url], cwd)
    expect(status.stdout).toContain('126 inputs in 32 jobs: 32 completed, 0 active, 0 waiting, 0 failed')
    survivor.child.kill('SIGTERM')
  }, 180_000)

  it('a job that cannot be linted is reported as an input error, not dropped', async () => {
    const run = ['--redis', url, '--run', 'bad-config']
    fs.writeFileSync(path.join(cwd, '.scrapelintrc.json'), JSON.stringify({rules: {}}))
    const added = await cli(['queue', 'add', ...run, 'seeds'], cwd)
    expect(added.code).toBe(0)
    // A worker that resolves other rules than the run's refuses its jobs.
    fs.writeFileSync(path.join(cwd, '.scrapelintrc.json'), JSON.stringify({rules: {'repeated-words': 'off'}}))
    const worker = spawn(process.execPath, [cliPath, 'worker', ...run], {cwd})
    workers.push({child: worker, log: ''})
    await waitFor(async () => (await cli(['queue', 'status', ...run], cwd)).stdout.includes('1 failed'), 'the job to fail')
    worker.kill('SIGTERM')
    fs.writeFileSync(path.join(cwd, '.scrapelintrc.json'), JSON.stringify({rules: {}}))
    const status = await cli(['queue', 'status', ...run], cwd)
    expect(status.stdout).toContain('another config than the run')
    const report = await cli(['queue', 'report', ...run], cwd)
    expect(report.code).toBe(2)
    expect(report.stderr).toMatch(/error: seeds\/\S+\.txt: not linted: failed on the workers after 1 attempt \(/)
    fs.rmSync(path.join(cwd, '.scrapelintrc.json'))
  }, 120_000)

  it('says clearly when Redis cannot be reached, and when --redis is missing', async () => {
    const port = await freePort()
    const unreachable = await cli(['queue', 'status', '--redis', `redis://127.0.0.1:${port}`], cwd)
    expect(unreachable.code).toBe(2)
    expect(unreachable.stderr).toContain(`cannot reach Redis at 127.0.0.1:${port}`)
    expect(unreachable.stderr).not.toMatch(/\n\s+at /)
    const missing = await cli(['worker'], cwd)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--redis URL is needed')
  }, 60_000)
})

describe('Redis is optional', () => {
  it('only src/queue.ts imports bullmq, and the CLI loads it with a dynamic import, for the queue commands only', () => {
    const src = path.join(import.meta.dirname, '..', 'src')
    const importers = fs
      .readdirSync(src, {recursive: true, encoding: 'utf8'})
      .filter((name) => name.endsWith('.ts') && /from 'bullmq'|import\('bullmq'\)/.test(fs.readFileSync(path.join(src, name), 'utf8')))
    expect(importers).toEqual(['queue.ts'])
    const cliSource = fs.readFileSync(path.join(src, 'cli.ts'), 'utf8')
    expect(cliSource).not.toMatch(/^import[^\n]*'\.\/queue\.js'/m)
    expect(cliSource).toContain("await import('./queue.js')")
  })

  it('a plain run works without Redis and without loading bullmq', () => {
    const cwd = tempDir({'a.txt': 'The harbour bridge reopened on Tuesday after a month of repairs.\n'})
    // A loader hook that fails any import of bullmq: the plain CLI must never reach it.
    const hook = path.join(cwd, 'no-bullmq.mjs')
    fs.writeFileSync(hook, "export async function resolve(specifier, context, next) { if (specifier === 'bullmq' || specifier === 'ioredis') throw new Error('bullmq loaded'); return next(specifier, context) }\n")
    const register = path.join(cwd, 'register.mjs')
    fs.writeFileSync(register, `import {register} from 'node:module'\nregister(${JSON.stringify(new URL('file://' + hook).href)})\n`)
    const result = spawnSync(process.execPath, ['--import', register, cliPath, '--no-config', 'a.txt'], {cwd, encoding: 'utf8'})
    expect(result.stderr).not.toContain('bullmq loaded')
    expect(result.status).toBe(0)
    const queued = spawnSync(process.execPath, ['--import', register, cliPath, 'queue', 'status', '--redis', 'redis://127.0.0.1:1'], {cwd, encoding: 'utf8'})
    expect(queued.stderr).toContain('bullmq loaded')
  })
})
