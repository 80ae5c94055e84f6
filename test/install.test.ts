/**
 * Installed as users install linters: the tarball `npm pack` makes, installed globally into a
 * scratch prefix (`npm i -g --prefix DIR ./scrapelint-*.tgz`) and into a scratch project
 * (`npm i -D ./scrapelint-*.tgz`), from the local npm cache when it holds the packages. The
 * installed commands run from a folder outside this checkout, with a PATH that holds only the
 * install and node, so nothing of this checkout (its node_modules, TypeScript) can be what runs.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureBuilt, root} from './helpers/build.js'
import {LspClient, uriOf} from './helpers/lsp-client.js'

const BAD = 'The mayor said it it would rain.\n'
let temp: string
let tarball: string
let npmCache: string
const clients: LspClient[] = []

beforeAll(() => {
  ensureBuilt()
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-install-')))
  npmCache = spawnSync('npm', ['config', 'get', 'cache'], {encoding: 'utf8'}).stdout.trim()
  // dist/ is built above; --ignore-scripts keeps `prepare` from rebuilding it under other tests' feet.
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', temp], {cwd: root, encoding: 'utf8'})
  expect(packed.status, packed.stderr).toBe(0)
  tarball = path.join(temp, packed.stdout.trim())
  expect(fs.existsSync(tarball), `npm pack printed ${JSON.stringify(packed.stdout)}`).toBe(true)
}, 120_000)

afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

/** npm, offline from the cache when it can be; the user's npm config left out. */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--cache', npmCache], {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: {...process.env, npm_config_userconfig: path.join(temp, 'npmrc'), npm_config_update_notifier: 'false'},
  })
  if (result.error) throw result.error
  return result
}

/** The environment of a user's shell that has only the installed commands and node on PATH. */
function userEnv(bin: string): NodeJS.ProcessEnv {
  const nodeDir = path.join(temp, 'node-only')
  if (!fs.existsSync(nodeDir)) {
    fs.mkdirSync(nodeDir)
    fs.symlinkSync(process.execPath, path.join(nodeDir, 'node'))
  }
  return {HOME: temp, PATH: [bin, nodeDir].join(path.delimiter), NO_COLOR: '1'}
}

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name)
  fs.mkdirSync(dir, {recursive: true})
  for (const [file, value] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), value)
  return dir
}

describe('the packed tarball', () => {
  it('holds the built code and the rule docs, not the sources or the tests', () => {
    const listed = spawnSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).stdout.split('\n')
    expect(listed).toContain('package/dist/src/cli.js')
    expect(listed).toContain('package/dist/src/lsp/server.js')
    expect(listed).toContain('package/rules/repeated-words.md')
    expect(listed.filter((file) => /^package\/(src|test|rules)\/.*\.ts$/.test(file))).toEqual([])
  })

  describe('installed globally into a scratch prefix', () => {
    let prefix: string
    let bin: string

    beforeAll(() => {
      prefix = path.join(temp, 'prefix')
      const installed = npm(['install', '--global', '--prefix', prefix, tarball], temp)
      expect(installed.status, installed.stdout + installed.stderr).toBe(0)
      bin = path.join(prefix, 'bin')
    }, 300_000)

    it('has no build tools at run time', () => {
      const installedRoot = path.join(prefix, 'lib', 'node_modules', 'scrapelint')
      expect(fs.existsSync(path.join(installedRoot, 'dist', 'src', 'cli.js'))).toBe(true)
      for (const tool of ['typescript', 'vitest', 'eslint']) {
        expect(fs.existsSync(path.join(installedRoot, 'node_modules', tool)), tool).toBe(false)
      }
    })

    it('`scrapelint` lints a file, exits 1 on an error and 0 on a clean file', () => {
      const dir = project('global-use', {'bad.txt': BAD, 'good.txt': 'A clean sentence about the weather.\n', '.scrapelintrc.json': '{"rules": {"repeated-words": "error"}}\n'})
      const env = userEnv(bin)
      const version = spawnSync('scrapelint', ['--version'], {cwd: dir, env, encoding: 'utf8'})
      expect(version.status, version.stderr).toBe(0)
      expect(version.stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version)
      const refused = spawnSync('scrapelint', ['bad.txt'], {cwd: dir, env, encoding: 'utf8'})
      expect(refused.status, refused.stderr).toBe(1)
      expect(refused.stdout).toContain('repeated-words')
      expect(refused.stdout).toContain('1:16-1:21')
      const clean = spawnSync('scrapelint', ['good.txt'], {cwd: dir, env, encoding: 'utf8'})
      expect(clean.status, clean.stderr).toBe(0)
      expect(clean.stdout).toContain('good.txt: no issues found')
    })

    it('`scrapelint-language-server` initializes and publishes a diagnostic', async () => {
      const dir = project('global-editor', {'page.txt': BAD})
      const client = new LspClient(dir, [path.join(bin, 'scrapelint-language-server'), '--stdio'], userEnv(bin))
      clients.push(client)
      const init = await client.initialize(dir)
      expect(init.serverInfo?.name).toMatch(/scrapelint/)
      const uri = uriOf(path.join(dir, 'page.txt'))
      await client.open(uri, BAD)
      const published = await client.waitFor((params) => params.uri === uri && params.diagnostics.length > 0)
      expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toContain('repeated-words')
      expect(published.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-words')!.range).toEqual({start: {line: 0, character: 15}, end: {line: 0, character: 20}})
    })
  })

  it('installs into a project as a dev dependency, and `npx scrapelint` runs it', () => {
    const dir = project('user-project', {'package.json': '{"name": "user-project", "private": true}\n', 'bad.txt': BAD})
    const installed = npm(['install', '--save-dev', tarball], dir)
    expect(installed.status, installed.stdout + installed.stderr).toBe(0)
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {devDependencies?: Record<string, string>}
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(['scrapelint'])
    // npx from the project, offline: it must find the project's own install.
    const result = spawnSync('npx', ['--offline', '--no-install', 'scrapelint', '--rule', 'repeated-words:error', 'bad.txt'], {
      cwd: dir,
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '1', npm_config_userconfig: path.join(temp, 'npmrc'), npm_config_cache: npmCache},
    })
    expect(result.status, result.stderr).toBe(1)
    expect(result.stdout).toContain('repeated-words')
  }, 300_000)
})
