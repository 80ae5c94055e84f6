/**
 * The engine: every document through one unified processor (retext-english
 * plus the enabled rules), then one corpus pass over the facts the documents
 * left on `file.data`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pLimit from 'p-limit'
import {Piscina} from 'piscina'
import {VFile} from 'vfile'
import {compareFile, compareMessage} from 'vfile-sort'
import {ConfigLoader, type ResolvedConfig, type RuleSetting} from './config.js'
import {ScrapelintError} from './errors.js'
import {resolveInputs} from './inputs.js'
import {applyLevels, createProcessor, DEFAULT_WINDOW, lintDocument, type AnyProcessor} from './document.js'
import {Cache, documentKey} from './cache.js'
import {fromDocumentRecord, toDocumentRecord, type DocumentRecord} from './facts.js'
import {formatOf, type Format, type FormatName} from './formats/index.js'
import {adoptRendering, prepareDocument, readDocuments} from './formats/read.js'
import {toSource} from './formats/rendering.js'
import type {WorkerTask} from './worker.js'
import {resolveOptions, type Rule} from '../rules/kit/rule.js'

export interface LintOptions {
  /** Folder that relative paths, ignore files and the corpus config are resolved from (default: `process.cwd()`). */
  cwd?: string
  /** A config file for every document, or `false` to use no config file. */
  config?: string | false
  /** Rule settings over the config (the CLI's `--rule`). */
  rules?: Record<string, RuleSetting>
  /** More ignore patterns (gitignore syntax, relative to `cwd`). */
  ignorePatterns?: string[]
  /** Text read for the input `-`. */
  stdin?: string
  /** Path that names the stdin document in reports and for config lookup. */
  stdinFilename?: string
  /**
   * Files, folders or globs that are corpus context only: their documents take part in the corpus
   * rules (contradiction, shared-boilerplate) but are not reported. A pre-commit hook names the
   * staged files as inputs and the whole corpus here.
   */
  corpus?: string[]
  /** Skip files larger than this many bytes (default 20 MiB). */
  maxFileSize?: number
  /** Lint documents longer than this many characters in windows (default 200,000). */
  windowSize?: number
  /**
   * Worker threads for the per-document pass (default 1: in this thread). `'auto'`: every core when
   * the inputs are AUTO_POOL_BYTES or more, else 1 (a pool's start and each worker's own warm-up cost
   * more than they save on a few files: a pre-commit hook, an editor).
   */
  jobs?: number | 'auto'
  /** Reuse per-document results from this cache file, and update it (see src/cache.ts). */
  cache?: string
  /** Write each document's messages and facts here as JSON Lines (for `scrapelint corpus`). */
  emitFacts?: string
  /** Keep each document's text on its VFile (default true; `false` keeps memory to facts and messages). */
  keepText?: boolean
  /** The format of every input, whatever its extension (`--input-format`; default: by extension). */
  inputFormat?: FormatName
  /** The JSON Lines field that holds a record's text (`--jsonl-field`; default `text`). */
  jsonlField?: string
  /** Called with the number of documents done and known so far, for a progress display. */
  onProgress?: (done: number, total: number) => void
  /**
   * The per-document pass only (a queue worker, src/queue.ts): no corpus pass, and no error when
   * nothing was linted. Each document is handed to `onDocument` with its input (absolute path) and
   * its place in that input.
   */
  documentsOnly?: boolean
  onDocument?: (input: string, position: number, file: VFile) => void
}

export interface LintResult {
  /** Every linted document, sorted by path, its messages sorted by place. */
  files: VFile[]
  /** About the run (skipped files, decoding): for stderr, not findings. */
  warnings: string[]
  /** Inputs that could not be read or do not exist: the run is incomplete (exit 2). */
  errors: string[]
  /** What the run did, for `--stats`. */
  stats?: RunStats
  /** The input files the paths resolved to (absolute; `-` for stdin), before any was read. */
  inputs?: string[]
}

export interface RunStats {
  documents: number
  characters: number
  /** Documents answered from the cache. */
  cached: number
  /** Milliseconds in the per-document pass and in the corpus pass. */
  documentMs: number
  corpusMs: number
  /** Worker threads used (1: in this thread). */
  jobs: number
}

/** With `jobs: 'auto'`, inputs of this many bytes or more are linted by a worker per core. */
export const AUTO_POOL_BYTES = 1.5 * 1024 * 1024

/** The number of workers `jobs` asks for, given the inputs (sizes from the file system; stdin counts as its text). */
async function resolveJobs(jobs: LintOptions['jobs'], files: string[], stdin: string | undefined): Promise<number> {
  if (jobs !== 'auto') return jobs ?? 1
  let bytes = 0
  for (const name of files) {
    if (bytes >= AUTO_POOL_BYTES) break
    if (name === '-') bytes += Buffer.byteLength(stdin ?? '')
    else bytes += await fs.promises.stat(name).then((stat) => stat.size, () => 0)
  }
  return bytes >= AUTO_POOL_BYTES ? os.availableParallelism() : 1
}

export interface TextInput {
  path: string
  value: string
}

