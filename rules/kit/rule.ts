/**
 * What a rule is, and the few helpers every rule uses to report.
 *
 * A rule is a module in `rules/` whose default export is a unified plugin
 * (usable on its own: `unified().use(retextEnglish).use(rule)`) and which
 * exports `meta`. A corpus rule also exports `corpus`, run once after every
 * document was processed, over the facts its plugin left on `file.data`.
 */
import type {Root} from 'nlcst'
import type {Point, Position} from 'unist'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export type Level = 'off' | 'warn' | 'error'

export interface OptionSpec {
  type: 'number' | 'integer' | 'boolean' | 'string' | 'string[]'
  default: number | boolean | string | string[]
  min?: number
  max?: number
  description: string
}

export interface RuleMeta {
  /** Rule id, also the name of its file and of its doc page. */
  id: string
  /** One line: what the rule finds. */
  description: string
  /** Level when the config says nothing. */
  level: Level
  /** Whether its messages carry `expected` (a fix). */
  fixable: boolean
  /**
   * The fix is a suggestion (an editor offers it; `--fix` applies it only when the rule is named
   * with `--fix-rule`), because applying it unasked could remove text the author meant.
   */
  suggestion?: boolean
  /** Options the rule takes, with defaults; config is validated against it. */
  options?: Record<string, OptionSpec>
}

export type RuleOptions = Record<string, unknown>

/** A corpus check: runs once over every document of the run. */
export type CorpusCheck = (files: VFile[], options: RuleOptions) => void

export interface RuleModule {
  meta: RuleMeta
  default: Plugin<[RuleOptions?], Root>
  corpus?: CorpusCheck
}

export interface Rule {
  meta: RuleMeta
  plugin: Plugin<[RuleOptions?], Root>
  corpus?: CorpusCheck
}

export const SOURCE = 'scrapelint'
export const DOCS_BASE = 'https://github.com/scrapelint/scrapelint/blob/main/rules/'

/** The doc page a rule's messages link to. */
export function ruleUrl(id: string): string {
  return DOCS_BASE + id + '.md'
}

/** Merge the user's options over the defaults of `meta.options`. */
export function resolveOptions<T extends RuleOptions>(meta: RuleMeta, options: RuleOptions | null | undefined): T {
  const result: RuleOptions = {}
  for (const [key, spec] of Object.entries(meta.options ?? {})) result[key] = spec.default
  if (options) for (const [key, value] of Object.entries(options)) if (value !== undefined) result[key] = value
  return result as T
}

export interface ReportOptions {
  place: Point | Position
  note?: string
  actual?: string
  expected?: string[]
}

/** Report a message the way every scrapelint rule does. */
export function report(file: VFile, meta: RuleMeta, reason: string, options: ReportOptions): VFileMessage {
  const message = file.message(reason, {place: options.place, ruleId: meta.id, source: SOURCE})
  message.url = ruleUrl(meta.id)
  if (options.note !== undefined) message.note = options.note
  if (options.actual !== undefined) message.actual = options.actual
  if (options.expected !== undefined) message.expected = options.expected
  return message
}
