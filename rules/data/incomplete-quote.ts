/**
 * Word lists for `incomplete-quote`. Closed classes of English (articles,
 * conjunctions, prepositions...) are finite and well known, so they are
 * listed here instead of guessed by a tagger. Everything is lowercase, with
 * straight apostrophes. Loaded once per process.
 */

/** A quote never ends on these: the noun, clause or object that follows them is missing. */
export const closers: Record<string, string> = {
  // articles
  the: 'the article',
  a: 'the article',
  an: 'the article',
  // possessive determiners (not `his`/`her`: they are also pronouns)
  my: 'the possessive',
  your: 'the possessive',
  our: 'the possessive',
  their: 'the possessive',
  its: 'the possessive',
  whose: 'the possessive',
  every: 'the determiner',
  // coordinating conjunctions
  and: 'the conjunction',
  or: 'the conjunction',
  nor: 'the conjunction',
  but: 'the conjunction',
  // subordinators
  because: 'the conjunction',
  although: 'the conjunction',
  whereas: 'the conjunction',
  unless: 'the conjunction',
  whether: 'the conjunction',
  if: 'the conjunction',
  than: 'the comparison word',
  as: 'the preposition',
  // prepositions that are (almost) never stranded
  of: 'the preposition',
  during: 'the preposition',
  despite: 'the preposition',
  via: 'the preposition',
  including: 'the preposition',
  regarding: 'the preposition',
  concerning: 'the preposition',
  amid: 'the preposition',
  amidst: 'the preposition',
  among: 'the preposition',
  amongst: 'the preposition',
  toward: 'the preposition',
  towards: 'the preposition',
  unlike: 'the preposition',
  per: 'the preposition',
  versus: 'the preposition',
  vs: 'the preposition',
  to: 'the preposition',
  // an intensifier needs its adjective
  very: 'the intensifier',
}

/**
 * Words before a final `of` that make it a legitimate stranded preposition
 * (`what dreams are made of`, `nothing to be ashamed of`, `I kind of`).
 */
export const ofStranders = new Set([
  'made', 'heard', 'think', 'thinks', 'thought', 'thinking', 'afraid', 'aware', 'proud', 'capable',
  'sure', 'certain', 'dream', 'dreamed', 'dreamt', 'dreaming', 'approve', 'approved', 'disapprove',
  'consist', 'consists', 'ashamed', 'fond', 'tired', 'sick', 'scared', 'jealous', 'conscious', 'know',
  'knew', 'known', 'speak', 'spoke', 'spoken', 'accused', 'kind', 'sort', 'rid', 'full', 'short',
  'worthy', 'guilty', 'careful', 'wary', 'envious', 'convinced', 'reminded', 'informed', 'warned',
  'smell', 'smells', 'smelled', 'taste', 'tastes', 'tasted', 'take', 'took', 'taken', 'care', 'because',
  'instead', 'outside', 'inside', 'out', 'off', 'all', 'most', 'some', 'none', 'any', 'each', 'both',
  'many', 'much', 'few', 'one', 'two', 'three', 'either', 'neither', 'plenty', 'lots', 'bit',
])

/**
 * `if` ends a quote legitimately after these (`what if`, `as if`).
 */
export const ifEnders = new Set(['what', 'as', 'and', 'only', 'ifs'])

/** `as` ends a quote legitimately after these (`such as is`, no; `just as` in `I thought as much`, no). Kept small. */
export const asEnders = new Set(['same'])

/**
 * A final `to` is legitimate after a verb or adjective (`I wanted to`, `we
 * have to`, `the man I spoke to`); it shows a cut only after a word that
 * governs a `to` phrase. Those heads are listed here.
 */
