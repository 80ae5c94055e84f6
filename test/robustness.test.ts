/**
 * Size limits and config errors through the built CLI: a file over --max-file-size is skipped with
 * a clear message, a line of a megabyte without spaces is linted (in windows), a folder of 2,000
 * tiny files is linted (scripts/robustness.mjs measures 100,000 and a 200 MB file, with time and
 * peak RSS); a config that names a rule that does not exist, gives an option the wrong type or a
 * threshold out of range is refused with exit 2 and a message that names the key.
 */
import fs from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCli, tempDir} from './helpers.js'
import {ensureBuilt} from './helpers/build.js'

beforeAll(() => ensureBuilt())

describe('size limits', () => {
  it('skips a file over --max-file-size with a message that says why and how to lint it', () => {
    const dir = tempDir({'big.txt': 'Russia signed a new defense pact with Iran. '.repeat(60_000), 'small.txt': 'A short article about the council.\n'})
    const result = runCli(['big.txt', 'small.txt', '--max-file-size', '1', '--format', 'json'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/big\.txt: 2\.\d MB, larger than the limit of 1\.0 MB: not linted \(raise it with --max-file-size\)/)
    const files = JSON.parse(result.stdout) as Array<{filePath?: string; path?: string}>
    expect(JSON.stringify(files)).toContain('small.txt')
    expect(JSON.stringify(files)).not.toContain('big.txt')
  })

  it('lints a 1 MB line without spaces (in windows), without an internal error', () => {
    const dir = tempDir({'line.txt': 'abcdefghij'.repeat(100_000)})
    const result = runCli(['line.txt', '--format', 'json'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('internal-error')
    expect(result.stdout).toContain('windowed')
  })

  it('lints a folder of 2,000 tiny files', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 2000; i++) files[`f/${Math.floor(i / 100)}/${i}.txt`] = `Article ${i}.\nThe council met on day ${i % 365} and approved the budget.\n`
    const dir = tempDir(files)
    const result = runCli(['f', '--format', 'json', '--rule', 'contradiction:off'], {cwd: dir})
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as unknown[]
    expect(report.length).toBe(2000)
    fs.rmSync(dir, {recursive: true, force: true})
  })
})

describe('config errors name the key', () => {
  const write = (config: unknown) => {
    const dir = tempDir({'a.txt': 'A short article about the council.\n'})
    fs.writeFileSync(path.join(dir, '.scrapelintrc.json'), JSON.stringify(config))
    return runCli(['a.txt'], {cwd: dir})
  }

  it('a rule that does not exist', () => {
    const result = write({rules: {'no-such-rule': 'error'}})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown rule `no-such-rule`')
  })

  it('an option of the wrong type', () => {
    const result = write({rules: {'incomplete-quote': ['warn', {[boolOption()]: 'yes'}]}})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`rules.incomplete-quote\` option \`${boolOption()}\` must be a boolean`)
  })

  it('a threshold out of range', () => {
    const result = write({rules: {'shared-boilerplate': ['warn', {minDocs: 1}]}})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('rules.shared-boilerplate` option `minDocs` must be between 2 and')
  })

  it('an unknown option and a level that is not one', () => {
    const unknown = write({rules: {'shared-boilerplate': ['warn', {minDcos: 3}]}})
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('option `minDcos` is unknown')
    const level = write({rules: {'shared-boilerplate': 'loud'}})
    expect(level.code).toBe(2)
    expect(level.stderr).toContain('`rules.shared-boilerplate` must be "off", "warn", "error"')
  })

  it('no stack trace for any of them', () => {
    const result = write({rules: {'shared-boilerplate': ['warn', {minDocs: 'two'}]}})
    expect(result.code).toBe(2)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

/** A boolean option of incomplete-quote (read from its meta, so a rename does not break the test silently). */
function boolOption(): string {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'rules', 'incomplete-quote.ts'), 'utf8')
  const match = /(\w+): \{\s*type: 'boolean'/.exec(source)
  if (!match) throw new Error('incomplete-quote has no boolean option any more')
  return match[1]!
}

describe('symlinked folders are not followed', () => {
  const article = 'The river rose by two metres overnight, and the council closed the lower bridge before dawn.\n'
  function loopTree() {
    const dir = tempDir({'x.txt': article, 'a/b/inside.txt': article, 'sub/.scrapelintignore': '*.raw.txt\n', 'sub/c.raw.txt': article})
    // Two links pointing back up the tree: followed, they make a walk without end.
    fs.symlinkSync('..', path.join(dir, 'a', 'b', 'up'))
    fs.symlinkSync('../..', path.join(dir, 'a', 'b', 'up2'))
    fs.symlinkSync(path.join(dir, 'x.txt'), path.join(dir, 'a', 'linked.txt'))
    return dir
  }

  it('lints one named file under a tree with symlink cycles, and a folder of it, to the end', () => {
    const dir = loopTree()
    const one = runCli(['--format', 'json', 'x.txt'], {cwd: dir, timeout: 30_000})
    expect(one.code, one.stderr).toBe(0)
    expect((JSON.parse(one.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['x.txt'])
    const all = runCli(['--format', 'json', '.'], {cwd: dir, timeout: 30_000})
    expect(all.code, all.stderr).toBe(0)
    // Linked folders are not walked through; a link to a file is linted like a file; the nested ignore file still applies.
    expect((JSON.parse(all.stdout) as Array<{path: string}>).map((file) => file.path).sort()).toEqual(['a/b/inside.txt', 'a/linked.txt', 'x.txt'])
    // A link named on the command line is linted.
    const named = runCli(['--format', 'json', 'a/linked.txt'], {cwd: dir, timeout: 30_000})
    expect((JSON.parse(named.stdout) as Array<{path: string}>).map((file) => file.path)).toEqual(['a/linked.txt'])
  })
})

describe('no output path is an input', () => {
  const record = JSON.stringify({id: 'a', text: 'The river rose by two metres overnight, and the council closed the lower bridge.'}) + '\n'
  const cases: Array<[string, string[]]> = [
    ['--emit-facts naming a JSON Lines input', ['--emit-facts', 'crawl.jsonl', 'crawl.jsonl']],
    ['--emit-facts naming an input a glob found', ['--emit-facts', 'notes/b.txt', 'notes/*.txt']],
    ['-o naming a JSON Lines input (its records are named crawl.jsonl#L1)', ['-o', 'crawl.jsonl', 'crawl.jsonl']],
    ['-o naming an input that is skipped as too large', ['--max-file-size', '0.00001', '-o', 'notes/b.txt', 'notes/']],
    ['-o naming a symlink to an input', ['-o', 'link.txt', 'notes/']],
    ['--emit-facts naming a --corpus file', ['--emit-facts', 'notes/b.txt', '--corpus', 'notes/', 'crawl.jsonl']],
  ]
  for (const [name, args] of cases) {
    it(`refuses ${name}, before reading or writing anything`, () => {
      const dir = tempDir({'crawl.jsonl': record, 'notes/b.txt': 'A short note about the harvest that came in early this year.\n'})
      fs.symlinkSync(path.join(dir, 'notes', 'b.txt'), path.join(dir, 'link.txt'))
      const before = {crawl: fs.readFileSync(path.join(dir, 'crawl.jsonl'), 'utf8'), note: fs.readFileSync(path.join(dir, 'notes', 'b.txt'), 'utf8')}
      const run = runCli(args, {cwd: dir})
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/(--emit-facts|--output) \S+ is one of the linted files \(\S+\): refusing to overwrite an input; write it elsewhere/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      expect(fs.readFileSync(path.join(dir, 'crawl.jsonl'), 'utf8')).toBe(before.crawl)
      expect(fs.readFileSync(path.join(dir, 'notes', 'b.txt'), 'utf8')).toBe(before.note)
    })
  }

  it('still writes a report or facts file that is not an input', () => {
    const dir = tempDir({'crawl.jsonl': record})
    const run = runCli(['--emit-facts', 'facts.jsonl', '-o', 'report.txt', 'crawl.jsonl'], {cwd: dir})
    expect(run.code, run.stderr).toBeLessThan(2)
    expect(fs.existsSync(path.join(dir, 'facts.jsonl'))).toBe(true)
    expect(fs.existsSync(path.join(dir, 'report.txt'))).toBe(true)
  })
})
