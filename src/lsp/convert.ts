/**
 * From vfile messages to LSP diagnostics, and from diagnostics back to quick
 * fixes. Pure functions: the server wires them to the connection.
 *
 * Positions: vfile points are 1-based lines and columns counted in UTF-16
 * code units (string indices), LSP positions are 0-based with the same
 * default encoding, so a point converts as `line - 1`, `column - 1`.
 */
import type {Point, Position as UnistPosition} from 'unist'
import type {VFileMessage} from 'vfile-message'
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node'
import {SOURCE} from '../../rules/kit/rule.js'

/** What a diagnostic carries for its quick fixes (sent back by the client in `context.diagnostics`). */
export interface FixData {
  expected: string[]
  actual?: string
}

function toPosition(point: Partial<Point> | undefined): Position {
  const line = point?.line
  const column = point?.column
  return {
    line: typeof line === 'number' && line > 0 ? line - 1 : 0,
    character: typeof column === 'number' && column > 0 ? column - 1 : 0,
  }
}

function isPosition(place: Point | UnistPosition): place is UnistPosition {
  return 'start' in place
}

/** The LSP range of a message's `place` (a point gives an empty range there). */
export function toRange(place: Point | UnistPosition | undefined): Range {
  if (!place) return {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
  if (isPosition(place)) {
    const start = toPosition(place.start)
    const end = place.end ? toPosition(place.end) : start
    return {start, end}
  }
  const at = toPosition(place)
  return {start: at, end: at}
}

/** `fatal: true` is an error, `false` a warning, `undefined` (vfile's `info`) information. */
export function toSeverity(fatal: boolean | null | undefined): DiagnosticSeverity {
  if (fatal === true) return DiagnosticSeverity.Error
  if (fatal === false) return DiagnosticSeverity.Warning
  return DiagnosticSeverity.Information
}

export function toDiagnostic(message: VFileMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(message.place ?? undefined),
    severity: toSeverity(message.fatal),
    source: SOURCE,
    message: message.note ? `${message.reason}\n${message.note}` : message.reason,
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  if (Array.isArray(message.expected) && message.expected.length > 0) {
    const data: FixData = {expected: message.expected.filter((option): option is string => typeof option === 'string')}
    if (typeof message.actual === 'string') data.actual = message.actual
    diagnostic.data = data
  }
  return diagnostic
}

function isFixData(data: unknown): data is FixData {
  if (typeof data !== 'object' || data === null) return false
  const {expected, actual} = data as Record<string, unknown>
  return Array.isArray(expected) && expected.every((option) => typeof option === 'string') && (actual === undefined || typeof actual === 'string')
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character
}

function shown(text: string): string {
  const visible = text.replace(/\r?\n/g, '⏎')
  return visible.length > 40 ? `\`${visible.slice(0, 39)}…\`` : `\`${visible}\``
}

/** A title that says what the edit does. */
export function fixTitle(option: string, range: Range, actual: string | undefined): string {
  if (option === '') return `Remove ${actual ? shown(actual) : 'this text'}`
  if (/^(?:\r?\n)+$/.test(option)) return isEmpty(range) ? 'Insert a paragraph break' : 'Replace with a paragraph break'
  if (isEmpty(range)) return `Insert ${shown(option)}`
  return actual ? `Replace ${shown(actual)} with ${shown(option)}` : `Replace with ${shown(option)}`
}

/**
 * Quick fixes for the scrapelint diagnostics of one document: one per
 * `expected` option, preferred when there is only one. `textAt` gives the
 * current text of a range; when a diagnostic says what text it is about
 * (`actual`) and the document no longer has it there, no fix is offered, so a
 * stale diagnostic never edits the wrong text.
 */
export function quickFixes(uri: string, diagnostics: Diagnostic[], textAt: (range: Range) => string): CodeAction[] {
  const actions: CodeAction[] = []
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !isFixData(diagnostic.data)) continue
    const {expected, actual} = diagnostic.data
    if (actual !== undefined && !isEmpty(diagnostic.range) && textAt(diagnostic.range) !== actual) continue
    for (const option of expected) {
      const edit: TextEdit = {range: diagnostic.range, newText: option}
      actions.push({
        title: fixTitle(option, diagnostic.range, actual),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: expected.length === 1,
        edit: {changes: {[uri]: [edit]}},
      })
    }
  }
  return actions
}
