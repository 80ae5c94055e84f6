/**
 * page-furniture: the page around the article that a naive scraper keeps:
 * the menus, login links and section lists before the article's first
 * paragraph, and the share rows, footers, cookie notices, related-story lists
 * and reader comments after its last.
 *
 * Block-level boilerplate detection (in the spirit of jusText) on plain text:
 * each line is a paragraph (text of 30 words or more, or of 12 words or more
 * ending a sentence; not a long line without punctuation, not an excerpt cut
 * off with an ellipsis), a sentence, or a short line. The article is the
 * stretch from the first paragraph to the last, without site notices, lone
 * paragraphs out in the furniture (up to three, when the article outweighs
 * them), teasers after a furniture row, anything after the copyright line
 * under the footer links, and a comment thread. What lies before and after it
 * is reported as one block each when it is mostly short lines and shows page
 * furniture (a share, login, privacy, copyright, cookie or related link line;
 * words in data/page-furniture.json). A block after the article keeps the
 * sentences that directly follow the last paragraph, the article's own
 * list and appendix (`See also` over its lines) after them, and is left alone
 * when it is a numbered list. A line with an email address is a contact
 * detail (a press release's media contact), not a furniture line. Inside the
 * article nothing is touched: that is link-residue's business.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, removalPlace, type Line} from './kit/text.js'
import data from './data/page-furniture.json' with {type: 'json'}
import {APPENDIX_HEADINGS} from './kit/english.js'

export const meta: RuleMeta = {
  id: 'page-furniture',
  description: 'menus, share rows, footers, cookie notices, related lists and comment threads before or after the article',
  level: 'warn',
  fixable: true,
  options: {
    minLines: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 100,
      description: 'the fewest non-blank lines a block before or after the article needs to be reported',
    },
  },
}

interface Settings extends RuleOptions {
  minLines: number
}

type Kind = 'blank' | 'paragraph' | 'sentence' | 'short'

/** Word boundaries that also hold for letters outside ASCII (`\\b` does not, even with the `u` flag). */
const WORD_START = '(?<![\\p{L}\\p{N}])'
const WORD_END = '(?![\\p{L}\\p{N}])'

/** Cue words as one alternation of literals (escaped), longest first. */
function alternatives(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('|')
}

/** Lines longer than this are never tested against the cue patterns (they are prose). */
const CUE_MAX = 200

const TERMINALS = new Set(['.', '!', '?', '…', '。', '！', '？'])
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '*', '_'])

/** A furniture line starts with one of these words (share row, menu, account, footer and related-list labels; data/page-furniture.json). */
const START_CUE = new RegExp(`^(?:${alternatives(data.lineStarts)})${WORD_END}`, 'iu')
/** ... or has one of these anywhere (a copyright line's words among them). */
const ANY_CUE = new RegExp(`(?:${alternatives(data.symbols)}|${WORD_START}(?:${alternatives([...data.copyright, ...data.anywhere])})${WORD_END})`, 'iu')
/** A copyright line. */
const COPYRIGHT = new RegExp(`(?:${alternatives(data.symbols)}|${WORD_START}(?:${alternatives(data.copyright)})${WORD_END})`, 'iu')
/** A footer link: privacy, terms, contact, imprint (a whole short line). */
const FOOTER_LINK = new RegExp(`^(?:${alternatives(data.footerLinks)})${WORD_END}`, 'iu')
/** Prose has at least one of these; a long line without any is a list of names or links. */
const PROSE_MARK = /[.,;!?…。，、！？]/u
/** Characters that separate the fields of a list item. */
const LIST_SEPARATORS = new Set(['–', '—', '@', ':', ',', '(', '$', '€', '£', '%', '/', '•', '·'])
/** A paragraph with one of these is a site's notice (footer, policy, consent, ad-blocker plea). */
const PARAGRAPH_CUE = new RegExp(`(?:${alternatives(data.symbols)}|${WORD_START}(?:${alternatives(data.paragraphNotices)})${WORD_END})`, 'iu')
/** The heading of a comment thread. */
const COMMENTS_HEADING =
  /^(?:\d+ (?:responses?|comments?|replies|reactions?|thoughts on)\b|(?:leave|post|add) a (?:reply|comment)\b|comments?(?: \(\d+\))?:?$|reader comments$|join the discussion$|(?:show|view) comments$)/iu
