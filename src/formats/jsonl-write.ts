/**
 * `--fix --out-dir` for a JSON Lines crawl: a copy of the file in which the records a fix changed
 * have their text field replaced, streamed line by line (the file is read again, never held whole).
 *
 * Every line without an edit is copied byte for byte (malformed lines, records without the field,
 * records with nothing to fix, blank lines, the line endings, a missing final line break). In an
 * edited record only the field's value is replaced: the JSON around it is kept as it was (key order,
 * whitespace, number spellings). Should the record not be where it was read (the file changed), the
 * line is copied unchanged and said.
 *
 * The copy is written to a temporary file next to the target and renamed over it, so a crash leaves
 * the old target or the new one, never a mix.
 */
import {isUtf8} from 'node:buffer'
import {randomBytes} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pipeline} from 'node:stream/promises'
import {field} from './read.js'

/** One record to rewrite: its text as linted and the fixed text. */
export interface RecordEdit {
  original: string
  fixed: string
}

export interface JsonLinesCopy {
  /** Records that were edited. */
  edited: number
  /** Lines that had an edit but were copied unchanged, and why (`line`: 1-based). */
  notEdited: Array<{line: number; reason: string; changed: boolean}>
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * Copy the JSON Lines file `source` to `target`, replacing the `field` (`a.b` for a nested one) of
 * the records on the lines of `edits` (1-based line → edit). Throws on an I/O error (the target is
 * then left as it was).
 */
export async function copyJsonLines(source: string, target: string, edits: ReadonlyMap<number, RecordEdit>, field: string): Promise<JsonLinesCopy> {
  const keys = field.split('.')
  const result: JsonLinesCopy = {edited: 0, notEdited: []}
  const edit = (line: number, bytes: Buffer): Buffer => {
    const outcome = editLine(bytes, line === 1, edits.get(line)!, keys)
    if (typeof outcome === 'string' || 'changed' in outcome) {
      const reason = typeof outcome === 'string' ? outcome : outcome.changed
      result.notEdited.push({line, reason, changed: typeof outcome !== 'string'})
      return bytes
    }
    result.edited++
    return outcome.bytes
  }

  async function* rewrite(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let line = 1
    // The bytes of the current line while it is one to edit; undefined while lines pass through.
    let parts: Buffer[] | undefined = edits.has(1) ? [] : undefined
    for await (const chunk of chunks) {
      let start = 0 // the first byte of `chunk` not yet passed on
      let at = 0
      while (at < chunk.length) {
        const newline = chunk.indexOf(10, at)
        if (parts) {
          parts.push(chunk.subarray(at, newline === -1 ? chunk.length : newline))
          if (newline === -1) {
            start = chunk.length
            break
          }
          yield edit(line, Buffer.concat(parts))
          parts = undefined
          start = newline // the line break passes through
        } else if (newline === -1) {
          break
        }
        at = newline + 1
        line++
        if (edits.has(line)) {
          if (at > start) yield chunk.subarray(start, at)
          parts = []
          start = at
        }
      }
      if (!parts && start < chunk.length) yield chunk.subarray(start)
    }
    // The last line, without a line break after it.
    if (parts) yield edit(line, Buffer.concat(parts))
  }

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  await fs.mkdir(path.dirname(target), {recursive: true})
  try {
    await pipeline(createReadStream(source, {highWaterMark: 1 << 16}), rewrite, createWriteStream(temporary))
    await fs.rename(temporary, target)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
  return result
}

/** The edited bytes of one record's line, or why it is left as it is (`changed`: it is not the record that was read). */
function editLine(bytes: Buffer, first: boolean, edit: RecordEdit, keys: string[]): {bytes: Buffer} | {changed: string} | string {
  let body = bytes
  const bom = first && body.subarray(0, 3).equals(BOM)
  if (bom) body = body.subarray(3)
  const cr = body.length > 0 && body[body.length - 1] === 13
  if (cr) body = body.subarray(0, -1)
  if (!isUtf8(body)) return 'the record is not valid UTF-8, and writing its decoded text back would replace those bytes: copied unchanged'
  const raw = body.toString('utf8')
  let record: unknown
  try {
    record = JSON.parse(raw)
  } catch {
    return {changed: 'the line is no longer valid JSON (the file changed while it was being linted): copied unchanged'}
  }
  if (field(record, keys.join('.')) !== edit.original) return {changed: 'the record changed while it was being linted: copied unchanged'}
  // Replace the field's value in place; should the scan not find it (it always should), set it and serialise the record.
  let text: string | undefined
  const span = fieldSpan(raw, keys)
  if (span) {
    const spliced = raw.slice(0, span[0]) + JSON.stringify(edit.fixed) + raw.slice(span[1])
    try {
      if (field(JSON.parse(spliced), keys.join('.')) === edit.fixed) text = spliced
    } catch {}
  }
  if (text === undefined) {
    let holder = record as Record<string, unknown>
    for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string, unknown>
    holder[keys[keys.length - 1]] = edit.fixed
    text = JSON.stringify(record)
  }
  return {bytes: Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8'), cr ? Buffer.from('\r') : Buffer.alloc(0)])}
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++
  return at
}

/** The end of the string that starts (with its quote) at `at`, or -1. */
function stringEnd(text: string, at: number): number {
  for (let index = at + 1; index < text.length; index++) {
    if (text[index] === '\\') index++
    else if (text[index] === '"') return index + 1
  }
  return -1
}

/** The end of the JSON value that starts at `at`, or -1. */
function valueEnd(text: string, at: number): number {
  const first = text[at]
  if (first === '"') return stringEnd(text, at)
  if (first === '{' || first === '[') {
    let depth = 0
    for (let index = at; index < text.length; ) {
      const char = text[index]
      if (char === '"') {
        index = stringEnd(text, index)
        if (index === -1) return -1
        continue
      }
      if (char === '{' || char === '[') depth++
      else if ((char === '}' || char === ']') && --depth === 0) return index + 1
      index++
    }
    return -1
  }
  let index = at
  while (index < text.length && !/[\s,}\]]/.test(text[index])) index++
  return index > at ? index : -1
}

/** Where the value of member `key` of the object that opens at `open` is (the last one, as JSON.parse keeps). */
function memberSpan(text: string, open: number, key: string): [number, number] | undefined {
  let found: [number, number] | undefined
  let at = skipSpace(text, open + 1)
  if (text[at] === '}') return undefined
  while (at < text.length) {
    if (text[at] !== '"') return undefined
    const nameEnd = stringEnd(text, at)
    if (nameEnd === -1) return undefined
    const name = JSON.parse(text.slice(at, nameEnd)) as string
    at = skipSpace(text, nameEnd)
    if (text[at] !== ':') return undefined
    at = skipSpace(text, at + 1)
    const end = valueEnd(text, at)
    if (end === -1) return undefined
    if (name === key) found = [at, end]
    at = skipSpace(text, end)
    if (text[at] !== ',') return found
    at = skipSpace(text, at + 1)
  }
  return undefined
}

/** Where the value at `keys` is in the JSON text `text`. */
function fieldSpan(text: string, keys: string[]): [number, number] | undefined {
  const start = skipSpace(text, 0)
  let span: [number, number] | undefined = [start, valueEnd(text, start)]
  for (const key of keys) {
    if (text[span[0]] !== '{') return undefined
    span = memberSpan(text, span[0], key)
    if (!span) return undefined
  }
  return span
}
