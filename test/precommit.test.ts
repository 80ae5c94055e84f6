/**
 * The pre-commit integrations, with the snippets exactly as docs/pre-commit.md shows
 * them (each lives in examples/hooks/ and docs/pre-commit.md must contain it
 * verbatim). The plain git hook and the pre-commit framework (Debian's
 * `pre-commit`, skipped where it is not installed) run for real in temporary
 * repositories; lint-staged is not installed, so its file is parsed and its
 * command run the way it runs it (the command + the matching staged file names).
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import yaml from 'js-yaml'
import micromatch from 'micromatch'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureBuilt, root} from './helpers/build.js'
import {snapshotCheckout} from './helpers/checkout.js'

const examples = path.join(root, 'examples', 'hooks')
const readme = fs.readFileSync(path.join(root, 'docs', 'pre-commit.md'), 'utf8')
const example = (name: string) => fs.readFileSync(path.join(examples, name), 'utf8')

const BAD = 'This is is a test of the hook.\n'
const CLEAN = 'The river runs past the old mill and on into the valley.\n'

let temp: string
let shims: string
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  ensureBuilt()
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-hook-')))
  // `scrapelint` on PATH is the built CLI of this checkout, as after `npm i -g scrapelint`.
  shims = path.join(temp, 'bin')
  fs.mkdirSync(shims)
  fs.writeFileSync(path.join(shims, 'scrapelint'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'dist', 'src', 'cli.js')}" "$@"\n`, {mode: 0o755})
  env = {
    ...process.env,
    PATH: `${shims}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: temp,
    XDG_CONFIG_HOME: path.join(temp, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    NO_COLOR: '1',
  }
})

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout: 60_000})
  if (result.error) throw result.error
  return result
}

function git(repo: string, ...args: string[]) {
  const result = run('git', args, repo)
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

/**
 * A repository whose config makes repeated-words an error and turns the
 * other rules off, so what the hook decides depends on the one defect the
 * test plants, whatever rules exist by the time it runs.
 */
async function repository(name: string): Promise<string> {
  const repo = path.join(temp, name)
  fs.mkdirSync(repo)
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'config', 'commit.gpgsign', 'false')
  const {rules} = (await import(pathToFileURL(path.join(root, 'dist', 'rules', 'index.js')).href)) as {rules: Array<{meta: {id: string}}>}
  const levels: Record<string, string> = {}
  for (const rule of rules) levels[rule.meta.id] = rule.meta.id === 'repeated-words' ? 'error' : 'off'
  fs.writeFileSync(path.join(repo, '.scrapelintrc.json'), JSON.stringify({rules: levels}, null, 2) + '\n')
  git(repo, 'add', '.scrapelintrc.json')
  git(repo, 'commit', '-q', '--no-verify', '-m', 'config')
  return repo
}

function commits(repo: string): number {
  return Number(git(repo, 'rev-list', '--count', 'HEAD').trim())
}

describe('docs/pre-commit.md snippets are the tested files', () => {
  it.each(['pre-commit', 'pre-commit-config.yaml', 'husky-pre-commit', 'lintstagedrc.json'])('docs/pre-commit.md shows examples/hooks/%s verbatim', (name) => {
    expect(readme).toContain(example(name).trimEnd())
  })
})

