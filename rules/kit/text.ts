/**
 * Line and offset helpers shared by the rules. Each is computed once per
 * document and cached on the VFile object, so ten rules asking for the lines
 * of a file split it once.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

export interface Line {
  /** 1-based line number. */
  line: number
  /** Offset of the first character. */
  start: number
  /** Offset just after the last character (before `\r\n`, `\n` or a lone `\r`). */
  end: number
  /** The line's text, without its line ending. */
  text: string
}

declare module 'vfile' {
  interface DataMap {
    /** Set on the window of a long document: add it to a window offset to get the document's offset. */
    windowShift: number
    /** Set on the window of a long document: [line, n], the columns of that line are n short of the document's. */
    windowColumn: [number, number]
  }
}

/** The document's column of a line and column in `file` (a window of a long document may start mid-line). */
export function documentColumn(file: VFile, line: number, column: number): number {
  const shift = file.data.windowColumn
  return shift && shift[0] === line ? column + shift[1] : column
}

/**
 * The document's offset of an offset in `file`. A long document is linted in windows whose lines
 * and columns are the document's but whose offsets are not; messages are shifted by the engine, but
 * offsets a rule keeps in its facts (for a corpus pass) must go through this.
 */
export function documentOffset(file: VFile, offset: number): number {
  return offset + (file.data.windowShift ?? 0)
}

const linesCache = new WeakMap<VFile, Line[]>()
const locationCache = new WeakMap<VFile, ReturnType<typeof location>>()

/**
 * The lines of a document. A line ends at `\r\n`, `\n` or a lone `\r`, as in the parser and
 * vfile-location, so that line numbers computed from these lines are the messages' line numbers.
 */
export function getLines(file: VFile): Line[] {
  let lines = linesCache.get(file)
  if (lines) return lines
  const text = String(file)
  lines = []
  let start = 0
  let line = 1
  while (start <= text.length) {
    let end = start
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++
    lines.push({line, start, end, text: text.slice(start, end)})
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
    line++
  }
  linesCache.set(file, lines)
  return lines
}

function getLocation(file: VFile) {
  let place = locationCache.get(file)
  if (!place) {
    place = location(file)
    locationCache.set(file, place)
  }
  return place
}

/** The place (line, column, offset) of a range of offsets. */
export function toPlace(file: VFile, start: number, end: number): Position {
  const place = getLocation(file)
  const from = place.toPoint(start)
  const to = place.toPoint(end)
  if (!from || !to) throw new RangeError(`offsets ${start}-${end} are outside the document`)
  return {start: from, end: to}
}

/** The place of whole lines, from the start of `first` to the end of `last`. */
export function linesPlace(file: VFile, first: Line, last: Line = first): Position {
  return toPlace(file, first.start, last.end)
}

/** The place of whole lines including their line ending, for removal fixes. */
export function removalPlace(file: VFile, first: Line, last: Line = first): Position {
  const text = String(file)
  let end = last.end
  if (text.charCodeAt(end) === 13) end++
  if (text.charCodeAt(end) === 10) end++
  return toPlace(file, first.start, end)
}
