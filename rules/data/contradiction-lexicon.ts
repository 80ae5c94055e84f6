/**
 * Word lists of the `contradiction` rule, kept apart from its code. Every
 * list is lowercase; verbs are given as lemmas (infinitives), their inflected
 * forms are generated once per process by the extractor.
 */

/** Event predicates whose plain positive sentences are worth parsing (the `done` side of a conflict). */
export const EVENT_VERBS: readonly string[] = [
  // agreements, politics, law
  'sign', 'ratify', 'approve', 'reject', 'accept', 'decline', 'adopt', 'pass', 'veto', 'enact', 'repeal', 'ban',
  'join', 'leave', 'quit', 'withdraw', 'recognize', 'recognise', 'agree', 'announce', 'confirm', 'deny', 'endorse',
  'elect', 'appoint', 'nominate', 'resign', 'fire', 'hire', 'arrest', 'charge', 'convict', 'acquit', 'sentence',
  'release', 'free', 'invade', 'annex', 'attack', 'strike', 'bomb', 'deploy', 'supply', 'deliver', 'send', 'provide',
  'sanction', 'impose', 'lift', 'suspend', 'cancel', 'postpone', 'approve', 'win', 'lose', 'defeat', 'beat', 'draw',
  'support', 'oppose', 'back', 'fund', 'finance', 'sell', 'buy', 'acquire', 'purchase', 'merge', 'launch', 'open',
  'close', 'build', 'complete', 'found', 'establish', 'create', 'form', 'dissolve', 'invent', 'discover', 'publish',
  'premiere', 'debut', 'ship', 'produce', 'manufacture', 'export', 'import', 'kill', 'injure', 'die', 'bear',
  'marry', 'divorce', 'retire', 'meet', 'visit', 'attend', 'host', 'receive', 'award', 'grant', 'pay', 'raise',
  'cut', 'lower', 'increase', 'decrease', 'reduce', 'rise', 'fall', 'grow', 'shrink', 'drop', 'climb', 'gain',
  'decline', 'surge', 'plunge', 'soar', 'plummet', 'jump', 'slide', 'slip', 'sink', 'dip', 'tumble', 'expand',
  'contract', 'improve', 'worsen', 'strengthen', 'weaken', 'rebound', 'report', 'record', 'employ', 'earn', 'spend',
  'invest', 'lend', 'borrow', 'owe', 'test', 'conduct', 'implement', 'introduce', 'abolish', 'conclude', 'reach',
  'finalize', 'finalise', 'break', 'violate', 'honor', 'honour', 'renew', 'extend', 'end', 'terminate', 'settle',
  'sue', 'file', 'score', 'finish', 'qualify', 'vote', 'block', 'prevent', 'allow', 'permit', 'admit',
  'inaugurate', 'assassinate', 'incorporate', 'deploy', 'recall', 'occur', 'happen', 'take', 'have', 'offer',
]

/** Predicates that happen once for a given subject and object: different dates are a conflict. */
export const ONCE_ONLY: readonly string[] = [
  'bear', 'die', 'found', 'establish', 'incorporate', 'invent', 'assassinate', 'inaugurate', 'premiere', 'debut',
  'open', 'launch', 'publish', 'release', 'discover', 'retire', 'create',
]

/**
 * Verbs that redo or undo an earlier state: a once-only predicate coordinated after one of them
 * (`was repaired and opened`, `restored and reopened`) is a repeat of the event, not its first time.
 */
export const RESTORATION_VERBS: readonly string[] = [
  'repair', 'restore', 'rebuild', 'renovate', 'refurbish', 'reconstruct', 'redevelop', 'convert', 'relaunch',
  'revive', 'rename', 'redesign', 'remodel', 'reissue', 'remaster', 'reclaim', 'refit', 'rehabilitate',
]

/**
 * Events after which a once-only predicate happens again (`after the closure of the line ... opened`,
 * `following the fire`): the head of an `after the ...` phrase before the verb.
 */
export const INTERRUPTION_NOUNS: readonly string[] = [
  'closure', 'closing', 'shutdown', 'demolition', 'restoration', 'renovation', 'refurbishment', 'rebuilding',
  'reconstruction', 'repair', 'repairs', 'fire', 'flood', 'war', 'hiatus', 'break', 'collapse', 'conversion',
  'redevelopment', 'bankruptcy', 'suspension', 'merger', 'relaunch',
]

