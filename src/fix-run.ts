/**
 * `scrapelint --fix`: lint, apply each document's fixes (src/fix.ts), put the
 * fixed texts where the user asked (stdout, `--out-dir`, the inputs with
 * `--write`, or a unified diff with `--dry-run`), then re-lint the fixed texts
 * so the report is of what is left.
 *
 * Writing is the dangerous part, and it is careful: every file is written to a
 * temporary file and renamed over the target (write-file-atomic; the mode and
 * owner are kept), so a crash leaves the old or the new content, never a mix.
 * `--write` refuses a file whose real path (after symlinks) leaves the tree the
 * user named, a file that changed since it was read, and a file that was not
 * valid UTF-8 (writing the decoded text back would replace bytes); an input is
 * rewritten only when a fix changed it.
 *
 * A JSON Lines crawl is fixed record by record only for `--out-dir`: the copy is the crawl with each
 * fixed record's text field replaced (src/formats/jsonl-write.ts). `--write` does not rewrite a crawl
 * (the original is the crawl, the only copy of what was scraped), nor do stdout and `--dry-run` show
 * records; `.gz` files are linted, not fixed.
 */
import {isUtf8} from 'node:buffer'
import fs from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {createTwoFilesPatch} from 'diff'
import {isDynamicPattern} from 'globby'
import writeFileAtomic from 'write-file-atomic'
import type {VFile} from 'vfile'
import {registeredRules} from './config.js'
import {lint, lintTexts, type LintOptions, type LintResult} from './engine.js'
import {ScrapelintError} from './errors.js'
import {collectFixes, fixAt, fixFile} from './fix.js'
import {formatOf, isGzip} from './formats/index.js'
import {copyJsonLines, type RecordEdit} from './formats/jsonl-write.js'
import {resolveInputs} from './inputs.js'

export interface FixRunOptions {
  /** Overwrite the inputs. */
  write?: boolean
  /** Write the fixed texts here, at the inputs' paths relative to the deepest folder holding them all. */
  outDir?: string
  /** Print a unified diff of the fixes instead of writing anything. */
  dryRun?: boolean
  /** Only these rules' fixes. */
  rules?: string[]
  /** Where text goes (the CLI's stdout); tests may capture it. */
  stdout?: NodeJS.WritableStream
}

export interface FixRunResult extends LintResult {
  /** The fixed text or the diff went to stdout, so the report must go elsewhere. */
  textOnStdout: boolean
}

const BOM = '\uFEFF'

/** How many times --fix lints and fixes again what the previous pass's fixes brought to light. */
const MAX_PASSES = 3

/** Check the fix options before any work, with the usage errors the CLI promises (exit 2). */
export function checkFixOptions(paths: string[], options: FixRunOptions) {
  if (options.write && options.outDir !== undefined) throw new ScrapelintError('--write and --out-dir do not go together: overwrite the inputs or write the fixed texts elsewhere, not both')
  if (options.dryRun && (options.write || options.outDir !== undefined)) throw new ScrapelintError('--dry-run writes nothing: drop --write and --out-dir, or drop --dry-run')
  if (options.write && paths.includes('-')) throw new ScrapelintError('--write cannot overwrite standard input: leave out --write and the fixed text goes to stdout')
  for (const id of options.rules ?? []) {
    const rule = registeredRules.find((candidate) => candidate.meta.id === id)
    if (!rule) throw new ScrapelintError(`--fix-rule ${id}: no such rule (scrapelint --list-rules lists them)`)
    if (!rule.meta.fixable) throw new ScrapelintError(`--fix-rule ${id}: this rule has no fixes`)
  }
}