describe('plain .git/hooks/pre-commit', () => {
  it('refuses a commit with an error-level finding, shows the report, and lets a clean file commit', async () => {
    const repo = await repository('plain')
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit')
    fs.copyFileSync(path.join(examples, 'pre-commit'), hook)
    fs.chmodSync(hook, 0o755)

    // A defect in a file whose name has a space: refused, and the report names it.
    fs.writeFileSync(path.join(repo, 'bad article.txt'), BAD)
    git(repo, 'add', 'bad article.txt')
    const refused = run('git', ['commit', '-m', 'add a bad article'], repo)
    expect(refused.status).not.toBe(0)
    const shown = refused.stdout + refused.stderr
    expect(shown).toContain('bad article.txt')
    expect(shown).toContain('repeated-words')
    expect(shown).toMatch(/1:6-1:11/)
    expect(commits(repo)).toBe(1)

    // Unstage it (it stays in the working tree, unstaged: not the hook's business) and commit a clean file.
    git(repo, 'restore', '--staged', 'bad article.txt')
    fs.writeFileSync(path.join(repo, 'good.txt'), CLEAN)
    git(repo, 'add', 'good.txt')
    const accepted = run('git', ['commit', '-m', 'add a clean article'], repo)
    expect(accepted.stderr + accepted.stdout).not.toContain('repeated-words')
    expect(accepted.status).toBe(0)
    expect(commits(repo)).toBe(2)

    // A commit with no text file does not run scrapelint at all (it would fail here: no shim on PATH).
    fs.writeFileSync(path.join(repo, 'notes.json'), '{}\n')
    git(repo, 'add', 'notes.json')
    const withoutShim = spawnSync('git', ['commit', '-m', 'notes'], {cwd: repo, encoding: 'utf8', env: {...env, PATH: (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== shims).join(path.delimiter)}})
    expect(withoutShim.status).toBe(0)
    expect(commits(repo)).toBe(3)
  })
})

interface HookDefinition {
  id: string
  entry: string
  language: string
  types?: string[]
  files?: string
  args?: string[]
  pass_filenames?: boolean
  require_serial?: boolean
}

const preCommit = spawnSync('pre-commit', ['--version'], {encoding: 'utf8'})
const havePreCommit = !preCommit.error && preCommit.status === 0

describe('.pre-commit-hooks.yaml', () => {
  it('defines the scrapelint hook', () => {
    const hooks = yaml.load(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[]
    expect(Array.isArray(hooks)).toBe(true)
    const hook = hooks.find((candidate) => candidate.id === 'scrapelint')
    expect(hook).toMatchObject({id: 'scrapelint', language: 'node', entry: 'scrapelint'})
    expect(hook!.types).toContain('text')
    expect(hook!.pass_filenames).not.toBe(false)
    const bin = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}).bin
    expect(Object.keys(bin)).toContain(hook!.entry.split(' ')[0])
  })

  it('the docs/pre-commit.md config points at this repository and hook', () => {
    const config = yaml.load(example('pre-commit-config.yaml')) as {repos: Array<{repo: string; rev: string; hooks: Array<{id: string}>}>}
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {repository: {url: string}}
    const [entry] = config.repos
    expect(entry.repo).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''))
    expect(entry.hooks.map((hook) => hook.id)).toEqual(['scrapelint'])
  })
})

/**
 * The real framework (Debian's `pre-commit`; `.ci/run` installs it), with docs/pre-commit.md's
 * config pointed at a repository holding this working tree: `pre-commit autoupdate
 * --bleeding-edge` pins the commit as the docs say, and the hook environment is installed from
 * scratch (an empty PRE_COMMIT_HOME) the way pre-commit does it for `language: node`
 * (`npm install`, `npm pack`, `npm install -g` of the tarball), offline from the npm cache when it
 * holds the packages.
 */
