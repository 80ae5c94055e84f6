/**
 * Small things a new user trips over (issue 23): counts in words that agree with them, a cache
 * location that is a folder, a config syntax error with its details, `--fix` on `.gz` saying why
 * nothing is fixed, help that names every format, and nested `.scrapelintignore` files read as git
 * reads nested `.gitignore` files.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'

const ONE_WARNING = 'The mayor said it it would rain.\n'

describe('counts', () => {
  it('says "1 warning" and "1 job", not "1 warnings" and "1 jobs"', () => {
    const dir = tempDir({'a.txt': ONE_WARNING})
    const over = runCli(['--max-warnings', '0', 'a.txt'], {cwd: dir})
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0')
    const stats = runCli(['--stats', '--jobs', '1', 'a.txt'], {cwd: dir}).stderr
    expect(stats).toMatch(/\b1 document,/)
    expect(stats).toMatch(/\b1 job\)/)
    expect(stats).not.toMatch(/\b1 (warnings|jobs|documents)\b/)
  })
})

describe('--cache-location', () => {
  it('a name ending in a slash is a folder: the cache file goes inside it, and is used', () => {
    const dir = tempDir({'a.txt': ONE_WARNING})
    expect(runCli(['--cache', '--cache-location', 'caches/', 'a.txt'], {cwd: dir}).code).toBe(0)
    expect(fs.statSync(path.join(dir, 'caches')).isDirectory()).toBe(true)
    expect(fs.existsSync(path.join(dir, 'caches', '.scrapelintcache'))).toBe(true)
    expect(runCli(['--cache', '--cache-location', 'caches/', '--stats', 'a.txt'], {cwd: dir}).stderr).toContain('(1 from the cache)')
  })

  it('an existing folder named without the slash is a folder too', () => {
    const dir = tempDir({'a.txt': ONE_WARNING, 'store/keep': ''})
    expect(runCli(['--cache', '--cache-location', 'store', 'a.txt'], {cwd: dir}).code).toBe(0)
    expect(fs.existsSync(path.join(dir, 'store', '.scrapelintcache'))).toBe(true)
  })
})

describe('config syntax errors', () => {
  it('a JSON config with a syntax error says what and where', () => {
    const dir = tempDir({'a.txt': ONE_WARNING, '.scrapelintrc.json': '{\n  "rules": {\n    "repeated-words": "warn",,\n  }\n}\n'})
    const result = runCli(['a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('.scrapelintrc.json')
    expect(result.stderr).toMatch(/Expected double-quoted property name/)
    expect(result.stderr).toContain('line 3, column 30')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('a YAML config with a syntax error keeps its reason and place', () => {
    const dir = tempDir({'a.txt': ONE_WARNING, '.scrapelintrc.yaml': 'rules:\n  repeated-words: [\n'})
    const result = runCli(['a.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unexpected end of the stream within a flow collection (3:1)')
  })
})

describe('--fix on a .gz file', () => {
  it('says why nothing is fixed', () => {
    const dir = tempDir({'a.txt.gz': zlib.gzipSync(ONE_WARNING)})
    for (const args of [['--fix', 'a.txt.gz'], ['--fix', '--write', 'a.txt.gz'], ['--fix', '--dry-run', 'a.txt.gz']]) {
      const result = runCli(args, {cwd: dir})
      expect(result.stderr, args.join(' ')).toContain('a.txt.gz: not fixed: a .gz file is linted, not fixed')
    }
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'a.txt.gz'))).toString()).toBe(ONE_WARNING)
  })
})

describe('--help', () => {
  it('says folders are searched for every input format, not .txt only', () => {
    const help = runCli(['--help']).stdout
    expect(help).not.toMatch(/every \.txt file/)
    expect(help).toMatch(/\.md/)
    expect(help).toMatch(/\.html/)
  })
})

describe('nested .scrapelintignore', () => {
  const linted = (dir: string) => (JSON.parse(runCli(['--format', 'json', '.'], {cwd: dir}).stdout) as Array<{path: string}>).map((file) => file.path).sort()

  it('a pattern without a slash matches at any depth below its file, as git does', () => {
    const dir = tempDir({
      'sub/.scrapelintignore': '*.raw.txt\n',
      'sub/c.raw.txt': ONE_WARNING,
      'sub/deep/b.raw.txt': ONE_WARNING,
      'sub/keep.txt': ONE_WARNING,
      'top.raw.txt': ONE_WARNING,
    })
    expect(linted(dir)).toEqual(['sub/keep.txt', 'top.raw.txt'])
  })

  it('a leading slash anchors a pattern to its file\'s folder, and a deeper file can re-include', () => {
    const dir = tempDir({
      '.scrapelintignore': '*.draft.txt\n',
      'sub/.scrapelintignore': '/only-here.txt\n!keep.draft.txt\n',
      'sub/only-here.txt': ONE_WARNING,
      'sub/deep/only-here.txt': ONE_WARNING,
      'sub/deep/keep.draft.txt': ONE_WARNING,
      'sub/other.draft.txt': ONE_WARNING,
      'a.draft.txt': ONE_WARNING,
    })
    expect(linted(dir)).toEqual(['sub/deep/keep.draft.txt', 'sub/deep/only-here.txt'])
  })
})
