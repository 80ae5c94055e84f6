/**
 * Constants for duplicate-sentence. The function-word list is shared with
 * keyword-stuffing (same notion: words that carry no content).
 */
export {STOPWORDS} from './keyword-stuffing.js'

/** Marks that end a real sentence; a "sentence" without one is a title, label or menu line. */
export const TERMINALS: ReadonlySet<string> = new Set(['.', '!', '?', '\u2026', '\u3002'])

/** Sentences longer than this many words are not compared (run-ons, lists, hostile input). */
export const MAX_WORDS = 200

/** A word 3-gram shared by more sentences than this is too common to find candidates with. */
export const MAX_POSTINGS = 24

/** A near (not word-for-word) duplicate needs at least this many distinct content words in the shorter sentence. */
export const MIN_CONTENT_NEAR = 10

/**
 * A sentence broken over lines this short, each ending in one of `CONTINUATIONS`, is verse (a
 * poem, lyrics, a chant): its repeats are refrains, not duplicates.
 */
export const MAX_VERSE_LINE = 60

/** Marks that end a verse line and continue the sentence on the next one. */
export const CONTINUATIONS: ReadonlySet<string> = new Set([',', ';', ':', '\u2013', '\u2014'])
