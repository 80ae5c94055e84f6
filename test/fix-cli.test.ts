/** `scrapelint --fix`: where the fixed text goes, what is (never) written, and what the seeds become. */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {writeInPlace} from '../src/fix-run.js'
import {SUGGESTION_RULES} from '../src/fix.js'
import {root, runCli, tempDir} from './helpers.js'

const SEEDS = ['000_b5ec2ec2e0fda784.txt', '004_e6b2e51e5f0f2b84.txt']
const seed = (name: string) => fs.readFileSync(path.join(root, 'seeds', name), 'utf8')
const expectedFixed = (name: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'fixed', name), 'utf8')

interface JsonMessage {
  ruleId: string
  line: number
  expected?: string[]
}
interface JsonFile {
  path: string
  messages: JsonMessage[]
}

function jsonReport(stdout: string): JsonFile[] {
  return JSON.parse(stdout) as JsonFile[]
}

/** A small document with fixable residue: citation markers, a call to comment, and a trailing menu. */
const DIRTY = [
  'The river rose by two metres overnight, and the town council closed the lower bridge [3] before dawn.',
  '',
  'Engineers expect the water to fall again by Thursday, the council said in a statement on Monday morning. Let us know what you think in the comments below!',
  '',
].join('\n')
const CLEAN = 'The harvest came in early this year, and the farmers were pleased with the yield of the upper fields.\n'

describe('--fix on the seeds', () => {
  it('removes exactly the listed residue and splits the glued headings (expected files), and a re-lint no longer finds them', () => {
    const out = tempDir()
    const run = runCli(['--fix', '--out-dir', out, '--format', 'json', 'seeds/'])
    expect(run.code, run.stderr).toBeLessThan(2)
    for (const name of SEEDS) {
      expect(fs.readFileSync(path.join(out, name), 'utf8'), name).toBe(expectedFixed(name))
      // The seeds themselves are untouched.
      expect(fs.readFileSync(path.join(root, 'seeds', name), 'utf8').length).toBe(seed(name).length)
    }
    // The report is of the fixed texts: what the fixes addressed is gone from it.
    const before = jsonReport(runCli(['--format', 'json', 'seeds/']).stdout)
    const after = jsonReport(run.stdout)
    const fixedRules = ['fake-author-block', 'lorem-ipsum', 'link-residue', 'shared-boilerplate', 'toc-residue', 'citation-residue', 'engagement-bait', 'glued-heading', 'separator-residue']
    for (const rule of fixedRules) expect(before.some((file) => file.messages.some((m) => m.ruleId === rule)), rule).toBe(true)
    for (const file of after) {
      const left = file.messages.filter((m) => m.expected !== undefined && !SUGGESTION_RULES.has(m.ruleId))
      expect(left, file.path).toEqual([])
      expect(file.messages.filter((m) => fixedRules.includes(m.ruleId)), file.path).toEqual([])
    }
    // Re-linting the written files, as files, agrees.
    const again = jsonReport(runCli(['--format', 'json', out]).stdout)
    for (const file of again) expect(file.messages.filter((m) => fixedRules.includes(m.ruleId)), file.path).toEqual([])
    // What the fixes did not address is still reported (the fix removed residue, not findings).
    for (const rule of ['template-leak', 'incomplete-quote', 'keyword-stuffing']) {
      expect(after.some((file) => file.messages.some((m) => m.ruleId === rule)), rule).toBe(true)
    }
  }, 300_000)
})

