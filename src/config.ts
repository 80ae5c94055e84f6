/**
 * Configuration: `.scrapelintrc.json`, `.scrapelintrc.yaml` / `.yml`, or a
 * `scrapelint` field in package.json, found from the linted file's folder
 * upward (nearest wins), through cosmiconfig. Config is data: no loader that
 * runs code is registered, so a JavaScript config is refused, never executed.
 */
import path from 'node:path'
import {cosmiconfig, type Loader} from 'cosmiconfig'
import {rules as registry} from '../rules/index.js'
import {ScrapelintError} from './errors.js'
import type {Level, Rule, RuleOptions} from '../rules/kit/rule.js'

export type RuleSetting = Level | [Level] | [Level, RuleOptions]

export interface ConfigData {
  rules?: Record<string, RuleSetting>
  ignorePatterns?: string[]
}

/**
 * Every rule scrapelint has, in registry order. This module is the one place in `src/` that reads
 * the registry (`rules/index.ts`); the rest of `src/` takes the rules from a resolved config
 * (`config.rules`) or, where no config is at hand (listing the rules, --fix-rule), from here.
 */
export const registeredRules: readonly Rule[] = registry

/** A config checked against the registry, with every rule's level and options. */
export interface ResolvedConfig {
  /** Where it came from (`undefined`: defaults only). */
  filepath: string | undefined
  /** The rules it was resolved against (every registered rule; `levels` says which are on). */
  rules: readonly Rule[]
  levels: Map<string, Level>
  options: Map<string, RuleOptions>
  ignorePatterns: string[]
}

const LEVELS = new Set<Level>(['off', 'warn', 'error'])
const byId = new Map<string, Rule>(registry.map((rule) => [rule.meta.id, rule]))

const refuseCode: Loader = (filepath) => {
  throw new ScrapelintError(`${filepath}: JavaScript and TypeScript config files are not supported (config must not run code); use .scrapelintrc.json or .scrapelintrc.yaml`)
}

const searchPlaces = ['package.json', '.scrapelintrc', '.scrapelintrc.json', '.scrapelintrc.yaml', '.scrapelintrc.yml']

function explorer(stopDir: string) {
  return cosmiconfig('scrapelint', {
    searchPlaces,
    searchStrategy: 'global',
    stopDir,
    loaders: {'.js': refuseCode, '.mjs': refuseCode, '.cjs': refuseCode, '.ts': refuseCode, '.mts': refuseCode, '.cts': refuseCode},
  })
}

/** A code frame line of a parser's message (`> 3 |     "a": 1,,`, `    |     ^`, `-----^`). */
const FRAME = /^\s*(?:>\s*)?(?:\d+\s*)?\||^-+\^$/

/**
 * One line for a config error: the parser's first line, its reason, and for a JSON error the line
 * and column its code frame points at (the frame itself, which repeats the file, is left out).
 */
function describe(error: unknown): string {
  if (error instanceof ScrapelintError) return error.message
  const text = error instanceof Error ? error.message : String(error)
  const lines = text.split('\n')
  const head = lines[0].trim()
  const reason = lines.slice(1).find((line) => line.trim() !== '' && !FRAME.test(line))
  if (reason === undefined) return head
  let where = ''
  const marked = lines.findIndex((line) => /^\s*>\s*\d+\s*\|/.test(line))
  const caret = marked >= 0 ? lines[marked + 1] : undefined
  if (caret !== undefined && caret.includes('^')) {
    const bar = lines[marked].indexOf('|')
    const line = /\d+/.exec(lines[marked])![0]
    where = ` (line ${line}, column ${caret.indexOf('^') - bar - 1})`
  }
  // parse-json ends its reason with the whole file flattened (`while parsing '{...}'`).
  return `${head.replace(/:$/, '')}: ${reason.trim().replace(/ while parsing .*$/, '')}${where}`
}

/** Check raw config data and resolve it against the defaults and `overrides`. */
export function resolveConfig(data: unknown, filepath: string | undefined, overrides: Record<string, RuleSetting> = {}): ResolvedConfig {
  const where = filepath ?? 'config'
  const levels = new Map<string, Level>()
  const options = new Map<string, RuleOptions>()
  for (const rule of registry) {
    levels.set(rule.meta.id, rule.meta.level)
    options.set(rule.meta.id, {})
  }
  let ignorePatterns: string[] = []
  if (data !== undefined && data !== null) {
    if (typeof data !== 'object' || Array.isArray(data)) throw new ScrapelintError(`${where}: config must be an object with \`rules\` and \`ignorePatterns\``)
    for (const key of Object.keys(data)) {
      if (key !== 'rules' && key !== 'ignorePatterns') throw new ScrapelintError(`${where}: unknown key \`${key}\` (expected \`rules\` or \`ignorePatterns\`)`)
    }
    const config = data as Record<string, unknown>
    if (config.ignorePatterns !== undefined) {
      if (!Array.isArray(config.ignorePatterns) || !config.ignorePatterns.every((p) => typeof p === 'string')) {
        throw new ScrapelintError(`${where}: \`ignorePatterns\` must be a list of strings`)
      }
      ignorePatterns = config.ignorePatterns as string[]
    }
    if (config.rules !== undefined) {
      if (typeof config.rules !== 'object' || config.rules === null || Array.isArray(config.rules)) {
        throw new ScrapelintError(`${where}: \`rules\` must be an object of rule ids`)
      }
      applySettings(config.rules as Record<string, unknown>, where, levels, options)
    }
  }
  applySettings(overrides, '--rule', levels, options)
  return {filepath, rules: registeredRules, levels, options, ignorePatterns}
}