/** `jdoe says:` over a comment. */
const SAYS = /^\S[^\n]{0,60} (?:says|said|wrote):?$/iu
/** `November 19, 2019 at 6:34 am`, `19 Nov 2019 18:34`, `2019-11-19 06:34`. */
const STAMP = /^(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}, \d{4}|\d{1,2} \p{Lu}\p{Ll}{2,8}\.? \d{4}|\d{4}-\d{2}-\d{2})(?: at)? \d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)?$/u
/** `See also`, `Further reading`, `References`: an appendix of the article's own (the kit's list: link-residue leaves the same appendix alone). */
const APPENDIX = new Set(APPENDIX_HEADINGS)
/** `1. `, `12) ` */
const NUMBERED = /^\d{1,3}[.)] /u

interface Info {
  line: Line
  text: string
  kind: Kind
}

export default function pageFurniture(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const infos = getLines(file).map((line): Info => {
      const text = line.text.trim()
      return {line, text, kind: classify(text)}
    })
    let first = infos.findIndex((info) => info.kind === 'paragraph')
    if (first === -1) return
    let last = -1
    for (let i = infos.length - 1; i >= 0; i--) {
      if (infos[i].kind === 'paragraph') {
        last = i
        break
      }
    }
    // A lone paragraph far out in the furniture (a site blurb, a newsletter pitch) is not where the article starts or ends.
    const paragraphs = infos.flatMap((info, i) => (info.kind === 'paragraph' ? [i] : []))
    let from = 0
    let to = paragraphs.length - 1
    // A site's notice is never the article's edge, and the gap to the next paragraph of the article spans it.
    const notice = paragraphs.map((i) => isFurnitureParagraph(infos[i].text))
    while (to > from) {
      if (notice[to]) {
        to--
        continue
      }
      let previous = to - 1
      while (previous > from && notice[previous]) previous--
      if (!isFurnitureGap(infos, paragraphs[previous], paragraphs[to])) break
      to--
    }
    while (from < to) {
      if (notice[from]) {
        from++
        continue
      }
      let next = from + 1
      while (next < to && notice[next]) next++
      if (!isFurnitureGap(infos, paragraphs[from], paragraphs[next])) break
      from++
    }
    // Sidebar paragraphs before a wide furniture gap (a quote of the day, a site blurb) are not the article's start
    // when the article after the gap outweighs them twice over.
    const words = paragraphs.map((i) => wordCount(infos[i].text))
    let before = 0
    let after = 0
    for (let p = from; p <= to; p++) after += words[p]
    for (let k = from + 1; k <= to && k - from <= 3; k++) {
      before += words[k - 1]
      after -= words[k - 1]
      if (before * 2 <= after && isFurnitureGap(infos, paragraphs[k - 1], paragraphs[k])) from = k
    }
    // A short furniture row after the article (`Tags:`, `More in ...`) followed by teasers: short lines around paragraphs.
    const isTeaserStretch = teaserStretches(infos, paragraphs, words, from, to)
    for (let k = from + 1; k <= to; k++) {
      if (isFurnitureRow(infos, paragraphs[k - 1], paragraphs[k]) && isTeaserStretch(k)) {
        to = k - 1
        break
      }
    }
    // The same at the foot: up to three paragraphs after a wide furniture gap (a blurb, a promotion, a teaser).
    before = 0
    after = 0
    for (let p = from; p <= to; p++) before += words[p]
    for (let k = to; k > from && to - k < 3; k--) {
      after += words[k]
      before -= words[k]
      if (after * 2 <= before && isFurnitureGap(infos, paragraphs[k - 1], paragraphs[k])) {
        to = k - 1
        break
      }
    }
    // The page's copyright line under its footer links ends the page: what follows comes from overlays and forms.
    const footer = footerLine(infos, paragraphs[from], paragraphs[to])
    if (footer !== -1) while (to > from && paragraphs[to] > footer) to--
    first = paragraphs[from]
    last = paragraphs[to]
    let thread = false
    const comments = commentThread(infos, first, last)
    if (comments !== -1) {
      thread = true
      last = comments - 1
      while (last > first && infos[last].kind !== 'paragraph') last--
    }

    const head = nonBlank(infos, 0, first)
    if (head.length >= settings.minLines) {
      const cues = head.filter((i) => isCue(infos[i].text))
      const short = share(infos, head)
      if (short >= 0.5 && cues.length > 0) {
        const evidence = cues.length > 0 ? `furniture lines such as \`${shorten(infos[cues[0]].text)}\`` : `${head.length} short lines`
        reportBlock(file, infos, head, `${head.length} lines of page furniture before the article's first paragraph (line ${infos[first].line.line})`, `${Math.round(short * 100)}% short lines without sentence punctuation, ${evidence}`)
      }
    }

    let tail = nonBlank(infos, last + 1, infos.length)
    // The sentences right after the last paragraph may still be the article's (a sign-off, a credit).
    let kept = 0
    while (!thread && kept < tail.length && infos[tail[kept]].kind !== 'short') kept++
    if (!thread) kept += listRun(infos, tail.slice(kept))
    if (!thread) kept += appendix(infos, tail.slice(kept))
    tail = tail.slice(kept)
    if (tail.length >= settings.minLines) {
      const numbered = tail.filter((i) => NUMBERED.test(infos[i].text)).length
      const cues = tail.filter((i) => isCue(infos[i].text))
      const short = share(infos, tail)
      if (thread || (numbered < 3 && short >= 0.5 && cues.length > 0)) {
        const evidence = thread ? 'a comment thread' : `${Math.round(short * 100)}% short lines without sentence punctuation, furniture lines such as \`${shorten(infos[cues[0]].text)}\``
        reportBlock(file, infos, tail, `${tail.length} lines of page furniture after the article's last paragraph (line ${infos[last].line.line})`, evidence)
      }
    }
  }
}

