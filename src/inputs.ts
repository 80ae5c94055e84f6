/**
 * From what the user named (files, folders, globs, `-`) to decoded texts.
 * Globbing is globby's; ignore files (`.scrapelintignore`, gitignore syntax)
 * and ignore patterns are matched by `ignore`; binary detection is
 * isbinaryfile's. What is left here is the policy: which files a folder
 * holds, what is skipped, and how each skip is explained.
 */
import {isUtf8} from 'node:buffer'
import fs from 'node:fs/promises'
import path from 'node:path'
import {globby, isDynamicPattern} from 'globby'
import ignore, {type Ignore} from 'ignore'
import {isBinaryFileSync} from 'isbinaryfile'
import {knownExtensions} from './formats/index.js'


export const IGNORE_FILE = '.scrapelintignore'

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

/**
 * Whether the `.scrapelintignore` files below `cwd` ignore a file (absolute, inside `cwd`), read as
 * git reads nested `.gitignore` files: each file's patterns are relative to its folder (a pattern
 * without a slash matches at any depth below it, a leading slash anchors it there), a deeper file
 * overrides a shallower one (`!name` re-includes), and nothing inside an ignored folder can be
 * re-included.
 */
async function ignoreFiles(cwd: string): Promise<(file: string) => boolean> {
  const found = await globby('**/' + IGNORE_FILE, {cwd, absolute: true, dot: true, ignore: ALWAYS_IGNORED, ...WALK})
  const byFolder = new Map<string, Ignore>()
  for (const file of found) byFolder.set(path.dirname(file), ignore().add(await fs.readFile(file, 'utf8')))
  if (byFolder.size === 0) return () => false
  const folders = new Map<string, boolean>()
  // `target` (a file, or a folder with `/` after it) in the folder `parent`: the deepest ignore file that has a say decides.
  const decide = (parent: string, target: string): boolean => {
    let ignored = false
    for (let folder = cwd; ; ) {
      const rules = byFolder.get(folder)
      if (rules) {
        const verdict = rules.test(path.relative(folder, target).split(path.sep).join('/') + (target.endsWith(path.sep) ? '/' : ''))
        if (verdict.ignored) ignored = true
        else if (verdict.unignored) ignored = false
      }
      if (folder === parent) return ignored
      folder = path.join(folder, path.relative(folder, parent).split(path.sep)[0])
    }
  }
  const folderIgnored = (folder: string): boolean => {
    if (folder === cwd) return false
    let known = folders.get(folder)
    if (known === undefined) {
      const parent = path.dirname(folder)
      known = folderIgnored(parent) || decide(parent, folder + path.sep)
      folders.set(folder, known)
    }
    return known
  }
  return (file) => folderIgnored(path.dirname(file)) || decide(path.dirname(file), file)
}

export interface InputOptions {
  cwd: string
  ignorePatterns?: string[]
}

export interface Inputs {
  /** Absolute paths of the files to lint, sorted, without duplicates; `-` for stdin. */
  files: string[]
  /** Why some named paths gave nothing (run diagnostics, not findings). */
  warnings: string[]
  /** Named paths that do not exist: input errors (exit 2). */
  errors: string[]
}

/**
 * How folders are walked, for listings, globs and the ignore-file scan: symlinked folders are not
 * followed (two links pointing back up a tree made every run hang, even for one named file), and a
 * folder that cannot be read is passed over instead of aborting the run.
 */
const WALK = {followSymbolicLinks: false, suppressErrors: true} as const

/**
 * The files a pattern finds below `cwd`, with links to files among them: fast-glob, told not to
 * follow links, reports a link as neither file nor folder, so it is kept when its target is a file
 * (writing through it is judged later, by where the target lies).
 */
async function walkFiles(pattern: string, cwd: string): Promise<string[]> {
  const entries = await globby(pattern, {cwd, absolute: true, ignore: ALWAYS_IGNORED, dot: false, onlyFiles: false, objectMode: true, ...WALK})
  const files: string[] = []
  for (const entry of entries) {
    if (entry.dirent.isFile()) files.push(entry.path)
    else if (entry.dirent.isSymbolicLink() && (await fs.stat(entry.path).then((stat) => stat.isFile(), () => false))) files.push(entry.path)
  }
  return files
}