/** The rules with a corpus pass that `config` enables. */
function corpusRules(config: ResolvedConfig): Rule[] {
  return config.rules.filter((rule) => rule.corpus && config.levels.get(rule.meta.id) !== 'off')
}

/**
 * Lint texts that are already in memory (the language server's and the
 * tests' entry): the same processing as `lint`, without reading files.
 */
export async function lintTexts(inputs: TextInput[], options: Omit<LintOptions, 'stdin' | 'stdinFilename'> = {}): Promise<VFile[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const loader = new ConfigLoader({cwd, config: options.config, overrides: options.rules})
  const run = new Run(loader, {windowSize: options.windowSize})
  const files: VFile[] = []
  for (const input of inputs) {
    const shown = displayPath(cwd, path.resolve(cwd, input.path))
    const prepared = prepareDocument({kind: 'document', value: input.value, format: formatOf(shown, options.inputFormat), warnings: []}, shown, cwd)
    files.push(adoptRendering(await run.document(prepared.file), prepared))
  }
  await run.corpus(files, cwd)
  for (const file of files) toSource(file)
  return sortFiles(files)
}

/** Lint files, folders, globs and `-` (stdin), as the CLI does. */
export async function lint(names: string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const loader = new ConfigLoader({cwd, config: options.config, overrides: options.rules})
  const rootConfig = await loader.forFolder(cwd)
  const ignorePatterns = [...rootConfig.ignorePatterns, ...(options.ignorePatterns ?? [])]
  const inputs = await resolveInputs(names, {cwd, ignorePatterns})
  const warnings = [...inputs.warnings]
  const errors = [...inputs.errors]
  const cache = options.cache ? await Cache.open(path.resolve(cwd, options.cache), (text) => warnings.push(text)) : undefined
  const facts = options.emitFacts ? fs.createWriteStream(path.resolve(cwd, options.emitFacts)) : undefined
  const jobs = await resolveJobs(options.jobs, inputs.files, options.stdin)
  const run = new Run(loader, {...options, jobs, cache, facts})
  const files: VFile[] = []
  const started = performance.now()

  // One path gives one document, or one per record (JSON Lines); see src/formats/read.ts.
  async function* load(name: string): AsyncGenerator<VFile> {
    const stdin = name === '-'
    const filePath = stdin ? path.resolve(cwd, options.stdinFilename ?? '<stdin>') : name
    const shown = path.relative(cwd, filePath) || filePath
    const bytes = stdin ? Buffer.from(options.stdin ?? '', 'utf8') : undefined
    const {maxFileSize, inputFormat, jsonlField} = options
    let position = 0
    for await (const item of readDocuments(filePath, {bytes, maxFileSize, inputFormat, jsonlField})) {
      if (item.kind !== 'document') {
        ;(item.kind === 'error' ? errors : warnings).push(`${shown}${item.line ? ':' + item.line : ''}: ${item.reason}`)
        continue
      }
      const prepared = prepareDocument(item, displayPath(cwd, filePath), cwd)
      for (const warning of item.warnings) warnings.push(`${prepared.file.path}: ${warning}`)
      const file = adoptRendering(await run.document(prepared.file), prepared)
      options.onDocument?.(name, position++, file)
      yield file
    }
  }

  try {
    await run.each(inputs.files, load, (file) => files.push(file))
    if (files.length === 0 && errors.length === 0 && !options.documentsOnly) {
      throw new ScrapelintError(`nothing to lint${warnings.length > 0 ? ':\n  ' + warnings.join('\n  ') : ''}`)
    }
    const context: VFile[] = []
    if (options.corpus && options.corpus.length > 0) {
      const named = new Set(inputs.files)
      const extra = await resolveInputs(options.corpus, {cwd, ignorePatterns})
      errors.push(...extra.errors.map((error) => `--corpus ${error}`))
      const others = extra.files.filter((name) => !named.has(name) && name !== '-')
      await run.each(others, load, (file) => context.push(file))
    }
    const documentMs = performance.now() - started
    if (!options.documentsOnly) await run.corpus([...files, ...context], cwd)
    for (const file of files) toSource(file)
    if (cache) await cache.save()
    const characters = run.characters
    return {files: sortFiles(files), warnings, errors, stats: {documents: files.length + context.length, characters, cached: cache?.hits ?? 0, documentMs, corpusMs: performance.now() - started - documentMs, jobs}, inputs: inputs.files}
  } finally {
    await run.close()
    if (facts) await new Promise<void>((resolve, reject) => facts.end((error?: Error | null) => (error ? reject(error) : resolve())))
  }
}

/** Run the corpus rules alone over document records (from `--emit-facts` files): `scrapelint corpus`. */
export async function lintFacts(
  records: DocumentRecord[],
  options: Pick<LintOptions, 'cwd' | 'config' | 'rules'> = {},
  /** Called on each rebuilt file before the corpus pass (the queue restores its rendering state: src/formats/rendering.ts). */
  restore?: (file: VFile, index: number) => void,
): Promise<VFile[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const loader = new ConfigLoader({cwd, config: options.config, overrides: options.rules})
  const run = new Run(loader, {})
  const files = records.map((record) => fromDocumentRecord(record))
  files.forEach((file, index) => restore?.(file, index))
  for (const file of files) await run.remember(file)
  await run.corpus(files, cwd)
  for (const file of files) toSource(file)
  return sortFiles(files)
}

