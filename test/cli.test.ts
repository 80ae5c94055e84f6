import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {cliPath, root, runCli, tempDir} from './helpers.js'

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string; bin: Record<string, string>}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
const json = (stdout: string) => JSON.parse(stdout) as Array<{path: string; messages: Array<Record<string, any>>}>
const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('CLI basics', () => {
  it('is the package bin', () => {
    expect(path.join(root, pkg.bin.scrapelint)).toBe(cliPath)
  })

  it('prints the version', () => {
    const result = runCli(['--version'])
    expect(result).toEqual({code: 0, stdout: pkg.version + '\n', stderr: ''})
  })

  it('prints help with examples', () => {
    const result = runCli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('scrapelint [paths..]')
    expect(result.stdout).toContain('Examples:')
    for (const flag of ['--format', '--quiet', '--max-warnings', '--rule', '--config', '--output', '--list-rules', '--stdin-filename', '--ignore-pattern', '--color']) {
      expect(result.stdout).toContain(flag)
    }
  })

  it('lists every registered rule with its level and description', () => {
    const result = runCli(['--list-rules'])
    expect(result.code).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(rules.length)
    for (const rule of rules) {
      const line = lines.find((l) => l.startsWith(rule.meta.id + ' '))
      expect(line, rule.meta.id).toBeDefined()
      expect(line).toContain(rule.meta.level)
      expect(line).toContain(rule.meta.description)
    }
  })

  it('refuses an unknown format with exit 2 and usage help', () => {
    const result = runCli(['--format', 'xml', 'seeds/'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Invalid values')
    expect(result.stderr).toContain('scrapelint --help')
    noStack(result.stderr)
  })

  it('refuses an unknown option', () => {
    const result = runCli(['--frobnicate', 'seeds/'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown argument: frobnicate')
  })

  it('asks for paths when none are given', () => {
    const result = runCli([])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no paths given')
  })

  it('refuses a bad --max-warnings and --rule', () => {
    expect(runCli(['--max-warnings', '-1', 'seeds/']).stderr).toContain('--max-warnings takes a whole number')
    const rule = runCli(['--rule', 'repeated-words:loud', 'seeds/'])
    expect(rule.code).toBe(2)
    expect(rule.stderr).toContain('--rule repeated-words:loud: expected id:off, id:warn or id:error')
    const unknown = runCli(['--rule', 'no-such-rule:off', 'seeds/'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown rule `no-such-rule`')
  })
})

describe('CLI reports', () => {
  const dir = () => tempDir({'a.txt': 'The mayor said it it would rain.\n', 'b.txt': 'A clean sentence about the weather.\n'})

  it('stylish: every file, the message with its place and rule, exit 0 for warnings', () => {
    const result = runCli(['a.txt', 'b.txt'], {cwd: dir()})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('a.txt\n  1:16-1:21  warning  Unexpected repeated `it`, remove one occurrence  repeated-words\n')
    expect(result.stdout).toContain('b.txt: no issues found')
    expect(result.stdout).not.toContain('\u001B[')
  })

  it('colours stylish output on request only', () => {
    expect(runCli(['--color', 'a.txt'], {cwd: dir()}).stdout).toContain('\u001B[')
  })

  it('json: the vfile-reporter-json shape', () => {
    const result = runCli(['--format', 'json', '.'], {cwd: dir()})
    const report = json(result.stdout)
    expect(report.map((file) => file.path)).toEqual(['a.txt', 'b.txt'])
    expect(Object.keys(report[0]).sort()).toEqual(['cwd', 'history', 'messages', 'path'])
    expect(report[0].messages).toEqual([
      {
        column: 16,
        fatal: false,
        line: 1,
        place: {start: {line: 1, column: 16, offset: 15}, end: {line: 1, column: 21, offset: 20}},
        reason: 'Unexpected repeated `it`, remove one occurrence',
        ruleId: 'repeated-words',
        source: 'scrapelint',
        actual: 'it it',
        expected: ['it'],
        note: '`it` is repeated; keep one occurrence.',
        url: 'https://github.com/scrapelint/scrapelint/blob/main/rules/repeated-words.md',
      },
    ])
    expect(report[1].messages).toEqual([])
  })

  it('--rule id:error makes findings fatal and exits 1', () => {
    const result = runCli(['--format', 'json', '--rule', 'repeated-words:error', 'a.txt'], {cwd: dir()})
    expect(result.code).toBe(1)
    expect(json(result.stdout)[0].messages[0].fatal).toBe(true)
  })

  it('--rule id:off silences the rule', () => {
    const result = runCli(['--format', 'json', '--rule', 'repeated-words:off', 'a.txt'], {cwd: dir()})
    expect(result.code).toBe(0)
    expect(json(result.stdout)[0].messages).toEqual([])
  })

  it('--quiet shows errors only', () => {
    const cwd = dir()
    const quiet = runCli(['--quiet', '--format', 'json', 'a.txt'], {cwd})
    expect(json(quiet.stdout).flatMap((file) => file.messages)).toEqual([])
    const errors = runCli(['--quiet', '--format', 'json', '--rule', 'repeated-words:error', 'a.txt'], {cwd})
    expect(json(errors.stdout)[0].messages).toHaveLength(1)
  })

  it('--max-warnings turns too many warnings into exit 1', () => {
    const cwd = dir()
    expect(runCli(['--max-warnings', '1', 'a.txt'], {cwd}).code).toBe(0)
    const over = runCli(['--max-warnings', '0', 'a.txt'], {cwd})
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0')
  })

  it('--output writes the report to a file and never over an input', () => {
    const cwd = dir()
    const result = runCli(['--format', 'json', '--output', 'out/report.json', 'a.txt'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(json(fs.readFileSync(path.join(cwd, 'out/report.json'), 'utf8'))[0].path).toBe('a.txt')
    const before = hash(path.join(cwd, 'a.txt'))
    const refused = runCli(['--output', 'a.txt', 'a.txt'], {cwd})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--output a.txt is one of the linted files')
    expect(hash(path.join(cwd, 'a.txt'))).toBe(before)
  })

  it('reads stdin for - and names it with --stdin-filename', () => {
    const result = runCli(['--format', 'json', '-', '--stdin-filename', 'page.txt'], {cwd: dir(), input: 'We we agree.'})
    expect(result.code).toBe(0)
    const [file] = json(result.stdout)
    expect(file.path).toBe('page.txt')
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['repeated-words', 1, 1]])
  })

  it('expands globs and skips ignored files', () => {
    const cwd = tempDir({
      'crawl/one.txt': 'It it rains.',
      'crawl/two.txt': 'Fine text here.',
      'crawl/skip/three.txt': 'It it pours.',
      'crawl/draft.txt': 'So so so.',
      '.scrapelintignore': 'skip/\n',
    })
    const result = runCli(['--format', 'json', '--ignore-pattern', 'draft.txt', 'crawl/**/*.txt'], {cwd})
    expect(json(result.stdout).map((file) => file.path)).toEqual(['crawl/one.txt', 'crawl/two.txt'])
    const named = runCli(['crawl/skip/three.txt', 'crawl/one.txt'], {cwd})
    expect(named.stderr).toContain('crawl/skip/three.txt: ignored by .scrapelintignore or an ignore pattern')
    expect(named.code).toBe(0)
  })
})

describe('CLI on bad input', () => {
  it('a missing path: exit 2 with a clear message', () => {
    const result = runCli(['no/such/file.txt'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('scrapelint: error: no/such/file.txt: no such file or folder\n')
    expect(result.stdout).toBe('')
  })

  it('a missing path among good ones: the rest is linted, exit 2', () => {
    const result = runCli(['--format', 'json', 'a.txt', 'missing.txt'], {cwd: tempDir({'a.txt': 'Fine.'})})
    expect(result.code).toBe(2)
    expect(json(result.stdout).map((file) => file.path)).toEqual(['a.txt'])
    expect(result.stderr).toContain('missing.txt: no such file or folder')
  })

  it('a folder with no text files: exit 2, nothing to lint', () => {
    const result = runCli(['docs'], {cwd: tempDir({'docs/image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'docs/notes.pdf': '%PDF-1.4'})})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('nothing to lint')
    expect(result.stderr).toContain('docs: no text files (.txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, each also .gz) in this folder')
    noStack(result.stderr)
  })

  it('an empty file: linted, nothing found, a note on stderr, exit 0', () => {
    const result = runCli(['--format', 'json', 'empty.txt'], {cwd: tempDir({'empty.txt': ''})})
    expect(result.code).toBe(0)
    expect(json(result.stdout)).toEqual([{path: 'empty.txt', cwd: expect.any(String), history: ['empty.txt'], messages: []}])
    expect(result.stderr).toContain('empty.txt: the file is empty: nothing to lint')
  })

  it('a binary file: skipped with a warning, not parsed', () => {
    const binary = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 0), crypto.randomBytes(256)])
    const cwd = tempDir({'picture.txt': binary, 'good.txt': 'It it works.'})
    const result = runCli(['--format', 'json', 'picture.txt', 'good.txt'], {cwd})
    expect(result.code).toBe(0)
    expect(json(result.stdout).map((file) => file.path)).toEqual(['good.txt'])
    expect(result.stderr).toContain('picture.txt: binary file, not linted')
    const alone = runCli(['picture.txt'], {cwd})
    expect(alone.code).toBe(2)
    expect(alone.stderr).toContain('nothing to lint')
  })

  it('invalid UTF-8: decoded with replacement and a warning; positions stay right', () => {
    const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait.\nThe the end.\n')])
    const result = runCli(['--format', 'json', 'latin1.txt'], {cwd: tempDir({'latin1.txt': bytes})})
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('latin1.txt: invalid UTF-8 (first at 1:4): decoded with U+FFFD replacement characters')
    const [message] = json(result.stdout)[0].messages
    expect([message.ruleId, message.line, message.column, message.place.start.offset]).toEqual(['repeated-words', 2, 1, 14])
  })

  it('CRLF line endings: positions right', () => {
    const result = runCli(['--format', 'json', 'dos.txt'], {cwd: tempDir({'dos.txt': 'First line.\r\n\r\nSecond it it line.\r\n'})})
    const [message] = json(result.stdout)[0].messages
    expect(message.place).toEqual({start: {line: 3, column: 8, offset: 22}, end: {line: 3, column: 13, offset: 27}})
  })

  it('a UTF-8 BOM: dropped, columns as an editor shows them', () => {
    const result = runCli(['--format', 'json', 'bom.txt'], {cwd: tempDir({'bom.txt': '\uFEFFIt it starts here.'})})
    const [message] = json(result.stdout)[0].messages
    expect([message.line, message.column, message.actual]).toEqual([1, 1, 'It it'])
  })

  it('a 50 MB file: skipped with a clear message, unread, no crash', () => {
    const cwd = tempDir()
    const big = path.join(cwd, 'huge.txt')
    const chunk = Buffer.from('A line of scraped text that goes on and on.\n'.repeat(1000))
    const fd = fs.openSync(big, 'w')
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk)
    fs.closeSync(fd)
    const result = runCli(['huge.txt'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/huge\.txt: 50\.\d MB, larger than the limit of 20\.0 MB: not linted \(raise it with --max-file-size\)/)
    noStack(result.stderr)
  })

  it('an unreadable file: exit 2 with a clear message, others still linted', () => {
    const cwd = tempDir({'good.txt': 'Fine.', 'locked.txt': 'secret'})
    const locked = path.join(cwd, 'locked.txt')
    if (process.getuid?.() === 0) {
      // root reads any file whatever its mode: a symlink loop is unreadable for root too
      fs.rmSync(locked)
      fs.symlinkSync('locked.txt', locked)
    } else {
      fs.chmodSync(locked, 0o000)
    }
    const result = runCli(['--format', 'json', 'good.txt', 'locked.txt'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/locked\.txt: (cannot be read|no such file)/)
    expect(json(result.stdout).map((file) => file.path)).toEqual(['good.txt'])
    noStack(result.stderr)
  })

  it('never writes its inputs', () => {
    const cwd = tempDir({'a.txt': 'It it is. The the end.', 'b.txt': 'Clean.'})
    const before = ['a.txt', 'b.txt'].map((name) => hash(path.join(cwd, name)))
    runCli(['--format', 'sarif', '.'], {cwd})
    runCli(['.'], {cwd})
    expect(['a.txt', 'b.txt'].map((name) => hash(path.join(cwd, name)))).toEqual(before)
  })
})
