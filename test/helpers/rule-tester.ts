/**
 * A rule tester in the style of ESLint's RuleTester and textlint-tester: a rule, the texts it must
 * leave alone (`valid`) and the texts it must report (`invalid`, with every message it reports, in
 * order, and the text after its fixes). Each case becomes one vitest test.
 *
 * The texts go through the product's own code, not a copy of it: the processor is the engine's
 * (`createProcessor`, with the rule alone at `warn` and its options checked as a config's are), the
 * document pass is `lintDocument`, Markdown and HTML are rendered and mapped back to the source as
 * `lintTexts` does, a corpus rule's pass runs over the documents of the case, and `output` is the
 * text after `fixFile` (the code `--fix` runs) applied the rule's fixes.
 *
 * ```ts
 * ruleTester('citation-residue', {
 *   valid: ['[1] Preheat the oven.', {text: '...', options: {minDocs: 3}}],
 *   invalid: [
 *     {
 *       text: 'The orchid grows on volcanic slopes [4] and flowers in March.',
 *       messages: [{reason: /^Reference markers `\[4\]`/, line: 1, column: 36, actual: ' [4]', expected: ['']}],
 *       output: 'The orchid grows on volcanic slopes and flowers in March.',
 *     },
 *   ],
 * })
 * ```
 */
import {AssertionError} from 'node:assert'
import type {Point} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'
import {describe, it} from 'vitest'
import {registeredRules, resolveConfig, type ResolvedConfig} from '../../src/config.js'
import {applyLevels, createProcessor, lintDocument, type AnyProcessor} from '../../src/document.js'
import {fixFile} from '../../src/fix.js'
import {formatOf, type FormatName} from '../../src/formats/index.js'
import {adoptRendering, prepareDocument} from '../../src/formats/read.js'
import {toSource} from '../../src/formats/rendering.js'
import {resolveOptions, ruleUrl, SOURCE, type Rule, type RuleModule, type RuleOptions} from '../../rules/kit/rule.js'

/** One message a case expects. `reason` is required; every other key is checked when it is given (`actual: undefined` checks there is none). */
export interface ExpectedMessage {
  /** The whole reason, or a pattern it must match. */
  reason: string | RegExp
  line?: number
  column?: number
  /** The line and column where the message's place ends. */
  endLine?: number
  endColumn?: number
  /** Offsets of the place's start and end. */
  offset?: number
  endOffset?: number
  /** The text between the place's start and end offsets (what a fix replaces). */
  covers?: string
  /** Default: the rule's id (so is the url checked against). */
  ruleId?: string
  note?: string | RegExp | undefined
  /** The text the message is about: the whole of it, or a pattern it must match. */
  actual?: string | RegExp | undefined
  expected?: string[] | undefined
  fatal?: boolean | null | undefined
}

interface CaseBase {
  /** The test's title (default: the start of the text). */
  name?: string
  /** The rule's options (checked against its `meta.options` as a config's are). */
  options?: RuleOptions
}

/** A document of a corpus case: its text, or a path (which names it in other documents' messages, and sets its format) and text. */
export type CorpusDocument = string | {path: string; text: string}

export interface TextCase extends CaseBase {
  text: string
  /** `text` (default), `markdown` or `html`: a marked-up text is rendered and its messages mapped back to it, as the engine does. */
  format?: Exclude<FormatName, 'jsonl'>
}

export interface CorpusCase extends CaseBase {
  /** Several documents, linted one by one and then together by the rule's corpus pass (shared-boilerplate, contradiction). */
  corpus: CorpusDocument[]
}

export type ValidCase = string | TextCase | CorpusCase

export interface InvalidTextCase extends TextCase {
  messages: ExpectedMessage[]
  /** The text after the rule's fixes (`fixFile`, as `--fix` applies them; suggestions too, since the rule is named). */
  output?: string
}

