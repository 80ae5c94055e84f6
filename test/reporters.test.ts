import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import Ajv from 'ajv-draft-04'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {lintTexts} from '../src/engine.js'
import {formatReport} from '../src/reporters/index.js'
import {ruleUrl} from '../rules/kit/rule.js'
import {root, runCli} from './helpers.js'

const require = createRequire(import.meta.url)
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
const validate = new Ajv({allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false}).compile(schema)

async function sample(): Promise<VFile[]> {
  return lintTexts(
    [
      {path: 'a.txt', value: 'The the report was late.\nIt it was filed anyway.\n'},
      {path: 'b.txt', value: 'A clean line of prose.\n'},
    ],
    {cwd: root, config: false, rules: {'repeated-words': 'error'}},
  )
}

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with rules, levels, regions, help URIs and fixes', async () => {
    const log = JSON.parse(formatReport(await sample(), {format: 'sarif', cwd: root, rules}))
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('scrapelint')
    expect(run.tool.driver.rules.map((rule: {id: string}) => rule.id)).toEqual(rules.map((rule) => rule.meta.id))
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toBe(ruleUrl(rule.id))
    expect(run.results).toHaveLength(2)
    const [first] = run.results
    expect(first).toMatchObject({
      ruleId: 'repeated-words',
      ruleIndex: rules.findIndex((rule) => rule.meta.id === 'repeated-words'),
      level: 'error',
      locations: [{physicalLocation: {artifactLocation: {uri: 'a.txt', uriBaseId: '%SRCROOT%'}, region: {startLine: 1, startColumn: 1, endLine: 1, endColumn: 8}}}],
      fixes: [{artifactChanges: [{replacements: [{deletedRegion: {startLine: 1, startColumn: 1}, insertedContent: {text: 'The'}}]}]}],
    })
  })

  it('is what the CLI prints for --format sarif on the seeds, and valid', () => {
    const result = runCli(['--format', 'sarif', 'seeds/'])
    const log = JSON.parse(result.stdout)
    expect(validate(log)).toBe(true)
    expect(log.runs[0].results.length).toBeGreaterThan(10)
    const uris = new Set(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri))
    expect([...uris].sort()).toEqual(['seeds/000_b5ec2ec2e0fda784.txt', 'seeds/004_e6b2e51e5f0f2b84.txt'])
  })
})

describe('stylish and json', () => {
  it('stylish lists each file and message with rule id and severity', async () => {
    const report = formatReport(await sample(), {format: 'stylish', cwd: root, rules})
    expect(report).toContain('a.txt\n1:1-1:8 error Unexpected repeated `the`, remove one occurrence repeated-words scrapelint')
    expect(report).toContain('b.txt: no issues found')
  })

  it('--quiet keeps errors only and leaves the files untouched', async () => {
    const files = await sample()
    files[0].messages[0].fatal = false
    const report = JSON.parse(formatReport(files, {format: 'json', cwd: root, quiet: true, rules}))
    expect(report[0].messages).toHaveLength(1)
    expect(files[0].messages).toHaveLength(2)
  })
})

describe('README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')

  it('opens with exactly two set-up commands: lint the seeds, run the tests', () => {
    const setUp = /## Set up\n\n```sh\n([^`]*)```/.exec(readme)
    expect(setUp).not.toBeNull()
    expect(setUp![1].trimEnd().split('\n')).toEqual(['npm ci && npx scrapelint seeds/', 'npm test'])
    // the first section, and its code block the first of the README
    expect(readme.indexOf('## ')).toBe(readme.indexOf('## Set up'))
    expect(readme.indexOf('```')).toBe(setUp!.index + '## Set up\n\n'.length)
  })

  it('has the rules table the registry generates', async () => {
    const {rulesTable} = await import('../src/docs.js')
    expect(readme).toContain(`<!-- rules:start -->\n${rulesTable(rules)}\n<!-- rules:end -->`)
  })

  it('every rule has its own file and doc page, and every doc page a rule', () => {
    const ids = rules.map((rule) => rule.meta.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(fs.existsSync(path.join(root, 'rules', `${id}.ts`)), `rules/${id}.ts`).toBe(true)
      const page = fs.readFileSync(path.join(root, 'rules', `${id}.md`), 'utf8')
      expect(page.startsWith(`# ${id}\n`), `rules/${id}.md starts with its id`).toBe(true)
      const level = /^- Default level: `(\w+)`/m.exec(page)?.[1]
      expect(level, `rules/${id}.md states the rule's default level`).toBe(rules.find((rule) => rule.meta.id === id)!.meta.level)
    }
    const pages = fs.readdirSync(path.join(root, 'rules')).filter((name) => name.endsWith('.md'))
    expect(pages.map((name) => name.slice(0, -3)).sort()).toEqual([...ids].sort())
  })
})
