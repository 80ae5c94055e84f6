import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../src/config.js'
import {lint} from '../src/engine.js'
import {ScrapelintError} from '../src/errors.js'
import {runCli, tempDir} from './helpers.js'

const text = 'The council said it it would vote on Tuesday.\n'
const levelsOf = async (cwd: string, names: string[], options = {}) => {
  const {files} = await lint(names, {cwd, jobs: 1, ...options})
  return Object.fromEntries(files.map((file) => [file.path, file.messages.filter((m) => m.ruleId === 'repeated-words').map((m) => m.fatal)]))
}

describe('config files', () => {
  it('.scrapelintrc.json, found from the file upward; the nearest wins', async () => {
    const cwd = tempDir({
      '.scrapelintrc.json': JSON.stringify({rules: {'repeated-words': 'error'}}),
      'top.txt': text,
      'sub/.scrapelintrc.json': JSON.stringify({rules: {'repeated-words': 'off'}}),
      'sub/deep/inner.txt': text,
      'other/plain.txt': text,
    })
    expect(await levelsOf(cwd, ['.'])).toEqual({'top.txt': [true], 'sub/deep/inner.txt': [], 'other/plain.txt': [true]})
  })

  it('.scrapelintrc.yaml and a package.json field', async () => {
    const cwd = tempDir({
      'a/.scrapelintrc.yaml': 'rules:\n  repeated-words: error\n',
      'a/x.txt': text,
      'b/package.json': JSON.stringify({name: 'b', scrapelint: {rules: {'repeated-words': ['warn']}}}),
      'b/y.txt': text,
    })
    expect(await levelsOf(cwd, ['.'])).toEqual({'a/x.txt': [true], 'b/y.txt': [false]})
  })

  it('--config applies one file to everything; --no-config uses none', async () => {
    const cwd = tempDir({'.scrapelintrc.json': JSON.stringify({rules: {'repeated-words': 'off'}}), 'strict.json': JSON.stringify({rules: {'repeated-words': 'error'}}), 'x.txt': text})
    expect(await levelsOf(cwd, ['x.txt'])).toEqual({'x.txt': []})
    expect(await levelsOf(cwd, ['x.txt'], {config: 'strict.json'})).toEqual({'x.txt': [true]})
    expect(await levelsOf(cwd, ['x.txt'], {config: false})).toEqual({'x.txt': [false]})
    const cli = runCli(['--no-config', '--format', 'json', 'x.txt'], {cwd})
    expect(JSON.parse(cli.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toContain('repeated-words')
  })

  it('ignorePatterns in the config skip files', async () => {
    const cwd = tempDir({'.scrapelintrc.json': JSON.stringify({ignorePatterns: ['drafts/']}), 'drafts/d.txt': text, 'x.txt': text})
    const {files} = await lint(['.'], {cwd, jobs: 1})
    expect(files.map((file) => file.path)).toEqual(['x.txt'])
  })
})

describe('bad config: a clear error naming the file and key, exit 2', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['an unknown rule', {'.scrapelintrc.json': JSON.stringify({rules: {'no-such-rule': 'error'}})}, /\.scrapelintrc\.json: unknown rule `no-such-rule`/],
    ['a bad level', {'.scrapelintrc.json': JSON.stringify({rules: {'repeated-words': 'loud'}})}, /\.scrapelintrc\.json: `rules\.repeated-words` must be "off", "warn", "error" or \[level, options\], not "loud"/],
    ['an unknown top-level key', {'.scrapelintrc.json': JSON.stringify({rulez: {}})}, /\.scrapelintrc\.json: unknown key `rulez`/],
    ['malformed JSON', {'.scrapelintrc.json': '{"rules": {'}, /invalid config: .*\.scrapelintrc\.json/],
    ['malformed YAML', {'.scrapelintrc.yaml': 'rules: [unclosed'}, /invalid config: .*\.scrapelintrc\.yaml/],
    ['options for a rule that takes none', {'.scrapelintrc.json': JSON.stringify({rules: {'repeated-words': ['warn', {x: 1}]}})}, /`rules\.repeated-words` option `x` is unknown \(the rule takes no options\)/],
    ['a wrong option type', {'.scrapelintrc.json': JSON.stringify({rules: {'shared-boilerplate': ['warn', {minDocs: 'two'}]}})}, /`rules\.shared-boilerplate` option `minDocs` must be a/],
    ['an out-of-range option', {'.scrapelintrc.json': JSON.stringify({rules: {'shared-boilerplate': ['warn', {minDocs: 0}]}})}, /`rules\.shared-boilerplate` option `minDocs` must be between/],
  ]
  for (const [name, files, pattern] of cases) {
    it(name, () => {
      const result = runCli(['x.txt'], {cwd: tempDir({...files, 'x.txt': text})})
      expect(result.code).toBe(2)
      expect(result.stdout).toBe('')
      expect(result.stderr).toMatch(pattern)
      expect(result.stderr).not.toMatch(/^\s+at /m)
    })
  }

  it('a JavaScript config is refused, never run', () => {
    const cwd = tempDir({'evil.js': 'require("fs").writeFileSync("pwned", "yes"); module.exports = {}', 'x.txt': text})
    const result = runCli(['--config', 'evil.js', 'x.txt'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('JavaScript and TypeScript config files are not supported (config must not run code)')
    expect(fs.existsSync(path.join(cwd, 'pwned'))).toBe(false)
    expect(runCli(['--config', 'missing.json', 'x.txt'], {cwd}).stderr).toContain('--config')
  })

  it('resolveConfig throws a ScrapelintError for bad data', () => {
    expect(() => resolveConfig([], 'x.json')).toThrow(ScrapelintError)
    expect(() => resolveConfig({ignorePatterns: 'drafts'}, 'x.json')).toThrow('x.json: `ignorePatterns` must be a list of strings')
  })
})
