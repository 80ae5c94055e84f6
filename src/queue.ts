/**
 * Linting a crawl on many machines through a job queue: BullMQ on Redis does the queue (retries,
 * stalled-job recovery when a worker dies, concurrency); this module only says what a job is and
 * what its result holds. The CLI loads it (and bullmq) only for `scrapelint queue` and
 * `scrapelint worker`, so the single-machine CLI never needs Redis.
 *
 * - `queue add` resolves the inputs as a single run would, and enqueues them: one job per batch of
 *   files. The run (cwd, config options, the inputs, a fingerprint of the resolved root config) is
 *   kept in Redis beside the queue.
 * - `worker` lints a job's files with the per-document pass only and returns, for each document,
 *   its DocumentRecord (messages and facts, as `--emit-facts` writes them: src/facts.ts) and the
 *   state that maps its places back into an HTML or Markdown source (src/formats/rendering.ts).
 *   Never the text.
 * - `queue report` waits for every job, rebuilds the documents in the order a single run sees them,
 *   runs the corpus pass (`lintFacts`, as `scrapelint corpus`) and hands the files to the CLI's
 *   reporter: the report of a single run, byte for byte.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import process from 'node:process'
import {setTimeout as sleep} from 'node:timers/promises'
import {gunzipSync, gzipSync} from 'node:zlib'
import {Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job} from 'bullmq'
import {Presets, SingleBar} from 'cli-progress'
import type {VFile} from 'vfile'
import {ConfigLoader, type RuleSetting} from './config.js'
import {lint, lintFacts} from './engine.js'
import {ScrapelintError} from './errors.js'
import {isDocumentRecord, toDocumentRecord, type DocumentRecord} from './facts.js'
import type {FormatName} from './formats/index.js'
import {renderingState, restoreRendering, type RenderingState} from './formats/rendering.js'
import {resolveInputs} from './inputs.js'
import {version} from './version.js'

/** A document fails for good after this many attempts, and is reported as an input error. */
export const ATTEMPTS = 3

/** What every worker needs to lint the run's documents as the single run would. */
export interface RunMeta {
  version: string
  cwd: string
  config?: string | false
  rules: Record<string, RuleSetting>
  maxFileSize: number
  inputFormat?: FormatName
  jsonlField: string
  /** A hash of the resolved root config (levels and options of every rule) and the scrapelint version. */
  fingerprint: string
  /** The resolved inputs, absolute, in the order of a single run. */
  inputs: string[]
  jobs: number
  /** Diagnostics of resolving the inputs (a single run prints them first). */
  warnings: string[]
  errors: string[]
}

export interface JobData {
  /** Indices into RunMeta.inputs. */
  inputs: number[]
}

export interface DocumentEntry {
  input: number
  position: number
  record: DocumentRecord
  rendering?: RenderingState
}

export interface JobResult {
  documents: DocumentEntry[]
  warnings: string[]
  errors: string[]
}

/** A job's result as stored in Redis: the JobResult's JSON, gzipped, base64 (about a sixth of the JSON). */
export interface PackedResult {
  gzip: string
}

function pack(result: JobResult): PackedResult {
  return {gzip: gzipSync(JSON.stringify(result)).toString('base64')}
}

function unpack(value: unknown): JobResult | undefined {
  if (typeof value !== 'object' || value === null || typeof (value as PackedResult).gzip !== 'string') return undefined
  try {
    const result = JSON.parse(gunzipSync(Buffer.from((value as PackedResult).gzip, 'base64')).toString('utf8')) as JobResult
    return Array.isArray(result.documents) ? result : undefined
  } catch {
    return undefined
  }
}

export interface QueueOptions {
  redis: string
  run: string
  cwd: string
  config?: string | false
  rules: Record<string, RuleSetting>
  maxFileSize: number
  inputFormat?: FormatName
  jsonlField: string
  ignorePatterns?: string[]
  batchSize: number
  concurrency: number
  lockDuration: number
  progress: boolean
}