export const toHeads = new Set([
  'according', 'due', 'prior', 'addition', 'access', 'approach', 'threat', 'threats', 'response',
  'reference', 'regard', 'respect', 'contrast', 'comparison', 'relation', 'thanks', 'owing', 'key',
  'road', 'path', 'answer', 'solution', 'commitment', 'opposition', 'contribution', 'contributions',
  'exposure', 'damage', 'harm', 'resistance', 'adherence', 'allegiance', 'loyalty', 'obstacle',
  'obstacles', 'alternative', 'alternatives', 'gateway', 'visit', 'trip', 'journey', 'return',
  'attention', 'devotion', 'proximity', 'counterweight', 'counter', 'tribute', 'letter', 'message',
  'appeal', 'invitation', 'sequel', 'successor', 'heir', 'prelude', 'introduction', 'guide',
  'ambassador', 'envoy', 'adviser', 'advisor', 'aid', 'assistance', 'shipments', 'exports', 'supplies',
  'next', 'similar', 'equivalent', 'relative', 'subject', 'pursuant', 'thanks', 'closer', 'nearer',
  'in', 'from', 'of', 'the', 'a', 'an', 'and', 'or', 'with', 'for', 'on', 'at', 'by',
])

/** Adjectives after `a`/`an` at the end of a quote: the noun they modify is missing. */
export const attributiveAdjectives = new Set([
  'new', 'big', 'great', 'small', 'major', 'serious', 'significant', 'important', 'strong', 'huge',
  'large', 'clear', 'direct', 'formal', 'complete', 'similar', 'different', 'particular', 'specific',
  'certain', 'recent', 'further', 'wider', 'broader', 'deeper', 'closer', 'stronger', 'bigger',
  'crucial', 'vital', 'critical', 'massive', 'enormous', 'considerable', 'substantial',
  'unprecedented', 'strategic', 'growing', 'ongoing', 'increasing', 'main', 'chief', 'principal',
  'mere', 'sheer', 'utter', 'upcoming', 'so-called', 'entire', 'full-fledged', 'long-term',
  'short-term', 'key', 'potential', 'possible', 'real', 'genuine', 'true', 'possible', 'likely',
  'fundamental', 'powerful', 'decisive', 'deep', 'long', 'brief', 'short', 'high', 'low', 'military',
  'economic', 'political', 'diplomatic', 'financial', 'global', 'regional', 'international',
  'national', 'local', 'historic', 'historical', 'comprehensive', 'robust', 'wide', 'broad',
])

/** After `the` or a possessive, these adjectives cannot stand alone (`the main.`). */
export const attributiveOnly = new Set([
  'main', 'chief', 'principal', 'mere', 'sheer', 'utter', 'upcoming', 'so-called', 'entire', 'ongoing',
  'growing', 'increasing', 'very', 'sole', 'only', 'erstwhile', 'would-be', 'self-styled', 'lone',
  'existing', 'full-fledged', 'long-term', 'short-term',
])

/** Determiners that may open a subject noun phrase. */
export const determiners = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'my', 'your', 'his',
  'her', 'some', 'many', 'most', 'all', 'both', 'several', 'few', 'each', 'every', 'no', 'such',
])

/** Personal pronouns that can be a whole subject. */
export const subjectPronouns = new Set(['i', 'we', 'they', 'he', 'she', 'it', 'you'])

/** Words that cannot be part of a plain subject noun phrase. */
export const nonNominal = new Set([
  'as', 'than', 'what', 'which', 'who', 'whom', 'whose', 'that', 'whatever', 'whoever', 'how', 'where',
  'when', 'why', 'if', 'because', 'since', 'while', 'unless', 'although', 'though', 'whether', 'so',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'get', 'gets', 'got', 'gotten', 'getting',
  'not', 'no', 'to', 'of', 'for', 'with', 'from', 'at', 'by', 'on', 'in', 'into', 'about', 'and', 'or',
  'but', 'nor', 'than', 'like', 'just', 'exactly', 'more', 'less', 'everything', 'anything',
  'nothing', 'something', 'all', 'i', 'we', 'they', 'he', 'she', 'it', 'you', 'me', 'us', 'them',
  'him', 'her', 'there', 'here', 'now', 'then', 'said', 'says', 'say', 'do', 'does', 'did', 'have',
  'has', 'had', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must',
])

/** May stand between the subject and the verb (`they had not expected`). */
export const auxiliaries = new Set([
  'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'did', 'do', 'does',
  'had', 'have', 'has', 'not', 'never', 'also', 'then', 'still', 'always', 'already', 'indeed',
  'clearly', 'fully', 'certainly', 'surely', 'probably', 'likely', 'really', 'just', 'only', 'all',
  "won't", "wouldn't", "can't", "couldn't", "shouldn't", "didn't", "don't", "doesn't", "hadn't",
  "haven't", "hasn't", "mustn't", 'cannot',
])

