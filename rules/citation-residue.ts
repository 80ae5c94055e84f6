/**
 * citation-residue: reference markers copied from an encyclopedia or paper
 * page without the references they point to: `allies [4] [5] [6]`,
 * `founded in 1902.[2][3]`, `[citation needed]`, `History[edit]`,
 * `^ Jump up to: a b`, glued letter footnotes `text.[a]`.
 *
 * Not residue: numbered lists and reference entries (a marker at the start of
 * a line), `[sic]` and other editorial insertions, markers whose numbers a
 * references or notes section of the same document defines, and array or
 * code indexing (`items[0]`, `x[1]`, a line with code punctuation).
 * Bracket contents are read from bounded slices: linear on any input.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, toPlace, type Line} from './kit/text.js'
import data from './data/citation-residue.json' with {type: 'json'}

export const meta: RuleMeta = {
  id: 'citation-residue',
  description: 'reference markers with nothing to refer to: `[4] [5] [6]`, `[2][3]`, `[citation needed]`, `[edit]`, `^ Jump up`',
  level: 'warn',
  fixable: true,
}

const inlineTemplates = new Set(data.inlineTemplates)
const sectionLinks = new Set(data.sectionLinks)
const referenceHeadings = new Set(data.referenceHeadings)

const BRACKET = /^\[([^[\]\n]{1,40})\]/
const NUMERIC = /^(?:(?:note|nb|n|fn|ref)\s?)?(\d{1,3}(?:\s?[,–—-]\s?\d{1,3}){0,6})$/i
const LETTER = /^[a-z]$/
const JUMP = /\^\s?Jump up(?:\s?to:?)?(?:\s(?:\^|[a-z]{1,2})(?=\s|$)){0,26}/g
const CODE_LINE = /[{}]|=>|==|!=|\(\)|;\s{0,4}$|\w\[0\]|\w_\w{1,30}\[|\bfunction\s?\(|\breturn\s|\bconst\s\w|\bvar\s\w|\blet\s\w{1,30}\s?=/

type Kind = 'number' | 'letter' | 'template' | 'section'

interface Marker {
  start: number
  end: number
  kind: Kind
  numbers: number[]
  text: string
}

function classify(content: string): {kind: Kind; numbers: number[]} | undefined {
  const trimmed = content.trim()
  const numeric = NUMERIC.exec(trimmed)
  if (numeric) {
    const numbers: number[] = []
    for (const part of numeric[1].split(/\s?,\s?/)) {
      const range = part.split(/\s?[–—-]\s?/).map(Number)
      if (range.length === 2 && range[1] >= range[0] && range[1] - range[0] < 50) for (let n = range[0]; n <= range[1]; n++) numbers.push(n)
      else numbers.push(...range)
    }
    return {kind: 'number', numbers}
  }
  if (LETTER.test(trimmed)) return {kind: 'letter', numbers: []}
  const lower = trimmed.toLowerCase().replace(/\s?[–—]\s?/g, ' - ').replace(/\s+/g, ' ')
  if (inlineTemplates.has(lower)) return {kind: 'template', numbers: []}
  if (sectionLinks.has(lower)) return {kind: 'section', numbers: []}
  return undefined
}

/** Numbers defined by reference entries (`[3] Smith...`, `3. Smith...` under a references heading), and whether there is such a section. */
function referenceSection(lines: Line[]): {present: boolean; numbered: Set<number>} {
  const numbered = new Set<number>()
  let present = false
  let under = false
  for (const line of lines) {
    const text = line.text.trim()
    const heading = text.replace(/^#{1,6}\s/, '').replace(/:$/, '').trim().toLowerCase()
    if (text.length <= 40 && referenceHeadings.has(heading)) {
      present = true
      under = true
      continue
    }
    const bracketed = /^\[(\d{1,3})\]\s?\S/.exec(text)
    if (bracketed) {
      present = true
      numbered.add(Number(bracketed[1]))
      continue
    }
    if (under) {
      const listed = /^\^?\s?(\d{1,3})[.)]\s\S/.exec(text)
      if (listed) numbered.add(Number(listed[1]))
    }
  }
  return {present, numbered}
}

export default function citationResidue(_options?: RuleOptions) {
  return function (_tree: Root, file: VFile) {
    const lines = getLines(file)
    const references = referenceSection(lines)

    for (const line of lines) {
      const text = line.text
      if (text.length === 0) continue
      findMarkers(file, line, references)
      findJumpLinks(file, line)
    }
  }
}

