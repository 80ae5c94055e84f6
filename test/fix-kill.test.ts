/**
 * `--fix --write` killed in the middle of a run over many files: every input is either its old or its
 * new content, never empty or a truncated mix (writes are a temporary file renamed over the input).
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliPath, runCli, tempDir} from './helpers.js'

const FILES = 150
// Only a cheap fixable rule, so the run reaches its writes quickly; the slow rules have no fixes anyway.
const RULES = ['contradiction', 'incomplete-quote', 'keyword-stuffing', 'duplicate-sentence', 'template-leak', 'fake-author-block', 'lorem-ipsum', 'shared-boilerplate', 'repeated-words'].flatMap((id) => ['--rule', `${id}:off`])

/** About 24 KB of prose with citation markers to remove, different in every paragraph. */
function document(): string {
  const paragraphs: string[] = []
  for (let index = 0; index < 120; index++) {
    paragraphs.push(`Paragraph ${index} reports that the survey of the northern valley counted ${index * 7 + 3} nesting pairs this spring [${(index % 9) + 1}], more than the year before.`)
  }
  return paragraphs.join('\n\n') + '\n'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('--fix --write killed mid-run', () => {
  it('leaves every input either old or new, never a mix', async () => {
    const old = document()
    // The new content, from a run that is not killed.
    const probe = runCli(['--fix', '--jobs', '1', ...RULES, '-'], {input: old})
    const fresh = probe.stdout
    expect(fresh).not.toBe(old)
    expect(fresh).not.toContain('[3]')

    let rounds = 0
    let midway = 0
    const seen: string[] = []
    // A few rounds with different delays before the kill; at least one must land in the middle of the writes.
    for (const delay of [0, 5, 20, 60]) {
      rounds++
      const files: Record<string, string> = {}
      for (let index = 0; index < FILES; index++) files[`f${String(index).padStart(4, '0')}.txt`] = old
      const dir = tempDir(files)
      const names = Object.keys(files).sort()
      const child = spawn(process.execPath, [cliPath, '--fix', '--write', '--jobs', '1', ...RULES, '.'], {cwd: dir, stdio: 'ignore'})
      const exited = new Promise((resolve) => child.on('exit', resolve))
      // Wait until the first file is rewritten (the writes have started), then kill after `delay` ms.
      const first = path.join(dir, names[0])
      const started = Date.now()
      let done = false
      child.on('exit', () => (done = true))
      while (!done && Date.now() - started < 120_000) {
        if (fs.readFileSync(first, 'utf8') !== old) break
        await sleep(1)
      }
      await sleep(delay)
      child.kill('SIGKILL')
      await exited

      let fixed = 0
      for (const name of names) {
        const content = fs.readFileSync(path.join(dir, name), 'utf8')
        expect(content === old || content === fresh, `${name} is neither the old nor the new content (${content.length} characters)`).toBe(true)
        if (content === fresh) fixed++
      }
      seen.push(`delay ${delay} ms: ${fixed}/${FILES} rewritten`)
      if (fixed > 0 && fixed < FILES) midway++
      fs.rmSync(dir, {recursive: true, force: true})
    }
    console.log(`kill test: ${seen.join('; ')}`)
    expect(rounds).toBe(4)
    // The test proves something only if some kill landed while files were being written.
    expect(midway, seen.join('; ')).toBeGreaterThan(0)
  }, 600_000)
})
