/**
 * The stylish report, sized for a terminal: per file a header line, then a line per message with
 * its place, severity, reason and rule id. The place column is as wide as the file's widest place;
 * a reason longer than the line wraps under itself (never padded to the longest message, so the
 * report fits in `width` columns), and the rule id ends the message. The same header, order
 * (vfile-sort) and summary line (vfile-statistics) as vfile-reporter, whose table the report used
 * to be; every text from a document or file name is escaped (escape.ts).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareFile, compareMessage} from 'vfile-sort'
import {statistics} from 'vfile-statistics'
import wrapAnsi from 'wrap-ansi'
import {escapeControl} from './escape.js'

export interface StylishOptions {
  color?: boolean
  /** Errors only (the files without errors are left out). */
  quiet?: boolean
  /** The widest line, in columns (default 100). */
  width?: number
}

interface Style {
  bold: (text: string) => string
  dim: (text: string) => string
  red: (text: string) => string
  yellow: (text: string) => string
  green: (text: string) => string
  cyan: (text: string) => string
  underline: (text: string) => string
}

const plain = (text: string) => text
const sgr = (open: number, close: number) => (text: string) => `\u001B[${open}m${text}\u001B[${close}m`
const PLAIN: Style = {bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain, underline: plain}
const COLOR: Style = {bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39), underline: sgr(4, 24)}

/** The narrowest a reason is wrapped to, however wide the place column. */
const MIN_REASON = 30

function point(value: {line?: number; column?: number} | undefined): string {
  return value && typeof value.line === 'number' ? `${value.line}:${typeof value.column === 'number' ? value.column : 1}` : ''
}

/** `line:column-line:column` (or a point, or nothing), as unist-util-stringify-position writes it. */
function place(message: VFileMessage): string {
  const at = message.place
  if (!at) return ''
  if ('start' in at) {
    const start = point(at.start)
    const end = point(at.end)
    return end ? `${start}-${end}` : start
  }
  return point(at)
}

function label(message: VFileMessage): string {
  return message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Inline code (backticks) in cyan, the rest bold, as vfile-reporter does. */
function reasonText(reason: string, style: Style): string {
  const flat = escapeControl(reason.replace(/\r?\n|\r/g, ' '))
  if (style === PLAIN) return flat
  return style.bold(flat.replace(/`[^`\n]*`/g, (code) => style.cyan(code)))
}

function messageLines(message: VFileMessage, placeWidth: number, style: Style, width: number): string[] {
  const severity = label(message)
  const head = `  ${place(message).padEnd(placeWidth)}  ${(severity === 'error' ? style.red : severity === 'warning' ? style.yellow : plain)(severity.padEnd(7))}  `
  const indent = ' '.repeat(2 + placeWidth + 2 + 7 + 2)
  const room = Math.max(MIN_REASON, width - indent.length)
  const rule = message.ruleId ? escapeControl(message.ruleId) : ''
  const lines = wrapAnsi(reasonText(message.reason, style), room, {hard: true, trim: true}).split('\n')
  // The rule id ends the last line when it fits there, else it takes a line of its own.
  if (rule) {
    const last = lines.length - 1
    if (visibleLength(lines[last]) + 2 + rule.length <= room) lines[last] += `  ${style.dim(rule)}`
    else lines.push(style.dim(rule))
  }
  return lines.map((line, index) => (index === 0 ? head : indent) + line)
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g

function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length
}

function fileLine(file: VFile, style: Style): string {
  const stats = statistics(file.messages)
  const name = escapeControl(file.history[0] ?? file.path ?? '<stdin>')
  const colour = stats.fatal ? style.red : stats.total ? style.yellow : style.green
  const left = style.underline(colour(name))
  if (file.stored) return `${left}${name !== file.path ? ` > ${escapeControl(file.path)}` : ''}: ${style.yellow('written')}`
  return stats.total ? left : `${left}: no issues found`
}

function byline(messages: VFileMessage[], style: Style): string {
  const stats = statistics(messages)
  const parts: string[] = []
  if (stats.fatal) parts.push(`${style.red('✖')} ${stats.fatal} ${stats.fatal === 1 ? 'error' : 'errors'}`)
  if (stats.warn) parts.push(`${style.yellow('⚠')} ${stats.warn} ${stats.warn === 1 ? 'warning' : 'warnings'}`)
  const counts = parts.join(', ')
  return stats.total !== stats.fatal && stats.total !== stats.warn ? `${stats.total} ${stats.total === 1 ? 'message' : 'messages'} (${counts})` : counts
}

export function reportStylish(files: VFile[], options: StylishOptions = {}): string {
  const style = options.color ? COLOR : PLAIN
  const width = options.width ?? 100
  const rows: string[] = []
  const shown: VFileMessage[] = []
  let lastHadMessages = false
  for (const file of [...files].sort(compareFile)) {
    const messages = [...file.messages].sort(compareMessage)
    if (options.quiet && messages.length === 0) continue
    const placeWidth = Math.max(0, ...messages.map((message) => place(message).length))
    if (lastHadMessages) rows.push('')
    rows.push(fileLine(file, style))
    for (const message of messages) rows.push(...messageLines(message, placeWidth, style, width))
    shown.push(...messages)
    lastHadMessages = messages.length > 0
  }
  if (statistics(shown).fatal || statistics(shown).warn) rows.push('', byline(shown, style))
  return rows.map((row) => row.trimEnd()).join('\n')
}
