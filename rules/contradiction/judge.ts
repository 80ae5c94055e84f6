/**
 * The judge of the `contradiction` rule: given two claims that the index
 * paired (same subject key, and same predicate or antonymy axis, same object
 * key), say whether they conflict and how, in plain words.
 *
 * This is the seam for a stronger judge: anything of type `Judge` (an NLI
 * model over `a.s` and `b.s`, say) can replace `ruleJudge` through
 * `createCorpusCheck(judge)` in `rules/contradiction.ts` without touching
 * the extraction.
 */
import type {Claim, ClaimNumber} from './claims.js'
import {AXES, ONCE_ONLY_SET} from './extract.js'

export type ConflictKind = 'negation' | 'modality' | 'antonym' | 'numeric' | 'date'

export interface Verdict {
  kind: ConflictKind
  /** What `a` says, in plain words (`the defense pact was signed`). */
  a: string
  /** What `b` says, in plain words (`they may not sign a formal defense pact`). */
  b: string
}

export interface JudgeContext {
  /** Both claims come from one document (relative periods like `last year` then share an anchor). */
  sameDocument: boolean
}

export type Judge = (a: Claim, b: Claim, context?: JudgeContext) => Verdict | undefined

/**
 * Two source keys name one source: the same key, or the entity words of one among the other's
 * (`cook#` and `cook,tim#`; not `marvin,sons#` and `sons,wisozk#`).
 */
export function sameSource(a: string, b: string): boolean {
  if (a === b) return true
  const [entsA] = a.split('#')
  const [entsB] = b.split('#')
  if (!entsA || !entsB) return false
  const wordsA = entsA.split(',')
  const wordsB = entsB.split(',')
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, new Set(wordsB)] : [wordsB, new Set(wordsA)]
  return fewer.every((word) => more.has(word))
}

/**
 * Two claims of one document attributed to different sources (`analysts argued that ...`, `the
 * company confirmed that ...`): the document reports a disagreement, it does not contradict itself.
 * A claim in the document's own voice against an attributed one is still a conflict: the document
 * asserts one side itself. Across documents, different sources are what the rule looks for.
 */
export function reportedDisagreement(a: Claim, b: Claim, sameDocument: boolean): boolean {
  return sameDocument && a.src !== undefined && b.src !== undefined && !sameSource(a.src, b.src)
}

export interface JudgeOptions {
  /** Relative tolerance for numbers beyond the rounding their writing allows. */
  tolerance: number
  /** Kinds of conflict to report. */
  kinds: ReadonlySet<ConflictKind>
}

const ALL_KINDS: ReadonlySet<ConflictKind> = new Set(['negation', 'modality', 'antonym', 'numeric', 'date'])

/** Periods: `strict` wants both the same (both absent counts), otherwise an absent one matches anything. */
function periodsAgree(a: Claim, b: Claim, strict: boolean, sameDocument: boolean): boolean {
  if (a.per === 'multi' || b.per === 'multi') return false
  if (!strict && (a.per === undefined || b.per === undefined)) return true
  const relative = (a.per?.startsWith('rel:') ?? false) || (b.per?.startsWith('rel:') ?? false)
  // relative periods (`last year`) only compare inside one document (same anchor date)
  if (relative && !sameDocument) return false
  if (a.per === undefined || b.per === undefined) return strict ? a.per === b.per : true
  return a.per === b.per
}

function modsAgree(a: Claim, b: Claim, strict: boolean): boolean {
  const x = (a.mods ?? []).join(',')
  const y = (b.mods ?? []).join(',')
  if (x === y) return true
  return !strict && (x === '' || y === '')
}

