/**
 * toc-residue: a table of contents that no longer points anywhere. The
 * scraper kept the `Table of Contents` heading but not its (script-built)
 * entries, or kept entries whose sections are gone, or kept an encyclopedia
 * contents box's toggle text (`[hide]`, `show`). A table whose entries match
 * the document's headings is fine.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, removalPlace, toPlace, type Line} from './kit/text.js'

export const meta: RuleMeta = {
  id: 'toc-residue',
  description: 'a `Table of Contents` heading with no entries, entries whose sections never appear, or contents-box toggle text',
  level: 'warn',
  fixable: true,
  options: {
    maxEntries: {
      type: 'integer',
      default: 60,
      min: 1,
      max: 500,
      description: 'most lines after a contents heading read as its entries',
    },
  },
}

interface Settings extends RuleOptions {
  maxEntries: number
}

const LABELS = new Set(['table of contents', 'contents', 'content', 'in this article', 'in this post', 'in this guide', 'in this story', 'on this page', 'jump to', 'jump to section', 'article contents', 'page contents', 'toc', 'quick links', 'navigate this article', 'what\'s inside', 'summary of contents'])
const TOGGLES = new Set(['hide', 'show', 'toggle', 'expand', 'collapse', 'close', 'open', 'toggle table of contents', 'hide table of contents', 'show table of contents'])
const MAX_TABLES = 10
/** Longest entry in words: longer lines are prose, not entries. */
const MAX_ENTRY_WORDS = 16

/** Lowercase letters, digits and single spaces: the form entries and headings are compared in. */
function simplify(text: string): string {
  let out = ''
  let space = false
  for (const c of text.toLowerCase()) {
    const word = c.toLowerCase() !== c.toUpperCase() || (c >= '0' && c <= '9')
    if (word) {
      if (space && out.length > 0) out += ' '
      out += c
      space = false
    } else space = true
  }
  return out
}

/** `Contents [hide]`, `Table of Contents:`, `Contents (show)`: the toggle text, if the line is a contents heading. */
function contentsHeading(text: string): {toggle: string} | undefined {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > 60) return undefined
  let core = trimmed
  let toggle = ''
  const bracket = Math.max(core.lastIndexOf('['), core.lastIndexOf('('))
  if (bracket > 0 && (core.endsWith(']') || core.endsWith(')'))) {
    const inner = simplify(core.slice(bracket + 1, -1))
    if (TOGGLES.has(inner)) {
      toggle = core.slice(bracket)
      core = core.slice(0, bracket)
    }
  }
  const words = simplify(core).split(' ')
  if (!toggle && words.length > 1 && TOGGLES.has(words[words.length - 1]) && LABELS.has(words.slice(0, -1).join(' '))) {
    toggle = trimmed.slice(trimmed.toLowerCase().lastIndexOf(words[words.length - 1]))
    core = trimmed.slice(0, trimmed.length - toggle.length)
  }
  return LABELS.has(simplify(core)) && /^[^a-z]*[A-Z]/.test(core.trim()) ? {toggle} : undefined
}

function isProse(text: string): boolean {
  const words = text.trim().split(/\s+/)
  const last = text.trimEnd().slice(-1)
  return words.length > MAX_ENTRY_WORDS || (words.length >= 8 && (last === '.' || last === '!' || last === '?'))
}

/** `- A Strategic Axis`, `1.2 Early life`, `• History ..... 4`: the entry's words without bullet, number or page. */
function entryText(text: string): string {
  let s = text.trim()
  let i = 0
  while (i < s.length && i < 12 && ('-•*·–0123456789.) '.includes(s[i]))) i++
  s = s.slice(i)
  let end = s.length
  while (end > 0 && s[end - 1] >= '0' && s[end - 1] <= '9') end--
  while (end > 0 && (s[end - 1] === '.' || s[end - 1] === ' ' || s[end - 1] === '…')) end--
  return simplify(s.slice(0, end))
}

function hasMarker(text: string): boolean {
  const s = text.trim()
  const c = s[0]
  return '-•*·–'.includes(c) || (c >= '0' && c <= '9' && /^\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s/.test(s))
}

