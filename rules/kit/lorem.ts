/**
 * The lorem-ipsum vocabulary, built once per process: the lorem word list of
 * `@faker-js/faker`'s English locale (imported, not copied) plus the classic
 * "Lorem ipsum dolor sit amet" passage, less the words that are also English
 * (or Latin tags of English prose), which count as neutral.
 *
 * Shared by the lorem-ipsum rule and fake-author-block (bios), so it lives in the rule kit.
 */
import {faker} from '@faker-js/faker/locale/en'
import data from './data/lorem.json' with {type: 'json'}

export type WordClass = 'lorem' | 'neutral' | 'other'

const fakerLorem: readonly string[] = faker.rawDefinitions.lorem?.word ?? []

/** Words that are English too: neither lorem nor non-lorem. */
export const NEUTRAL: ReadonlySet<string> = new Set(data.english)

/** Lorem vocabulary (lower case), neutral words removed. */
export const LOREM: ReadonlySet<string> = new Set(
  [...fakerLorem, ...data.classic].map((word) => word.toLowerCase()).filter((word) => !NEUTRAL.has(word)),
)

/** How big the vocabulary is, for notes and docs. */
export const LOREM_SIZE = LOREM.size

/** Class of one word (any case). */
export function classifyWord(word: string): WordClass {
  const lower = word.toLowerCase()
  if (LOREM.has(lower)) return 'lorem'
  if (NEUTRAL.has(lower)) return 'neutral'
  return 'other'
}

export interface LoremCount {
  lorem: number
  other: number
  neutral: number
  /** The first lorem words found (at most 12), in order. */
  words: string[]
}

const WORD = /[A-Za-z\u00C0-\u024F]+/g

/**
 * Count the lorem, neutral and other words of a text. `et al.` counts as
 * neutral (an English citation tag, not filler).
 */
export function countLorem(text: string): LoremCount {
  const result: LoremCount = {lorem: 0, other: 0, neutral: 0, words: []}
  WORD.lastIndex = 0
  let match: RegExpExecArray | null
  let previous = ''
  while ((match = WORD.exec(text))) {
    const word = match[0]
    const lower = word.toLowerCase()
    let kind = classifyWord(word)
    if (lower === 'al' && previous === 'et') kind = 'neutral'
    if (lower === 'et' && /^\s{1,3}al\b/.test(text.slice(match.index + 2, match.index + 8))) kind = 'neutral'
    result[kind]++
    if (kind === 'lorem' && result.words.length < 12) result.words.push(word)
    previous = lower
  }
  return result
}

/** Share of lorem words among the words that are not neutral (0 when there are none). */
export function loremShare(count: LoremCount): number {
  const counted = count.lorem + count.other
  return counted === 0 ? 0 : count.lorem / counted
}