function step(number: ClaimNumber): number {
  // half a unit of the last digit written: `12 million` is 11.5-12.5 million, `1,200` is 1,150-1,250
  let digits = ''
  for (const c of number.t) if ((c >= '0' && c <= '9') || c === '.') digits += c
  if (!digits) return 0
  const scale = number.v / Number(digits) || 1
  const dot = digits.indexOf('.')
  if (dot >= 0) return 0.5 * Math.pow(10, -(digits.length - dot - 1)) * scale
  let zeros = 0
  for (let i = digits.length - 1; i > 0 && digits[i] === '0'; i--) zeros++
  return 0.5 * Math.pow(10, zeros) * scale
}

function numbersConflict(x: ClaimNumber, y: ClaimNumber, tolerance: number): boolean {
  const sx = step(x)
  const sy = step(y)
  const xlo = x.lo - sx
  const xhi = x.hi === null ? Infinity : x.hi + sx
  const ylo = y.lo - sy
  const yhi = y.hi === null ? Infinity : y.hi + sy
  const gap = Math.max(ylo - xhi, xlo - yhi)
  return gap > tolerance * Math.max(Math.abs(x.v), Math.abs(y.v))
}

/** In plain words, what a claim says. */
export function describe(c: Claim, withPeriod = false): string {
  const [past, participle] = c.vf
  const object = c.os ? ' ' + c.os : ''
  const numbers = (c.n ?? []).filter((n) => n.r !== 'n').map((n) => ` ${n.r} ${n.t}`).join('')
  const period = withPeriod && c.per && !c.per.startsWith('rel:') && c.per !== 'multi' ? ` in ${c.per}` : ''
  const tail = numbers + period
  const passive = c.nom === 1 || c.subj === ''
  if (passive) {
    const what = c.os ? theObject(c.os) : 'it'
    const be = c.mod === 'present' ? 'is' : 'was'
    if (c.mod === 'done' || c.mod === 'present') return `${what} ${be}${c.pol < 0 ? (c.nev ? ' never' : ' not') : ''} ${participle}${tail}`
    if (c.mod === 'unlikely') return `${what} is unlikely to be ${participle}${tail}`
    return `${what} ${c.mod}${c.pol < 0 ? ' not' : ''} be ${participle}${tail}`
  }
  const subject = c.ss ? lowerFirst(c.ss) : 'it'
  if (c.mod === 'done') {
    if (c.pol > 0) return `${subject} ${past}${object}${tail}`
    return `${subject} ${c.nev ? 'never ' + past : 'did not ' + c.pred}${object}${tail}`
  }
  if (c.mod === 'present') return c.pol > 0 ? `${subject} ${c.pred === 'be' ? 'is' : c.pred + '(s)'}${object}${tail}` : `${subject} ${c.pred === 'be' ? 'is not' : 'does not ' + c.pred}${object}${tail}`
  if (c.mod === 'unlikely') return `${subject} is unlikely to ${c.pred}${object}${tail}`
  return `${subject} ${c.mod}${c.pol < 0 ? ' not' : ''} ${c.pred}${object}${tail}`
}

/** `a new defense pact` -> `the new defense pact`; names stay as they are. */
function theObject(text: string): string {
  const space = text.indexOf(' ')
  const first = (space < 0 ? text : text.slice(0, space)).toLowerCase()
  if (space > 0 && (first === 'a' || first === 'an' || first === 'the' || first === 'this' || first === 'that')) return 'the ' + text.slice(space + 1)
  return lowerFirst(text)
}

function lowerFirst(text: string): string {
  // keep names (`Germany`), lower sentence-initial words (`They`, `This partnership`)
  const space = text.indexOf(' ')
  const first = space < 0 ? text : text.slice(0, space)
  const lower = first.toLowerCase()
  const common = ['they', 'it', 'he', 'she', 'we', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'both', 'its', 'their', 'our', 'his', 'her']
  return common.includes(lower) ? lower + text.slice(first.length) : text
}

const isNegativeOutlook = (c: Claim) => (c.pol < 0 && (c.mod === 'may' || c.mod === 'will')) || (c.pol > 0 && c.mod === 'unlikely')
const isFact = (c: Claim) => c.mod === 'done' || c.mod === 'present'