/**
 * Antonymy axes: each predicate has a side (+1 or -1) on an axis. Two claims
 * on the same axis with opposite sides, same subject, object and period conflict.
 */
export const ANTONYM_AXES: Readonly<Record<string, {plus: readonly string[]; minus: readonly string[]}>> = {
  direction: {
    plus: ['rise', 'increase', 'grow', 'climb', 'gain', 'jump', 'surge', 'soar', 'rally', 'expand', 'rebound', 'double', 'triple', 'raise'],
    minus: ['fall', 'decrease', 'decline', 'drop', 'shrink', 'slide', 'slip', 'plunge', 'plummet', 'tumble', 'contract', 'sink', 'dip', 'cut', 'lower', 'reduce', 'halve'],
  },
  quality: {plus: ['improve', 'strengthen'], minus: ['worsen', 'weaken', 'deteriorate']},
  outcome: {plus: ['win', 'beat', 'defeat'], minus: ['lose']},
  acceptance: {plus: ['accept', 'approve', 'adopt', 'endorse', 'pass', 'ratify'], minus: ['reject', 'decline', 'veto', 'refuse']},
  stance: {plus: ['support', 'back', 'favor', 'favour'], minus: ['oppose']},
  truth: {plus: ['confirm', 'admit'], minus: ['deny']},
  verdict: {plus: ['convict'], minus: ['acquit']},
  membership: {plus: ['join'], minus: ['leave', 'quit']},
  state: {plus: ['open'], minus: ['close']},
  staff: {plus: ['hire'], minus: ['fire']},
}

/** Nominalisations: `the approval of the budget` is approve(budget). Gerunds (`the signing of`) are handled generically. */
export const NOMINALS: Readonly<Record<string, string>> = {
  approval: 'approve', rejection: 'reject', adoption: 'adopt', ratification: 'ratify', launch: 'launch',
  release: 'release', acquisition: 'acquire', purchase: 'purchase', sale: 'sell', election: 'elect',
  withdrawal: 'withdraw', passage: 'pass', cancellation: 'cancel', closure: 'close', opening: 'open',
  completion: 'complete', construction: 'build', founding: 'found', establishment: 'establish', signature: 'sign',
  conclusion: 'conclude', formation: 'form', creation: 'create', invasion: 'invade', annexation: 'annex',
  recognition: 'recognize', deployment: 'deploy', delivery: 'deliver', introduction: 'introduce',
  implementation: 'implement', enactment: 'enact', abolition: 'abolish', dissolution: 'dissolve', merger: 'merge',
  repeal: 'repeal', appointment: 'appoint', arrest: 'arrest', conviction: 'convict', acquittal: 'acquit',
  resignation: 'resign', suspension: 'suspend', extension: 'extend', renewal: 'renew', termination: 'terminate',
  publication: 'publish', discovery: 'discover', invention: 'invent', inauguration: 'inaugurate', death: 'die',
  birth: 'bear', assassination: 'assassinate', retirement: 'retire', victory: 'win', defeat: 'lose',
}

/** Verbs that, governing a nominalisation, assert that the event happened (`led to the signing of`). */
export const FACTIVE_GOVERNORS: readonly string[] = [
  'lead', 'result', 'culminate', 'follow', 'see', 'mark', 'celebrate', 'welcome', 'hail', 'announce', 'complete',
  'witness', 'finalize', 'finalise', 'conclude', 'oversee', 'attend', 'sign', 'bring', 'produce', 'yield', 'secure',
  'achieve', 'cause', 'trigger', 'spark', 'prompt', 'enable',
]

/** Prepositions before a nominalisation that presuppose the event (`after the signing of`). */
export const FACTIVE_PREPOSITIONS: readonly string[] = ['after', 'despite', 'following', 'since', 'upon']

/** Verbs that, governing a nominalisation, deny it happened (`blocked the signing of`). */
export const NEGATING_GOVERNORS: readonly string[] = ['prevent', 'block', 'halt', 'stop', 'thwart', 'forestall', 'avert']

/** Verbs that, governing an infinitive (`refused to sign`), say it did not happen. */
export const NEGATIVE_IMPLICATIVES: readonly string[] = ['fail', 'refuse', 'decline', 'neglect', 'omit']

