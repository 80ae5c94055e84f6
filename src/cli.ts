#!/usr/bin/env node
/**
 * The command line: argument parsing is yargs', linting is `lint`, output is
 * the reporters'. The report goes to stdout (or `--output`), diagnostics
 * about the run to stderr. Exit codes: 0 clean (or warnings within
 * `--max-warnings`), 1 findings over the threshold, 2 usage, config or input
 * errors. Never a stack trace unless SCRAPELINT_DEBUG is set.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import yargs from 'yargs'
import {hideBin} from 'yargs/helpers'
import {registeredRules as rules} from './config.js'
import {parseRuleFlag, type RuleSetting} from './config.js'
import {SingleBar, Presets} from 'cli-progress'
import type {VFile} from 'vfile'
import {cacheFile, DEFAULT_CACHE_LOCATION} from './cache.js'
import {lint, lintFacts, type LintOptions} from './engine.js'
import {isDocumentRecord, type DocumentRecord} from './facts.js'
import {runFix} from './fix-run.js'
import {refuseOutputsThatAreInputs} from './outputs.js'
import {ScrapelintError} from './errors.js'
import {escapeControl} from './reporters/escape.js'
import {FORMATS, formatReport, type Format} from './reporters/index.js'
import {FORMAT_NAMES, type FormatName} from './formats/index.js'
import {version} from './version.js'

/** `1 warning`, `2 warnings`. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function warn(text: string) {
  process.stderr.write(`scrapelint: ${escapeControl(text)}\n`)
}

function listRules(): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length))
  return rules
    .map((rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.level.padEnd(5)}  ${rule.meta.fixable ? 'fix' : '   '}  ${rule.meta.description}`)
    .join('\n')
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Repeatable options take one value each (`--rule a:off --rule b:error`); yargs gives a string for
 * one and an array for several. (yargs' `array: true` would swallow the paths that follow.)
 */
function list(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value.map(String) : [String(value)]
}

/** yargs-parser drops a lone `-`; it stands for stdin here, so it is carried through under another name. */
const STDIN = '\u0000stdin'