function classify(text: string): Kind {
  if (text.length === 0) return 'blank'
  const words = wordCount(text)
  const ends = endsSentence(text)
  // A long line without any punctuation is a tag cloud, a drop-down or a menu on one line, not prose.
  if ((words >= 30 || text.length >= 250) && !PROSE_MARK.test(text)) return 'short'
  // A shorter line cut off with an ellipsis is an excerpt (a comment or story teaser), not the article's paragraph.
  if (words >= 30 || text.length >= 250 || (words >= 12 && ends && !text.endsWith('…') && !text.endsWith('...'))) return 'paragraph'
  if (ends && words >= 4) return 'sentence'
  return 'short'
}

function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text[i] === ' ' || text[i] === '\t'
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

function endsSentence(text: string): boolean {
  let end = text.length
  while (end > 0 && CLOSERS.has(text[end - 1])) end--
  return end > 0 && TERMINALS.has(text[end - 1])
}

function isCue(text: string): boolean {
  if (text.length > CUE_MAX) return false
  // `Email: press@example.org` is a contact detail (a press release's, an author's), not a share button.
  return ANY_CUE.test(text) || (START_CUE.test(text) && !holdsAddress(text))
}

/** Whether `text` holds an email address (`name@host.tld`). A scan from each `@`: linear. */
function holdsAddress(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !isAddressChar(text[at - 1])) continue
    let dots = 0
    let last = at
    for (let i = at + 1; i < text.length && (isAddressChar(text[i]) || text[i] === '.'); i++) {
      if (text[i] === '.') dots++
      last = i
    }
    if (dots > 0 && text[last] !== '.' && text[at + 1] !== '.' && last > at + 2) return true
  }
  return false
}

