/**
 * A rendering: the prose text of a marked-up document (Markdown, HTML) that the rules read, with
 * an offset map back to the source. Each block is one line of the text, put on the line of the
 * source where it starts when it can be (the text is padded with empty lines), so line numbers are
 * mostly those of the source even before mapping; messages are then mapped exactly (line, column
 * and offset in the source) by `toSource`.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/**
 * Line starts of a text, for offset → line/column by binary search (vfile-location scans linearly).
 * A line ends at `\n`, `\r\n` or a lone `\r`, as in vfile-location and the parser.
 */
export class LineIndex {
  readonly starts: number[] = [0]
  readonly length: number
  constructor(text: string) {
    this.length = text.length
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1)
    }
  }
  /** The index of a text known only by its line starts and length (a rendering state from another machine). */
  static of(starts: number[], length: number): LineIndex {
    const index = new LineIndex('')
    index.starts.length = 0
    for (const start of starts) index.starts.push(start)
    ;(index as {length: number}).length = length
    return index
  }
  point(offset: number): {line: number; column: number; offset: number} {
    const at = Math.max(0, Math.min(this.length, offset))
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.starts[mid] <= at) low = mid
      else high = mid - 1
    }
    return {line: low + 1, column: at - this.starts[low] + 1, offset: at}
  }
  offset(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(this.starts.length - 1, line - 1))]
    return Math.min(this.length, start + Math.max(0, column - 1))
  }
}

/** Offsets into the source for one run of text: `starts[i]`/`ends[i]` is where its character `i` comes from. */
export interface Run {
  text: string
  starts: number[]
  ends: number[]
}

export interface Rendering {
  /** The prose text the rules read. */
  text: string
  /** For each character of `text` (and one past the end), where it starts and ends in the source. */
  starts: Int32Array
  ends: Int32Array
}

/**
 * Character offsets of `value` (a parser's decoded text) inside `source` (the node's raw text):
 * equal characters map one to one; an entity (`&amp;`), a backslash escape or whitespace the parser
 * dropped is skipped in the source. Linear: each step advances `j` by at least one or gives up.
 */