export async function main(argv: string[]): Promise<number> {
  const parser = yargs(argv.map((arg) => (arg === '-' ? STDIN : arg)))
    .scriptName('scrapelint')
    .usage('$0 [paths..]\n\nLint scraped web articles for scrape residue, fake author blocks, cut-off quotes and cross-document contradictions.')
    .command('$0 [paths..]', 'lint files, folders, globs, or - for stdin', (y) => y.positional('paths', {type: 'string', array: true, describe: 'files, folders, globs, or - for stdin'}))
    .command('corpus <facts..>', 'run only the corpus rules over facts files written by --emit-facts (shards joined)', (y) =>
      y.positional('facts', {type: 'string', array: true, describe: 'JSON Lines facts files'}),
    )
    .command('queue <action> [inputs..]', 'a run on a Redis queue (BullMQ): add INPUTS.., status, report, clear (docs/queue.md)', (y) =>
      y
        .positional('action', {choices: ['add', 'status', 'report', 'clear'] as const, describe: 'what to do with the run'})
        .positional('inputs', {type: 'string', array: true, describe: 'with add: files, folders or globs'}),
    )
    .command('worker', 'lint the jobs of a queued run until stopped (SIGINT, SIGTERM); run one per core, on any number of machines', (y) => y)
    .option('redis', {type: 'string', describe: 'queue and worker: the Redis URL (redis://host:port/db, rediss:// for TLS)'})
    .option('run', {type: 'string', default: 'scrapelint', describe: 'queue and worker: the name of the run'})
    .option('batch-size', {type: 'number', default: 8, describe: 'queue add: files per job'})
    .option('concurrency', {type: 'number', default: 1, describe: 'worker: jobs at once in this process'})
    .option('lock-duration', {type: 'number', default: 30_000, hidden: true, describe: 'worker: ms before a dead worker\'s job is picked up again'})
    .option('format', {alias: 'f', choices: FORMATS, default: 'stylish' as Format, describe: 'report format'})
    .option('quiet', {alias: 'q', type: 'boolean', default: false, describe: 'report errors only'})
    .option('max-warnings', {type: 'number', describe: 'exit 1 when there are more warnings than this'})
    .option('rule', {type: 'string', coerce: list, describe: 'set a rule level: id:off, id:warn or id:error (repeatable)'})
    .option('config', {alias: 'c', type: 'string', describe: 'use this config file for every document (--no-config: none)'})
    .option('ignore-pattern', {type: 'string', coerce: list, describe: 'ignore files matching this gitignore-style pattern (repeatable)'})
    .option('stdin-filename', {type: 'string', describe: 'the name of the document read from -'})
    .option('corpus', {type: 'string', coerce: list, describe: 'files or folders that corpus rules compare with, without reporting on them (repeatable)'})
    .option('max-file-size', {type: 'number', default: 20, describe: 'skip files larger than this many MiB'})
    .option('input-format', {choices: FORMAT_NAMES, describe: 'read every input as this format (default: by extension: .txt, .md, .html, .jsonl, each optionally .gz)'})
    .option('jsonl-field', {type: 'string', default: 'text', describe: 'the field of a JSON Lines record that holds its text (a.b for a nested field)'})
    .option('jobs', {alias: 'j', type: 'number', defaultDescription: 'the number of cores for 1.5 MB of input or more, else 1', describe: 'worker threads for the per-document pass (1: in-process)'})
    .option('cache', {type: 'boolean', default: false, describe: 'reuse per-document results of unchanged documents'})
    .option('cache-location', {type: 'string', default: DEFAULT_CACHE_LOCATION, describe: 'the cache file, or a folder (a name ending in /) to hold it'})
    .option('emit-facts', {type: 'string', describe: 'also write each document\'s messages and facts to this JSON Lines file'})
    .option('stats', {type: 'boolean', default: false, describe: 'print documents, throughput and peak memory to stderr'})
    .option('progress', {type: 'boolean', describe: 'a progress bar on stderr (default: when stderr is a terminal and not --quiet)'})
    .option('output', {alias: 'o', type: 'string', describe: 'write the report to this file'})
    .option('color', {type: 'boolean', describe: 'colour the stylish report (default: when stdout is a terminal)'})
    .option('list-rules', {type: 'boolean', describe: 'list the rules with their default level and exit'})
    .option('fix', {type: 'boolean', describe: 'apply the fixes: the fixed text goes to stdout (one input), --out-dir or, with --write, over the inputs'})
    .option('fix-rule', {type: 'string', coerce: list, describe: 'with --fix: apply only this rule\'s fixes (repeatable)'})
    .option('out-dir', {type: 'string', describe: 'with --fix: write the fixed texts to this folder, at the inputs\' relative paths'})
    .option('write', {type: 'boolean', describe: 'with --fix: overwrite the inputs that a fix changed (atomically)'})
    .option('dry-run', {type: 'boolean', describe: 'with --fix: print a unified diff of the fixes and write nothing'})
    .example('$0 seeds/', 'lint every file of an input format (.txt, .md, .html, .jsonl, ...; each also .gz) under seeds/')
    .example('$0 --format json articles/ > report.json', 'a JSON report of a corpus')
    .example('$0 --max-warnings 0 "crawl/**/*.txt"', 'fail on any finding')
    .example('$0 - --stdin-filename a.txt < a.txt', 'lint standard input')
    .example('$0 --emit-facts shard1.jsonl crawl/part1/', 'lint one shard, keep its facts')
    .example('$0 corpus shard*.jsonl', 'join the shards in one corpus pass')
    .example('$0 queue add --redis redis://10.0.0.5 crawl/', 'queue a crawl; then `$0 worker --redis ...` on each machine, `$0 queue report --redis ...`')
    .example('$0 --fix --out-dir clean/ crawl/', 'write fixed copies of every document under crawl/ to clean/')
    .strict()
    .version(version)
    .alias('help', 'h')
    .alias('version', 'v')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error instanceof ScrapelintError ? error : new ScrapelintError(`${message ?? error?.message}\nRun \`scrapelint --help\` for usage.`)
    })

  const args = await parser.parseAsync()
  // --help and --version have printed and want nothing else.
  if (args.help || args.version) return 0
  if (args['list-rules']) {
    process.stdout.write(listRules() + '\n')
    return 0
  }
  const jobs = args.jobs === undefined ? 'auto' : args.jobs
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1)) throw new ScrapelintError(`--jobs takes a whole number from 1, not ${jobs}`)
  const format = args.format as Format
  const output = args.output === undefined ? undefined : path.resolve(process.cwd(), args.output)
  const config = (args.config as string | boolean | undefined) === false ? false : args.config
  const overrides: Record<string, RuleSetting> = {}
  for (const flag of args.rule ?? []) {
    const [id, level] = parseRuleFlag(flag)
    overrides[id] = level
  }
  const command = String(args._[0] ?? '')
  if (command === 'queue' || command === 'worker') {
    if (!args.redis) throw new ScrapelintError(`${command}: --redis URL is needed (redis://host:port)\nRun \`scrapelint --help\` for usage.`)
    // Loaded only here: the single-machine CLI needs neither bullmq nor Redis.
    const queue = await import('./queue.js')
    const options = {
      redis: args.redis,
      run: args.run,
      cwd: process.cwd(),
      config: config as string | false | undefined,
      rules: overrides,
      maxFileSize: args['max-file-size'] * 1024 * 1024,
      inputFormat: args['input-format'] as FormatName | undefined,
      jsonlField: args['jsonl-field'],
      ignorePatterns: args['ignore-pattern'],
      batchSize: args['batch-size'],
      concurrency: args.concurrency,
      lockDuration: args['lock-duration'],
      progress: args.progress ?? (process.stderr.isTTY === true && !args.quiet),
    }
    if (command === 'worker') return queue.work(options, warn)
    const action = String(args.action)
    if (action !== 'add' && ((args.inputs as unknown as string[] | undefined) ?? []).length > 0) throw new ScrapelintError(`queue ${action} takes no inputs\nRun \`scrapelint --help\` for usage.`)
    if (action === 'add') warn(await queue.add(((args.inputs as unknown as string[] | undefined) ?? []).map(String), options))
    else if (action === 'status') process.stdout.write((await queue.status(options)) + '\n')
    else if (action === 'clear') warn(await queue.clear(options))
    else {
      const result = await queue.report(options)
      for (const text of result.warnings) warn(`warning: ${text}`)
      for (const text of result.errors) warn(`error: ${text}`)
      return finish(result.files, result.errors, {format, quiet: args.quiet, output, color: args.color, maxWarnings: args['max-warnings']})
    }
    return 0
  }
  const facts = args.facts as unknown as string[] | undefined
  if (facts) {
    const files = await lintFacts(await readFacts(facts), {cwd: process.cwd(), config, rules: overrides})
    return finish(files, [], {format, quiet: args.quiet, output, color: args.color, maxWarnings: args['max-warnings']})
  }
  const paths = ((args.paths as unknown as string[] | undefined) ?? []).map((arg) => (String(arg) === STDIN ? '-' : String(arg)))
  if (paths.length === 0) throw new ScrapelintError('no paths given: name files, folders, globs or - for stdin\nRun `scrapelint --help` for usage.')
  for (const option of ['fix-rule', 'out-dir', 'write', 'dry-run'] as const) {
    if (args[option] !== undefined && args[option] !== false && !args.fix) throw new ScrapelintError(`--${option} goes with --fix\nRun \`scrapelint --help\` for usage.`)
  }
  const maxWarnings = args['max-warnings']
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new ScrapelintError(`--max-warnings takes a whole number from 0, not ${maxWarnings}`)
  }
  const maxFileSize = args['max-file-size']
  if (!(maxFileSize > 0)) throw new ScrapelintError(`--max-file-size takes a number of MiB above 0, not ${maxFileSize}`)
  const cwd = process.cwd()
  await refuseOutputsThatAreInputs(
    [
      {flag: '--output', path: args.output ?? ''},
      {flag: '--emit-facts', path: args['emit-facts'] ?? ''},
      {flag: '--cache-location', path: args.cache ? args['cache-location'] : ''},
    ],
    [...paths, ...(args.corpus ?? [])],
    {cwd, ignorePatterns: args['ignore-pattern']},
  )
  const stdin = paths.includes('-') ? await readStdin() : undefined

  const showProgress = args.progress ?? (process.stderr.isTTY === true && !args.quiet)
  const bar = showProgress ? new SingleBar({format: 'scrapelint {bar} {value}/{total} documents', hideCursor: true, clearOnComplete: true, stream: process.stderr}, Presets.shades_classic) : undefined
  bar?.start(0, 0)
  const lintOptions: LintOptions = {
    cwd,
    config,
    rules: overrides,
    ignorePatterns: args['ignore-pattern'],
    stdin,
    stdinFilename: args['stdin-filename'],
    corpus: args.corpus,
    maxFileSize: maxFileSize * 1024 * 1024,
    inputFormat: args['input-format'] as FormatName | undefined,
    jsonlField: args['jsonl-field'],
    jobs,
    cache: args.cache ? cacheFile(args['cache-location'], cwd) : undefined,
    emitFacts: args['emit-facts'],
    // Memory holds messages and facts, not texts, unless fixes or the html report need them.
    keepText: args.fix === true || format === 'html',
    onProgress: bar ? (done, total) => (bar.setTotal(total), bar.update(done)) : undefined,
  }
  const result = await (args.fix
    ? runFix(paths, lintOptions, {write: args.write, outDir: args['out-dir'], dryRun: args['dry-run'], rules: args['fix-rule']})
    : lint(paths, lintOptions).then((lintResult) => ({...lintResult, textOnStdout: false}))
  ).finally(() => bar?.stop())
  if (output && result.files.some((file) => path.resolve(file.cwd, file.path) === output)) {
    throw new ScrapelintError(`--output ${args.output} is one of the linted files: refusing to overwrite an input`)
  }
  for (const text of result.warnings) warn(`warning: ${text}`)
  for (const text of result.errors) warn(`error: ${text}`)
  if (args.stats && result.stats) {
    const {documents, characters, cached, documentMs, corpusMs} = result.stats
    const seconds = documentMs / 1000
    warn(
      `${plural(documents, 'document')}, ${(characters / 1e6).toFixed(2)} MB (${cached} from the cache); document pass ${seconds.toFixed(2)} s (${(characters / 1e6 / seconds).toFixed(2)} MB/s, ${(documents / seconds).toFixed(1)} documents/s, ${plural(result.stats.jobs, 'job')}); corpus pass ${(corpusMs / 1000).toFixed(2)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    )
  }
  const code = await finish(result.files, result.errors, {format, quiet: args.quiet, output, color: args.color, maxWarnings: maxWarnings, reportToStderr: result.textOnStdout})
  return result.errors.length > 0 ? 2 : code
}

interface FinishOptions {
  format: Format
  quiet: boolean
  output: string | undefined
  color: boolean | undefined
  maxWarnings: number | undefined
  /** The fixed text (or diff) of --fix is on stdout: the report goes to stderr. */
  reportToStderr?: boolean
}

/** Print or write the report; the exit code for the findings. */
async function finish(files: VFile[], errors: string[], options: FinishOptions): Promise<number> {
  const {format, output, maxWarnings} = options
  const color = options.color ?? (output === undefined && format === 'stylish' && process.stdout.isTTY === true && !('NO_COLOR' in process.env))
  const report = formatReport(files, {format, quiet: options.quiet, color, cwd: process.cwd(), rules})
  if (output) {
    await fs.mkdir(path.dirname(output), {recursive: true})
    await fs.writeFile(output, report + '\n')
  } else if (report) {
    ;(options.reportToStderr ? process.stderr : process.stdout).write(report + '\n')
  }
  if (errors.length > 0) return 2
  let fatal = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal) fatal++
      else if (message.fatal === false) warnings++
    }
  }
  if (fatal > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    warn(`${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}`)
    return 1
  }
  return 0
}

/** Read `--emit-facts` files: one DocumentRecord a line; a bad line is an input error naming file and line. */
async function readFacts(names: string[]): Promise<DocumentRecord[]> {
  const records: DocumentRecord[] = []
  for (const name of names) {
    let text: string
    try {
      text = await fs.readFile(name, 'utf8')
    } catch (error) {
      throw new ScrapelintError(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
    }
    const lines = text.split('\n')
    for (let index = 0; index < lines.length; index++) {
      if (lines[index].trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(lines[index])
      } catch {
        throw new ScrapelintError(`${name}:${index + 1}: not JSON: not a facts file written by --emit-facts`)
      }
      if (!isDocumentRecord(value)) throw new ScrapelintError(`${name}:${index + 1}: not a document record written by --emit-facts`)
      records.push(value)
    }
  }
  if (records.length === 0) throw new ScrapelintError(`no document records in ${names.join(', ')}`)
  return records
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof ScrapelintError) {
      warn(error.message)
      process.exitCode = error.exitCode
      return
    }
    warn(`internal error: ${error instanceof Error ? error.message : String(error)}`)
    if (process.env.SCRAPELINT_DEBUG && error instanceof Error) process.stderr.write(String(error.stack) + '\n')
    else warn('(set SCRAPELINT_DEBUG=1 for details, and please report this)')
    process.exitCode = 2
  },
)