/** Expand files, folders and globs into the list of files to lint. */
export async function resolveInputs(names: string[], options: InputOptions): Promise<Inputs> {
  const cwd = path.resolve(options.cwd)
  const files = new Set<string>()
  const warnings: string[] = []
  const errors: string[] = []
  const isIgnoredByFiles = await ignoreFiles(cwd)
  const patterns = ignore().add(options.ignorePatterns ?? [])
  const ignored = (file: string) => {
    const relative = path.relative(cwd, file)
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
    // Ignore files and patterns speak of paths below cwd; a file outside it is linted when named.
    return inside && (patterns.ignores(relative.split(path.sep).join('/')) || isIgnoredByFiles(file))
  }
  const extensions = knownExtensions()

  for (const name of names) {
    if (name === '-') {
      files.add('-')
      continue
    }
    const absolute = path.resolve(cwd, name)
    const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => error)
    if (stat instanceof Error) {
      if (stat.code === 'ENOENT' && isDynamicPattern(name, {cwd})) {
        const found = await walkFiles(name, cwd)
        const kept = found.filter((file) => !ignored(file))
        if (kept.length === 0) warnings.push(`${name}: no files match this pattern`)
        for (const file of kept) files.add(path.normalize(file))
      } else if (stat.code === 'ENOENT' || stat.code === 'ENOTDIR') {
        errors.push(`${name}: no such file or folder`)
      } else {
        errors.push(`${name}: cannot be read (${stat.code ?? stat.message})`)
      }
      continue
    }
    if (stat.isDirectory()) {
      const found = await walkFiles(extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`, absolute)
      const kept = found.filter((file) => !ignored(file))
      if (kept.length === 0) {
        const plain = extensions.filter((e) => !e.endsWith('.gz'))
        warnings.push(`${name}: no text files (${plain.map((e) => '.' + e).join(', ')}${plain.length < extensions.length ? ', each also .gz' : ''}) in this folder${found.length > 0 ? ' that are not ignored' : ''}`)
      }
      for (const file of kept) files.add(path.normalize(file))
    } else if (ignored(absolute)) {
      warnings.push(`${name}: ignored by ${IGNORE_FILE} or an ignore pattern (name it differently or remove the pattern to lint it)`)
    } else {
      files.add(absolute)
    }
  }
  return {files: [...files].sort(), warnings, errors}
}

export type ReadResult =
  | {kind: 'text'; value: string; warnings: string[]}
  | {kind: 'skip'; reason: string}
  | {kind: 'error'; reason: string}

/** Decode bytes as a document: refuse binary, strip a BOM, replace invalid UTF-8 (and say where). */
export function decode(buffer: Buffer): ReadResult {
  const warnings: string[] = []
  if (buffer.length === 0) return {kind: 'text', value: '', warnings: ['the file is empty: nothing to lint']}
  if (isBinaryFileSync(buffer, buffer.length)) return {kind: 'skip', reason: 'binary file, not linted'}
  const value = new TextDecoder('utf-8', {fatal: false, ignoreBOM: false}).decode(buffer)
  if (!isUtf8(buffer)) {
    const at = value.indexOf('\uFFFD')
    const before = value.slice(0, at)
    const line = before.split('\n').length
    const column = at - before.lastIndexOf('\n')
    warnings.push(`invalid UTF-8 (first at ${line}:${column}): decoded with U+FFFD replacement characters; positions are in the decoded text`)
  }
  return {kind: 'text', value, warnings}
}

/** Files larger than this many bytes are skipped unless the user raises the limit. */
export const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

/** Read and decode one file; one larger than `maxFileSize` bytes is skipped unread. */
export async function readDocument(file: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<ReadResult> {
  let buffer: Buffer
  try {
    const {size} = await fs.stat(file)
    if (size > maxFileSize) {
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1) + ' MB'
      return {kind: 'skip', reason: `${mb(size)}, larger than the limit of ${mb(maxFileSize)}: not linted (raise it with --max-file-size)`}
    }
    buffer = await fs.readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : code === 'ENOENT' ? 'no such file' : (error as Error).message
    return {kind: 'error', reason: `cannot be read: ${reason}`}
  }
  return decode(buffer)
}