/** Words that make a clause a passive or a copular one: the verb form is then a participle. */
export const passiveMarkers = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'get', 'gets', 'got', 'gotten', 'getting',
  "isn't", "aren't", "wasn't", "weren't", 'seem', 'seems', 'seemed', 'become', 'became', 'becomes',
  'remain', 'remains', 'remained', 'feel', 'feels', 'felt', 'look', 'looks', 'looked',
])

/**
 * Inflected forms of verbs that always take an object: `they expected.` or
 * `the report describes.` is missing it. Only forms that are not also plural
 * nouns (`claims`, `demands`) and participles that are rarely postposed
 * (`the people involved` is fine, so `involved` is not here).
 */
export const transitiveVerbs = new Set([
  'expected', 'expects', 'included', 'includes', 'require', 'requires', 'revealed', 'reveals',
  'described', 'describes', 'indicated', 'indicates', 'ensured', 'ensures', 'contained', 'contains',
  'deserved', 'deserves', 'lacked', 'lacks', 'resembled', 'resembles', 'obtained', 'obtains',
  'acquired', 'acquires', 'emphasized', 'emphasised', 'emphasizes', 'emphasises', 'highlighted',
  'highlights', 'identified', 'identifies', 'implied', 'implies', 'suggested', 'suggests',
  'undermined', 'undermines', 'brought', 'brings', 'sought', 'seeks', 'mentioned', 'claimed',
  'demanded', 'announced', 'announces', 'discussed', 'discusses', 'established', 'establishes',
  'reflected', 'reflects', 'represented', 'represents', 'enabled', 'enables', 'produced', 'produces',
  'caused', 'causes', 'threatened', 'threatens', 'denied', 'denies', 'acknowledged', 'acknowledges',
  'confirmed', 'confirms', 'stated', 'noted', 'warned', 'expect', 'include', 'reveal', 'describe',
  'indicate', 'ensure', 'contain', 'deserve', 'resemble', 'obtain', 'acquire', 'emphasize',
  'emphasise', 'highlight', 'identify', 'imply', 'undermine', 'bring', 'mention', 'announce',
  'discuss', 'establish', 'reflect', 'represent', 'enable', 'produce', 'deny', 'acknowledge',
])

/** Base forms in `transitiveVerbs` need a modal or `to` before them to be verbs. */
export const modals = new Set([
  'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'to', 'did', 'do',
  'does', "won't", "wouldn't", "can't", "couldn't", "shouldn't", "didn't", "don't", "doesn't",
  'cannot', 'not', 'never',
])

/** Idioms that a quote may lose the last word of. */
export interface Idiom {
  /** The words the quote ends on. */
  words: string[]
  /** The word that is missing. */
  missing: string
  /** The idiom only needs the missing word in a negated clause (`will not flag any time [soon]`). */
  negated?: boolean
  /** Words after which the idiom's words are a noun phrase, not the idiom (`we don't have any time`). */
  notAfter?: string[]
}

/** `have any time`, `spend any time`: `any time` is an object, complete as it is. */
const timeTakers = [
  'have', 'has', 'had', 'having', 'got', 'get', 'gets', 'need', 'needs', 'needed', 'want', 'wants',
  'wanted', 'spend', 'spent', 'waste', 'wasted', 'lose', 'lost', 'find', 'found', 'take', 'took',
  'taken', 'give', 'gave', 'given', 'left', 'leave', 'with', 'without', 'for', 'of', 'is', 'was',
  'are', 'were', 'be', 'allow', 'allowed', 'buy', 'bought', 'save', 'saved', 'see', 'saw', 'at',
]

