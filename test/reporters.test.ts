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
import {root, runCli, tempDir} from './helpers.js'

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
    expect(report).toContain('a.txt\n  1:1-1:8  error    Unexpected repeated `the`, remove one occurrence  repeated-words\n')
    expect(report).toContain('b.txt: no issues found')
    expect(report.trimEnd().split('\n').at(-1)).toBe('✖ 2 errors')
  })

  it('--quiet keeps errors only and leaves the files untouched', async () => {
    const files = await sample()
    files[0].messages[0].fatal = false
    const report = JSON.parse(formatReport(files, {format: 'json', cwd: root, quiet: true, rules}))
    expect(report[0].messages).toHaveLength(1)
    expect(files[0].messages).toHaveLength(2)
  })
})

interface JsonFile {
  path: string
  messages: Array<{reason: string; ruleId: string; fatal: boolean; place?: {start: {line: number; column: number}; end?: {line: number; column: number}}}>
}

describe('stylish in a terminal', () => {
  it('the report of the seeds fits in 100 columns and keeps every place, severity, reason and rule id', () => {
    const stylish = runCli(['--no-color', 'seeds/']).stdout
    const files = JSON.parse(runCli(['--format', 'json', 'seeds/']).stdout) as JsonFile[]
    const lines = stylish.trimEnd().split('\n')
    const widest = Math.max(...lines.map((line) => [...line].length))
    expect(widest).toBeLessThanOrEqual(100)
    for (const line of lines) expect(line).not.toMatch(/\sscrapelint$/)
    // Each message: a line that starts with its place, then the lines indented under its reason.
    const shown = new Map<string, string[]>()
    let file = ''
    for (const line of lines) {
      if (line === '' || /^\S/.test(line)) {
        file = line.replace(/: no issues found$/, '')
        shown.set(file, shown.get(file) ?? [])
      } else if (/^ {2}\d/.test(line)) shown.get(file)!.push(line.trim())
      else shown.get(file)!.push(`${shown.get(file)!.pop()} ${line.trim()}`)
    }
    let count = 0
    for (const entry of files) {
      const messages = shown.get(entry.path)
      expect(messages, entry.path).toBeDefined()
      expect(messages).toHaveLength(entry.messages.length)
      for (const [index, message] of entry.messages.entries()) {
        const at = message.place ? `${message.place.start.line}:${message.place.start.column}${message.place.end ? `-${message.place.end.line}:${message.place.end.column}` : ''}` : ''
        const expected = [at, message.fatal ? 'error' : 'warning', message.reason, message.ruleId].join(' ').replace(/\s+/g, ' ')
        expect(messages![index].replace(/\s+/g, ' ')).toBe(expected)
        count++
      }
    }
    expect(count).toBeGreaterThan(20)
  })

  it('shows control characters and bidi overrides in file names and reasons as escapes', async () => {
    const file = new VFile({path: 'evil\u001B]0;owned\u0007\u202Etxt.exe', value: 'x'})
    file.message('Quote \u001B[2J\u001B[31mred\u009B1m and \u2066isolated\u2069 text', {place: {line: 1, column: 1}, ruleId: 'incomplete-quote', source: 'scrapelint'})
    for (const color of [false, true]) {
      const report = formatReport([file], {format: 'stylish', cwd: root, rules, color})
      const bare = report.replace(/\u001B\[[0-9;]*m/g, '')
      expect(bare).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/)
      expect(bare).toContain('evil\\x1b]0;owned\\x07\\u202etxt.exe')
      expect(bare).toContain('Quote \\x1b[2J\\x1b[31mred\\x9b1m and \\u2066isolated\\u2069 text')
    }
  })

  it('the CLI escapes a file name with an escape sequence in the report and on stderr', () => {
    const name = 'a\u001B[31mred.txt'
    const dir = tempDir({[name]: 'The mayor said it it would rain.\n'})
    const result = runCli([name, 'missing\u001B[2J.txt'], {cwd: dir})
    expect(result.stdout).toContain('a\\x1b[31mred.txt')
    expect(result.stdout + result.stderr).not.toContain('\u001B')
  })
})

describe('JSON Lines records in reports', () => {
  const crawl = [
    JSON.stringify({id: 'article-7', url: 'https://example.com/a', text: 'The mayor said it it would rain.'}),
    JSON.stringify({url: 'https://example.com/b', text: 'A clean sentence about the weather.'}),
    JSON.stringify({text: 'The the report was late.'}),
  ].join('\n') + '\n'

  it('the JSON report carries each record\'s file, line and id (or url)', () => {
    const dir = tempDir({'crawl.jsonl': crawl})
    const report = JSON.parse(runCli(['--format', 'json', '--rule', 'repeated-words:error', 'crawl.jsonl'], {cwd: dir}).stdout) as Array<{path: string; record?: unknown}>
    expect(report.map((file) => [file.path, file.record])).toEqual([
      ['crawl.jsonl#L1', {file: 'crawl.jsonl', line: 1, id: 'article-7'}],
      ['crawl.jsonl#L2', {file: 'crawl.jsonl', line: 2, id: 'https://example.com/b'}],
      ['crawl.jsonl#L3', {file: 'crawl.jsonl', line: 3}],
    ])
  })

  it('SARIF names the real file with the record\'s line, the record as a logical location, and its place in the text as a property', () => {
    const dir = tempDir({'crawl.jsonl': crawl, 'plain.txt': 'It it rained.\n'})
    const log = JSON.parse(runCli(['--format', 'sarif', '--rule', 'repeated-words:error', '.'], {cwd: dir}).stdout)
    expect(validate(log)).toBe(true)
    const results = log.runs[0].results as Array<Record<string, any>>
    const uris = results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri)
    for (const uri of uris) expect(fs.existsSync(path.join(dir, decodeURIComponent(uri))), uri).toBe(true)
    const first = results.find((result) => result.locations[0].logicalLocations?.[0]?.name === 'article-7')
    expect(first).toMatchObject({
      ruleId: 'repeated-words',
      locations: [
        {
          physicalLocation: {artifactLocation: {uri: 'crawl.jsonl', uriBaseId: '%SRCROOT%'}, region: {startLine: 1}},
          logicalLocations: [{name: 'article-7', fullyQualifiedName: 'crawl.jsonl#L1', kind: 'object'}],
        },
      ],
      properties: {textRegion: {startLine: 1, startColumn: 16, endLine: 1, endColumn: 21}},
    })
    // A fix in a record's text is not a replacement in the JSON Lines file: none is offered there.
    expect(first!.fixes).toBeUndefined()
    const third = results.find((result) => result.locations[0].logicalLocations?.[0]?.fullyQualifiedName === 'crawl.jsonl#L3')
    expect(third!.locations[0].logicalLocations[0].name).toBe('L3')
    expect(third!.locations[0].physicalLocation.region).toEqual({startLine: 3})
    // A plain file keeps its ordinary region and fix.
    const plain = results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'plain.txt')
    expect(plain!.locations[0].physicalLocation.region).toEqual({startLine: 1, startColumn: 1, endLine: 1, endColumn: 6})
    expect(plain!.fixes).toHaveLength(1)
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
