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