export function align(value: string, source: string, base: number): Run {
  const starts: number[] = new Array(value.length)
  const ends: number[] = new Array(value.length)
  let j = 0
  let i = 0
  while (i < value.length) {
    const c = value[i]
    if (j < source.length && source.charCodeAt(j) === 38 /* & */) {
      const length = entityLength(source, j)
      // A character reference gives one character (two for an astral one), unless the value has it literally.
      if (length > 0 && value.slice(i, i + length) !== source.slice(j, j + length)) {
        const width = (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
        for (let k = 0; k < width && i + k < value.length; k++) {
          starts[i + k] = base + j
          ends[i + k] = base + j + length
        }
        i += width
        j += length
        continue
      }
    }
    if (j < source.length && source[j] === c) {
      starts[i] = base + j
      ends[i] = base + j + 1
      i++
      j++
      continue
    }
    const sourceLeft = source.length - j
    const valueLeft = value.length - i
    if (sourceLeft > valueLeft) {
      // Markup the parser dropped (an escape, indentation, a carriage return, an entity without its
      // semicolon): skip it in the source. Each step advances i or j, so this is linear.
      j++
      continue
    }
    // A character the source spells otherwise (or not at all): map it to where the source is.
    const at = base + Math.min(j, source.length)
    starts[i] = at
    ends[i] = Math.min(base + source.length, at + 1)
    i++
    if (j < source.length) j++
  }
  return {text: value, starts, ends}
}

/** Length of the character reference (`&amp;`, `&#233;`, `&#xE9;`) at `at`, or 0. Bounded scan. */
function entityLength(source: string, at: number): number {
  let k = at + 1
  const limit = Math.min(source.length, at + 34)
  if (source[k] === '#') {
    k++
    if (source[k] === 'x' || source[k] === 'X') k++
  }
  const first = k
  while (k < limit && /[\da-z]/i.test(source[k])) k++
  return k > first && source[k] === ';' ? k - at + 1 : 0
}

/**
 * Builds a rendering block by block. `block(line, runs)` writes one block as one line, on source
 * line `line` if the text has not passed it yet (else on the next free line); whitespace inside a
 * block is collapsed to single spaces and trimmed.
 */
export class RenderingBuilder {
  private text = ''
  private starts: number[] = []
  private ends: number[] = []
  /** The 1-based line the next block may start on. */
  private line = 1
  private readonly lineCount: (offset: number) => number

  constructor(private readonly source: string) {
    const index = new LineIndex(source)
    this.lineCount = (offset) => index.point(offset).line
  }

  /** Add a block (made of runs of text) and return the line it was put on, or undefined if it was empty. */
  block(runs: Run[]): number | undefined {
    const chars: string[] = []
    const starts: number[] = []
    const ends: number[] = []
    let pendingSpace: number | undefined
    for (const run of runs) {
      for (let i = 0; i < run.text.length; i++) {
        const c = run.text[i]
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\u200b') {
          if (chars.length > 0 && pendingSpace === undefined) pendingSpace = run.starts[i]
          continue
        }
        if (pendingSpace !== undefined) {
          chars.push(' ')
          starts.push(pendingSpace)
          ends.push(run.starts[i])
          pendingSpace = undefined
        }
        chars.push(c)
        starts.push(run.starts[i])
        ends.push(run.ends[i])
      }
    }
    if (chars.length === 0) return undefined
    const target = Math.max(this.line, this.lineCount(starts[0]))
    const gap = target - this.line + (this.text.length > 0 ? 1 : 0)
    // Padding newlines map to where the block starts, so a place on them lands before it.
    for (let k = 0; k < gap; k++) {
      this.text += '\n'
      this.starts.push(starts[0])
      this.ends.push(starts[0])
    }
    this.text += chars.join('')
    for (let k = 0; k < starts.length; k++) {
      this.starts.push(starts[k])
      this.ends.push(ends[k])
    }
    this.line = target + 1
    return target
  }

  done(): Rendering {
    const n = this.text.length
    const starts = new Int32Array(n + 1)
    const ends = new Int32Array(n + 1)
    starts.set(this.starts)
    ends.set(this.ends)
    // Past the end: the end of the last block (or of the source, for an empty rendering).
    starts[n] = n > 0 ? this.ends[n - 1] : this.source.length
    ends[n] = starts[n]
    return {text: this.text, starts, ends}
  }
}

interface Attached {
  /** The source text, when the file keeps its text (to give it back and check fixes against). */
  source?: string
  lines: LineIndex
  rendering: Rendering
  /** The rendered text's line index when the text itself is not at hand (a restored state). */
  renderedLines?: LineIndex
  /** The rendered text's length. */
  n: number
}

const attached = new WeakMap<VFile, Attached>()
const readOnly = new WeakSet<VFile>()

/**
 * Mark a document whose fixes cannot be written back to its file (a JSON Lines record, a gzip file):
 * `toSource` drops their `expected`, so `--fix` leaves the input alone.
 */
export function withoutFixes(file: VFile) {
  readOnly.add(file)
}

/**
 * Remember that `file` is linted as `rendering` of `source`: its messages are moved into the source
 * by `toSource`. Without `keepSource` only the line index of the source is kept (the engine's
 * `keepText: false`), so the file does not get its text back.
 */
export function attachRendering(file: VFile, source: string, rendering: Rendering, keepSource = true) {
  attached.set(file, {source: keepSource ? source : undefined, lines: new LineIndex(source), rendering, n: rendering.text.length})
}

/** The rendering a file is linted as, if it has one. */
export function renderingOf(file: VFile): Rendering | undefined {
  return attached.get(file)?.rendering
}

/**
 * Move every message's place into the source and give the file its source text back (after the
 * corpus pass, which reads the rendered text). A fix (`expected`) is kept only where the source says
 * exactly what the rendering said (`actual`), since a replacement written for the prose would drop
 * the markup around it.
 */
