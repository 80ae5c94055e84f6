/**
 * A document's result in a compact, JSON-safe form: its messages and the
 * facts rules left on `file.data`. Worker threads send it to the main thread,
 * the cache stores it, `--emit-facts` writes it as JSON Lines, and
 * `scrapelint corpus` reads it back: the corpus pass needs nothing else.
 */
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

export interface MessageRecord {
  reason: string
  ruleId?: string
  source?: string
  fatal?: boolean | null
  place?: Point | Position
  url?: string
  note?: string
  actual?: string
  expected?: string[]
}

export interface DocumentRecord {
  /** Path as reported (relative to `cwd` when inside it). */
  path: string
  cwd: string
  messages: MessageRecord[]
  data: Record<string, unknown>
}

export function toMessageRecord(message: VFileMessage): MessageRecord {
  const record: MessageRecord = {reason: message.reason}
  if (message.ruleId) record.ruleId = message.ruleId
  if (message.source) record.source = message.source
  if (message.fatal !== undefined) record.fatal = message.fatal
  if (message.place) record.place = message.place
  if (message.url) record.url = message.url
  if (message.note) record.note = message.note
  if (message.actual !== undefined) record.actual = message.actual
  if (message.expected) record.expected = message.expected
  return record
}

export function fromMessageRecord(record: MessageRecord, file: VFile): VFileMessage {
  const message = new VFileMessage(record.reason, {place: record.place, ruleId: record.ruleId, source: record.source})
  message.file = file.path
  message.fatal = record.fatal ?? undefined
  if (record.url) message.url = record.url
  if (record.note) message.note = record.note
  if (record.actual !== undefined) message.actual = record.actual
  if (record.expected) message.expected = record.expected
  return message
}

export function toDocumentRecord(file: VFile): DocumentRecord {
  return {path: file.path, cwd: file.cwd, messages: file.messages.map(toMessageRecord), data: file.data as Record<string, unknown>}
}

/** A VFile with the record's messages and facts (and `value`, when the text is at hand). */
export function fromDocumentRecord(record: DocumentRecord, value?: string): VFile {
  const file = new VFile({path: record.path, cwd: record.cwd, value})
  file.messages = record.messages.map((message) => fromMessageRecord(message, file))
  Object.assign(file.data, record.data)
  return file
}

/** Whether `value` looks like a DocumentRecord (for data read from disk: a cache, a facts file). */
export function isDocumentRecord(value: unknown): value is DocumentRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    typeof record.path === 'string' &&
    typeof record.cwd === 'string' &&
    Array.isArray(record.messages) &&
    record.messages.every((message) => typeof message === 'object' && message !== null && typeof (message as MessageRecord).reason === 'string') &&
    typeof record.data === 'object' &&
    record.data !== null &&
    !Array.isArray(record.data)
  )
}
