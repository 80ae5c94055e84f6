/**
 * From one input file to its documents: one for a text, Markdown or HTML file (gzip-compressed or
 * not), one per record for JSON Lines. JSON Lines files are streamed line by line (a 2 GB crawl is
 * never in memory at once); every other file is read whole, within the size limit.
 */
import {createReadStream} from 'node:fs'
import fs from 'node:fs/promises'
import {Readable} from 'node:stream'
import {promisify} from 'node:util'
import zlib from 'node:zlib'
import {VFile} from 'vfile'
import {decode, DEFAULT_MAX_FILE_SIZE, readDocument} from '../inputs.js'
import {formatOf, formats, isGzip, type Format, type FormatName} from './index.js'
import {attachRendering, withoutFixes, type Rendering} from './rendering.js'

const gunzip = promisify(zlib.gunzip)

export interface ReadOptions {
  /** `--input-format`: the format of every file, whatever its extension. */
  inputFormat?: FormatName
  /** The JSON Lines field that holds a record's text (default `text`; `a.b` reaches into objects). */
  jsonlField?: string
  /** Skip files (and JSON Lines records) larger than this many bytes. */
  maxFileSize?: number
  /** The bytes of the file when it is not on disk (stdin). */
  bytes?: Buffer
}

/** A JSON Lines record, named in reports `file.jsonl#<id>` (its `id` or `url`) or `file.jsonl#L<line>`. */
export interface RecordOrigin {
  /** 1-based line of the record in the file. */
  line: number
  /** Its `id` or `url` field, if it has one. */
  id?: string
}

declare module 'vfile' {
  interface DataMap {
    /** Set on a JSON Lines record's document: the file it is in (as shown) and where. */
    record: RecordOrigin & {file: string}
  }
}

export type DocumentItem =
  | {kind: 'document'; value: string; format: Format; warnings: string[]; record?: RecordOrigin; rendered?: Rendered}
  /** Not linted, and that is not a failure (binary, too large). `line`: the JSON Lines record it is about. */
  | {kind: 'skip'; reason: string; line?: number}
  /** Could not be read: the run is incomplete. */
  | {kind: 'error'; reason: string; line?: number}

/** Malformed JSON Lines records reported one by one; past this, they are counted. */
const MAX_RECORD_ERRORS = 20

/** The documents of one file (`file` is its path, also for stdin where it names the document). */
export async function* readDocuments(file: string, options: ReadOptions = {}): AsyncGenerator<DocumentItem> {
  const format = formatOf(file, options.inputFormat)
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
  if (format.container) {
    yield* readJsonLines(file, options, maxFileSize)
    return
  }
  const read = await readWhole(file, options, maxFileSize)
  if (read.kind !== 'text') {
    yield read
    return
  }
  if (!format.render) {
    yield {kind: 'document', value: read.value, format, warnings: read.warnings}
    return
  }
  const rendered = render(format, read.value)
  if (typeof rendered === 'string') yield {kind: 'error', reason: rendered + ': not linted'}
  else yield {kind: 'document', value: read.value, format, warnings: read.warnings, rendered}
}