export interface InvalidCorpusCase extends CorpusCase {
  /** The messages of each document, in the order of `corpus`. */
  messages: ExpectedMessage[][]
  /** Each document after the rule's fixes. */
  output?: string[]
}

export type InvalidCase = InvalidTextCase | InvalidCorpusCase

export interface RuleTests {
  valid?: ValidCase[]
  invalid?: InvalidCase[]
}

export type RuleUnderTest = string | Rule | RuleModule

/** A pattern for a reason, note or actual that holds every one of `parts` (in any order). */
export function containing(...parts: string[]): RegExp {
  return new RegExp('^' + parts.map((part) => '(?=[^]*' + part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')').join(''))
}

const byId = new Map(registeredRules.map((rule) => [rule.meta.id, rule]))

/** The registry's rule for an id, a registry entry, or a rule module (`import * as rule from 'rules/x.js'`). */
export function toRule(rule: RuleUnderTest): Rule {
  if (typeof rule === 'string') {
    const found = byId.get(rule)
    if (!found) throw new Error(`rule-tester: no rule \`${rule}\` in rules/index.ts`)
    return found
  }
  if ('plugin' in rule) return rule
  const registered = byId.get(rule.meta.id)
  if (registered && registered.plugin === rule.default && registered.meta === rule.meta) return registered
  let wrapped = fromModule.get(rule)
  if (!wrapped) fromModule.set(rule, (wrapped = {meta: rule.meta, plugin: rule.default, corpus: rule.corpus}))
  return wrapped
}

const fromModule = new WeakMap<RuleModule, Rule>()

interface Setup {
  config: ResolvedConfig
  processors: Map<string, AnyProcessor>
}

/** One config per rule and options, and one processor per config and format: built once, reused by every case. */
const setups = new Map<Rule, Map<string, Setup>>()

function setupOf(rule: Rule, options: RuleOptions | undefined): Setup {
  const key = JSON.stringify(options ?? {})
  let byOptions = setups.get(rule)
  if (!byOptions) setups.set(rule, (byOptions = new Map()))
  let setup = byOptions.get(key)
  if (!setup) {
    const id = rule.meta.id
    // The config the CLI would resolve from `{rules: {[id]: ['warn', options]}}` (which checks the options), with this rule alone.
    const resolved = byId.get(id) === rule ? resolveConfig(undefined, undefined, {[id]: options ? ['warn', options] : 'warn'}) : undefined
    const config: ResolvedConfig = {
      filepath: undefined,
      rules: [rule],
      levels: new Map([[id, 'warn']]),
      options: new Map([[id, resolved?.options.get(id) ?? options ?? {}]]),
      ignorePatterns: [],
    }
    setup = {config, processors: new Map()}
    byOptions.set(key, setup)
  }
  return setup
}

/** How many processors the tester has built (for its own tests: one per rule, options and format). */
export function processorCount(): number {
  let count = 0
  for (const byOptions of setups.values()) for (const setup of byOptions.values()) count += setup.processors.size
  return count
}

const EXTENSION = {text: 'txt', markdown: 'md', html: 'html'} as const

function documentsOf(testCase: ValidCase): {path: string; text: string}[] {
  if (typeof testCase === 'string') return [{path: 'doc.txt', text: testCase}]
  if ('corpus' in testCase) return testCase.corpus.map((document, index) => (typeof document === 'string' ? {path: `doc-${index}.txt`, text: document} : document))
  return [{path: `doc.${EXTENSION[testCase.format ?? 'text']}`, text: testCase.text}]
}

/**
 * Lint the documents of a case as the engine does (`lintTexts`), with the rule alone: each through
 * the per-document pass, then the rule's corpus pass over all of them, then back to their sources,
 * each document's messages sorted by place as the engine reports them.
 */