/** Verbs that, governing an infinitive (`managed to sign`), say it did happen. */
export const POSITIVE_IMPLICATIVES: readonly string[] = ['manage', 'succeed', 'proceed', 'go', 'move']

/** Verbs of intent or expectation: the infinitive after them is a plan, compatible with anything. */
export const INTENT_VERBS: readonly string[] = [
  'plan', 'intend', 'aim', 'hope', 'want', 'seek', 'expect', 'promise', 'threaten', 'vow', 'pledge', 'prepare',
  'consider', 'try', 'attempt', 'wish', 'need', 'agree', 'offer', 'propose', 'set', 'schedule', 'like', 'prefer',
  'continue', 'begin', 'start', 'struggle', 'work', 'have', 'use', 'ask', 'urge', 'tell', 'help', 'allow',
]

/** Negation words inside a verb group. */
export const NEGATIONS: readonly string[] = ['not', "n't", 'never', 'no', 'neither', 'nor', 'cannot']

/** Words after `not` that make it something other than plain negation (`not only`, `not without`). */
export const NOT_NEGATING: readonly string[] = [
  'only', 'just', 'merely', 'simply', 'necessarily', 'least', 'without', 'always', 'all', 'entirely', 'fully',
  'quite', 'exactly', 'solely', 'even', 'much', 'so', 'yet', 'long', 'far', 'unlike', 'to', 'because',
]

/** Modal auxiliaries and the modality they give (negated with `not` unless said otherwise). */
export const MODALS: Readonly<Record<string, 'may' | 'will' | 'hypo'>> = {
  may: 'may', might: 'may', could: 'may', can: 'may', will: 'will', shall: 'will', "'ll": 'will', wo: 'will',
  "won't": 'will', would: 'hypo', should: 'hypo', must: 'hypo', ought: 'hypo', "wouldn't": 'hypo', "couldn't": 'may',
  "can't": 'may', cannot: 'may', "mightn't": 'may', "shouldn't": 'hypo', "mustn't": 'hypo',
}

/** Adjectives before `to` + verb (`is unlikely to sign`) and the modality they give. */
export const HEDGE_ADJECTIVES: Readonly<Record<string, 'unlikely' | 'will'>> = {
  unlikely: 'unlikely', improbable: 'unlikely', doubtful: 'unlikely', reluctant: 'unlikely', unwilling: 'unlikely',
  likely: 'will', expected: 'will', set: 'will', poised: 'will', due: 'will', scheduled: 'will', slated: 'will',
  certain: 'will', sure: 'will', bound: 'will', planned: 'will', ready: 'will', willing: 'will', able: 'will',
}

/** Words that make what follows them hypothetical, doubted or merely reported as a rumour. */
export const HYPOTHETICAL_MARKERS: readonly string[] = [
  'if', 'whether', 'unless', 'unclear', 'uncertain', 'deny', 'denied', 'denies', 'denying', 'doubt', 'doubts',
  'doubted', 'question', 'questioned', 'rumoured', 'rumored', 'allegedly', 'reportedly', 'supposedly', 'suppose',
  'supposing', 'assuming', 'imagine', 'hypothetical', 'hypothetically', 'speculate', 'speculated', 'speculation',
  'rumour', 'rumor', 'rumours', 'rumors', 'claim', 'claimed', 'claims', 'false', 'falsely', 'myth', 'wrongly',
  'mistakenly', 'misconception', 'nearly', 'almost', 'barely', 'narrowly', 'hardly', 'scarcely', 'longer', 'once',
  'until', 'before', 'when', 'whenever', 'lest', 'wish', 'hope', 'hopes', 'hoped', 'fear', 'fears', 'feared',
]

/** Subject words that refer back to what the document is about (`they`, `the two nations`). */
export const ANAPHORS: readonly string[] = [
  'they', 'it', 'he', 'she', 'we', 'both', 'nation', 'country', 'side', 'partner', 'partnership', 'alliance', 'ally',
  'duo', 'pair', 'bloc', 'axis', 'government', 'company', 'firm', 'team', 'club', 'state', 'party', 'group', 'band',
  'organization', 'organisation', 'administration', 'capital', 'relationship', 'two', 'former', 'latter',
]