async function readWhole(file: string, options: ReadOptions, maxFileSize: number) {
  if (!isGzip(file)) return options.bytes ? decode(options.bytes) : readDocument(file, maxFileSize)
  let compressed: Buffer
  try {
    compressed = options.bytes ?? (await fs.readFile(file))
  } catch (error) {
    return {kind: 'error' as const, reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`}
  }
  try {
    // Bounded: a small file that inflates past the limit (a gzip bomb) is refused, not decompressed.
    return decode(await gunzip(compressed, {maxOutputLength: maxFileSize}))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE' || code === 'ERR_OUT_OF_RANGE') {
      return {kind: 'skip' as const, reason: `decompresses to more than the limit of ${(maxFileSize / 1024 / 1024).toFixed(1)} MB: not linted (raise it with --max-file-size)`}
    }
    return {kind: 'error' as const, reason: `not valid gzip (${(error as Error).message})`}
  }
}

/**
 * Lines of a byte stream, split at `\n` (which never occurs inside a UTF-8 sequence), without
 * holding more than one line: a line longer than `maxLine` bytes is not kept, only reported.
 */
export async function* splitLines(stream: AsyncIterable<Buffer>, maxLine: number): AsyncGenerator<{line: number; bytes?: Buffer; length: number}> {
  let parts: Buffer[] = []
  let length = 0
  let line = 1
  let overflow = false
  for await (const chunk of stream) {
    let start = 0
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start)
      const end = newline === -1 ? chunk.length : newline
      const size = end - start
      if (!overflow) {
        if (length + size > maxLine) {
          overflow = true
          parts = []
        } else if (size > 0) {
          parts.push(chunk.subarray(start, end))
        }
      }
      length += size
      if (newline === -1) break
      yield {line, bytes: overflow ? undefined : parts.length === 1 ? Buffer.from(parts[0]) : Buffer.concat(parts), length}
      parts = []
      length = 0
      overflow = false
      line++
      start = newline + 1
    }
  }
  if (length > 0 || overflow) yield {line, bytes: overflow ? undefined : Buffer.concat(parts), length}
}

/** The value at `name` (`a.b` reaches into objects) of a parsed JSON record, if it is there. */
export function field(record: unknown, name: string): unknown {
  let value = record
  for (const key of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** A record's name: its `id` or `url`, on one line and not too long. */
function recordId(record: unknown): string | undefined {
  for (const key of ['id', 'url']) {
    const value = field(record, key)
    if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) {
      // Whitespace and control characters would break the report's lines: one underscore each run.
      let text = ''
      for (const c of String(value).trim().slice(0, 400)) text += c <= ' ' || /\s/.test(c) ? (text.endsWith('_') ? '' : '_') : c
      return text.length > 200 ? text.slice(0, 199) + '…' : text
    }
  }
  return undefined
}

async function* readJsonLines(file: string, options: ReadOptions, maxFileSize: number): AsyncGenerator<DocumentItem> {
  const fieldName = options.jsonlField ?? 'text'
  const text = formats.find((format) => format.name === 'text')!
  let source: AsyncIterable<Buffer>
  if (options.bytes) {
    source = Readable.from([options.bytes])
  } else {
    try {
      const handle = await fs.open(file, 'r')
      await handle.close()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      yield {kind: 'error', reason: `cannot be read: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message)}`}
      return
    }
    source = createReadStream(file, {highWaterMark: 1 << 16})
  }
  if (isGzip(file)) source = (source instanceof Readable ? source : Readable.from(source)).pipe(zlib.createGunzip())

  let malformed = 0
  let firstMalformed = 0
  const missing: number[] = []
  let missingCount = 0
  let records = 0
  const decoder = new TextDecoder('utf-8', {fatal: false, ignoreBOM: false})
  try {
    for await (const {line, bytes, length} of splitLines(source, maxFileSize)) {
      if (!bytes) {
        yield {kind: 'skip', line, reason: `record of ${(length / 1024 / 1024).toFixed(1)} MB, larger than the limit of ${(maxFileSize / 1024 / 1024).toFixed(1)} MB: not linted (raise it with --max-file-size)`}
        continue
      }
      const raw = decoder.decode(bytes).replace(/\r$/, '')
      if (raw.trim() === '') continue
      let record: unknown
      try {
        record = JSON.parse(raw)
      } catch (error) {
        malformed++
        if (malformed === 1) firstMalformed = line
        if (malformed <= MAX_RECORD_ERRORS) yield {kind: 'error', line, reason: `not valid JSON (${(error as Error).message}): record skipped`}
        continue
      }
      const value = field(record, fieldName)
      if (typeof value !== 'string') {
        missingCount++
        if (missing.length < 5) missing.push(line)
        continue
      }
      records++
      const warnings = value.includes('\uFFFD') && !raw.includes('\\ufffd') && !raw.includes('\\uFFFD') ? ['invalid UTF-8 in the record: decoded with U+FFFD replacement characters'] : []
      yield {kind: 'document', value, format: text, warnings, record: {line, id: recordId(record)}}
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' ? `not valid gzip (${(error as Error).message})` : `cannot be read: ${code ?? (error as Error).message}`
    yield {kind: 'error', reason: `${reason}${records > 0 ? ` (after ${records} records)` : ''}`}
  }
  if (malformed > MAX_RECORD_ERRORS) {
    yield {kind: 'error', reason: `${malformed - MAX_RECORD_ERRORS} more lines that are not valid JSON (${malformed} in all, the first at line ${firstMalformed}): skipped`}
  }
  if (missingCount > 0) {
    yield {
      kind: 'skip',
      reason: `${missingCount} record${missingCount === 1 ? '' : 's'} without a string "${fieldName}" field skipped (line${missing.length === 1 ? '' : 's'} ${missing.join(', ')}${missingCount > missing.length ? ', ...' : ''}; choose the field with --jsonl-field)`,
    }
  }
}

type Rendered = ReturnType<NonNullable<Format['render']>>

/** Render a marked-up document, or say why it cannot be (hostile nesting overflows the parsers' recursion). */
function render(format: Format, value: string): Rendered | string {
  try {
    return format.render!(value)
  } catch (error) {
    const reason = error instanceof RangeError ? 'nested too deeply' : error instanceof Error ? error.message : String(error)
    return `could not be read as ${format.name === 'html' ? 'HTML' : 'Markdown'} (${reason})`
  }
}

export interface PreparedDocument {
  /** The document to lint: for a marked-up format, its rendered prose (with `data.layout`). */
  file: VFile
  source?: string
  rendering?: Rendering
  /** A record of a JSON Lines file or a gzip-compressed file: a fix could not be written back as it is. */
  readOnly?: boolean
}

/**
 * The VFile for a document read from `shown` (the file's path as reports show it): a record is
 * named `shown#L<line>` (its id or url is on `data.record`); Markdown and HTML are rendered.
 */
export function prepareDocument(item: Extract<DocumentItem, {kind: 'document'}>, shown: string, cwd: string): PreparedDocument {
  if (item.record) {
    const file = new VFile({path: `${shown}#L${item.record.line}`, cwd, value: item.value})
    file.data.record = {file: shown, ...item.record}
    return {file, readOnly: true}
  }
  const readOnly = isGzip(shown)
  if (!item.format.render) return {file: new VFile({path: shown, cwd, value: item.value}), readOnly}
  const rendered = item.rendered ?? render(item.format, item.value)
  if (typeof rendered === 'string') {
    // Only from lintTexts (readDocuments reports it as an input error): lint the source as plain text and say why.
    const file = new VFile({path: shown, cwd, value: item.value})
    const message = file.message(`This document ${rendered}; it was linted as plain text`, {place: {line: 1, column: 1}, ruleId: 'internal-error', source: 'scrapelint'})
    message.fatal = true
    return {file}
  }
  const {rendering, layout} = rendered
  const file = new VFile({path: shown, cwd, value: rendering.text})
  if (layout) file.data.layout = layout
  return {file, source: item.value, rendering, readOnly}
}

/** After the per-document pass: remember how to map `result`'s messages back to the source (see `toSource`). */
export function adoptRendering(result: VFile, prepared: PreparedDocument): VFile {
  if (prepared.rendering && prepared.source !== undefined) attachRendering(result, prepared.source, prepared.rendering, result.value !== undefined)
  if (prepared.readOnly) withoutFixes(result)
  return result
}