export async function lintCase(rule: RuleUnderTest, testCase: ValidCase): Promise<VFile[]> {
  const resolved = toRule(rule)
  const options = typeof testCase === 'string' ? undefined : testCase.options
  const {config, processors} = setupOf(resolved, options)
  const cwd = process.cwd()
  const files: VFile[] = []
  for (const document of documentsOf(testCase)) {
    const format = formatOf(document.path)
    const prepared = prepareDocument({kind: 'document', value: document.text, format, warnings: []}, document.path, cwd)
    let processor = processors.get(format.name)
    if (!processor) processors.set(format.name, (processor = createProcessor(config, format)))
    files.push(adoptRendering(await lintDocument(prepared.file, processor, config), prepared))
  }
  if (resolved.corpus) {
    const before = files.map((file) => file.messages.length)
    resolved.corpus(files, resolveOptions(resolved.meta, config.options.get(resolved.meta.id)))
    files.forEach((file, index) => (file.messages = [...file.messages.slice(0, before[index]), ...applyLevels(file.messages.slice(before[index]), config)]))
  }
  // In the order the engine reports them (by place).
  for (const file of files) {
    toSource(file)
    file.messages.sort(compareMessage)
  }
  return files
}

function show(value: unknown): string {
  if (value instanceof RegExp) return String(value)
  return JSON.stringify(value)
}

/** Fail a case; with `actual` and `expected`, vitest shows their difference. */
function fail(message: string, ...values: [actual: unknown, expected: unknown] | []): never {
  if (values.length === 0) throw new AssertionError({message})
  throw new AssertionError({message, actual: values[0], expected: values[1], operator: 'strictEqual'})
}

function matches(expected: string | RegExp, actual: unknown): boolean {
  return typeof expected === 'string' ? actual === expected : typeof actual === 'string' && expected.test(actual)
}

function summary(message: VFileMessage): string {
  return `${message.line}:${message.column} ${message.ruleId} ${show(message.reason)}`
}

const deepEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Check one message of `file` against what the case expects of it; `where` names it in the failure. */
function checkMessage(rule: Rule, file: VFile, message: VFileMessage, expected: ExpectedMessage, where: string) {
  const ruleId = expected.ruleId ?? rule.meta.id
  const place = message.place && 'start' in message.place ? message.place : undefined
  const point = place ? place.start : (message.place as Point | undefined)
  const checks: [string, unknown, unknown, boolean][] = [
    ['reason', message.reason, expected.reason, matches(expected.reason, message.reason)],
    ['ruleId', message.ruleId, ruleId, message.ruleId === ruleId],
    ['source', message.source, SOURCE, message.source === SOURCE],
  ]
  if (ruleId === rule.meta.id) checks.push(['url', message.url, ruleUrl(ruleId), message.url === ruleUrl(ruleId)])
  const given = (key: keyof ExpectedMessage) => Object.hasOwn(expected, key)
  const same = (key: keyof ExpectedMessage, actual: unknown) => {
    if (given(key)) checks.push([key, actual, expected[key], deepEqual(actual, expected[key])])
  }
  same('line', message.line)
  same('column', message.column)
  same('endLine', place?.end.line)
  same('endColumn', place?.end.column)
  same('offset', point?.offset)
  same('endOffset', place?.end.offset)
  same('covers', place && place.start.offset !== undefined && place.end.offset !== undefined ? String(file).slice(place.start.offset, place.end.offset) : undefined)
  for (const key of ['note', 'actual'] as const) {
    const wanted = expected[key]
    if (given(key)) checks.push([key, message[key], wanted, wanted === undefined ? message[key] === undefined : matches(wanted, message[key])])
  }
  same('expected', message.expected)
  same('fatal', message.fatal)
  for (const [key, actual, wanted, ok] of checks) {
    if (!ok) fail(`${where}: ${key} should be ${show(wanted)}, but is ${show(actual)} (${summary(message)})`, actual, wanted)
  }
}