/** Lint `paths`, fix, deliver the fixed texts, and return the re-lint of the fixed texts. */
export async function runFix(paths: string[], lintOptions: LintOptions, options: FixRunOptions): Promise<FixRunResult> {
  checkFixOptions(paths, options)
  const cwd = path.resolve(lintOptions.cwd ?? process.cwd())
  const stdout = options.stdout ?? process.stdout
  const toStdout = !options.write && options.outDir === undefined
  if (toStdout && !options.dryRun) {
    const named = paths.filter((name) => name !== '-')
    const count = (paths.includes('-') ? 1 : 0) + (named.length > 0 ? (await resolveInputs(named, {cwd, ignorePatterns: lintOptions.ignorePatterns})).files.length : 0)
    if (count > 1) throw severalInputs(count)
  }

  const result = await lint(paths, lintOptions)
  const warnings = [...result.warnings]
  const errors = [...result.errors]
  if (toStdout && !options.dryRun && result.files.length > 1) throw severalInputs(result.files.length)

  const stdinPath = paths.includes('-') ? path.resolve(cwd, lintOptions.stdinFilename ?? '<stdin>') : undefined
  const absolute = (file: VFile) => path.resolve(file.cwd, file.path)

  // JSON Lines records: the file each is in and its line. Only records of an uncompressed file named
  // on the command line are fixed, and only for --out-dir (which writes a copy of the crawl).
  const jsonlFiles = options.write || options.outDir !== undefined ? (result.inputs ?? []).filter((file) => file !== '-' && formatOf(file, lintOptions.inputFormat).container) : []
  const records = new Map<VFile, {source: string; line: number}>()
  for (const file of result.files) {
    const record = (file.data as {record?: {file: string; line: number}}).record
    if (record) records.set(file, {source: path.resolve(cwd, record.file), line: record.line})
  }
  const writableCrawls = new Set(options.outDir === undefined ? [] : jsonlFiles.filter((file) => !isGzip(file)))
  // Documents whose fixes would remove most of them: left as they are (see removesMost).
  const refused = new Set<VFile>()
  const fixable = (file: VFile) => {
    if (refused.has(file)) return false
    const origin = records.get(file)
    return origin === undefined || writableCrawls.has(origin.source)
  }
  // A record's fixes are dropped by the first lint (src/formats/read.ts: the lint alone cannot write them
  // back) and come with the first re-lint: records get the passes from the second on, one more in all.
  const recordsWait = result.files.some((file) => records.has(file) && fixable(file))
  const passes = MAX_PASSES + (recordsWait ? 1 : 0)

  // Fix, lint the fixed texts again, and fix what that finds (a removal can bring residue to light),
  // up to MAX_PASSES times; the last lint is the report of what is left.
  const outputs = new Map<VFile, string>(result.files.map((file) => [file, String(file)]))
  let applied = 0
  let current = new Map(result.files.map((file) => [file, file]))
  let relinted: VFile[] = result.files
  for (let pass = 0; pass < passes; pass++) {
    let passApplied = 0
    const overlaps: string[] = []
    for (const file of result.files) {
      if (!fixable(file) || (pass >= MAX_PASSES && !records.has(file))) continue
      const outcome = fixFile(current.get(file)!, {rules: options.rules})
      const removed = options.rules === undefined ? removesMost(String(file), outcome.output) : undefined
      if (removed !== undefined) {
        refused.add(file)
        outputs.set(file, String(file))
        const ids = [...new Set(outcome.applied.map((fix) => fix.ruleId))].sort().join(', ')
        warnings.push(`${file.path}: not fixed: its fixes (${ids}) would remove ${Math.round(removed * 100)}% of its text; --fix never removes most of a document unless the rules are named with --fix-rule`)
        continue
      }
      outputs.set(file, outcome.output)
      passApplied += outcome.applied.length
      for (const skip of outcome.skipped) {
        if (skip.reason !== 'overlap') continue
        overlaps.push(`${file.path}:${fixAt(skip.fix)}: the fix of ${skip.fix.ruleId} was not applied: it overlaps the fix of ${skip.conflict.ruleId} at ${fixAt(skip.conflict)}`)
      }
    }
    applied += passApplied
    if (pass === 0 || passApplied > 0) {
      relinted = await lintTexts(
        result.files.map((file) => ({path: absolute(file), value: outputs.get(file)!})),
        {cwd, config: lintOptions.config, rules: lintOptions.rules, windowSize: lintOptions.windowSize},
      )
    }
    const byPath = new Map(relinted.map((file) => [path.resolve(file.cwd, file.path), file]))
    current = new Map(result.files.map((file) => [file, byPath.get(absolute(file)) ?? file]))
    const more = result.files.some((file) => fixable(file) && collectFixes(current.get(file)!, {rules: options.rules}).length > 0)
    if ((passApplied === 0 && !(pass === 0 && recordsWait)) || !more || pass === passes - 1) {
      warnings.push(...overlaps)
      break
    }
  }
  let changedFiles = 0
  for (const file of result.files) if (outputs.get(file) !== String(file)) changedFiles++
  // A compressed file's fixes were dropped when it was read (src/formats/read.ts): say so, or an
  // `applied 0 fixes` looks like nothing to fix. (--out-dir says it where it would have written.)
  if (options.outDir === undefined) {
    for (const file of result.files) {
      if (!records.has(file) && isGzip(file.path)) warnings.push(`${file.path}: not fixed: a .gz file is linted, not fixed (decompress it to fix it)`)
    }
  }

  if (options.dryRun) {
    for (const file of result.files) {
      const output = outputs.get(file)!
      if (output === String(file)) continue
      stdout.write(createTwoFilesPatch(file.path, file.path, String(file), output, undefined, undefined, {context: 3}))
    }
  } else if (toStdout) {
    const file = result.files[0]
    if (file) stdout.write(outputs.get(file)!)
  } else if (options.write) {
    const roots = await treeRoots(paths, cwd)
    for (const file of result.files) {
      if (records.has(file)) continue
      const output = outputs.get(file)!
      if (output === String(file)) continue
      const problem = await writeInPlace(absolute(file), String(file), output, roots)
      if (problem) errors.push(`${file.path}: not written: ${problem}`)
    }
    // A crawl is not rewritten: said once per file that has records with fixes.
    const withFixes = new Map<string, number>()
    for (const [file, origin] of records) {
      if (collectFixes(current.get(file)!, {rules: options.rules}).length > 0) withFixes.set(origin.source, (withFixes.get(origin.source) ?? 0) + 1)
    }
    for (const [source, count] of withFixes) {
      warnings.push(`${path.relative(cwd, source) || source}: not written: ${count} record${count === 1 ? ' has' : 's have'} fixes, but --write does not rewrite a JSON Lines file (the original is the crawl); --fix --out-dir DIR writes a fixed copy`)
    }
  } else {
    const outDir = path.resolve(cwd, options.outDir!)
    const where = (file: VFile) => records.get(file)?.source ?? absolute(file)
    const inputs = new Set([...result.files.map(absolute), ...jsonlFiles])
    const named = [...result.files.filter((file) => absolute(file) !== stdinPath && where(file) !== stdinPath).map(where), ...writableCrawls]
    const base = commonFolder(named)
    const targetOf = (from: string) => path.join(outDir, from === stdinPath ? path.basename(lintOptions.stdinFilename ?? 'stdin.txt') : path.relative(base!, from))
    const edits = new Map<string, Map<number, RecordEdit>>()
    for (const file of result.files) {
      const origin = records.get(file)
      if (origin && writableCrawls.has(origin.source)) {
        const output = outputs.get(file)!
        if (output === String(file)) continue
        let byLine = edits.get(origin.source)
        if (!byLine) edits.set(origin.source, (byLine = new Map()))
        byLine.set(origin.line, {original: String(file), fixed: output})
        continue
      }
      if (origin || file.path.endsWith('.gz')) {
        warnings.push(`${file.path}: not written to --out-dir: records of a JSON Lines file and .gz files are linted, not fixed`)
        continue
      }
      const target = targetOf(absolute(file))
      const problem = await writeOut(target, outputs.get(file)!, inputs)
      if (problem) errors.push(`${path.relative(cwd, target) || target}: not written: ${problem}`)
    }
    // Each crawl, every line of it (also those that are not records), streamed to its copy.
    for (const source of writableCrawls) {
      const target = targetOf(source)
      const shown = path.relative(cwd, target) || target
      const problem = await outsideInputs(target, inputs)
      if (problem) {
        errors.push(`${shown}: not written: ${problem}`)
        continue
      }
      try {
        const copy = await copyJsonLines(source, target, edits.get(source) ?? new Map(), lintOptions.jsonlField ?? 'text')
        for (const {line, reason, changed} of copy.notEdited) (changed ? errors : warnings).push(`${path.relative(cwd, source) || source}:${line}: record not fixed in ${shown}: ${reason}`)
      } catch (error) {
        errors.push(`${shown}: not written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
    }
  }
  if (!options.dryRun || applied > 0) {
    const verb = options.dryRun ? 'would apply' : 'applied'
    warnings.push(`${verb} ${applied} fix${applied === 1 ? '' : 'es'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}`)
  }

  return {files: relinted, warnings, errors, stats: result.stats, textOnStdout: toStdout}
}

function severalInputs(count: number): ScrapelintError {
  return new ScrapelintError(`--fix with ${count} inputs needs --out-dir DIR (write the fixed texts there) or --write (overwrite the inputs); without them the fixed text of a single input goes to stdout\nRun \`scrapelint --help\` for usage.`)
}

/** The deepest folder that holds every file of `files` (absolute paths). */
function commonFolder(files: string[]): string | undefined {
  if (files.length === 0) return undefined
  let base = path.dirname(files[0])
  for (const file of files) {
    while (path.relative(base, file).startsWith('..') || path.isAbsolute(path.relative(base, file))) {
      const parent = path.dirname(base)
      if (parent === base) break
      base = parent
    }
  }
  return base
}

/**
 * The linted tree: the real path of each named folder, of the folder of each named file, and of the
 * fixed part of each glob. `--write` writes only inside it.
 */
export async function treeRoots(paths: string[], cwd: string): Promise<string[]> {
  const roots = new Set<string>()
  for (const name of paths) {
    if (name === '-') continue
    const absolute = path.resolve(cwd, name)
    const stat = await fs.stat(absolute).catch(() => undefined)
    let root: string
    if (stat?.isDirectory()) root = absolute
    else if (stat) root = path.dirname(absolute)
    else {
      // A glob: its segments up to the first with a pattern in it.
      const segments = name.split(/[\\/]/)
      const fixedPart: string[] = []
      for (const segment of segments) {
        if (isDynamicPattern(segment, {cwd})) break
        fixedPart.push(segment)
      }
      root = path.resolve(cwd, fixedPart.join('/') || '.')
    }
    const real = await fs.realpath(root).catch(() => undefined)
    if (real) roots.add(real)
  }
  return [...roots]
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative !== '' && !relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative)
}

/**
 * Overwrite one input with its fixed text, or say why not. The input is left as it was on any
 * problem: the checks come first, and the write itself is a temporary file renamed over it.
 */
export async function writeInPlace(file: string, original: string, output: string, roots: string[]): Promise<string | undefined> {
  let real: string
  try {
    real = await fs.realpath(file)
  } catch (error) {
    return `cannot be resolved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
  }
  if (!roots.some((root) => inside(root, real))) {
    return `it leads (through a symlink) to ${real}, outside the linted tree: not followed`
  }
  let buffer: Buffer
  try {
    buffer = await fs.readFile(real)
  } catch (error) {
    return `cannot be read again (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
  }
  if (!isUtf8(buffer)) return 'it is not valid UTF-8, and writing the decoded text back would replace those bytes'
  const current = buffer.toString('utf8')
  const bom = current.startsWith(BOM)
  if ((bom ? current.slice(1) : current) !== original) return 'it changed while it was being linted'
  try {
    await writeFileAtomic(real, (bom ? BOM : '') + output)
  } catch (error) {
    return `${(error as NodeJS.ErrnoException).code ?? (error as Error).message} (the file is unchanged)`
  }
  return undefined
}

/** Why `target` must not be written under --out-dir (it is an input), if it must not. */
async function outsideInputs(target: string, inputs: Set<string>): Promise<string | undefined> {
  const real = await fs.realpath(target).catch(() => target)
  if (inputs.has(target) || inputs.has(real)) return 'it is one of the inputs (choose an --out-dir outside the linted files, or use --write)'
  return undefined
}

/** Write one fixed text under --out-dir, never over an input. */
async function writeOut(target: string, output: string, inputs: Set<string>): Promise<string | undefined> {
  const problem = await outsideInputs(target, inputs)
  if (problem) return problem
  try {
    await fs.mkdir(path.dirname(target), {recursive: true})
    await writeFileAtomic(target, output)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message
  }
  return undefined
}

/**
 * The share of `original`'s text (characters other than white space) that `output` lost, when it is
 * more than half; undefined otherwise. A scrape's residue is a part of a page, never most of it: fixes
 * that would take most of a document (shared-boilerplate on two copies of one story, a rule gone wrong
 * on an unusual page) are a finding to look at, not an edit to make unasked.
 */
export function removesMost(original: string, output: string): number | undefined {
  const before = visible(original)
  if (before === 0) return undefined
  const lost = 1 - visible(output) / before
  return lost > 0.5 ? lost : undefined
}

function visible(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) count++
  }
  return count
}