function applySettings(settings: Record<string, unknown>, where: string, levels: Map<string, Level>, options: Map<string, RuleOptions>) {
  for (const [id, setting] of Object.entries(settings)) {
    const rule = byId.get(id)
    if (!rule) throw new ScrapelintError(`${where}: unknown rule \`${id}\` (see \`scrapelint --list-rules\`)`)
    const key = `rules.${id}`
    const [level, ruleOptions] = Array.isArray(setting) ? setting : [setting, undefined]
    if (!LEVELS.has(level as Level)) {
      throw new ScrapelintError(`${where}: \`${key}\` must be "off", "warn", "error" or [level, options], not ${JSON.stringify(setting)}`)
    }
    if (Array.isArray(setting) && setting.length > 2) throw new ScrapelintError(`${where}: \`${key}\` takes [level, options]`)
    levels.set(id, level as Level)
    if (ruleOptions !== undefined) options.set(id, checkOptions(rule, ruleOptions, `${where}: \`${key}\``))
  }
}

function checkOptions(rule: Rule, value: unknown, where: string): RuleOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ScrapelintError(`${where}: options must be an object`)
  const specs = rule.meta.options ?? {}
  for (const [name, option] of Object.entries(value)) {
    const spec = specs[name]
    const at = `${where} option \`${name}\``
    if (!spec) {
      const known = Object.keys(specs)
      throw new ScrapelintError(`${at} is unknown (${known.length > 0 ? 'known: ' + known.join(', ') : 'the rule takes no options'})`)
    }
    if (spec.type === 'string[]') {
      if (!Array.isArray(option) || !option.every((item) => typeof item === 'string')) throw new ScrapelintError(`${at} must be a list of strings`)
      continue
    }
    const type = spec.type === 'integer' ? 'number' : spec.type
    if (typeof option !== type || (type === 'number' && !Number.isFinite(option))) throw new ScrapelintError(`${at} must be a ${spec.type}, not ${JSON.stringify(option)}`)
    if (spec.type === 'integer' && !Number.isInteger(option)) throw new ScrapelintError(`${at} must be a whole number, not ${option}`)
    if (typeof option === 'number' && ((spec.min !== undefined && option < spec.min) || (spec.max !== undefined && option > spec.max))) {
      throw new ScrapelintError(`${at} must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}, not ${option}`)
    }
  }
  return value as RuleOptions
}

/** Parse `id:level` (from `--rule`). */
export function parseRuleFlag(flag: string): [string, Level] {
  const at = flag.lastIndexOf(':')
  const id = at === -1 ? flag : flag.slice(0, at)
  const level = at === -1 ? '' : flag.slice(at + 1)
  if (!LEVELS.has(level as Level)) throw new ScrapelintError(`--rule ${flag}: expected id:off, id:warn or id:error`)
  return [id, level as Level]
}

export interface ConfigLoaderOptions {
  cwd: string
  /** A config file that applies to every file, or `false` for no config files. */
  config?: string | false
  overrides?: Record<string, RuleSetting>
}

/** Finds and caches the config that applies to each folder. */
export class ConfigLoader {
  private readonly options: ConfigLoaderOptions
  private readonly explorer: ReturnType<typeof explorer>
  private readonly byFile = new Map<string, ResolvedConfig>()
  private fixed: Promise<ResolvedConfig> | undefined

  constructor(options: ConfigLoaderOptions) {
    this.options = options
    this.explorer = explorer(path.parse(path.resolve(options.cwd)).root)
  }

  /** The config for a document in `folder`. */
  async forFolder(folder: string): Promise<ResolvedConfig> {
    const {config, overrides} = this.options
    if (config === false) return (this.fixed ??= Promise.resolve(resolveConfig(undefined, undefined, overrides)))
    if (config !== undefined) return (this.fixed ??= this.load(path.resolve(this.options.cwd, config)))
    let result
    try {
      result = await this.explorer.search(folder)
    } catch (error) {
      throw new ScrapelintError(`invalid config: ${describe(error)}`)
    }
    const filepath = result?.filepath
    const key = filepath ?? ''
    let resolved = this.byFile.get(key)
    if (!resolved) {
      resolved = resolveConfig(result?.config, filepath, overrides)
      this.byFile.set(key, resolved)
    }
    return resolved
  }

  private async load(filepath: string): Promise<ResolvedConfig> {
    let result
    try {
      result = await this.explorer.load(filepath)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') throw new ScrapelintError(`--config ${filepath}: no such file`)
      throw new ScrapelintError(`${filepath}: ${describe(error)}`)
    }
    return resolveConfig(result?.config, filepath, this.options.overrides)
  }
}
