/**
 * The per-document pass: one document through the processor of its config.
 * It is a function of (text, path, config) alone, so it can run in a worker
 * thread, be cached by content hash, or be replayed from a shard's facts.
 *
 * Long documents are linted in windows, which bounds memory and time (the
 * English parser is superlinear on long paragraphs and hostile lines). Each
 * window is padded with empty lines (and spaces, when it starts mid-line), so
 * the lines and columns of its messages and facts are those of the whole
 * document; only offsets are shifted back.
 */
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from './config.js'
import {formatOf, type AnyProcessor, type Format} from './formats/index.js'
import {resolveOptions, SOURCE} from '../rules/kit/rule.js'

export type {AnyProcessor}

/** Documents longer than this (characters) are linted in windows. */
export const DEFAULT_WINDOW = 200_000
/** A line longer than this is cut into windows of its own, at a space where there is one. */
export const LONG_LINE = 32_000

/** Build the processor for a resolved config and format: its parser plus every enabled rule. */
export function createProcessor(config: ResolvedConfig, format: Format = formatOf('.txt')): AnyProcessor {
  const processor: AnyProcessor = format.parse(unified())
  for (const rule of config.rules) {
    if (config.levels.get(rule.meta.id) === 'off') continue
    processor.use(rule.plugin, resolveOptions(rule.meta, config.options.get(rule.meta.id)))
  }
  return processor
}

/** Give each message of scrapelint's rules the severity its config sets; drop those of rules turned off. */
export function applyLevels(messages: VFileMessage[], config: ResolvedConfig): VFileMessage[] {
  return messages.filter((message) => {
    const level = message.ruleId ? config.levels.get(message.ruleId) : undefined
    if (level === undefined) return true
    if (level === 'off') return false
    message.fatal = level === 'error'
    return true
  })
}

export interface Window {
  start: number
  end: number
  /** 1-based line and column the window starts at. */
  line: number
  column: number
}

/**
 * Cut `text` into windows of about `size` characters: at blank lines where possible, else at line
 * ends; a line longer than `longLine` is cut at spaces (or anywhere, if it has none).
 */
export function windows(text: string, size: number, longLine = LONG_LINE): Window[] {
  const result: Window[] = []
  let start = 0
  let line = 1
  let column = 1
  while (start < text.length) {
    let end = Math.min(text.length, start + size)
    if (end < text.length) {
      const floor = start + Math.floor(size / 2)
      const blank = text.lastIndexOf('\n\n', end)
      const newline = text.lastIndexOf('\n', end - 1)
      if (blank >= floor) end = blank + 2
      else if (newline >= floor) end = newline + 1
    }
    // Within the window, no line may run longer than `longLine`.
    let lineStart = start
    while (lineStart < end) {
      let newline = text.indexOf('\n', lineStart)
      if (newline === -1 || newline >= end) newline = end
      if (newline - lineStart > longLine) {
        const space = text.lastIndexOf(' ', lineStart + longLine)
        end = space > lineStart + longLine / 2 ? space + 1 : lineStart + longLine
        if (lineStart === start && end <= start) end = start + longLine
        break
      }
      lineStart = newline + 1
    }
    result.push({start, end, line, column})
    for (let index = start; index < end; index++) {
      // A line ends at `\n` or a lone `\r`, as in the parser and vfile-location.
      const code = text.charCodeAt(index)
      if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
        line++
        column = 1
      } else {
        column++
      }
    }
    start = end
  }
  return result
}

/** Move a window's message to the document: offsets by `shift`, columns on the window's first line by `columnShift`. */
function shiftMessage(message: VFileMessage, shift: number, line: number, columnShift: number) {
  const place = message.place
  if (!place) return
  const points = 'start' in place ? [place.start, place.end] : [place]
  for (const point of points) {
    if (!point) continue
    if (point.offset !== undefined) point.offset += shift
    if (point.line === line && point.column !== undefined) point.column += columnShift
  }
  if (message.line === line && typeof message.column === 'number') message.column += columnShift
}

/**
 * Merge the facts of a window into the document's: arrays are concatenated, objects merged key by
 * key the same way, other values kept from the first window. Rules keep their facts as arrays of
 * records (or objects of such arrays) so that this is all a windowed document needs.
 */
function mergeData(into: Record<string, unknown>, from: Record<string, unknown>) {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key]
    if (current === undefined) into[key] = value
    else if (Array.isArray(current) && Array.isArray(value)) current.push(...value)
    else if (isRecord(current) && isRecord(value)) mergeData(current, value)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Lint one document (its messages and facts end up on `file`). Errors in the parser or a rule do
 * not escape: the part that failed gets a fatal `internal-error` message that says what happened.
 */
export async function lintDocument(file: VFile, processor: AnyProcessor, config: ResolvedConfig, windowSize = DEFAULT_WINDOW): Promise<VFile> {
  const text = String(file)
  if (text.length <= windowSize && !hasLongLine(text)) {
    try {
      await processor.run(processor.parse(file), file)
    } catch (error) {
      internalError(file, error, {line: 1, column: 1})
    }
  } else {
    const parts = windows(text, windowSize)
    for (const window of parts) {
      // Padded with lines only: a window that starts mid-line (a line over LONG_LINE) is not padded
      // with spaces, which made the windows of one long line quadratic (a 20 MB line: gigabytes of
      // padding); the columns of its first line are shifted afterwards instead.
      const pad = '\n'.repeat(window.line - 1)
      const part = new VFile({path: file.path, cwd: file.cwd, value: pad + text.slice(window.start, window.end)})
      // Facts that keep offsets or columns (corpus rules) go through `documentOffset` / `documentColumn`.
      part.data.windowShift = window.start - pad.length
      part.data.windowColumn = [window.line, window.column - 1]
      try {
        await processor.run(processor.parse(part), part)
      } catch (error) {
        internalError(file, error, {line: window.line, column: window.column, offset: window.start})
        continue
      }
      const shift = window.start - pad.length
      for (const message of part.messages) {
        shiftMessage(message, shift, window.line, window.column - 1)
        file.messages.push(message)
      }
      delete part.data.windowShift
      delete part.data.windowColumn
      mergeData(file.data as Record<string, unknown>, part.data as Record<string, unknown>)
    }
    const note = file.info(
      `Long document (${text.length.toLocaleString('en')} characters, or a line over ${LONG_LINE.toLocaleString('en')}) linted in ${parts.length} windows: sentences and lines are not compared across windows`,
      {place: {line: 1, column: 1}, ruleId: 'windowed', source: SOURCE},
    )
    note.fatal = undefined
  }
  file.messages = applyLevels(file.messages, config)
  return file
}

function hasLongLine(text: string): boolean {
  let start = 0
  while (start < text.length) {
    let newline = text.indexOf('\n', start)
    if (newline === -1) newline = text.length
    if (newline - start > LONG_LINE) return true
    start = newline + 1
  }
  return false
}

function internalError(file: VFile, error: unknown, place: {line: number; column: number; offset?: number}) {
  const message = file.message(`Could not lint this part of the document: ${failure(error)}`, {place, ruleId: 'internal-error', source: SOURCE})
  message.fatal = true
  message.note = 'The parser or a rule failed on this text; the rest of the document was linted. Please report it with the text that caused it.'
}
