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
import {rules} from '../rules/index.js'
import {parseRuleFlag, type RuleSetting} from './config.js'
import {lint} from './engine.js'
import {ScrapelintError} from './errors.js'
import {FORMATS, formatReport, type Format} from './reporters/index.js'
import {FORMAT_NAMES, type FormatName} from './formats/index.js'
import {version} from './version.js'

function warn(text: string) {
  process.stderr.write(`scrapelint: ${text}\n`)
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
    .command('$0 [paths..]', false, (y) => y.positional('paths', {type: 'string', array: true, describe: 'files, folders, globs, or - for stdin'}))
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
    .option('output', {alias: 'o', type: 'string', describe: 'write the report to this file'})
    .option('color', {type: 'boolean', describe: 'colour the stylish report (default: when stdout is a terminal)'})
    .option('list-rules', {type: 'boolean', describe: 'list the rules with their default level and exit'})
    .example('$0 seeds/', 'lint every .txt file under seeds/')
    .example('$0 --format json articles/ > report.json', 'a JSON report of a corpus')
    .example('$0 --max-warnings 0 "crawl/**/*.txt"', 'fail on any finding')
    .example('$0 - --stdin-filename a.txt < a.txt', 'lint standard input')
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
  const paths = ((args.paths as unknown as string[] | undefined) ?? []).map((arg) => (String(arg) === STDIN ? '-' : String(arg)))
  if (paths.length === 0) throw new ScrapelintError('no paths given: name files, folders, globs or - for stdin\nRun `scrapelint --help` for usage.')
  const maxWarnings = args['max-warnings']
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new ScrapelintError(`--max-warnings takes a whole number from 0, not ${maxWarnings}`)
  }
  const maxFileSize = args['max-file-size']
  if (!(maxFileSize > 0)) throw new ScrapelintError(`--max-file-size takes a number of MiB above 0, not ${maxFileSize}`)
  const overrides: Record<string, RuleSetting> = {}
  for (const flag of args.rule ?? []) {
    const [id, level] = parseRuleFlag(flag)
    overrides[id] = level
  }
  const cwd = process.cwd()
  const config = (args.config as string | boolean | undefined) === false ? false : args.config
  const stdin = paths.includes('-') ? await readStdin() : undefined

  const output = args.output === undefined ? undefined : path.resolve(cwd, args.output)
  const result = await lint(paths, {
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
  })
  if (output && result.files.some((file) => path.resolve(file.cwd, file.path) === output)) {
    throw new ScrapelintError(`--output ${args.output} is one of the linted files: refusing to overwrite an input`)
  }
  for (const text of result.warnings) warn(`warning: ${text}`)
  for (const text of result.errors) warn(`error: ${text}`)

  const format = args.format as Format
  const color = args.color ?? (output === undefined && format === 'stylish' && process.stdout.isTTY === true && !('NO_COLOR' in process.env))
  const report = formatReport(result.files, {format, quiet: args.quiet, color, cwd})
  if (output) {
    await fs.mkdir(path.dirname(output), {recursive: true})
    await fs.writeFile(output, report + '\n')
  } else if (report) {
    process.stdout.write(report + '\n')
  }

  if (result.errors.length > 0) return 2
  let errors = 0
  let warnings = 0
  for (const file of result.files) {
    for (const message of file.messages) {
      if (message.fatal) errors++
      else warnings++
    }
  }
  if (errors > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    warn(`${warnings} warnings, more than --max-warnings ${maxWarnings}`)
    return 1
  }
  return 0
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
