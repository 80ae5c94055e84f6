/**
 * The documents of a workspace folder as the corpus rules see them: the
 * text files under the folder (what `scrapelint <folder>` lints, plus
 * Markdown), read from disk and cached by modification time, with the open
 * buffers put over them by the server.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {ConfigLoader, type ResolvedConfig} from '../config.js'
import {knownExtensions} from '../formats/index.js'
import {readDocument, resolveInputs} from '../inputs.js'

/** At most this many files of a folder are read as corpus context (the first ones by path). */
export const MAX_WORKSPACE_FILES = 2000

/** Extensions read from disk as corpus context: the CLI's text files, and Markdown. */
export const CORPUS_EXTENSIONS = [...new Set([...knownExtensions(), 'md', 'markdown'])]

interface Cached {
  mtimeMs: number
  size: number
  value: string | undefined
}

export interface DiskCorpus {
  /** Absolute path → text, for the readable text files of the folder (at most MAX_WORKSPACE_FILES). */
  texts: Map<string, string>
  /** How many files were found before the cap. */
  found: number
}

/** Whether the config at `folder` enables a rule with a corpus pass (else documents can be linted one by one). */
export function hasCorpusRules(config: ResolvedConfig): boolean {
  return config.rules.some((rule) => rule.corpus !== undefined && config.levels.get(rule.meta.id) !== 'off')
}

export async function rootConfig(folder: string): Promise<ResolvedConfig> {
  return new ConfigLoader({cwd: folder}).forFolder(folder)
}

/** Reads a folder's corpus files, re-reading only those whose size or mtime changed since the last call. */
export class FolderCorpus {
  readonly folder: string
  private readonly cache = new Map<string, Cached>()

  constructor(folder: string) {
    this.folder = folder
  }

  /** Forget what was read (a file changed that mtime would not show, or the ignore rules changed). */
  clear() {
    this.cache.clear()
  }

  /** Forget one file, so the next read re-reads it whatever its mtime says. */
  forget(file: string) {
    this.cache.delete(file)
  }

  async read(config: ResolvedConfig): Promise<DiskCorpus> {
    // The same listing and ignore rules as the CLI (.scrapelintignore, ignorePatterns), one pattern per extension.
    const known = knownExtensions()
    const patterns = ['.', ...CORPUS_EXTENSIONS.filter((ext) => !known.includes(ext)).map((ext) => `**/*.${ext}`)]
    const inputs = await resolveInputs(patterns, {cwd: this.folder, ignorePatterns: config.ignorePatterns})
    const files = inputs.files.filter((file) => file !== '-')
    const kept = files.slice(0, MAX_WORKSPACE_FILES)
    const texts = new Map<string, string>()
    const seen = new Set<string>()
    await Promise.all(
      kept.map(async (file) => {
        seen.add(file)
        const stat = await fs.stat(file).catch(() => undefined)
        if (!stat || !stat.isFile()) return
        let cached = this.cache.get(file)
        if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
          const read = await readDocument(file)
          cached = {mtimeMs: stat.mtimeMs, size: stat.size, value: read.kind === 'text' ? read.value : undefined}
          this.cache.set(file, cached)
        }
        if (cached.value !== undefined) texts.set(file, cached.value)
      }),
    )
    for (const file of this.cache.keys()) if (!seen.has(file)) this.cache.delete(file)
    return {texts, found: files.length}
  }
}

/** The workspace folder that holds `file` (the deepest one), if any. */
export function folderOf(file: string, folders: string[]): string | undefined {
  let best: string | undefined
  for (const folder of folders) {
    const relative = path.relative(folder, file)
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      if (!best || folder.length > best.length) best = folder
    }
  }
  return best
}