describe('--fix destinations', () => {
  it('one input: the fixed text on stdout, the report on stderr, the input untouched', () => {
    const dir = tempDir({'a.txt': DIRTY})
    const run = runCli(['--fix', 'a.txt'], {cwd: dir})
    expect(run.stdout).not.toContain('[3]')
    expect(run.stdout).not.toContain('comments below')
    expect(run.stdout).toContain('closed the lower bridge before dawn.')
    expect(run.stderr).toMatch(/applied 2 fixes in 1 file/)
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
  })

  it('stdin: the fixed text on stdout', () => {
    const run = runCli(['--fix', '-'], {input: DIRTY})
    expect(run.stdout).toContain('closed the lower bridge before dawn.')
    expect(run.stdout).not.toContain('[3]')
  })

  it('several inputs without --out-dir or --write: a usage error, exit 2, nothing written', () => {
    const dir = tempDir({'a.txt': DIRTY, 'b.txt': DIRTY})
    for (const args of [['a.txt', 'b.txt'], ['.']]) {
      const run = runCli(['--fix', ...args], {cwd: dir})
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/--out-dir DIR .* or --write/)
      expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/)
      expect(run.stdout).toBe('')
    }
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
  })

  it('usage errors: --write without --fix, --write with --out-dir, --write on stdin, an unknown --fix-rule', () => {
    const dir = tempDir({'a.txt': DIRTY})
    const cases: Array<[string[], RegExp]> = [
      [['--write', 'a.txt'], /--write goes with --fix/],
      [['--fix', '--write', '--out-dir', 'out', 'a.txt'], /do not go together/],
      [['--fix', '--write', '-'], /cannot overwrite standard input/],
      [['--fix', '--fix-rule', 'no-such-rule', 'a.txt'], /--fix-rule no-such-rule: no such rule/],
      [['--fix', '--fix-rule', 'keyword-stuffing', 'a.txt'], /has no fixes/],
    ]
    for (const [args, message] of cases) {
      const run = runCli(args, {cwd: dir})
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
    }
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  })

  it('--out-dir: every input written at its relative path, those with nothing to fix too', () => {
    const dir = tempDir({'in/a.txt': DIRTY, 'in/sub/b.txt': CLEAN})
    const run = runCli(['--fix', '--out-dir', 'out', 'in'], {cwd: dir})
    expect(run.code, run.stderr).toBeLessThan(2)
    expect(fs.readFileSync(path.join(dir, 'out', 'a.txt'), 'utf8')).not.toContain('[3]')
    expect(fs.readFileSync(path.join(dir, 'out', 'sub', 'b.txt'), 'utf8')).toBe(CLEAN)
    expect(fs.readFileSync(path.join(dir, 'in', 'a.txt'), 'utf8')).toBe(DIRTY)
  })

  it('--fix-rule limits the fixes to the rules named', () => {
    const dir = tempDir({'a.txt': DIRTY})
    const run = runCli(['--fix', '--fix-rule', 'citation-residue', 'a.txt'], {cwd: dir})
    expect(run.stdout).not.toContain('[3]')
    expect(run.stdout).toContain('comments below')
  })

  it('--dry-run prints a unified diff and writes nothing', () => {
    const dir = tempDir({'a.txt': DIRTY, 'b.txt': CLEAN})
    const before = fs.statSync(path.join(dir, 'a.txt')).mtimeMs
    const run = runCli(['--fix', '--dry-run', 'a.txt', 'b.txt'], {cwd: dir})
    expect(run.stdout).toMatch(/^--- a\.txt\n\+\+\+ a\.txt\n@@ /m)
    expect(run.stdout).toMatch(/^-The river rose .*\[3\] before dawn\.$/m)
    expect(run.stdout).toMatch(/^\+The river rose .*bridge before dawn\.$/m)
    expect(run.stdout).not.toContain('b.txt')
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
    expect(fs.statSync(path.join(dir, 'a.txt')).mtimeMs).toBe(before)
  })
})