/** Paths inside `cwd` are shown relative to it, others absolute. */
function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
}

function sortFiles(files: VFile[]): VFile[] {
  for (const file of files) file.messages.sort(compareMessage)
  return files.sort(compareFile)
}

interface RunOptions extends Pick<LintOptions, 'windowSize' | 'keepText' | 'config' | 'rules' | 'onProgress'> {
  jobs?: number
  cache?: Cache
  facts?: fs.WriteStream
}

/**
 * One run: processors cached per config, each document's config remembered for the corpus pass;
 * documents linted in this thread or in a pool of worker threads, through the cache when there is one.
 */
class Run {
  private readonly loader: ConfigLoader
  private readonly options: RunOptions
  private readonly processors = new Map<ResolvedConfig, Map<Format, AnyProcessor>>()
  private readonly configs = new WeakMap<VFile, ResolvedConfig>()
  private readonly windowSize: number
  private readonly pool: Piscina | undefined
  private done = 0
  private total = 0
  characters = 0

  constructor(loader: ConfigLoader, options: RunOptions) {
    this.loader = loader
    this.options = options
    this.windowSize = options.windowSize ?? DEFAULT_WINDOW
    const jobs = options.jobs ?? 1
    this.pool = jobs > 1 ? new Piscina({filename: new URL('./worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs}) : undefined
  }

  /** Load and lint `names` with bounded concurrency (the pool's size, twice over); `add` each file as it is done. */
  async each(names: string[], load: (name: string) => AsyncIterable<VFile>, add: (file: VFile) => void) {
    this.total += names.length
    const limit = pLimit(this.pool ? this.pool.options.maxThreads * 2 : 1)
    await Promise.all(
      names.map((name) =>
        limit(async () => {
          for await (const file of load(name)) add(file)
          this.options.onProgress?.(++this.done, this.total)
        }),
      ),
    )
  }

  async remember(file: VFile): Promise<ResolvedConfig> {
    const config = await this.loader.forFolder(path.dirname(path.resolve(file.cwd, file.path)))
    this.configs.set(file, config)
    return config
  }

  async document(file: VFile): Promise<VFile> {
    const config = await this.remember(file)
    const text = String(file)
    this.characters += text.length
    const {cache, facts} = this.options
    // The text is the rendered prose for HTML and Markdown: the format and the layout (which lines were
    // links or headings) are inputs of the rules too, so they are part of the key.
    const key = cache ? documentKey(text, config, this.windowSize, formatOf(file.path).name + '\0' + (file.data.layout ? JSON.stringify(file.data.layout) : '')) : undefined
    const hit = key ? cache!.get(key) : undefined
    let result = file
    if (hit) {
      result = fromDocumentRecord({path: file.path, cwd: file.cwd, ...hit}, text)
    } else if (this.pool) {
      const task: WorkerTask = {path: file.path, cwd: file.cwd, value: text, config: this.options.config, rules: this.options.rules, windowSize: this.windowSize, layout: file.data.layout}
      result = fromDocumentRecord((await this.pool.run(task)) as DocumentRecord, text)
    } else {
      const format = formatOf(file.path)
      let byFormat = this.processors.get(config)
      if (!byFormat) this.processors.set(config, (byFormat = new Map()))
      let processor = byFormat.get(format)
      if (!processor) byFormat.set(format, (processor = createProcessor(config, format)))
      await lintDocument(file, processor, config, this.windowSize)
    }
    // From the cache or a worker a document comes back as messages and facts: what the reading left
    // on the input (the JSON Lines record it came from) is the input's.
    if (result !== file && file.data.record !== undefined) result.data.record = file.data.record
    if (key && !hit) cache!.set(key, toDocumentRecord(result))
    if (facts) facts.write(JSON.stringify(toDocumentRecord(result)) + '\n')
    // Without its text a file keeps only messages and facts; corpus rules must not need more.
    if (this.options.keepText === false) result.value = undefined as unknown as string
    this.configs.set(result, config)
    return result
  }

  async close() {
    await this.pool?.destroy()
  }

  /** Corpus rules run once, with the options of the config at `cwd`; each file's own config then sets levels. */
  async corpus(files: VFile[], cwd: string) {
    const rootConfig = await this.loader.forFolder(cwd)
    const active = corpusRules(rootConfig)
    if (active.length === 0) return
    const before = new Map(files.map((file) => [file, file.messages.length]))
    for (const rule of active) {
      rule.corpus!(files, resolveOptions(rule.meta, rootConfig.options.get(rule.meta.id)))
    }
    for (const file of files) {
      const config = this.configs.get(file) ?? rootConfig
      const old = file.messages.slice(0, before.get(file))
      file.messages = [...old, ...applyLevels(file.messages.slice(before.get(file)), config)]
    }
  }
}