export const idioms: Idiom[] = [
  {words: ['any', 'time'], missing: 'soon', negated: true, notAfter: timeTakers},
  {words: ['anytime'], missing: 'soon', negated: true, notAfter: timeTakers},
  {words: ['any', 'day'], missing: 'soon', negated: true, notAfter: timeTakers},
  {words: ['for', 'the', 'time'], missing: 'being'},
  {words: ['in', 'the', 'long'], missing: 'run'},
  {words: ['over', 'the', 'long'], missing: 'term'},
  {words: ['for', 'the', 'long'], missing: 'haul'},
  {words: ['in', 'the', 'short'], missing: 'term'},
  {words: ['on', 'the', 'other'], missing: 'hand'},
  {words: ['on', 'the', 'one'], missing: 'hand'},
  {words: ['at', 'the', 'same'], missing: 'time'},
  {words: ['at', 'the', 'very'], missing: 'least'},
  {words: ['for', 'the', 'foreseeable'], missing: 'future'},
  {words: ['in', 'the', 'foreseeable'], missing: 'future'},
  {words: ['in', 'the', 'near'], missing: 'future'},
  {words: ['last', 'but', 'not'], missing: 'least'},
  {words: ['once', 'and', 'for'], missing: 'all'},
  {words: ['so', 'far', 'so'], missing: 'good'},
  {words: ['sooner', 'or'], missing: 'later'},
  {words: ['more', 'or'], missing: 'less'},
  {words: ['by', 'and'], missing: 'large'},
  {words: ['first', 'and'], missing: 'foremost'},
  {words: ['each', 'and'], missing: 'every'},
  {words: ['in', 'the', 'first'], missing: 'place'},
  {words: ['as', 'a', 'matter', 'of'], missing: 'fact'},
  {words: ['at', 'the', 'end', 'of', 'the'], missing: 'day'},
]

/** Words that negate a clause (for `negated` idioms). */
export const negations = new Set([
  'not', 'never', 'no', 'nor', 'hardly', 'barely', 'scarcely', 'neither', 'nobody', 'nothing',
  "won't", "wouldn't", "can't", "couldn't", "shouldn't", "didn't", "don't", "doesn't", "isn't",
  "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", 'cannot', "ain't",
])

/**
 * Lowercase words that may follow a closing quote without finishing a noun
 * phrase inside it: function words, pronouns, adverbs, reporting and
 * intransitive verbs (`"..." he said`, `"lock her up" again.`).
 */
export const afterQuoteNonNouns = new Set([
  'and', 'or', 'but', 'nor', 'so', 'yet', 'as', 'than', 'then', 'too', 'also', 'instead', 'though',
  'although', 'anyway', 'again', 'twice', 'once', 'yesterday', 'today', 'tonight', 'tomorrow', 'now',
  'later', 'earlier', 'aloud', 'here', 'there', 'everywhere', 'online', 'overnight', 'anymore',
  'either', 'afterwards', 'afterward', 'before', 'since', 'ago', 'indeed', 'please', 'altogether',
  'he', 'she', 'they', 'we', 'i', 'you', 'it', 'him', 'her', 'them', 'us', 'me', 'himself', 'herself',
  'themselves', 'itself', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'had', 'have', 'said',
  'says', 'say', 'added', 'adds', 'told', 'wrote', 'writes', 'asked', 'asks', 'replied', 'explained',
  'continued', 'concluded', 'noted', 'stated', 'declared', 'insisted', 'argued', 'shouted', 'yelled',
  'tweeted', 'posted', 'read', 'reads', 'follows', 'followed', 'applies', 'applied', 'remains',
  'remained', 'continues', 'stands', 'stood', 'holds', 'held', 'prevails', 'prevailed', 'exists',
  'matters', 'works', 'worked', 'goes', 'went', 'began', 'begins', 'ended', 'ends', 'happened',
  'happens', 'won', 'wins', 'lost', 'loses', 'failed', 'fails', 'passed', 'passes', 'sticks', 'stuck',
  'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'not',
  'no', 'to', 'of', 'for', 'with', 'from', 'at', 'by', 'on', 'in', 'into', 'about', 'after', 'until',
  'while', 'when', 'where', 'which', 'who', 'that', 'if', 'because', 'whether', 'the', 'a', 'an',
  'this', 'these', 'those', 'all', 'both', 'each', 'alone', 'only', 'just', 'even', 'first', 'last',
  'next', 'ever', 'etc', 'respectively', 'each', 'apiece', 'either', 'amen',
])