/** Redis connection options from a `redis://` or `rediss://` URL (rediss: TLS, as managed Redis services want). */
export function connectionOf(url: string): ConnectionOptions & {host: string; port: number} {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ScrapelintError(`--redis ${url}: not a URL (expected redis://host:port or rediss://user:password@host:port/db)`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new ScrapelintError(`--redis: expected a redis:// or rediss:// URL, not ${parsed.protocol}`)
  const db = parsed.pathname.replace(/^\//, '')
  if (db !== '' && !/^\d+$/.test(db)) throw new ScrapelintError(`--redis: the database (after the last /) must be a number, not ${db}`)
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db === '' ? 0 : Number(db),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ's workers block on Redis: ioredis must retry for ever rather than fail a request.
    maxRetriesPerRequest: null,
  }
}

/** Where a connection goes, for messages (never the password). */
function where(options: QueueOptions): string {
  const {host, port} = connectionOf(options.redis)
  return `${host}:${port}`
}

function metaKey(queue: Queue): string {
  return `${queue.opts.prefix ?? 'bull'}:${queue.name}:scrapelint-run`
}

/** Control characters of names (paths, error texts) shown on a terminal. */
function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

async function openQueue(options: QueueOptions): Promise<Queue> {
  checkRunName(options.run)
  // A command gives up after a few reconnection attempts (a worker, below, waits for Redis for ever).
  const connection = {...connectionOf(options.redis), retryStrategy: (times: number) => (times > 3 ? null : 200 * times)}
  const queue = new Queue(options.run, {connection})
  let lastError: Error | undefined
  queue.on('error', (error) => (lastError = error))
  const answered = queue
    .getBackend()
    .client.then((client) => client.info())
    .then(() => true, () => false)
  const reached = await Promise.race([answered, sleep(5000, false, {ref: false})])
  if (!reached) {
    void queue.disconnect().catch(() => {})
    throw new ScrapelintError(`cannot reach Redis at ${where(options)}${lastError ? ` (${lastError.message})` : ''}`)
  }
  return queue
}

function checkRunName(name: string) {
  if (!/^[\w.-]{1,100}$/.test(name)) throw new ScrapelintError(`--run ${name}: a run name is letters, digits, ., _ and - (at most 100)`)
}

async function readMeta(queue: Queue): Promise<RunMeta | undefined> {
  const text = await (await queue.getBackend().client).get(metaKey(queue))
  return text === null ? undefined : (JSON.parse(text) as RunMeta)
}

async function fingerprint(cwd: string, config: string | false | undefined, rules: Record<string, RuleSetting>): Promise<string> {
  const resolved = await new ConfigLoader({cwd, config, overrides: rules}).forFolder(cwd)
  const data = JSON.stringify([version, [...resolved.levels], [...resolved.options]])
  return createHash('sha256').update(data).digest('hex').slice(0, 16)
}

function jobId(index: number): string {
  return `batch-${index}`
}

/** `scrapelint queue add`: enqueue the inputs (or resume a run: re-adding changes nothing, and retries failed jobs). */
export async function add(names: string[], options: QueueOptions): Promise<string> {
  if (names.length === 0) throw new ScrapelintError('queue add: no inputs given: name files, folders or globs\nRun `scrapelint --help` for usage.')
  if (names.includes('-')) throw new ScrapelintError('queue add: stdin (-) cannot be queued; name files')
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new ScrapelintError(`--batch-size takes a whole number from 1, not ${options.batchSize}`)
  const cwd = path.resolve(options.cwd)
  const root = await new ConfigLoader({cwd, config: options.config, overrides: options.rules}).forFolder(cwd)
  const inputs = await resolveInputs(names, {cwd, ignorePatterns: [...root.ignorePatterns, ...(options.ignorePatterns ?? [])]})
  if (inputs.files.length === 0) throw new ScrapelintError(`nothing to queue${[...inputs.errors, ...inputs.warnings].map((text) => '\n  ' + text).join('')}`)
  const batches: number[][] = []
  for (let i = 0; i < inputs.files.length; i += options.batchSize) batches.push(inputs.files.slice(i, i + options.batchSize).map((_, k) => i + k))
  const meta: RunMeta = {
    version,
    cwd,
    config: options.config,
    rules: options.rules,
    maxFileSize: options.maxFileSize,
    inputFormat: options.inputFormat,
    jsonlField: options.jsonlField,
    fingerprint: await fingerprint(cwd, options.config, options.rules),
    inputs: inputs.files,
    jobs: batches.length,
    warnings: inputs.warnings,
    errors: inputs.errors,
  }
  const queue = await openQueue(options)
  try {
    const old = await readMeta(queue)
    let retried = 0
    if (old) {
      if (JSON.stringify({...old, warnings: [], errors: []}) !== JSON.stringify({...meta, warnings: [], errors: []})) {
        throw new ScrapelintError(`run ${options.run} holds other inputs or another config: name a new run with --run, or empty this one with \`scrapelint queue clear\``)
      }
      for (const job of await queue.getJobs(['failed'])) {
        await job.retry('failed')
        retried++
      }
    } else {
      await (await queue.getBackend().client).set(metaKey(queue), JSON.stringify(meta))
    }
    // Deterministic job ids: adding a run again adds nothing twice (BullMQ keeps the first job of an id).
    const chunk = 500
    for (let i = 0; i < batches.length; i += chunk) {
      await queue.addBulk(
        batches.slice(i, i + chunk).map((batch, k) => ({
          name: 'lint',
          data: {inputs: batch} satisfies JobData,
          opts: {jobId: jobId(i + k), attempts: ATTEMPTS, removeOnComplete: false, removeOnFail: false},
        })),
      )
    }
    const documents = `${inputs.files.length} input${inputs.files.length === 1 ? '' : 's'} in ${batches.length} job${batches.length === 1 ? '' : 's'}`
    return old ? `run ${options.run}: resumed (${documents}${retried ? `; ${retried} failed job${retried === 1 ? '' : 's'} retried` : ''})` : `run ${options.run}: queued ${documents}`
  } finally {
    await queue.close()
  }
}

/** `scrapelint worker`: lint jobs until SIGINT or SIGTERM, then finish the jobs at hand and stop. */
export async function work(options: QueueOptions, log: (text: string) => void): Promise<number> {
  checkRunName(options.run)
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new ScrapelintError(`--concurrency takes a whole number from 1, not ${options.concurrency}`)
  // Check that Redis answers, then keep a connection that waits for it through restarts.
  await (await openQueue(options)).close()
  const probe = new Queue(options.run, {connection: connectionOf(options.redis)})
  probe.on('error', () => {})
  const metas = new Map<string, Promise<RunMeta | undefined>>()
  const checked = new Map<string, Promise<string>>()
  const worker = new Worker<JobData, PackedResult>(
    options.run,
    async (job) => {
      const meta = await (metas.get(job.queueName) ?? metas.set(job.queueName, readMeta(probe)).get(job.queueName))
      if (!meta) throw new UnrecoverableError(`run ${options.run} has no run record: add its inputs again with \`scrapelint queue add\``)
      if (meta.version !== version) throw new UnrecoverableError(`this worker is scrapelint ${version}, the run was added by ${meta.version}`)
      let mine = checked.get(meta.fingerprint)
      if (!mine) checked.set(meta.fingerprint, (mine = fingerprint(meta.cwd, meta.config, meta.rules)))
      if ((await mine) !== meta.fingerprint) throw new UnrecoverableError(`this worker resolves another config than the run's (config files under ${meta.cwd} differ)`)
      return pack(await lintJob(meta, job))
    },
    {connection: connectionOf(options.redis), concurrency: options.concurrency, lockDuration: options.lockDuration, stalledInterval: options.lockDuration, maxStalledCount: ATTEMPTS - 1, autorun: false},
  )
  worker.on('error', (error) => log(`warning: ${safe(error.message)}`))
  worker.on('active', (job) => log(`job ${job.id} started (${job.data.inputs.length} inputs)`))
  worker.on('completed', (job) => log(`job ${job.id} done`))
  worker.on('failed', (job, error) => log(`warning: job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'} of ${ATTEMPTS}): ${safe(error.message)}`))
  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  log(`worker on ${where(options)}, run ${options.run}, concurrency ${options.concurrency}`)
  const running = worker.run()
  await Promise.race([stop, running])
  await worker.close()
  await running.catch(() => {})
  await probe.close()
  return 0
}

async function lintJob(meta: RunMeta, job: Job<JobData>): Promise<JobResult> {
  const indices = new Map(job.data.inputs.map((index) => [meta.inputs[index], index]))
  const documents: DocumentEntry[] = []
  const result = await lint([...indices.keys()], {
    cwd: meta.cwd,
    config: meta.config,
    rules: meta.rules,
    maxFileSize: meta.maxFileSize,
    inputFormat: meta.inputFormat,
    jsonlField: meta.jsonlField,
    jobs: 1,
    keepText: false,
    documentsOnly: true,
    onDocument(input, position, file) {
      const rendering = renderingState(file)
      documents.push({input: indices.get(input) ?? -1, position, record: toDocumentRecord(file), ...(rendering ? {rendering} : {})})
    },
  })
  return {documents, warnings: result.warnings, errors: result.errors}
}

export interface Counts {
  jobs: number
  completed: number
  failed: number
  active: number
  waiting: number
}

async function counts(queue: Queue, meta: RunMeta): Promise<Counts> {
  const c = await queue.getJobCounts('completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized', 'waiting-children')
  return {jobs: meta.jobs, completed: c.completed ?? 0, failed: c.failed ?? 0, active: c.active ?? 0, waiting: (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0)}
}

async function requireMeta(queue: Queue, options: QueueOptions): Promise<RunMeta> {
  const meta = await readMeta(queue)
  if (!meta) throw new ScrapelintError(`there is no run ${options.run} on ${where(options)}: start one with \`scrapelint queue add --redis URL INPUTS..\``)
  return meta
}

/** `scrapelint queue status`: counts and failures, one line each. */
export async function status(options: QueueOptions): Promise<string> {
  const queue = await openQueue(options)
  try {
    const meta = await requireMeta(queue, options)
    const c = await counts(queue, meta)
    const lines = [`run ${options.run}: ${meta.inputs.length} inputs in ${c.jobs} jobs: ${c.completed} completed, ${c.active} active, ${c.waiting} waiting, ${c.failed} failed`]
    for (const job of await queue.getJobs(['failed'])) {
      const files = (job.data as JobData).inputs.map((index) => path.relative(meta.cwd, meta.inputs[index]) || meta.inputs[index])
      lines.push(`failed ${job.id} after ${job.attemptsMade} attempts: ${safe(job.failedReason ?? 'no reason given')}\n  ${files.map(safe).join('\n  ')}`)
    }
    return lines.join('\n')
  } finally {
    await queue.close()
  }
}

/** `scrapelint queue clear`: remove the run (its jobs, results and run record) from Redis. */
export async function clear(options: QueueOptions): Promise<string> {
  const queue = await openQueue(options)
  try {
    await queue.obliterate({force: true})
    await (await queue.getBackend().client).del(metaKey(queue))
    return `run ${options.run}: cleared`
  } finally {
    await queue.close()
  }
}

export interface Report {
  files: VFile[]
  warnings: string[]
  errors: string[]
}

/** `scrapelint queue report`: wait for every job, then the corpus pass over the gathered documents. */
export async function report(options: QueueOptions): Promise<Report> {
  const queue = await openQueue(options)
  try {
    const meta = await requireMeta(queue, options)
    if (meta.fingerprint !== (await fingerprint(meta.cwd, meta.config, meta.rules))) {
      throw new ScrapelintError(`this machine resolves another config than run ${options.run} (config files under ${meta.cwd} differ)`)
    }
    const bar = options.progress ? new SingleBar({format: 'scrapelint {bar} {value}/{total} jobs', hideCursor: true, clearOnComplete: true, stream: process.stderr}, Presets.shades_classic) : undefined
    bar?.start(meta.jobs, 0)
    try {
      for (;;) {
        const c = await counts(queue, meta)
        bar?.update(c.completed + c.failed)
        if (c.completed + c.failed >= meta.jobs) break
        await sleep(250)
      }
    } finally {
      bar?.stop()
    }
    const warnings = [...meta.warnings]
    const errors = [...meta.errors]
    const documents: DocumentEntry[] = []
    const results: Array<{warnings: string[]; errors: string[]}> = []
    for (let start = 0; start < meta.jobs; start += 100) {
      const jobs = await Promise.all(Array.from({length: Math.min(100, meta.jobs - start)}, (_, k) => queue.getJob(jobId(start + k))))
      for (const [k, job] of jobs.entries()) {
        if (!job) throw new ScrapelintError(`run ${options.run} lost job ${jobId(start + k)}: add the inputs again with \`scrapelint queue add\` to resume`)
        const value = job.finishedOn && !job.failedReason ? unpack(job.returnvalue) : undefined
        if (value) {
          for (const entry of value.documents) {
            if (!isDocumentRecord(entry.record)) throw new ScrapelintError(`job ${job.id}: a result that is not a document record`)
            documents.push(entry)
          }
          results.push({warnings: value.warnings ?? [], errors: value.errors ?? []})
        } else {
          const reason = job.failedReason ?? 'no result'
          results.push({
            warnings: [],
            errors: (job.data as JobData).inputs.map((index) => `${path.relative(meta.cwd, meta.inputs[index]) || meta.inputs[index]}: not linted: failed on the workers after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'} (${reason})`),
          })
        }
      }
    }
    for (const result of results) {
      warnings.push(...result.warnings)
      errors.push(...result.errors)
    }
    // The order of a single run: inputs as resolved, records in their file's order.
    documents.sort((a, b) => a.input - b.input || a.position - b.position)
    if (documents.length === 0 && errors.length === 0) throw new ScrapelintError(`nothing to lint${warnings.length > 0 ? ':\n  ' + warnings.join('\n  ') : ''}`)
    const files = await lintFacts(
      documents.map((entry) => entry.record),
      {cwd: meta.cwd, config: meta.config, rules: meta.rules},
      (file, index) => {
        const state = documents[index].rendering
        if (state) restoreRendering(file, state)
      },
    )
    return {files, warnings, errors}
  } finally {
    await queue.close()
  }
}
