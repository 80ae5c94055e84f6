/** scrapelint's library API. */
export {lint, lintTexts, type LintOptions, type LintResult, type TextInput} from './engine.js'
export {createProcessor, lintDocument, windows} from './document.js'
export {ConfigLoader, resolveConfig, type ConfigData, type ResolvedConfig, type RuleSetting} from './config.js'
export {formatReport, FORMATS, type Format, type ReportOptions} from './reporters/index.js'
export {ScrapelintError} from './errors.js'
export {report, resolveOptions, ruleUrl, SOURCE, type Level, type Rule, type RuleMeta, type RuleModule, type RuleOptions, type CorpusCheck, type OptionSpec} from '../rules/kit/rule.js'
export {registeredRules as rules} from './config.js'
export {version} from './version.js'
