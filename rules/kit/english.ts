/**
 * English knowledge shared by more than one rule: closed word classes, read once from
 * `kit/data/english.json`. A rule's own thresholds stay in the rule; a list two rules must agree
 * on lives here.
 */
import data from './data/english.json' with {type: 'json'}

/** The headings of an article's own appendix (`See also`, `Further reading`, `References`), lower case as listed. */
export const APPENDIX_HEADINGS: readonly string[] = data.appendixHeadings
