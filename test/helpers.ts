/** Shared test helpers: run the built CLI, make temporary folders. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')
export const cliPath = path.join(root, 'dist', 'src', 'cli.js')
export const sharedDir = path.resolve(root, '..', 'shared')
export const hasShared = fs.existsSync(path.join(sharedDir, 'data'))

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run `scrapelint` (the build in dist/, as installed) with `args` in `cwd`. */
export function runCli(args: string[], options: {cwd?: string; input?: string | Buffer; env?: Record<string, string>; timeout?: number} = {}): CliResult {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` (npm test does) before the CLI tests`)
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', ...options.env},
    maxBuffer: 1 << 28,
    // A run that hangs is killed (status null: code -1) instead of hanging the test run.
    timeout: options.timeout,
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** A fresh temporary folder with `files` (path → content) in it. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-test-'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    fs.writeFileSync(file, content)
  }
  return dir
}
