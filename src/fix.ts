/**
 * Fixes: a message whose fix is known carries `expected` (the first option is
 * the fix; `''` removes) and a `place` with offsets that covers exactly the
 * text to replace. This module turns a document's messages into edits and
 * applies them, and nothing else: it neither reads nor writes files.
 *
 * Edits never overlap: when two would, the larger one is kept (a removal of a
 * whole block wins over a removal inside it, which it makes moot), and the
 * other is skipped and reported. The kept edits are applied from the end of
 * the text, so each one's offsets are still those of the original text.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {registeredRules} from './config.js'

export interface Fix {
  ruleId: string
  /** Offsets in the original text: the fix replaces `[start, end)` with `text`. */
  start: number
  end: number
  text: string
  message: VFileMessage
}

export interface SkippedFix {
  fix: Fix
  /** The applied fix it collides with. */
  conflict: Fix
  /**
   * `overlap`: the two edits collide and this one was not applied (said to the user);
   * `inside`: this edit lies inside a removal or replacement that was applied, so its text is gone anyway;
   * `duplicate`: the same edit as an applied one (two rules agreeing).
   */
  reason: 'overlap' | 'inside' | 'duplicate'
}

export interface FixResult {
  /** The fixed text. */
  output: string
  /** Applied fixes, in text order. */
  applied: Fix[]
  /** Fixes that were not applied, and why. */
  skipped: SkippedFix[]
}

export interface FixOptions {
  /**
   * Only the fixes of these rules. Without it, every rule's fixes except those of rules whose
   * meta says `suggestion` (their fix is for an editor to offer, not to apply unasked).
   */
  rules?: readonly string[]
}

/** Rule ids whose fixes `--fix` applies only when named with `--fix-rule`. */
export const SUGGESTION_RULES: ReadonlySet<string> = new Set(registeredRules.filter((rule) => rule.meta.suggestion === true).map((rule) => rule.meta.id))

/** The fixes the messages of `file` carry (those with `expected` and offsets), filtered by `options.rules`. */
export function collectFixes(file: VFile, options: FixOptions = {}): Fix[] {
  const wanted = options.rules ? new Set(options.rules) : undefined
  const length = String(file).length
  const fixes: Fix[] = []
  for (const message of file.messages) {
    const ruleId = message.ruleId ?? ''
    if (wanted ? !wanted.has(ruleId) : SUGGESTION_RULES.has(ruleId)) continue
    if (!Array.isArray(message.expected) || message.expected.length === 0) continue
    const text = message.expected[0]
    if (typeof text !== 'string') continue
    const place = message.place
    if (!place || !('start' in place)) continue
    const start = place.start.offset
    const end = place.end.offset
    if (start === undefined || end === undefined || start < 0 || end < start || end > length) continue
    fixes.push({ruleId, start, end, text, message})
  }
  return fixes
}

/** Whether two edits touch the same text (two insertions at one point collide too; edits that only meet do not). */
function collides(a: Fix, b: Fix): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start
  if (a.start === a.end) return a.start > b.start && a.start < b.end
  if (b.start === b.end) return b.start > a.start && b.start < a.end
  return a.start < b.end && b.start < a.end
}

/** Apply `fixes` to `text`: larger edits first claim their text, then the kept ones are applied from the end. */
export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  // Claim order: longer ranges first, then earlier, then by rule id, so the result does not depend on message order.
  const order = [...fixes].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.ruleId.localeCompare(b.ruleId) || a.text.localeCompare(b.text))
  const kept: Fix[] = []
  const skipped: SkippedFix[] = []
  for (const fix of order) {
    // Kept fixes do not overlap, so at most a few collide; a linear scan keeps this simple (fixes per document are few).
    const conflict = kept.find((other) => collides(fix, other))
    if (!conflict) {
      kept.push(fix)
      continue
    }
    const duplicate = conflict.start === fix.start && conflict.end === fix.end && conflict.text === fix.text
    const inside = fix.start >= conflict.start && fix.end <= conflict.end && conflict.start < conflict.end && !(fix.start === fix.end && (fix.start === conflict.start || fix.end === conflict.end))
    skipped.push({fix, conflict, reason: duplicate ? 'duplicate' : inside && removes(conflict) ? 'inside' : 'overlap'})
  }
  kept.sort((a, b) => a.start - b.start || a.end - b.end)
  let output = text
  let atEnd = false
  for (let index = kept.length - 1; index >= 0; index--) {
    const fix = kept[index]
    const wholeLines = fix.text === '' && fix.start < fix.end && (fix.start === 0 || text[fix.start - 1] === '\n') && (fix.end === text.length || text[fix.end - 1] === '\n')
    output = output.slice(0, fix.start) + fix.text + output.slice(fix.end)
    if (!wholeLines) continue
    if (fix.end === text.length) atEnd = true
    // The removed lines sat between two runs of blank lines (or at the start): keep the run before, drop the one after.
    if (fix.start === 0 || isBlankBefore(output, fix.start)) output = output.slice(0, fix.start) + output.slice(blankRunEnd(output, fix.start))
  }
  // Lines removed at the end leave the blank lines before them: the text ends as the original did.
  if (atEnd) output = trimBlankEnd(output, text.endsWith('\n'))
  skipped.sort((a, b) => a.fix.start - b.fix.start || a.fix.end - b.fix.end)
  return {output, applied: kept, skipped}
}

/** Whether the line before offset `at` (a line start) is blank. */
function isBlankBefore(text: string, at: number): boolean {
  let index = at - 2
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t' || text[index] === '\r')) index--
  return index < 0 || text[index] === '\n'
}

/** The offset after the blank lines that start at `at` (a line start). */
function blankRunEnd(text: string, at: number): number {
  let end = at
  let index = at
  while (index < text.length) {
    const char = text[index]
    if (char === '\n') end = index + 1
    else if (char !== ' ' && char !== '\t' && char !== '\r') break
    index++
  }
  return end
}

/** Drop blank lines (and the line break) at the end of `text`; end with a line break when the original did. */
function trimBlankEnd(text: string, newline: boolean): string {
  let end = text.length
  let cut = text.length
  while (end > 0) {
    const char = text[end - 1]
    if (char === '\n') cut = end - 1
    else if (char !== ' ' && char !== '\t' && char !== '\r') break
    end--
  }
  // `cut` is the first line break of the trailing blank run: what is before it is the last line, kept whole.
  if (text[cut - 1] === '\r') cut--
  return text.slice(0, cut) + (newline && cut > 0 ? text.slice(cut, text.indexOf('\n', cut) + 1) : '')
}

/** A removal (or a replacement that keeps none of the old text) makes any edit inside it moot. */
function removes(fix: Fix): boolean {
  return fix.text === '' || !fix.text.includes(String(fix.message.actual ?? '\u0000'))
}

/** Collect and apply the fixes of one linted document. */
export function fixFile(file: VFile, options: FixOptions = {}): FixResult {
  return applyFixes(String(file), collectFixes(file, options))
}

/** `line:column` of a fix's start, for messages about it. */
export function fixAt(fix: Fix): string {
  const place = fix.message.place
  const point = place && 'start' in place ? place.start : place
  return point ? `${point.line}:${point.column}` : '?'
}
