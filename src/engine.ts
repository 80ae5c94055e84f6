/**
 * The engine: every document through one unified processor (retext-english
 * plus the enabled rules), then one corpus pass over the facts the documents
 * left on `file.data`.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {compareFile, compareMessage} from 'vfile-sort'
import {rules as registry} from '../rules/index.js'
import {ConfigLoader, type ResolvedConfig, type RuleSetting} from './config.js'
import {ScrapelintError} from './errors.js'
import {readDocument, resolveInputs, decode} from './inputs.js'
import {applyLevels, createProcessor, DEFAULT_WINDOW, lintDocument, type AnyProcessor} from './document.js'
import {formatOf, type Format} from './formats/index.js'
import {resolveOptions, type Rule} from './rule.js'

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
}

export interface LintResult {
  /** Every linted document, sorted by path, its messages sorted by place. */
  files: VFile[]
  /** About the run (skipped files, decoding): for stderr, not findings. */
  warnings: string[]
  /** Inputs that could not be read or do not exist: the run is incomplete (exit 2). */
  errors: string[]
}

export interface TextInput {
  path: string
  value: string
}

/** The rules with a corpus pass that `config` enables. */
function corpusRules(config: ResolvedConfig): Rule[] {
  return registry.filter((rule) => rule.corpus && config.levels.get(rule.meta.id) !== 'off')
}

/**
 * Lint texts that are already in memory (the language server's and the
 * tests' entry): the same processing as `lint`, without reading files.
 */
export async function lintTexts(inputs: TextInput[], options: Omit<LintOptions, 'stdin' | 'stdinFilename'> = {}): Promise<VFile[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const loader = new ConfigLoader({cwd, config: options.config, overrides: options.rules})
  const run = new Run(loader)
  const files: VFile[] = []
  for (const input of inputs) files.push(await run.document(new VFile({path: displayPath(cwd, path.resolve(cwd, input.path)), cwd, value: input.value})))
  await run.corpus(files, cwd)
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
  const run = new Run(loader, options.windowSize)
  const files: VFile[] = []

  const load = async (name: string): Promise<VFile | undefined> => {
    const stdin = name === '-'
    const filePath = stdin ? path.resolve(cwd, options.stdinFilename ?? '<stdin>') : name
    const shown = path.relative(cwd, filePath) || filePath
    const read = stdin ? decode(Buffer.from(options.stdin ?? '', 'utf8')) : await readDocument(name, options.maxFileSize)
    if (read.kind === 'error') {
      errors.push(`${shown}: ${read.reason}`)
      return undefined
    }
    if (read.kind === 'skip') {
      warnings.push(`${shown}: ${read.reason}`)
      return undefined
    }
    for (const warning of read.warnings) warnings.push(`${shown}: ${warning}`)
    return run.document(new VFile({path: displayPath(cwd, filePath), cwd, value: read.value}))
  }

  for (const name of inputs.files) {
    const file = await load(name)
    if (file) files.push(file)
  }
  if (files.length === 0 && errors.length === 0) {
    throw new ScrapelintError(`nothing to lint${warnings.length > 0 ? ':\n  ' + warnings.join('\n  ') : ''}`)
  }
  const context: VFile[] = []
  if (options.corpus && options.corpus.length > 0) {
    const named = new Set(inputs.files)
    const extra = await resolveInputs(options.corpus, {cwd, ignorePatterns})
    errors.push(...extra.errors.map((error) => `--corpus ${error}`))
    for (const name of extra.files) {
      if (named.has(name) || name === '-') continue
      const file = await load(name)
      if (file) context.push(file)
    }
  }
  await run.corpus([...files, ...context], cwd)
  return {files: sortFiles(files), warnings, errors}
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

/** One run: processors cached per config, each document's config remembered for the corpus pass. */
class Run {
  private readonly loader: ConfigLoader
  private readonly processors = new Map<ResolvedConfig, Map<Format, AnyProcessor>>()
  private readonly configs = new WeakMap<VFile, ResolvedConfig>()

  private readonly windowSize: number

  constructor(loader: ConfigLoader, windowSize = DEFAULT_WINDOW) {
    this.loader = loader
    this.windowSize = windowSize
  }

  async document(file: VFile): Promise<VFile> {
    const config = await this.loader.forFolder(path.dirname(path.resolve(file.cwd, file.path)))
    const format = formatOf(file.path)
    let byFormat = this.processors.get(config)
    if (!byFormat) this.processors.set(config, (byFormat = new Map()))
    let processor = byFormat.get(format)
    if (!processor) byFormat.set(format, (processor = createProcessor(config, format)))
    await lintDocument(file, processor, config, this.windowSize)
    this.configs.set(file, config)
    return file
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