describe('--fix --write', () => {
  it('overwrites only the inputs a fix changed, keeping their mode', () => {
    const dir = tempDir({'a.txt': DIRTY, 'b.txt': CLEAN})
    fs.chmodSync(path.join(dir, 'a.txt'), 0o640)
    const cleanInode = fs.statSync(path.join(dir, 'b.txt')).ino
    const cleanTime = fs.statSync(path.join(dir, 'b.txt')).mtimeMs
    const run = runCli(['--fix', '--write', '.'], {cwd: dir})
    expect(run.code, run.stderr).toBeLessThan(2)
    const fixed = fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')
    expect(fixed).not.toContain('[3]')
    expect(fixed).toContain('closed the lower bridge before dawn.')
    expect(fs.statSync(path.join(dir, 'a.txt')).mode & 0o777).toBe(0o640)
    expect(fs.statSync(path.join(dir, 'b.txt')).ino).toBe(cleanInode)
    expect(fs.statSync(path.join(dir, 'b.txt')).mtimeMs).toBe(cleanTime)
    // No temporary files are left behind.
    expect(fs.readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt'])
    // A second run has nothing left to fix.
    expect(runCli(['--fix', '--write', '.'], {cwd: dir}).stderr).toMatch(/applied 0 fixes in 0 files/)
  })

  it('keeps a byte order mark', () => {
    const dir = tempDir({'a.txt': '\uFEFF' + DIRTY})
    runCli(['--fix', '--write', 'a.txt'], {cwd: dir})
    const bytes = fs.readFileSync(path.join(dir, 'a.txt'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).not.toContain('[3]')
  })

  it('does not follow a symlink out of the linted tree: the target is untouched, exit 2', () => {
    const outside = tempDir({'target.txt': DIRTY})
    const dir = tempDir({'tree/own.txt': DIRTY})
    fs.symlinkSync(path.join(outside, 'target.txt'), path.join(dir, 'tree', 'link.txt'))
    const run = runCli(['--fix', '--write', 'tree'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/link\.txt: not written: it leads \(through a symlink\) to .*target\.txt, outside the linted tree/)
    expect(fs.readFileSync(path.join(outside, 'target.txt'), 'utf8')).toBe(DIRTY)
    expect(fs.lstatSync(path.join(dir, 'tree', 'link.txt')).isSymbolicLink()).toBe(true)
    // The file inside the tree is still fixed.
    expect(fs.readFileSync(path.join(dir, 'tree', 'own.txt'), 'utf8')).not.toContain('[3]')
  })

  it('follows a symlink that stays inside the tree, and keeps the link a link', () => {
    const dir = tempDir({'tree/real.txt': DIRTY})
    fs.symlinkSync('real.txt', path.join(dir, 'tree', 'alias.txt'))
    const run = runCli(['--fix', '--write', 'tree/alias.txt'], {cwd: dir})
    expect(run.code, run.stderr).toBeLessThan(2)
    expect(fs.lstatSync(path.join(dir, 'tree', 'alias.txt')).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(path.join(dir, 'tree', 'real.txt'), 'utf8')).not.toContain('[3]')
  })

  it('leaves the input untouched when it changed since it was read, is not UTF-8, or cannot be written', async () => {
    const dir = tempDir({'a.txt': DIRTY, 'latin1.txt': Buffer.from('caf\xe9 [3] au lait\n', 'latin1')})
    const roots = [fs.realpathSync(dir)]
    expect(await writeInPlace(path.join(dir, 'a.txt'), 'something else', 'fixed', roots)).toMatch(/changed while it was being linted/)
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
    expect(await writeInPlace(path.join(dir, 'latin1.txt'), 'caf\uFFFD [3] au lait\n', 'caf\uFFFD au lait\n', roots)).toMatch(/not valid UTF-8/)
    expect(fs.readFileSync(path.join(dir, 'latin1.txt'))).toEqual(Buffer.from('caf\xe9 [3] au lait\n', 'latin1'))
    if (process.getuid?.() !== 0) {
      fs.chmodSync(dir, 0o555)
      try {
        expect(await writeInPlace(path.join(dir, 'a.txt'), DIRTY, 'fixed', roots)).toMatch(/EACCES.*unchanged/)
      } finally {
        fs.chmodSync(dir, 0o755)
      }
      expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(DIRTY)
    }
    expect(await writeInPlace(path.join(dir, 'a.txt'), DIRTY, 'fixed', [fs.realpathSync(tempDir())])).toMatch(/outside the linted tree/)
    expect(await writeInPlace(path.join(dir, 'a.txt'), DIRTY, 'fixed', roots)).toBeUndefined()
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('fixed')
  })
})

describe('--fix never removes most of a document unasked', () => {
  // Two distinct short notes under one long shared block: shared-boilerplate's fix would take most of each.
  const block = Array.from({length: 8}, (_, i) => `Read the Valley Courier morning briefing number ${i + 1} for local news`).join('\n')
  const note = (topic: string) => `The ${topic} market opened late.\n\n${block}\n`

  it('leaves such documents as they are, says why, and applies the fixes when the rule is named', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'a.txt'), note('apple'))
    fs.writeFileSync(path.join(dir, 'b.txt'), note('pear'))
    const out = tempDir()
    const run = runCli(['--fix', '--out-dir', out, '--format', 'json', '.'], {cwd: dir})
    expect(run.code, run.stderr).toBeLessThan(2)
    expect(run.stderr).toMatch(/a\.txt: not fixed: its fixes \(shared-boilerplate\) would remove \d+% of its text; --fix never removes most of a document unless the rules are named with --fix-rule/)
    expect(run.stderr).toMatch(/b\.txt: not fixed/)
    for (const name of ['a.txt', 'b.txt']) expect(fs.existsSync(path.join(out, name)) ? fs.readFileSync(path.join(out, name), 'utf8') : fs.readFileSync(path.join(dir, name), 'utf8')).toBe(fs.readFileSync(path.join(dir, name), 'utf8'))

    const named = tempDir()
    const asked = runCli(['--fix', '--fix-rule', 'shared-boilerplate', '--out-dir', named, '.'], {cwd: dir})
    expect(asked.code, asked.stderr).toBeLessThan(2)
    expect(fs.readFileSync(path.join(named, 'a.txt'), 'utf8')).toBe('The apple market opened late.\n')
  })
})
