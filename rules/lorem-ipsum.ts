/**
 * lorem-ipsum: placeholder Latin (the classic "Lorem ipsum dolor sit amet" and
 * the faker-lorem sentences of fake-data libraries) left in bios, captions or
 * paragraphs. Found by the share of words from the lorem vocabulary in a
 * sentence or a run of sentences, not by a list of fixed sentences. Words that
 * are English too (`video`, `via`, `error`) are neutral, so English prose with
 * a Latin tag (`de facto`, `et al.`, `ad hoc`) stays far below the bar; a
 * quoted Latin passage, or one the paragraph calls Latin/a motto, needs a
 * clearly higher share and length than plain filler.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report, resolveOptions, type RuleMeta, type RuleOptions} from './kit/rule.js'
import {getLines, removalPlace, toPlace, type Line} from './kit/text.js'
import {LOREM_SIZE, countLorem, loremShare, type LoremCount} from './kit/lorem.js'

export const meta: RuleMeta = {
  id: 'lorem-ipsum',
  description: 'lorem-ipsum or faker-lorem placeholder Latin left in the text (bios, captions, paragraphs)',
  level: 'error',
  fixable: true,
  options: {
    minWords: {
      type: 'integer',
      default: 4,
      min: 2,
      max: 50,
      description: 'Fewest lorem words a sentence or run of sentences needs to be reported.',
    },
    minShare: {
      type: 'number',
      default: 0.8,
      min: 0.5,
      max: 1,
      description: 'Smallest share of lorem words among the non-neutral words of the run.',
    },
    quotedMinWords: {
      type: 'integer',
      default: 8,
      min: 2,
      max: 100,
      description: 'Fewest lorem words when the run is quoted or the paragraph presents it as Latin (a motto, an inscription).',
    },
    quotedMinShare: {
      type: 'number',
      default: 0.95,
      min: 0.5,
      max: 1,
      description: 'Smallest lorem share when the run is quoted or presented as Latin.',
    },
  },
}

interface Settings extends RuleOptions {
  minWords: number
  minShare: number
  quotedMinWords: number
  quotedMinShare: number
}

interface Sentence {
  /** Offsets in the document. */
  start: number
  end: number
  count: LoremCount
  /** First sentence of the line's content or of one field on it; last one. */
  segmentStart: boolean
  segmentEnd: boolean
}

interface Run {
  line: Line
  sentences: Sentence[]
}

const MAX_LABEL = 32
const OPENING_QUOTES = new Set(['"', '“', '‘', '«', '„', "'"])
const LATIN_CUE = /\b(?:latin|motto|inscription|inscribed|proverb|maxim|translat\w{0,6}|cicero|virgil|horace|ovid|seneca|caesar)\b/i

/** Where a line's content starts: after spaces, a bullet and a short `Label :` prefix. */
function contentStart(text: string): number {
  let i = 0
  while (i < text.length && i < 24 && /\s/.test(text[i]!)) i++
  if (/[•·▪◦‣●○■►▸*+>–—-]/.test(text[i] ?? '') && /\s/.test(text[i + 1] ?? '')) {
    i++
    while (i < text.length && i < 40 && /\s/.test(text[i]!)) i++
  }
  return skipLabel(text, i)
}