export default function tocResidue(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const lines = getLines(file)
    let headings = 0
    for (let i = 0; i < lines.length; i++) {
      const heading = contentsHeading(lines[i].text)
      if (!heading) continue
      // each table costs a pass over the document: a bounded number keeps hostile input linear
      if (++headings > MAX_TABLES) break
      const label = lines[i].text.trim()

      // Entries: short lines up to the first paragraph; a last one followed by the paragraph is the first section's heading.
      let j = i + 1
      const entries: Line[] = []
      let toggleLine: Line | undefined
      // An entry's text a second time is the first section's heading: the table ended before it.
      const seen = new Set<string>()
      for (; j < lines.length && entries.length < settings.maxEntries; j++) {
        const text = lines[j].text.trim()
        if (text.length === 0) continue
        if (isProse(text) || contentsHeading(text)) break
        const key = entryText(text)
        if (key.length > 0 && seen.has(key)) break
        seen.add(key)
        if (entries.length === 0 && !toggleLine && TOGGLES.has(simplify(text.replace(/[[\]()]/g, '')))) {
          toggleLine = lines[j]
          continue
        }
        entries.push(lines[j])
      }
      const next = lines.slice(j).find((line) => line.text.trim().length > 0)
      // The plain line right before the first paragraph is that section's heading, not an entry (bulleted or numbered lines are entries).
      if (entries.length > 0 && next && isProse(next.text) && !hasMarker(entries[entries.length - 1].text)) entries.pop()

      if (heading.toggle) {
        const at = lines[i].text.lastIndexOf(heading.toggle)
        report(file, meta, `Contents-box toggle text \`${heading.toggle}\`: the show/hide button of the page's table of contents, not text`, {
          place: toPlace(file, lines[i].start + at, lines[i].start + at + heading.toggle.length),
          note: 'Scrapers keep the label of the button that collapses an encyclopedia-style contents box. Remove it.',
          actual: heading.toggle,
          expected: [''],
        })
      }
      if (toggleLine) {
        report(file, meta, `Contents-box toggle text \`${toggleLine.text.trim()}\`: the show/hide button of the page's table of contents, not text`, {
          place: removalPlace(file, toggleLine),
          note: 'Scrapers keep the label of the button that collapses an encyclopedia-style contents box. Remove the line.',
          actual: String(file).slice(removalPlace(file, toggleLine).start.offset!, removalPlace(file, toggleLine).end.offset!),
          expected: [''],
        })
      }

      if (entries.length === 0) {
        const last = toggleLine ?? lines[i]
        const next = lines.slice(last.line).find((line) => line.text.trim().length > 0)
        const place = removalPlace(file, lines[i], last)
        report(file, meta, `Empty table of contents: \`${label}\` is followed by no entries`, {
          place,
          note: `The entries were built by the page's script or were links the scraper dropped; the heading alone points nowhere${next ? ` (the next text is line ${next.line}: "${next.text.trim().slice(0, 60)}")` : ''}. Remove the heading.`,
          actual: String(file).slice(place.start.offset!, place.end.offset!),
          expected: [''],
        })
        i = j - 1
        continue
      }

      // Entries whose section never appears anywhere else in the document (glued headings count: substring search).
      const value = String(file)
      const before = simplify(value.slice(0, lines[i].start))
      const after = simplify(value.slice(entries[entries.length - 1].end))
      const missing = entries.filter((entry) => {
        const key = entryText(entry.text)
        return key.length > 0 && !after.includes(key) && !before.includes(key)
      })
      if (missing.length === entries.length) {
        const place = removalPlace(file, lines[i], entries[entries.length - 1])
        report(file, meta, `Table of contents \`${label}\` lists ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, none of which appears as a section of the document`, {
          place,
          note: `Missing: ${missing.slice(0, 5).map((entry) => `"${entry.text.trim().slice(0, 50)}"`).join(', ')}${missing.length > 5 ? ', ...' : ''}. The sections were not scraped, or the contents belong to another page. Remove the table.`,
          actual: value.slice(place.start.offset!, place.end.offset!),
          expected: [''],
        })
      } else {
        for (const entry of missing) {
          const place = removalPlace(file, entry)
          report(file, meta, `Contents entry "${entry.text.trim().slice(0, 60)}" has no section in the document`, {
            place,
            note: `${entries.length - missing.length} of the ${entries.length} entries of \`${label}\` (line ${lines[i].line}) match a heading; this one matches none. Remove the entry, or restore its section.`,
            actual: value.slice(place.start.offset!, place.end.offset!),
            expected: [''],
          })
        }
      }
      i = j - 1
    }
  }
}