function isAddressChar(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9') || char === '_' || char === '-' || char === '+' || char === '%'
}

function nonBlank(infos: Info[], from: number, to: number): number[] {
  const out: number[] = []
  for (let i = from; i < to; i++) if (infos[i].kind !== 'blank') out.push(i)
  return out
}

/** Between two paragraphs: eight or more lines, mostly short, with furniture among them. */
function isFurnitureGap(infos: Info[], a: number, b: number): boolean {
  const gap = nonBlank(infos, a + 1, b)
  return gap.length >= 8 && share(infos, gap) >= 0.7 && gap.some((i) => isCue(infos[i].text))
}

/** Between two paragraphs: three or more lines, mostly short, with furniture among them. */
function isFurnitureRow(infos: Info[], a: number, b: number): boolean {
  const gap = nonBlank(infos, a + 1, b)
  return gap.length >= 3 && share(infos, gap) >= 0.7 && gap.some((i) => isCue(infos[i].text))
}

/**
 * Whether the stretch from paragraph `k` to paragraph `to` holds teasers of other stories: more short lines than
 * anything else, furniture among them. Asked for each `k` from `from + 1` up, so the counts are prefix sums built
 * once and the furniture lines are looked for by one forward scan: a scan of the stretch per `k` is quadratic on a
 * long page with a furniture row under every paragraph.
 */
function teaserStretches(infos: Info[], paragraphs: number[], words: number[], from: number, to: number): (k: number) => boolean {
  // non-blank and short lines before line i
  const nonBlanks = [0]
  const shorts = [0]
  for (let i = 0; i < infos.length; i++) {
    nonBlanks.push(nonBlanks[i] + (infos[i].kind === 'blank' ? 0 : 1))
    shorts.push(shorts[i] + (infos[i].kind === 'short' ? 1 : 0))
  }
  // paragraphs p < q directly followed by the next one (no non-blank line between), and words of paragraphs p < q
  const adjacents = [0]
  const wordsBefore = [0]
  for (let p = 0; p < paragraphs.length; p++) {
    adjacents.push(adjacents[p] + (p + 1 < paragraphs.length && nonBlanks[paragraphs[p + 1]] === nonBlanks[paragraphs[p] + 1] ? 1 : 0))
    wordsBefore.push(wordsBefore[p] + words[p])
  }
  const end = paragraphs[to] + 1
  let cueLine = -1
  let scanned = 0
  return (k) => {
    const start = paragraphs[k]
    const lines = nonBlanks[end] - nonBlanks[start]
    if ((shorts[end] - shorts[start]) / Math.max(1, lines) < 0.6) return false
    if (cueLine < start) {
      cueLine = -1
      for (let i = Math.max(scanned, start); i < end && cueLine === -1; i++) if (infos[i].kind !== 'blank' && isCue(infos[i].text)) cueLine = i
      scanned = cueLine === -1 ? end : cueLine + 1
      if (cueLine === -1) return false
    }
    // Teasers stand apart, each among its short lines; the article's paragraphs follow one another.
    if ((adjacents[to] - adjacents[k]) * 4 > to - k + 1) return false
    // The article before the row outweighs the teasers after it.
    return wordsBefore[k] - wordsBefore[from] >= wordsBefore[to + 1] - wordsBefore[k]
  }
}

/** A paragraph that is a site's notice, not the article: a footer, a comment policy, a trademark or consent notice. */
function isFurnitureParagraph(text: string): boolean {
  return PARAGRAPH_CUE.test(text)
}

/**
 * How many lines at the start of `block` are the article's own list (tour dates, a price list): four or more
 * lines in a row with the same separators (`June 9 – Tampa, FL @ Arena`), after at most one heading line. 0 if none.
 */