export function toSource(file: VFile) {
  if (readOnly.has(file)) {
    readOnly.delete(file)
    for (const message of file.messages) message.expected = undefined
  }
  const entry = attached.get(file)
  if (!entry) return
  attached.delete(file)
  const {source, lines, rendering, n} = entry
  const clamp = (offset: number) => Math.max(0, Math.min(n, offset))
  let renderedLines: LineIndex | undefined = entry.renderedLines
  const offsetOf = (point: {line: number; column: number; offset?: number}) =>
    point.offset ?? (renderedLines ??= new LineIndex(rendering.text)).offset(point.line, point.column)

  for (const message of file.messages as VFileMessage[]) {
    const where = message.place
    if (!where) continue
    if ('start' in where) {
      const start = clamp(offsetOf(where.start))
      const end = clamp(offsetOf(where.end))
      const from = rendering.starts[start]
      const to = Math.max(from, end > start ? rendering.ends[end - 1] : from)
      message.place = {start: lines.point(from), end: lines.point(to)}
      if (message.expected && (source === undefined || message.actual !== source.slice(from, to))) message.expected = undefined
    } else {
      message.place = lines.point(rendering.starts[clamp(offsetOf(where))])
    }
    const point = 'start' in message.place ? message.place.start : message.place
    message.line = point.line
    message.column = point.column
  }
  if (source !== undefined) file.value = source
}

/**
 * What `toSource` needs of a document, in a compact JSON-safe form without its text, so that a
 * document linted on one machine can be mapped into its source after the corpus pass on another
 * (`scrapelint queue`): the offset maps run-length encoded, the line starts of source and rendering
 * delta-encoded, and whether its fixes are dropped.
 */
export interface RenderingState {
  /** Length of the rendered text. */
  n?: number
  /** Runs of the offset maps: for each, [index, start, end - start]; inside a run each start is one more than the last. */
  runs?: number[]
  source?: {length: number; lines: number[]}
  rendered?: {length: number; lines: number[]}
  readOnly?: true
}

function deltas(values: number[]): number[] {
  return values.map((value, i) => value - (i === 0 ? 0 : values[i - 1]))
}

function undeltas(values: number[]): number[] {
  let sum = 0
  return values.map((value) => (sum += value))
}

/** The rendering state of `file` (after `adoptRendering`), or undefined when `toSource` would do nothing to it. */
export function renderingState(file: VFile): RenderingState | undefined {
  const state: RenderingState = {}
  if (readOnly.has(file)) state.readOnly = true
  const entry = attached.get(file)
  if (entry) {
    const {starts, ends} = entry.rendering
    const runs: number[] = []
    for (let i = 0; i < starts.length; i++) {
      const continues = i > 0 && starts[i] === starts[i - 1] + 1 && ends[i] - starts[i] === ends[i - 1] - starts[i - 1]
      if (!continues) runs.push(i, starts[i], ends[i] - starts[i])
    }
    state.n = entry.n
    state.runs = runs
    state.source = {length: entry.lines.length, lines: deltas(entry.lines.starts)}
    const rendered = entry.renderedLines ?? new LineIndex(entry.rendering.text)
    state.rendered = {length: rendered.length, lines: deltas(rendered.starts)}
  }
  return entry || state.readOnly ? state : undefined
}

/** Attach a state from `renderingState` to a file rebuilt from its document record. */
export function restoreRendering(file: VFile, state: RenderingState) {
  if (state.readOnly) readOnly.add(file)
  if (state.n === undefined || !state.runs || !state.source || !state.rendered) return
  const n = state.n
  const starts = new Int32Array(n + 1)
  const ends = new Int32Array(n + 1)
  const runs = state.runs
  for (let r = 0; r < runs.length; r += 3) {
    const to = r + 3 < runs.length ? runs[r + 3] : n + 1
    for (let i = runs[r], k = 0; i < to; i++, k++) {
      starts[i] = runs[r + 1] + k
      ends[i] = starts[i] + runs[r + 2]
    }
  }
  attached.set(file, {
    lines: LineIndex.of(undeltas(state.source.lines), state.source.length),
    rendering: {text: '', starts, ends},
    renderedLines: LineIndex.of(undeltas(state.rendered.lines), state.rendered.length),
    n,
  })
}
