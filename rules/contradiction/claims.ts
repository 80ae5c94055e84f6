/**
 * The claims of the `contradiction` rule: what one sentence asserts, in a
 * compact, JSON-serialisable form that the corpus pass compares without
 * re-reading the text.
 */

/** How a claim is asserted. */
export type Modality =
  /** It happened (past, present perfect): `signed`, `has signed`, `did not sign`. */
  | 'done'
  /** A general or current fact: `sells`, `does not sell`, `has 5,000 employees`. */
  | 'present'
  /** A possibility: `may sign`, `could sign`, `may not sign`. */
  | 'may'
  /** A prediction: `will sign`, `will not sign`, `is expected to sign`. */
  | 'will'
  /** A negative prediction: `is unlikely to sign`, `is not expected to sign`. */
  | 'unlikely'

export interface ClaimNumber {
  /** The value as written (after multipliers). */
  v: number
  /** Lower and upper bound once qualifiers (`about`, `more than`) are applied; null is unbounded. */
  lo: number
  hi: number | null
  /** Unit: `%`, `$`, or the lemma of the counted noun (`phone`). */
  u: string
  /** Role: `n` counted object, `by` a change, `to` a level reached, `from` a level left. */
  r: 'n' | 'by' | 'to' | 'from'
  /** The number as written, for messages. */
  t: string
}

export interface Claim {
  /** Where the sentence is: start line, start column, end line, end column, start offset, end offset. */
  at: [number, number, number, number, number, number]
  /** Index of the sentence in its document (one message per pair of sentences). */
  si: number
  /** The sentence (shortened) for messages. */
  s: string
  /** Subject key: sorted entity words, `#`, head lemma (`iran,russia#`); `` for an agentless passive. */
  subj: string
  /** Subject as written (`they`, `This partnership`). */
  ss: string
  /** Predicate lemma (`sign`). */
  pred: string
  /** Object key: compound and head lemma (`defense pact`), `` when there is none. */
  obj: string
  /** Compound before the object head (`defense` in `defense pact`): must agree when both have one. */
  oc?: string
  /** Object as written (`a formal defense pact`). */
  os: string
  /** Polarity: 1 asserted, -1 negated. */
  pol: 1 | -1
  mod: Modality
  /** 1 when the claim comes from a nominalisation (`the signing of a pact`). */
  nom?: 1
  /** The object is indefinite (`a software update`): one of many. */
  ind?: 1
  /** `never` was used. */
  nev?: 1
  /** Numbers the claim gives. */
  n?: ClaimNumber[]
  /** Period the claim applies to: `2023`, `2023-q1`, `2023-03`, `rel:last year`, `multi`. */
  per?: string
  /**
   * The purpose or role of a repeatable once-only event (`to:traffic` in `opened to goods traffic`,
   * `as:museum`, `on:dvd`), or `again` for a repeat: such an event is one of several.
   */
  q?: string
  /** Named places or parties after the verb (`with France`, `in China`). */
  mods?: string[]
  /**
   * The source the claim is attributed to (`X said/argued that ...`, `according to X`, `..., X said.`):
   * its entity words (`goldman,sachs#`) or its head (`#analyst`, `#he`); absent in the document's own voice.
   */
  src?: string
  /** Past and participle forms of the predicate, for messages. */
  vf: [string, string]
}

/** A claim as stored on `file.data`: its sentence is stored once, apart. */
export type StoredClaim = Omit<Claim, 'at' | 's' | 'vf'>

export interface StoredSentence {
  /** Index of the sentence in its document. */
  si: number
  at: Claim['at']
  /** The sentence (shortened). */
  s: string
}

export interface ContradictionData {
  /** Words naming what the document is about (`iran`, `russia`), which anaphoric subjects resolve to. */
  topic: string[]
  /** The sentences that hold claims. */
  sentences: StoredSentence[]
  claims: StoredClaim[]
}

declare module 'vfile' {
  interface DataMap {
    contradiction: ContradictionData
  }
}