function findMarkers(file: VFile, line: Line, references: {present: boolean; numbered: Set<number>}) {
  const text = line.text
  const codeLine = CODE_LINE.test(text.length > 2000 ? '' : text)
  const firstNonSpace = text.search(/\S/)
  let i = text.indexOf('[')
  while (i !== -1) {
    // Collect a run of adjacent markers: `[4] [5] [6]`, `[2][3]`.
    const run: Marker[] = []
    let at = i
    for (;;) {
      const match = BRACKET.exec(text.slice(at, at + 44))
      if (!match) break
      const kind = classify(match[1])
      if (!kind) break
      run.push({start: at, end: at + match[0].length, ...kind, text: match[0]})
      let next = at + match[0].length
      if (text[next] === ' ' && text[next + 1] === '[') next++
      if (text[next] !== '[') break
      at = next
    }
    if (run.length === 0) {
      i = text.indexOf('[', i + 1)
      continue
    }
    const first = run[0]
    const last = run[run.length - 1]
    i = text.indexOf('[', last.end)
    if (!isResidue(text, run, first, last, firstNonSpace, codeLine, references)) continue

    // Remove the markers and the space before them.
    let start = first.start
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--
    const full = text.slice(first.start, last.end)
    const markers = full.length > 60 ? full.slice(0, 60) + '…' : full
    const kinds = new Set(run.map((marker) => marker.kind))
    let reason: string
    let note: string
    if (kinds.has('template')) {
      reason = `Encyclopedia maintenance tag \`${markers}\` left in the text`
      note = 'Tags such as [citation needed] are rendered by the source wiki for its editors; copied into an article they are page furniture. Remove them (and support the claim if it needs a source).'
    } else if (kinds.has('section')) {
      reason = `Section edit link \`${markers}\` left in the text`
      note = 'The [edit] link beside an encyclopedia heading is page furniture the scraper kept. Remove it.'
    } else {
      reason = `Reference marker${run.length > 1 || first.numbers.length > 1 ? 's' : ''} \`${markers}\` point${run.length > 1 || first.numbers.length > 1 ? '' : 's'} to no references in this document`
      note = references.present
        ? `The document's references define ${references.numbered.size > 0 ? 'only ' + [...references.numbered].sort((a, b) => a - b).slice(0, 12).join(', ') : 'no numbers'}; these markers were copied from another page with the text around them. Remove them.`
        : 'The document has no references, notes or footnotes section, so these footnote markers were copied from another page (an encyclopedia or paper) with the text around them. Remove them.'
    }
    report(file, meta, reason, {
      place: toPlace(file, line.start + start, line.start + last.end),
      note,
      actual: text.slice(start, last.end),
      expected: [''],
    })
  }
}

function isResidue(
  text: string,
  run: Marker[],
  first: Marker,
  last: Marker,
  firstNonSpace: number,
  codeLine: boolean,
  references: {present: boolean; numbered: Set<number>},
): boolean {
  // A marker that opens a line is a list item or a reference entry.
  if (first.start === firstNonSpace) return false
  const before = text[first.start - 1]
  const glued = before !== ' ' && before !== '\t'
  const after = text[last.end] ?? ' '
  // Markers end where a word or punctuation would: not `[2].length`, `[1](x)`, `[0]x`.
  if (/[\p{L}\p{N}(=[_]/u.test(after)) return false
  if (after === '.' && /[\p{L}_]/u.test(text[last.end + 1] ?? '')) return false
  const kinds = new Set(run.map((marker) => marker.kind))
  if (kinds.has('template') || kinds.has('section')) {
    // [edit] sits right after a heading: the line is short and the link ends it.
    if (kinds.has('section') && !(text.trim().length <= 120 && text.slice(last.end).trim() === '')) return false
    return true
  }
  if (codeLine) return false
  if (glued) {
    // Indexing: `items[3]`, `x[1]`, `data.rows[2]`, `f(x)[1]`.
    let k = first.start
    while (k > 0 && first.start - k < 40 && /[\p{L}\p{N}_.$)\]]/u.test(text[k - 1])) k--
    const token = text.slice(k, first.start)
    const wordEnd = /\p{L}$/u.test(token)
    const punctuationEnd = /[.,;:!?"”’')]$/.test(token) || /[.,;:!?"”’')]$/.test(before)
    if (wordEnd && (token.length <= 2 || /[_$.\d]|\p{Ll}\p{Lu}/u.test(token))) return false
    if (!wordEnd && !punctuationEnd) return false
  } else if (kinds.has('letter')) {
    // `[a]` after a space is an editorial insertion ("which is [a] big one").
    return false
  }
  if (kinds.has('letter')) return !references.present
  const numbers = run.flatMap((marker) => marker.numbers)
  if (numbers.some((n) => n === 0)) return false
  if (references.present) {
    if (references.numbered.size === 0) return false
    return numbers.some((n) => !references.numbered.has(n))
  }
  return true
}

function findJumpLinks(file: VFile, line: Line) {
  const text = line.text
  if (!text.includes('Jump up')) return
  JUMP.lastIndex = 0
  for (const match of text.matchAll(JUMP)) {
    let end = match.index + match[0].length
    while (text[end] === ' ') end++
    report(file, meta, `Back-link \`${match[0].trim()}\` of an encyclopedia reference list left in the text`, {
      place: toPlace(file, line.start + match.index, line.start + end),
      note: '"^ Jump up to: a b" is the link from a reference back to where it is cited; as text it is page furniture of the source wiki. Remove it (keep the reference itself if the article cites it).',
      actual: text.slice(match.index, end),
      expected: [''],
    })
  }
}