/** The rule-based judge, after de Marneffe et al. (2008): negation, modality, antonymy, numbers, dates. */
export function createRuleJudge(options: Partial<JudgeOptions> = {}): Judge {
  const tolerance = options.tolerance ?? 0.02
  const kinds = options.kinds ?? ALL_KINDS
  const verdict = (kind: ConflictKind, a: Claim, b: Claim, withPeriod = false): Verdict | undefined =>
    kinds.has(kind) ? {kind, a: describe(a, withPeriod), b: describe(b, withPeriod)} : undefined

  return function ruleJudge(a: Claim, b: Claim, context?: JudgeContext): Verdict | undefined {
    const same = context?.sameDocument ?? false
    if (a.subj !== b.subj || a.obj !== b.obj) return undefined
    if (a.oc && b.oc && a.oc !== b.oc) return undefined
    if (a.pred === b.pred) {
      if (a.pol !== b.pol) {
        // it happened vs it did not (same tense)
        if (a.mod === b.mod && (isFact(a) || a.mod === 'will') && periodsAgree(a, b, false, same) && modsAgree(a, b, false)) {
          if ((a.n || b.n) && !numbersEqual(a, b)) return undefined
          return verdict('negation', a, b)
        }
      }
      // it happened vs it may not / will not / is unlikely to happen
      if (a.mod === 'done' && a.pol > 0 && isNegativeOutlook(b) && periodsAgree(a, b, false, same) && modsAgree(a, b, false)) return verdict('modality', a, b)
      if (b.mod === 'done' && b.pol > 0 && isNegativeOutlook(a) && periodsAgree(a, b, false, same) && modsAgree(a, b, false)) return verdict('modality', a, b)
      if (a.pol > 0 && b.pol > 0 && a.mod === b.mod && isFact(a)) {
        // different numbers for the same quantity, subject and period
        if (a.n && b.n && periodsAgree(a, b, true, same) && modsAgree(a, b, true)) {
          for (const x of a.n) {
            for (const y of b.n) {
              if (x.u === y.u && x.r === y.r && numbersConflict(x, y, tolerance)) return verdict('numeric', a, b, true)
            }
          }
        }
        // different dates for an event that happens once
        // (differently qualified events are several: `opened to goods traffic` in 1871, `opened as part of a path` in 2014)
        if (a.mod === 'done' && ONCE_ONLY_SET.has(a.pred) && !a.ind && !b.ind && a.per && b.per && a.per !== b.per && isDate(a.per) && isDate(b.per) && modsAgree(a, b, false) && !a.n && !b.n && (a.q ?? '') === (b.q ?? '')) {
          if (a.per.slice(0, 4) !== b.per.slice(0, 4) || a.per.length === b.per.length) return verdict('date', a, b, true)
        }
      }
      return undefined
    }
    // antonym predicates: rose / fell, won / lost, accepted / rejected
    const axesA = AXES.get(a.pred)
    const axesB = AXES.get(b.pred)
    if (!axesA || !axesB) return undefined
    for (const [axis, side] of axesA) {
      for (const [otherAxis, otherSide] of axesB) {
        if (axis === otherAxis && side !== otherSide && a.pol > 0 && b.pol > 0 && a.mod === b.mod && isFact(a) && periodsAgree(a, b, true, same) && modsAgree(a, b, true)) {
          return verdict('antonym', a, b, true)
        }
      }
    }
    return undefined
  }
}

function isDate(period: string): boolean {
  return period !== 'multi' && !period.startsWith('rel:')
}

function numbersEqual(a: Claim, b: Claim): boolean {
  const x = a.n ?? []
  const y = b.n ?? []
  if (x.length !== y.length) return false
  return x.every((n, i) => n.v === y[i].v && n.u === y[i].u)
}

export const ruleJudge: Judge = createRuleJudge()