/** Determiners that mark a noun phrase as referring back (`this partnership`, `the two nations`). */
export const ANAPHORIC_DETERMINERS: readonly string[] = ['this', 'that', 'these', 'those', 'the', 'both', 'its', 'their']

/** Words before a number that make it approximate or a bound. */
export const NUMBER_QUALIFIERS: Readonly<Record<string, 'about' | 'min' | 'max' | 'near'>> = {
  about: 'about', around: 'about', approximately: 'about', roughly: 'about', some: 'about', estimated: 'about',
  circa: 'about', nearly: 'near', almost: 'near', over: 'min', more: 'min', least: 'min', above: 'min',
  exceeding: 'min', upwards: 'min', under: 'max', less: 'max', fewer: 'max', most: 'max', below: 'max', up: 'max',
}

/** Number words. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12,
}

/** Multipliers after a number. */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9, k: 1e3,
}

export const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]

/** Capitalised words that are not names (for the document's topic). */
export const NOT_NAMES: readonly string[] = [
  'i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'you', 'mr', 'mrs',
  'ms', 'dr', 'st', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'for', 'to', 'as', 'by', 'with', 'from', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'ceo', 'us', 'our', 'his', 'her', 'their',
]

/** Singular nouns that stand bare at the start of a sentence without being names (`Revenue fell`). */
export const MASS_NOUNS: readonly string[] = [
  'revenue', 'profit', 'income', 'turnover', 'inflation', 'unemployment', 'employment', 'production', 'output',
  'growth', 'demand', 'supply', 'trade', 'spending', 'investment', 'attendance', 'traffic', 'support', 'membership',
  'funding', 'debt', 'tourism', 'crime', 'violence', 'research', 'evidence', 'data', 'analysis', 'work', 'construction',
  'manufacturing', 'enrollment', 'enrolment', 'participation', 'turnout', 'ridership', 'consumption', 'government',
  'congress', 'parliament', 'everyone', 'nobody', 'nothing', 'something', 'everything', 'water', 'oil', 'gold',
  'energy', 'power', 'food', 'money', 'time', 'life', 'history', 'technology', 'security', 'cooperation', 'aid',
  'business', 'industry', 'agriculture', 'education', 'health', 'healthcare', 'pollution', 'weather', 'rain', 'snow',
]

/** Relational nouns that make a copula sentence a checkable claim (`Norway is a member of ...`). */
export const RELATION_NOUNS: readonly string[] = [
  'member', 'members', 'signatory', 'signatories', 'ally', 'subsidiary', 'founder', 'owner', 'winner', 'champion',
  'capital', 'citizen', 'resident', 'shareholder', 'sponsor', 'host',
]

/**
 * Verbs that attribute a clause to a source: `X said/argued/confirmed that ...`, `..., X said.`
 * Within one document, claims attributed to different sources are a reported disagreement.
 */
export const ATTRIBUTION_VERBS: readonly string[] = [
  'say', 'tell', 'report', 'announce', 'confirm', 'warn', 'argue', 'claim', 'note', 'add', 'state', 'explain',
  'reveal', 'suggest', 'insist', 'admit', 'deny', 'estimate', 'predict', 'forecast', 'write', 'acknowledge',
  'mention', 'indicate', 'testify', 'allege', 'tweet', 'contend', 'maintain', 'assert', 'stress', 'emphasize',
  'emphasise', 'disclose', 'concede', 'believe', 'think', 'expect', 'find', 'show', 'conclude', 'calculate',
  'inform', 'assure', 'remind', 'post', 'reply', 'respond', 'counter', 'caution', 'observe', 'declare',
]

/**
 * Verbs of knowing, hoping and agreeing: their `that` opens a clause, as after an attribution verb
 * (`officials know that ...`), but they do not attribute the clause to a source.
 */
export const KNOWING_VERBS: readonly string[] = [
  'know', 'hope', 'fear', 'agree', 'understand', 'realize', 'realise', 'learn', 'hear', 'feel', 'assume', 'signal',
]

/** Attribution verbs whose hearer comes before the clause: `told reporters that ...`. */
export const ATTRIBUTION_HEARER_VERBS: readonly string[] = ['tell', 'inform', 'assure', 'remind', 'warn']