/** Nouns that name a piece of text, for `the sentence is incomplete`. */
export const textNouns = new Set([
  'sentence', 'quote', 'quotation', 'statement', 'passage', 'phrase', 'line', 'remark', 'text',
  'thought', 'excerpt', 'citation', 'clause', 'fragment',
])

/** Adjectives (and particle verbs) by which an article admits a quote is cut. */
export const incompleteWords = new Set([
  'incomplete', 'unfinished', 'truncated', 'fragmentary', 'cut', 'trails', 'trailed', 'breaks',
])

/**
 * Letter pairs no English word starts with: a quote that opens on one of them
 * opened mid-word (`"tion of the treaty"`).
 */
export const nonInitialPairs = new Set([
  'ck', 'ng', 'nt', 'nd', 'rt', 'rd', 'rn', 'rm', 'rl', 'lt', 'ld', 'lm', 'mb', 'mp', 'nk', 'nc', 'ct',
  'pt', 'ft', 'xt', 'tt', 'ss', 'll', 'nn', 'pp', 'rr', 'dd', 'gg', 'bb', 'cc', 'lk', 'rk', 'ns', 'rs',
  'lf', 'rf', 'rb', 'rg', 'lv', 'rv', 'nv', 'bt', 'dl', 'tl', 'gd', 'gt', 'kd', 'rc', 'rp', 'lp', 'lb',
])

/** Contractions that start with an apostrophe, not with an opening single quote. */
export const leadingApostropheWords = new Set([
  'em', 'tis', 'twas', 'cause', 'til', 'till', 'n', 'bout', 'round', 'nuff', 'ello', 'ere', 'er',
  'im', 's', 't', 'd', 'll', 've', 're', 'm', 'neath', 'gainst', 'fore', 'kay', 'sup',
])

/** Nominative pronouns: a clause cannot end on one unless something licenses it (`than we`, `so do they`). */
export const nominativePronouns = new Set(['i', 'we', 'they', 'he', 'she'])

/** Adverbs that may stand between a subject and its verb (`I finally`, `we never`). */
export const preVerbAdverbs = new Set([
  'finally', 'just', 'still', 'never', 'always', 'also', 'really', 'even', 'already', 'actually',
  'simply', 'truly', 'once', 'often', 'usually', 'sometimes', 'certainly', 'probably', 'all', 'both',
])

/**
 * Words after which a nominative pronoun may end a clause: an auxiliary or modal before it
 * (`so do we`, `nor can I`), a comparison (`than we`, `as they`), a coordination (`you and I`),
 * a reporting verb (`said he`), `not I`.
 */
export const pronounEnders = new Set([
  'than', 'as', 'and', 'or', 'nor', 'not', 'but', 'so', 'neither', 'said', 'says', 'asked', 'wrote',
  'added', 'replied', 'cried', 'quoth', 'is', 'are', 'was', 'were', 'am', 'be', 'been', 'do', 'does',
  'did', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might',
  'must', 'like', 'unlike', 'except', 'including',
])

/**
 * Stranded prepositions: a quote may end on one only when something earlier licenses the gap (a
 * wh-word, a relative clause, an infinitival relative, a passive). Each preposition lists the
 * verbs (and adjectives) that take it with an object (`wait for`, `talk to`); a verb whose
 * preposition can also be an adverb or a particle (`carry on`, `log in`, `vote for`) is not listed,
 * so that a bare `... we carried on.` stays silent. Base forms; `strandForms` inflects them, and
 * irregular forms are listed as they are.
 */