/** Check the messages of one document: the expected ones, in order, and no other. */
function checkMessages(rule: Rule, file: VFile, expected: ExpectedMessage[], document: string) {
  const messages = file.messages
  for (let index = 0; index < Math.max(messages.length, expected.length); index++) {
    const where = `${document}message ${index + 1} of ${expected.length}`
    if (index >= expected.length) {
      const extra = messages.slice(expected.length)
      fail(`${document}${extra.length} extra message${extra.length === 1 ? '' : 's'}: ${extra.map(summary).join('; ')}`, messages.length, expected.length)
    }
    if (index >= messages.length) fail(`${where} is missing (reason ${show(expected[index].reason)}); the rule reported ${messages.length}`, messages.length, expected.length)
    checkMessage(rule, file, messages[index], expected[index], where)
  }
  if (!rule.meta.fixable) {
    const fixed = messages.find((message) => message.expected !== undefined)
    if (fixed) fail(`${document}the rule's meta says it is not fixable, but a message carries a fix: ${summary(fixed)}`)
  }
}

function checkOutput(rule: Rule, file: VFile, text: string, output: string, document: string) {
  const result = fixFile(file, {rules: [rule.meta.id]})
  if (result.output !== output) fail(`${document}the output after the fixes differs${result.output === text ? ' (no fix was applied)' : ''}`, result.output, output)
}

/** Run a valid case: it must get no message. */
export async function checkValid(rule: RuleUnderTest, testCase: ValidCase): Promise<void> {
  const resolved = toRule(rule)
  const files = await lintCase(resolved, testCase)
  const corpus = typeof testCase !== 'string' && 'corpus' in testCase
  for (const file of files) checkMessages(resolved, file, [], corpus ? `${file.path}: ` : '')
}

/** Run an invalid case: its messages, whole and in order, and no other; then its output after the fixes. */
export async function checkInvalid(rule: RuleUnderTest, testCase: InvalidCase): Promise<void> {
  const resolved = toRule(rule)
  const files = await lintCase(resolved, testCase)
  if ('corpus' in testCase) {
    if (testCase.messages.length !== files.length) throw new Error(`rule-tester: a corpus case needs one list of messages per document (${files.length}), not ${testCase.messages.length}`)
    if (testCase.output && testCase.output.length !== files.length) throw new Error(`rule-tester: a corpus case needs one output per document (${files.length}), not ${testCase.output.length}`)
    files.forEach((file, index) => checkMessages(resolved, file, testCase.messages[index], `${file.path}: `))
    if (testCase.output) files.forEach((file, index) => checkOutput(resolved, file, documentsOf(testCase)[index].text, testCase.output![index], `${file.path}: `))
    return
  }
  if (testCase.messages.length === 0) throw new Error('rule-tester: an invalid case expects at least one message (a text without any is a valid case)')
  const [file] = files
  checkMessages(resolved, file, testCase.messages, '')
  if (testCase.output !== undefined) checkOutput(resolved, file, testCase.text, testCase.output, '')
}

function title(testCase: ValidCase): string {
  if (typeof testCase !== 'string' && testCase.name) return testCase.name
  const text = typeof testCase === 'string' ? testCase : 'corpus' in testCase ? testCase.corpus.map((document) => (typeof document === 'string' ? document : document.text)).join(' | ') : testCase.text
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 70 ? flat.slice(0, 69) + '…' : flat
}

/** Register the cases of `rule` as vitest tests: `describe(<id>)`, with a `valid` and an `invalid` block. */
export function ruleTester(rule: RuleUnderTest, tests: RuleTests): void {
  const resolved = toRule(rule)
  describe(resolved.meta.id, () => {
    if (tests.valid && tests.valid.length > 0) {
      describe('valid', () => {
        for (const testCase of tests.valid!) it(title(testCase), () => checkValid(resolved, testCase))
      })
    }
    if (tests.invalid && tests.invalid.length > 0) {
      describe('invalid', () => {
        for (const testCase of tests.invalid!) it(title(testCase), () => checkInvalid(resolved, testCase))
      })
    }
  })
}
