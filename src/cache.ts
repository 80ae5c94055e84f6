/**
 * `--cache`: per-document results (messages and facts) keyed by a hash of the
 * text, the document's effective rule set and options, the window size and
 * scrapelint's version. Re-linting a corpus after adding a few articles redoes
 * only the new ones (and the corpus pass, which is cheap).
 *
 * The cache is never trusted: a file that is not a scrapelint cache, or that
 * fails to parse, is ignored with a warning, and a file that is not ours is
 * never overwritten. It is written atomically and holds only this run's
 * documents.
 */
import crypto from 'node:crypto'
import {statSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type {ResolvedConfig} from './config.js'
import {isDocumentRecord, type DocumentRecord} from './facts.js'
import {version} from './version.js'

export const DEFAULT_CACHE_LOCATION = '.scrapelintcache'
const MARKER = 'scrapelint-cache'

/**
 * The cache file `--cache-location` names, as ESLint reads it: a name that ends in a slash, or
 * that of an existing folder, is the folder that holds `.scrapelintcache`.
 */
export function cacheFile(location: string, cwd: string): string {
  const absolute = path.resolve(cwd, location)
  const folder = /[\\/]$/.test(location) || statSync(absolute, {throwIfNoEntry: false})?.isDirectory() === true
  return folder ? path.join(absolute, DEFAULT_CACHE_LOCATION) : absolute
}
const FORMAT = 1

type Entry = Pick<DocumentRecord, 'messages' | 'data'>

const configKeys = new WeakMap<ResolvedConfig, string>()

/** A stable key for what a config does to a document: every rule's level and options. */
export function configKey(config: ResolvedConfig): string {
  let key = configKeys.get(config)
  if (!key) {
    const rules = [...config.levels.keys()].sort().map((id) => [id, config.levels.get(id), config.options.get(id) ?? {}])
    key = JSON.stringify(rules)
    configKeys.set(config, key)
  }
  return key
}

export function documentKey(text: string, config: ResolvedConfig, windowSize: number, context = ''): string {
  return crypto.createHash('sha256').update(`${version}\0${windowSize}\0${configKey(config)}\0${context}\0`).update(text).digest('base64url')
}

export class Cache {
  readonly location: string
  private readonly old: Map<string, Entry>
  private readonly kept = new Map<string, Entry>()
  private readonly writable: boolean
  hits = 0
  misses = 0

  private constructor(location: string, entries: Map<string, Entry>, writable: boolean) {
    this.location = location
    this.old = entries
    this.writable = writable
  }

  /** Open the cache at `location`; `warn` hears why an existing file was not used. */
  static async open(location: string, warn: (text: string) => void): Promise<Cache> {
    let raw: string
    try {
      raw = await fs.readFile(location, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') warn(`cache ${location} cannot be read (${code}): linting without it`)
      return new Cache(location, new Map(), code === 'ENOENT')
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      const ours = raw.startsWith(`{"${MARKER}"`)
      warn(`cache ${location} is corrupt: ignored${ours ? ' (it will be rewritten)' : ', and not overwritten since it may not be a scrapelint cache'}`)
      return new Cache(location, new Map(), ours)
    }
    const body = parsed as Record<string, unknown>
    if (typeof body !== 'object' || body === null || body[MARKER] !== FORMAT) {
      warn(`cache ${location} is not a scrapelint cache: ignored and not overwritten (choose another --cache-location)`)
      return new Cache(location, new Map(), false)
    }
    const entries = new Map<string, Entry>()
    if (body.version === version && typeof body.entries === 'object' && body.entries !== null) {
      for (const [key, entry] of Object.entries(body.entries as Record<string, unknown>)) {
        if (isDocumentRecord({path: '', cwd: '', ...(entry as object)})) entries.set(key, entry as Entry)
      }
    }
    return new Cache(location, entries, true)
  }

  get(key: string): Entry | undefined {
    const entry = this.old.get(key) ?? this.kept.get(key)
    if (entry) {
      this.hits++
      this.kept.set(key, entry)
    } else {
      this.misses++
    }
    return entry
  }

  set(key: string, record: DocumentRecord) {
    this.kept.set(key, {messages: record.messages, data: record.data})
  }

  /** Write this run's entries (atomically); a file that is not ours is left alone. */
  async save(): Promise<boolean> {
    if (!this.writable) return false
    const body = {[MARKER]: FORMAT, version, entries: Object.fromEntries(this.kept)}
    await fs.mkdir(path.dirname(this.location), {recursive: true})
    await writeFileAtomic(this.location, JSON.stringify(body))
    return true
  }
}