const strandVerbBases: Record<string, string> = {
  for: 'wait look ask hope search apply pay account care prepare long opt vouch shop fish beg plead ' +
    'campaign lobby settle strive yearn thank blame compensate substitute budget allow cater ' +
    'paid sought fought bought shopped shopping begged begging',
  to: 'talk listen belong refer respond reply adapt relate object stick cling subscribe cater ' +
    'apologise apologize explain speak spoke spoken wrote written report conform adhere ' +
    'succumb attend appeal referred referring',
  with: 'deal cope agree disagree interfere comply sympathise sympathize empathise empathize ' +
    'collaborate cooperate co-operate negotiate argue fiddle tamper reason dealt agreeing disagreeing ' +
    'familiar satisfied happy unhappy content pleased disappointed obsessed associated',
  about: 'talk worry care think complain speak spoke spoken know knew known learn learnt hear heard ' +
    'read joke ask dream dreamt argue write wrote written forget forgot forgotten boast brag ' +
    'enquire inquire fuss rave gossip',
  at: 'look stare glance gaze laugh aim point hint shout yell scream grin smile wink marvel ' +
    'arrive arrived',
  from: 'come came suffer recover benefit profit hear heard differ derive stem emerge refrain ' +
    'abstain withdraw withdrew withdrawn graduate borrow stemmed stemming',
  into: 'look run ran running bump crash delve tap tapped tapping dig dug digging break broke broken',
  on: 'rely depend count focus insist comment concentrate dwell elaborate capitalise capitalize ' +
    'reflect frown embark dwelt',
  upon: 'rely depend count focus insist comment dwell elaborate reflect embark',
}

/** `talk` → talk, talks, talked, talking (regular spelling rules; irregular forms are listed). */
export function strandForms(base: string): string[] {
  if (/[^aeiou]y$/.test(base)) {
    const stem = base.slice(0, -1)
    return [base, stem + 'ies', stem + 'ied', base + 'ing']
  }
  if (base.endsWith('e')) return [base, base + 's', base + 'd', base.slice(0, -1) + 'ing']
  if (/(?:[sxz]|sh|ch)$/.test(base)) return [base, base + 'es', base + 'ed', base + 'ing']
  return [base, base + 's', base + 'ed', base + 'ing']
}

/** Per stranded preposition, the word forms that need it to have an object. */
export const strandVerbs: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(strandVerbBases).map(([preposition, bases]) => [preposition, new Set(bases.split(' ').flatMap(strandForms))]),
)

/** Particles between a verb and its preposition (`look forward to`, `come up with`): the verb is the word before them. */
export const strandParticles: Record<string, Set<string>> = {
  'forward to': new Set(strandForms('look')),
  'up with': new Set([...strandForms('come'), 'came', ...strandForms('put'), ...strandForms('catch'), 'caught', ...strandForms('keep'), 'kept']),
  'away with': new Set([...strandForms('get'), 'got', 'getting', 'gotten', ...strandForms('do'), 'did', 'done', 'doing']),
  'back on': new Set([...strandForms('look'), ...strandForms('fall'), 'fell', 'fallen']),
  'up on': new Set([...strandForms('follow'), ...strandForms('catch'), 'caught']),
  'out for': new Set([...strandForms('look'), ...strandForms('watch')]),
}

/** Wh-words that license a stranded preposition later in their clause (`what they are looking for`). */
export const strandWh = new Set([
  'what', 'which', 'who', 'whom', 'whose', 'where', 'whatever', 'whichever', 'whoever', 'whomever',
  'wherever', 'than', 'as',
])

/** Subject words that, right after a nominal, open a zero relative clause (`the people I was talking to`). */
export const relativeSubjects = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it', 'one', "i'm", "we're", "you're", "they're", "he's", "she's", "i've", "we've", "you've", "they've", "i'd", "we'd", "you'd", "they'd", "i'll", "we'll", "you'll", "they'll"])

/**
 * Words before a subject pronoun that are not the head of a relative clause: verbs that take a
 * clause without `that` (`I think we ...`), conjunctions and subordinators, adverbs, time words,
 * prepositions. Any other word counts as a nominal head (`something we`, `the chair he`).
 */
