/**
 * The integration tests run the built code (`dist/`), as users do. `npm test`
 * builds first; run alone, a test builds when a source is newer than its
 * output. A lock keeps two test files from building at once (one would read
 * files the other is rewriting).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

function sources(folder: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(path.join(root, folder), {withFileTypes: true})) {
    const relative = path.join(folder, entry.name)
    if (entry.isDirectory()) found.push(...sources(relative))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(relative)
  }
  return found
}

function stale(): boolean {
  for (const source of [...sources('src'), ...sources('rules')]) {
    const output = path.join(root, 'dist', source.replace(/\.ts$/, '.js'))
    if (!fs.existsSync(output) || fs.statSync(output).mtimeMs < fs.statSync(path.join(root, source)).mtimeMs) return true
  }
  return false
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export function ensureBuilt() {
  if (!stale()) return
  const lock = path.join(os.tmpdir(), `scrapelint-build-${Buffer.from(root).toString('hex').slice(-32)}.lock`)
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch {
      // A lock older than the deadline is left over from a killed run.
      const held = fs.statSync(lock, {throwIfNoEntry: false})
      if (held && Date.now() - held.mtimeMs > 120_000) fs.rmSync(lock, {recursive: true, force: true})
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`)
      sleep(200)
    }
  }
  try {
    if (!stale()) return
    try {
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', root], {stdio: 'pipe', timeout: 120_000})
    } catch {
      // Type errors elsewhere in the tree do not stop tsc from emitting; a missing output is caught below.
    }
  } finally {
    fs.rmSync(lock, {recursive: true, force: true})
  }
}