/** After a short `Label :` prefix (`Bio :`, `**About:**`) at `i`, or `i`. */
function skipLabel(text: string, i: number): number {
  const window = text.slice(i, i + MAX_LABEL + 2)
  const colon = window.indexOf(':')
  const label = window.slice(0, colon).replace(/[*_]/g, '').trim()
  if (colon > 0 && /^[A-Z][A-Z .'-]*$/i.test(label) && label.split(' ').length <= 3) {
    i += colon + 1
    while (i < text.length && /[\s*_]/.test(text[i]!)) i++
  }
  return i
}

/** Split a line's content into sentences (document offsets), and into fields where the line holds several. */
function sentences(line: Line, from: number): Sentence[] {
  const text = line.text
  const result: Sentence[] = []
  let start = from
  let segmentStart = true
  const push = (end: number, segmentEnd: boolean) => {
    let last = end
    while (last > start && /\s/.test(text[last - 1]!)) last--
    if (last > start) {
      result.push({start: line.start + start, end: line.start + last, count: countLorem(text.slice(start, last)), segmentStart, segmentEnd})
      segmentStart = false
    }
    if (segmentEnd && result.length > 0) result[result.length - 1]!.segmentEnd = true
  }
  for (let i = from; i < text.length; i++) {
    const c = text[i]!
    // Fields on one line (`Name: ... | Bio: ...`, `Name: ..., Bio: ...`) are separate texts.
    let next = -1
    if (c === '|' || c === '\t' || c === '¦') next = i + 1
    else if ((c === ',' || c === ';') && text[i + 1] === ' ') {
      const after = skipLabel(text, i + 2)
      if (after > i + 2) next = i + 1
    }
    if (next !== -1) {
      push(i, true)
      segmentStart = true
      start = next
      while (start < text.length && /\s/.test(text[start]!)) start++
      start = skipLabel(text, start)
      i = start - 1
      continue
    }
    // A colon opens a new sentence too (`The motto reads: "..."`).
    if ((c === '.' || c === '!' || c === '?' || c === ':') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      let end = i + 1
      while (end < text.length && /["'”’»)]/.test(text[end]!)) end++
      push(end, false)
      start = end
      while (start < text.length && /\s/.test(text[start]!)) start++
      i = start - 1
    }
  }
  push(text.length, true)
  return result
}

function merged(sentences: readonly Sentence[]): LoremCount {
  const result: LoremCount = {lorem: 0, other: 0, neutral: 0, words: []}
  for (const sentence of sentences) {
    result.lorem += sentence.count.lorem
    result.other += sentence.count.other
    result.neutral += sentence.count.neutral
    for (const word of sentence.count.words) if (result.words.length < 12) result.words.push(word)
  }
  return result
}

export default function loremIpsum(options?: RuleOptions) {
  const settings = resolveOptions<Settings>(meta, options)
  return function (_tree: Root, file: VFile) {
    const text = String(file)
    const lines = getLines(file)
    // The paragraph (run of non-blank lines) of each line, for the Latin cue.
    let paragraphStart = 0
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!
      if (line.text.trim() === '') {
        paragraphStart = index + 1
        continue
      }
      const from = contentStart(line.text)
      const all = sentences(line, from)
      // Runs of consecutive sentences that are each mostly lorem.
      const runs: Run[] = []
      let current: Sentence[] = []
      const flush = () => {
        if (current.length > 0) runs.push({line, sentences: current})
        current = []
      }
      for (const sentence of all) {
        const share = loremShare(sentence.count)
        if (sentence.count.lorem > 0 && share >= 0.6) current.push(sentence)
        else if (sentence.count.lorem === 0 && sentence.count.other === 0) continue
        else flush()
      }
      flush()
      for (const run of runs) {
        const count = merged(run.sentences)
        const share = loremShare(count)
        const start = run.sentences[0]!.start
        const end = run.sentences[run.sentences.length - 1]!.end
        let quoted = false
        for (let k = start - line.start - 1; k >= 0 && k >= start - line.start - 3; k--) {
          if (OPENING_QUOTES.has(line.text[k]!)) quoted = true
        }
        if (OPENING_QUOTES.has(text[start] ?? '')) quoted = true
        if (!quoted) {
          let paragraph = ''
          for (let k = paragraphStart; k < lines.length && k < paragraphStart + 40 && lines[k]!.text.trim() !== ''; k++) paragraph += lines[k]!.text.slice(0, 2000) + ' '
          quoted = LATIN_CUE.test(paragraph)
        }
        const minWords = quoted ? settings.quotedMinWords : settings.minWords
        const minShare = quoted ? settings.quotedMinShare : settings.minShare
        // The whole content of the line is filler: remove the line (with its label); else the sentences.
        const whole = start === line.start + from && end >= line.start + line.text.trimEnd().length
        // A bio or caption that is nothing but lorem may be one word shorter (faker's 3-word sentences).
        const segment = run.sentences[0]!.segmentStart && run.sentences[run.sentences.length - 1]!.segmentEnd
        const short = !quoted && segment && count.other === 0 && count.lorem >= Math.max(2, minWords - 1)
        if (!short && (count.lorem < minWords || share < minShare)) continue
        let place
        if (whole) place = removalPlace(file, line)
        else {
          let cut = end
          while (cut < line.end && /[ \t]/.test(text[cut]!)) cut++
          let begin = start
          if (cut === line.end) while (begin > line.start && /[ \t]/.test(text[begin - 1]!)) begin--
          place = toPlace(file, begin, cut)
        }
        const actual = text.slice(place.start.offset!, place.end.offset!)
        const sample = count.words.slice(0, 8).join(', ')
        report(
          file,
          meta,
          `Lorem-ipsum filler: ${count.lorem} of ${count.lorem + count.other} words are placeholder Latin; a template or fake-data generator left it in place of real text`,
          {
            place,
            note: `lorem words: ${sample}${count.words.length > 8 ? ', ...' : ''} (share ${Math.round(share * 100)}%, bar ${Math.round(minShare * 100)}% and ${minWords} words${quoted ? ', raised for a quoted or Latin passage' : ''}; vocabulary of ${LOREM_SIZE} words from faker's lorem list and the classic passage)`,
            actual,
            expected: [''],
          },
        )
      }
    }
  }
}