function listRun(infos: Info[], block: number[]): number {
  for (const start of [0, 1]) {
    const signature = separators(infos[block[start]]?.text ?? '')
    if (signature === '') continue
    let end = start + 1
    while (end < block.length && separators(infos[block[end]].text) === signature) end++
    if (end - start >= 4) return end
  }
  return 0
}

/**
 * How many lines at the start of `block` are appendices of the article's own: a heading on a line of its own
 * (`See also`, `Further reading`, `References`; data/page-furniture.json) and the lines right under it (up to the
 * first blank line), none of them a furniture line. 0 if none.
 */
function appendix(infos: Info[], block: number[]): number {
  let kept = 0
  while (kept < block.length && isAppendixHeading(infos[block[kept]].text)) {
    let end = kept + 1
    while (end < block.length && !isCue(infos[block[end]].text) && (end === kept + 1 || block[end] === block[end - 1] + 1)) end++
    if (end === kept + 1) break
    kept = end
  }
  return kept
}

function isAppendixHeading(text: string): boolean {
  if (text.length > 40) return false
  let end = text.length
  while (end > 0 && (text[end - 1] === ':' || CLOSERS.has(text[end - 1]))) end--
  return APPENDIX.has(text.slice(0, end).toLowerCase().replaceAll('’', "'"))
}

/** The first two separators of a list item, in order of appearance: `–,` for `June 9 – Tampa, FL @ Arena`; '' for a line too long, a cue line or a `Headline | Publisher` line. */
function separators(text: string): string {
  if (text.length > CUE_MAX || isCue(text) || text.includes('|')) return ''
  let out = ''
  for (const char of text) {
    if (LIST_SEPARATORS.has(char) && !out.includes(char)) out += char
    if (out.length === 2) break
  }
  return out
}

/**
 * The first copyright line (`© 2019 Example News. All rights reserved`) between `first` and `last` with two or more
 * footer links (`Privacy Policy`, `Terms of Use`, `Contact Us`) among the six lines before it. -1 if none.
 */
function footerLine(infos: Info[], first: number, last: number): number {
  for (let i = first + 1; i < last; i++) {
    const text = infos[i].text
    if (infos[i].kind === 'paragraph' || text.length > CUE_MAX || !COPYRIGHT.test(text)) continue
    let links = 0
    let seen = 0
    for (let j = i - 1; j > first && seen < 6; j--) {
      if (infos[j].kind === 'blank') continue
      seen++
      if (FOOTER_LINK.test(infos[j].text)) links++
    }
    if (links >= 2) return i
  }
  return -1
}

function share(infos: Info[], block: number[]): number {
  return block.filter((i) => infos[i].kind === 'short').length / Math.max(1, block.length)
}

/**
 * The first line of a comment thread inside the article's stretch: a comments heading or a
 * `<name> says:` line, with at least two `says:` or time-stamp lines in the next twelve. -1 if none.
 */
function commentThread(infos: Info[], first: number, last: number): number {
  for (let i = first + 1; i <= last; i++) {
    const text = infos[i].text
    if (text.length > 100 || !(COMMENTS_HEADING.test(text) || SAYS.test(text))) continue
    let cues = 0
    for (let j = i; j < Math.min(infos.length, i + 12); j++) {
      const other = infos[j].text
      if (other.length <= 100 && (SAYS.test(other) || STAMP.test(other))) cues++
    }
    if (cues >= 2) return i
  }
  return -1
}

function reportBlock(file: VFile, infos: Info[], block: number[], reason: string, evidence: string) {
  const place = removalPlace(file, infos[block[0]].line, infos[block[block.length - 1]].line)
  const actual = String(file).slice(place.start.offset!, place.end.offset!)
  report(file, meta, `${reason}: menus, share rows, footers or related links the scraper kept`, {
    place,
    note: `Evidence: ${evidence}; it starts with \`${shorten(infos[block[0]].text)}\`. Remove the block.`,
    actual,
    expected: [''],
  })
}

function shorten(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '...' : text
}
