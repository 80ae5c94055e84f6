/**
 * glued-heading: a section heading glued onto the end of the previous
 * paragraph with no break, as scrapers leave it when they drop the block
 * element between them: `...contemporary context.A Strategic Axis: Alliances
 * in the Caucasus and Beyond`.
 *
 * A glue point is a sentence end (`.`, `?`, `!`, optionally closing quotes)
 * followed with no space by a capital letter, where the text from there to
 * the end of the line is heading-shaped. The strongest evidence is the same
 * heading on a line of its own elsewhere (a table of contents); otherwise the
 * tail must be Title Case with a colon subtitle (or a Title Case question).
 * Character scans only: linear on any input.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, toPlace, type Line} from './kit/text.js'
import data from './data/glued-heading.json' with {type: 'json'}

export const meta: RuleMeta = {
  id: 'glued-heading',
  description: 'a section heading glued onto the end of the previous paragraph with no line break (`context.A Strategic Axis: ...`)',
  level: 'warn',
  fixable: true,
  options: {
    maxHeadingWords: {
      type: 'integer',
      default: 16,
      min: 2,
      max: 40,
      description: 'the longest glued tail (in words) still taken for a heading',
    },
  },
}

interface Settings extends RuleOptions {
  maxHeadingWords: number
}

const minorWords = new Set(data.minorWords)
const CLOSERS = '"”’\')»'
const BULLET = /^(?:[-*•–—·>]|\d{1,3}[.)]|[ivx]{1,5}[.)])\s{1,4}/i

/** Normalised form of a heading, for comparing a glued tail with a contents entry. */
function normalise(text: string): string {
  return text
    .replace(/[“”"]/g, '"')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** Short stand-alone lines (contents entries, headings), without bullets or numbers. */
function headingLines(lines: Line[]): Map<string, number> {
  const result = new Map<string, number>()
  for (const line of lines) {
    const text = line.text.trim()
    if (text.length < 4 || text.length > 160) continue
    const entry = text.replace(BULLET, '')
    if (/[.,;]$/.test(entry)) continue
    const key = normalise(entry)
    if (!result.has(key)) result.set(key, line.line)
  }
  return result
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

/** Title Case: nearly every word that is not a minor word starts with a capital or a digit. */
function titleCase(text: string): {ok: boolean; content: number} {
  const list = words(text.replace(/[:?!"“”]/g, ' '))
  if (list.length === 0) return {ok: false, content: 0}
  let content = 0
  let capitalised = 0
  for (const word of list) {
    const bare = word.replace(/^[^\p{L}\p{N}]+/u, '')
    if (bare === '') continue
    if (minorWords.has(bare.toLowerCase())) continue
    content++
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capitalised++
  }
  const first = list[0].replace(/^[^\p{L}\p{N}]+/u, '')
  return {ok: /^[\p{Lu}\p{N}]/u.test(first) && content >= 2 && capitalised / content >= 0.8, content}
}

/** The word (letters only) that ends right before `index`. */
function wordBefore(text: string, index: number): string {
  let start = index
  while (start > 0 && index - start < 40 && /[\p{L}\p{M}]/u.test(text[start - 1])) start--
  return text.slice(start, index)
}

export default function gluedHeading(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const lines = getLines(file)
    const known = headingLines(lines)
    const breakText = paragraphBreak(lines)

    for (const line of lines) {
      const text = line.text
      if (text.length < 20) continue
      for (let i = 1; i < text.length - 1; i++) {
        const c = text[i]
        if (c !== '.' && c !== '?' && c !== '!') continue
        let j = i + 1
        while (j < text.length && j - i <= 2 && CLOSERS.includes(text[j])) j++
        if (j >= text.length || !/\p{Lu}/u.test(text[j])) continue
        // A heading is short: only the last few dozen characters of a line can be one.
        if (text.length - j > 170) continue
        // What ends before the punctuation must be a real word, not an initial or abbreviation (U.S.A, e.g., J.R.R.).
        const before = wordBefore(text, i)
        if (before.length < 2 || !/\p{Ll}/u.test(before)) continue
        // Inside an address (`Rylee.White@yahoo.com`, `example.com/Page`): not a sentence end.
        if (inAddress(text, i)) continue
        const tail = text.slice(j).trimEnd()
        const tailWords = words(tail)
        if (tailWords.length < 2 || tailWords.length > settings.maxHeadingWords || tail.length > 160) continue
        // A heading has no sentence inside it and does not end like one.
        if (/[.,;]$/.test(tail) || /[.!?]["”’)]?\s/.test(tail)) continue
        // The paragraph before it must be prose, not a short label.
        if (words(text.slice(Math.max(0, i - 80), i)).length < 4) continue

        const listedAt = known.get(normalise(tail))
        const shape = titleCase(tail)
        let evidence: string | undefined
        if (listedAt !== undefined && listedAt !== line.line && shape.content >= 1) {
          evidence = `The same heading stands on its own line ${listedAt} (a table of contents or heading), so here it lost its line break.`
        } else if (shape.ok && tailWords.length >= 4 && /\S: \p{Lu}\S*\s\S/u.test(tail)) {
          evidence = 'The glued text is a Title Case phrase with a colon subtitle that runs to the end of the line: the shape of a section heading, not of a sentence.'
        } else if (shape.ok && shape.content >= 3 && tail.endsWith('?') && titleCase(tail).ok && allContentCapitalised(tail)) {
          evidence = 'The glued text is a Title Case question that runs to the end of the line: the shape of a section heading, not of a sentence.'
        }
        else if (shape.ok && shape.content >= 2 && tailWords.length >= 3 && allContentCapitalised(tail) && sectionFollows(lines, line.line)) {
          evidence = 'The glued text is a Title Case phrase that runs to the end of the line, and a paragraph of prose starts on the next line: the shape of a section heading and its section.'
        }
        if (!evidence) continue
        const start = line.start + j
        const end = line.start + j + tail.length
        report(file, meta, `Heading \`${tail}\` is glued to the end of the previous paragraph`, {
          place: toPlace(file, start, end),
          note: `${evidence} Text ends with \`${text.slice(Math.max(0, i - 20), j)}\` and the heading follows with no break. The fix puts the heading on a line of its own (\`expected\` is the heading with the document's paragraph break before it).`,
          actual: tail,
          expected: [breakText + tail],
        })
        break
      }
    }
  }
}

/** Whether the character at `index` is inside a token without spaces that holds `@` or `/` (an e-mail address or a URL). */
function inAddress(text: string, index: number): boolean {
  let start = index
  while (start > 0 && index - start < 200 && !/\s/.test(text[start - 1])) start--
  let end = index
  while (end < text.length && end - index < 200 && !/\s/.test(text[end])) end++
  return /[@/]/.test(text.slice(start, end))
}

/** Whether the next non-blank line after line number `at` (1-based) is a paragraph of prose: eight words or more, ending like a sentence. */
function sectionFollows(lines: Line[], at: number): boolean {
  for (let k = at; k < lines.length && k < at + 3; k++) {
    const text = lines[k].text.trim()
    if (text === '') continue
    return words(text).length >= 8 && /[.!?]["”’)]?$/.test(text)
  }
  return false
}

function allContentCapitalised(text: string): boolean {
  return words(text).every((word) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+/u, '')
    return bare === '' || minorWords.has(bare.toLowerCase()) || /^[\p{Lu}\p{N}]/u.test(bare)
  })
}

/** `\n\n` when the document separates paragraphs with blank lines, else `\n`. */
function paragraphBreak(lines: Line[]): string {
  let blank = 0
  let direct = 0
  for (let k = 0; k + 1 < lines.length; k++) {
    if (lines[k].text.trim() === '') continue
    if (lines[k + 1].text.trim() === '') blank++
    else direct++
  }
  return blank >= direct ? '\n\n' : '\n'
}