describe.skipIf(!havePreCommit)(`pre-commit framework${havePreCommit ? '' : ' (skipped: `pre-commit` is not installed; .ci/run installs it with apt-get)'}`, () => {
  it('installs the hook from scratch, lets a clean commit through and refuses one with an error-level finding', async () => {
    const upstream = path.join(temp, 'upstream')
    const sha = snapshotCheckout(upstream)
    const repo = await repository('framework')
    const config = yaml.load(example('pre-commit-config.yaml')) as {repos: Array<{repo: string; rev: string}>}
    config.repos[0].repo = upstream
    fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), yaml.dump(config))
    const npmCache = spawnSync('npm', ['config', 'get', 'cache'], {encoding: 'utf8'}).stdout.trim()
    const frameworkEnv: NodeJS.ProcessEnv = {
      ...env,
      // No scrapelint on PATH: the hook must run the one pre-commit installed.
      PATH: (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== shims).join(path.delimiter),
      PRE_COMMIT_HOME: path.join(temp, 'pre-commit-home'),
      npm_config_cache: npmCache,
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    }
    const framework = (args: string[]) => {
      const result = spawnSync(args[0], args.slice(1), {cwd: repo, env: frameworkEnv, encoding: 'utf8', timeout: 540_000})
      if (result.error) throw result.error
      return result
    }

    const pinned = framework(['pre-commit', 'autoupdate', '--bleeding-edge'])
    expect(pinned.status, pinned.stdout + pinned.stderr).toBe(0)
    expect((yaml.load(fs.readFileSync(path.join(repo, '.pre-commit-config.yaml'), 'utf8')) as typeof config).repos[0].rev).toBe(sha)
    git(repo, 'add', '.pre-commit-config.yaml')
    git(repo, 'commit', '-q', '--no-verify', '-m', 'pre-commit config')
    const installed = framework(['pre-commit', 'install'])
    expect(installed.status, installed.stdout + installed.stderr).toBe(0)

    fs.writeFileSync(path.join(repo, 'good.txt'), CLEAN)
    fs.writeFileSync(path.join(repo, 'data.json'), '{"text": "is is"}\n')
    git(repo, 'add', 'good.txt', 'data.json')
    const accepted = framework(['git', 'commit', '-m', 'a clean article'])
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0)
    expect(accepted.stdout + accepted.stderr).toMatch(/scrapelint\.+Passed/)
    expect(commits(repo)).toBe(3)

    fs.writeFileSync(path.join(repo, 'bad.txt'), BAD)
    git(repo, 'add', 'bad.txt')
    const refused = framework(['git', 'commit', '-m', 'a bad article'])
    const shown = refused.stdout + refused.stderr
    expect(refused.status, shown).not.toBe(0)
    expect(shown).toMatch(/scrapelint\.+Failed/)
    expect(shown).toContain('bad.txt')
    expect(shown).toContain('repeated-words')
    expect(shown).not.toContain('data.json')
    expect(commits(repo)).toBe(3)
  }, 600_000)
})

describe('husky + lint-staged', () => {
  it('husky runs lint-staged, and lint-staged runs scrapelint on the staged text files', async () => {
    expect(example('husky-pre-commit').trim()).toBe('npx lint-staged')
    const config = JSON.parse(example('lintstagedrc.json')) as Record<string, string | string[]>
    const repo = await repository('lint-staged')
    fs.mkdirSync(path.join(repo, 'articles'))
    fs.writeFileSync(path.join(repo, 'articles', 'bad.txt'), BAD)
    fs.writeFileSync(path.join(repo, 'good.text'), CLEAN)
    const staged = ['articles/bad.txt', 'good.text', 'package.json']
    // lint-staged: a pattern without a slash matches base names anywhere; the command gets absolute paths.
    const runTasks = (files: string[]) => {
      const statuses: number[] = []
      for (const [pattern, commands] of Object.entries(config)) {
        const matched = micromatch(files, pattern, {dot: true, matchBase: !pattern.includes('/')})
        if (matched.length === 0) continue
        for (const line of Array.isArray(commands) ? commands : [commands]) {
          const [program, ...args] = line.split(' ')
          const result = run(program, [...args, ...matched.map((file) => path.join(repo, file))], repo)
          statuses.push(result.status ?? -1)
          if (result.status !== 0) expect(result.stdout).toContain('repeated-words')
        }
      }
      return statuses
    }
    expect(micromatch(staged, Object.keys(config), {matchBase: true})).toEqual(['articles/bad.txt', 'good.text'])
    expect(runTasks(staged)).toEqual([1])
    expect(runTasks(['good.text', 'package.json'])).toEqual([0])
  })
})
