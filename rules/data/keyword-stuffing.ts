/**
 * Word lists for keyword-stuffing (also used by duplicate-sentence): English
 * function words. A phrase made of them (`of the`, `in the`) is never a
 * keyword, and they carry no content when comparing two sentences.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although always am among an and another any anyone ' +
    'anything are around as at be because been before being below between both but by can could did do does ' +
    'doing done down during each either else even ever every few for from further had has have having he her ' +
    'here hers herself him himself his how however i if in into is it its itself just least less let like many ' +
    'may me might more most much must my myself neither no nor not now of off often on once one only or other ' +
    'others our ours ourselves out over own per perhaps quite rather same several shall she should since so ' +
    'some such than that the their theirs them themselves then there these they this those though through thus ' +
    'to too toward towards under until up upon us very via was we were what whatever when where whether which ' +
    'while who whom whose why will with within without would yet you your yours yourself yourselves ' +
    "it's i'm i've i'd i'll you're you've you'd you'll he's she's we're we've we'd we'll they're they've " +
    "they'd they'll that's there's here's what's who's isn't aren't wasn't weren't don't doesn't didn't " +
    "won't wouldn't can't cannot couldn't shouldn't hasn't haven't hadn't let's"
  ).split(' '),
)

/**
 * Quotation marks that may wrap a phrase (straight, curly, low-9, guillemets).
 */
export const QUOTES: ReadonlySet<string> = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', "'", '\u2018', '\u2019'])

/**
 * Number words. A word right after a number or one of these is a quantity (`1 cup flour, 1 cup
 * sugar`, `two cups`), not a keyword, and a number word is never a keyword itself.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  (
    'zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand ' +
    'million billion half quarter dozen first second third'
  ).split(' '),
)