export const notRelativeHeads = new Set([
  'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'know', 'knows', 'knew', 'hope',
  'hopes', 'hoped', 'guess', 'suppose', 'reckon', 'reckons', 'reckoned', 'feel', 'feels', 'felt',
  'say', 'says', 'said', 'tell', 'told', 'mean', 'means', 'meant', 'bet', 'sure', 'glad', 'afraid',
  'realise', 'realised', 'realize', 'realized', 'notice', 'noticed', 'suspect', 'suspected', 'wish',
  'found', 'saw', 'see', 'heard', 'hear', 'remember', 'remembered', 'agree', 'agreed', 'admit',
  'admitted', 'claim', 'claimed', 'insist', 'insisted', 'argue', 'argued', 'expect', 'expected',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'because', 'since', 'if', 'unless', 'when', 'whenever',
  'while', 'whilst', 'although', 'though', 'once', 'until', 'till', 'before', 'after', 'whether',
  'where', 'how', 'why', 'that', 'then', 'now', 'today', 'tonight', 'yesterday', 'tomorrow', 'here',
  'there', 'maybe', 'perhaps', 'instead', 'still', 'also', 'even', 'just', 'only', 'again', 'often',
  'sometimes', 'always', 'never', 'already', 'soon', 'later', 'earlier', 'first', 'last', 'next',
  'otherwise', 'anyway', 'besides', 'meanwhile', 'nonetheless', 'nevertheless', 'however', 'thus',
  'hence', 'therefore', 'indeed', 'too', 'well', 'yes', 'no', 'not', 'of', 'in', 'on', 'at', 'to',
  'for', 'with', 'from', 'by', 'about', 'into', 'than', 'like', 'is', 'was', 'are', 'were', 'be',
  'been', 'am', 'do', 'does', 'did', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'shall',
  'should', 'may', 'might', 'must', 'week', 'year', 'month', 'morning', 'evening', 'night', 'day',
  'ago', 'except', 'whereas', 'lest', 'oh', 'ok', 'okay', 'please', 'actually', 'basically', 'me',
  'us', 'him', 'her', 'them', 'it',
])

/**
 * Words before `to` that make `to` + verb an infinitive complement, not an infinitival relative:
 * `we wanted to talk to.` is cut, `something to worry about` and `easy to talk to` are not. Any
 * word not listed here (and not ending in -ly, -ed or -ing) licenses the gap.
 */
export const infinitiveTakers = new Set([
  'want', 'wants', 'need', 'needs', 'have', 'has', 'had', 'got', 'get', 'gets', 'going', 'gonna',
  'try', 'tries', 'able', 'unable', 'willing', 'unwilling', 'ready', 'happy', 'glad', 'keen',
  'eager', 'likely', 'unlikely', 'about', 'due', 'supposed', 'used', 'ought', 'here', 'there', 'just',
  'only', 'then', 'now', 'hope', 'hopes', 'plan', 'plans', 'refuse', 'refuses', 'decide', 'decides',
  'agree', 'agrees', 'expect', 'expects', 'seem', 'seems', 'appear', 'appears', 'begin', 'begins',
  'began', 'begun', 'start', 'starts', 'continue', 'continues', 'like', 'likes', 'love', 'loves',
  'hate', 'hates', 'prefer', 'prefers', 'choose', 'chooses', 'chose', 'chosen', 'learn', 'learns',
  'learnt', 'promise', 'promises', 'come', 'comes', 'came', 'go', 'goes', 'went', 'gone', 'is', 'are',
  'was', 'were', 'be', 'been', 'am', 'not', 'never', 'also', 'still', 'even', 'order', 'and', 'or',
  'but', 'sure', 'free', 'forced', 'allowed', 'afraid', 'anxious', 'determined', 'desperate',
  'wait', 'waits', 'ask', 'asks', 'tell', 'tells', 'told', 'help', 'helps', 'let', 'manage',
  'manages', 'fail', 'fails', 'dare', 'dares', 'mean', 'means', 'meant', 'intend', 'intends',
  'wish', 'wishes', 'aim', 'aims', 'stop', 'stops', 'as',
])

/** Words after which a final `-ing` verb + preposition has its gap licensed (`worth fighting for`). */
export const gerundLicensors = new Set(['worth', 'needs', 'need', 'needed', 'deserves', 'deserve', 'deserved', 'bears'])

/** Forms of `be` and `get` that make a following participle passive (`it was dealt with`). */
export const passiveAuxiliaries = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "isn't", "aren't", "wasn't", "weren't",
  'get', 'gets', 'got', 'gotten', 'getting', "it's", "that's", "he's", "she's", "what's",
])

/** Clause boundaries a stranded preposition's licensor cannot be found across (adjunct clauses). */
export const strandBoundaries = new Set([
  'except', 'because', 'although', 'though', 'while', 'whilst', 'unless', 'until', 'till',
  'whereas', 'since', 'so', 'if', 'but',
])
