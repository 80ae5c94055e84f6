/**
 * separator-residue: a thematic break (`***`, `* * *`, `---`, `___`, `~~~`,
 * `###`) glued to the end or the start of a paragraph. On its own line a
 * separator is a legitimate section break; glued to text it is what is left
 * of the page's markup (an `<hr>`, a markdown break) after the scraper joined
 * the lines. String logic only: linear in the line.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, toPlace} from './kit/text.js'

export const meta: RuleMeta = {
  id: 'separator-residue',
  description: 'a separator (`***`, `---`, `* * *`) glued to the end or start of a paragraph, left from the page\'s markup',
  level: 'warn',
  fixable: true,
  options: {
    minLength: {
      type: 'integer',
      default: 3,
      min: 2,
      max: 20,
      description: 'how many separator characters make a separator',
    },
  },
}

interface Settings extends RuleOptions {
  minLength: number
}

const MARKS = new Set(['*', '-', '_', '=', '~', '#', '•', '─', '—'])
/** What may stand right before a glued separator: the end of a sentence. */
const SENTENCE_END = new Set(['.', '!', '?', '…', '"', '”', '’', "'", ')', ']'])
/** Longest run looked at; longer runs are reported by their first 200 characters' worth. */
const MAX_RUN = 200

interface Run {
  start: number
  end: number
  marks: number
  mark: string
}

/** The separator run ending at `end` (exclusive), scanning back over marks and single spaces. */
function runBefore(text: string, end: number): Run | undefined {
  let i = end
  let marks = 0
  let mark = ''
  while (i > 0 && end - i < MAX_RUN) {
    const c = text[i - 1]
    if (MARKS.has(c) && (mark === '' || c === mark)) {
      mark = c
      marks++
      i--
    } else if (c === ' ' && i > 1 && text[i - 2] === mark) i--
    else break
  }
  return marks > 0 ? {start: i, end, marks, mark} : undefined
}

function runAfter(text: string, start: number): Run | undefined {
  let i = start
  let marks = 0
  let mark = ''
  while (i < text.length && i - start < MAX_RUN) {
    const c = text[i]
    if (MARKS.has(c) && (mark === '' || c === mark)) {
      mark = c
      marks++
      i++
    } else if (c === ' ' && text[i + 1] === mark) i++
    else break
  }
  return marks > 0 ? {start, end: i, marks, mark} : undefined
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase()
}

export default function separatorResidue(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    for (const line of getLines(file)) {
      const text = line.text
      const end = text.trimEnd().length
      const begin = text.length - text.trimStart().length
      if (end - begin < 20) continue // a separator line on its own, or a scrap too short to call a paragraph

      // `...national interest.***`
      const tail = runBefore(text, end)
      if (tail && tail.marks >= settings.minLength) {
        let before = tail.start
        while (before > 0 && text[before - 1] === ' ') before--
        const previous = text[before - 1]
        // `***bold italic***` closes what it opened: not a separator
        const opening = tail.mark === '*' && tail.marks <= 3 ? text.indexOf('*'.repeat(tail.marks), begin) : -1
        const opened = opening !== -1 && opening < tail.start - 1
        if (previous !== undefined && SENTENCE_END.has(previous) && !opened) {
          const found = text.slice(tail.start, tail.end)
          report(file, meta, `Separator \`${found}\` glued to the end of a paragraph: a section break from the page's markup that the scraper joined to the text`, {
            place: toPlace(file, line.start + before, line.start + tail.end),
            note: 'On its own line a separator marks a section break; after the last sentence of a paragraph it is residue. Remove it (or put it on its own line if the break is wanted).',
            actual: text.slice(before, tail.end),
            expected: [''],
          })
          continue
        }
      }

      // `***The next section starts here.`; dashes only glued with no space (`---What We Know`: `- item` and `--- ` open lists and rules)
      const head = runAfter(text, begin)
      if (head && head.marks >= settings.minLength) {
        let after = head.end
        while (after < end && text[after] === ' ') after++
        const closed = head.mark === '*' && head.marks <= 3 && text.indexOf('*'.repeat(head.marks), head.end) !== -1
        if (isLetter(text[after]) && text[after] === text[after].toUpperCase() && !closed && head.mark !== '#' && (head.mark !== '-' || (head.marks >= 3 && after === head.end))) {
          const found = text.slice(head.start, head.end)
          report(file, meta, `Separator \`${found}\` glued to the start of a paragraph: a section break from the page's markup that the scraper joined to the text`, {
            place: toPlace(file, line.start + head.start, line.start + after),
            note: 'On its own line a separator marks a section break; before the first word of a paragraph it is residue. Remove it.',
            actual: text.slice(head.start, after),
            expected: [''],
          })
        }
      }
    }
  }
}
