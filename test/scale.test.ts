import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {runCli, tempDir} from './helpers.js'

/** A small deterministic corpus: articles that share a footer, some with defects. */
function corpus(count: number): Record<string, string> {
  const topics = ['the harbour bridge', 'the city budget', 'a river cleanup', 'the new library', 'school meals', 'a bus strike']
  const files: Record<string, string> = {}
  for (let index = 0; index < count; index++) {
    const topic = topics[index % topics.length]
    const paragraphs = [
      `Council Debates ${topic.replace(/\b\w/g, (c) => c.toUpperCase())}`,
      `Residents met on Tuesday evening to discuss ${topic}, which has divided the town for months. The mayor said the plan would be published in ${2020 + (index % 5)}.`,
      `Officials said the work would cost ${index + 3} million dollars and take two years. Several speakers asked for more time to read the the proposal.`,
      index % 3 === 0 ? 'We invite you to share your thoughts in the comments section below! Don\'t forget to share this article with your friends.' : 'The next meeting is planned for the spring.',
      'Storm Warning Issued For Coastal Towns | The Daily Ledger',
      'Five Things To Know About The New Transit Fare',
    ]
    files[`articles/${String(index).padStart(3, '0')}.txt`] = paragraphs.join('\n\n') + '\n'
  }
  return files
}

const json = (stdout: string) => JSON.parse(stdout) as Array<{path: string; messages: Array<Record<string, unknown>>}>
const stats = (stderr: string) => /(\d+) documents?, [\d.]+ MB \((\d+) from the cache\)/.exec(stderr)

describe('--jobs', () => {
  it('gives the same report, in the same order, for any number of jobs', () => {
    const cwd = tempDir(corpus(12))
    const one = runCli(['--format', 'json', '--jobs', '1', 'articles'], {cwd})
    const two = runCli(['--format', 'json', '--jobs', '2', 'articles'], {cwd})
    const three = runCli(['--format', 'json', '--jobs', '3', 'articles'], {cwd})
    expect(one.code).toBe(0)
    const report = json(one.stdout)
    expect(report).toHaveLength(12)
    expect(report.flatMap((file) => file.messages).length).toBeGreaterThan(12)
    expect(report.some((file) => file.messages.some((message) => message.ruleId === 'shared-boilerplate'))).toBe(true)
    expect(two.stdout).toBe(one.stdout)
    expect(three.stdout).toBe(one.stdout)
  })

  it('without --jobs: in-process for a few files, a worker per core from 1.5 MB of input', () => {
    const stats = (stderr: string) => / (\d+) jobs?\)/.exec(stderr)?.[1]
    const cwd = tempDir({...corpus(3), 'big/crawl.txt': 'The harbour bridge reopened on Tuesday after a month of repairs.\n\n'.repeat(25_000)})
    expect(stats(runCli(['--stats', 'articles'], {cwd}).stderr)).toBe('1')
    expect(stats(runCli(['--stats', '--jobs', '2', 'articles'], {cwd}).stderr)).toBe('2')
    const off = rules.flatMap((rule) => ['--rule', `${rule.meta.id}:off`])
    expect(stats(runCli(['--stats', ...off, 'big'], {cwd}).stderr)).toBe(String(os.availableParallelism()))
  })

  it('refuses a job count that is not a whole number from 1', () => {
    const result = runCli(['--jobs', '0', 'articles'], {cwd: tempDir(corpus(1))})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--jobs takes a whole number from 1, not 0')
  })
})

describe('--cache', () => {
  it('redoes only new or changed documents, with the same report', () => {
    const cwd = tempDir(corpus(6))
    const first = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(stats(first.stderr)?.slice(1)).toEqual(['6', '0'])
    expect(fs.existsSync(path.join(cwd, '.scrapelintcache'))).toBe(true)
    const second = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(stats(second.stderr)?.slice(1)).toEqual(['6', '6'])
    expect(second.stdout).toBe(first.stdout)

    fs.writeFileSync(path.join(cwd, 'articles/006.txt'), 'A new article arrived today with with a slip.\n')
    fs.appendFileSync(path.join(cwd, 'articles/001.txt'), '\nAn added line changes this one.\n')
    const third = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(stats(third.stderr)?.slice(1)).toEqual(['7', '5'])
    const fresh = runCli(['--format', 'json', '--jobs', '1', 'articles'], {cwd})
    expect(third.stdout).toBe(fresh.stdout)
  })

  it('the layout of an HTML page is part of the key: the same prose with a line made a link is linted again', () => {
    const page = (headline: string) =>
      `<html><body><article><h1>Council Debates The Budget</h1><p>Residents met on Tuesday evening to discuss the budget, which has divided the town for months. The mayor said the plan would be published in spring.</p><p>Officials said the work would cost three million dollars and take two years.</p><p>${headline}</p></article></body></html>`
    const cwd = tempDir({'articles/page.html': page('Storm Warning Issued For Coastal Towns Tonight')})
    runCli(['--cache', '--jobs', '1', 'articles'], {cwd})
    fs.writeFileSync(path.join(cwd, 'articles/page.html'), page('<a href="/storm">Storm Warning Issued For Coastal Towns Tonight</a>'))
    const second = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(stats(second.stderr)?.slice(1)).toEqual(['1', '0'])
    const fresh = runCli(['--format', 'json', '--jobs', '1', 'articles'], {cwd})
    expect(second.stdout).toBe(fresh.stdout)
  })

  it('a rule setting is part of the key', () => {
    const cwd = tempDir(corpus(2))
    runCli(['--cache', '--jobs', '1', 'articles'], {cwd})
    const off = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', '--rule', 'repeated-words:off', 'articles'], {cwd})
    expect(stats(off.stderr)?.slice(1)).toEqual(['2', '0'])
    expect(json(off.stdout).flatMap((file) => file.messages).some((message) => message.ruleId === 'repeated-words')).toBe(false)
  })

  it('ignores a corrupt cache with a warning and rewrites it', () => {
    const cwd = tempDir(corpus(2))
    runCli(['--cache', '--jobs', '1', 'articles'], {cwd})
    const cacheFile = path.join(cwd, '.scrapelintcache')
    const good = fs.readFileSync(cacheFile, 'utf8')
    fs.writeFileSync(cacheFile, good.slice(0, good.length / 2))
    const result = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(result.stderr).toContain('.scrapelintcache is corrupt: ignored (it will be rewritten)')
    expect(stats(result.stderr)?.slice(1)).toEqual(['2', '0'])
    expect(() => JSON.parse(fs.readFileSync(cacheFile, 'utf8'))).not.toThrow()
  })

  it('never trusts or overwrites a file that is not its cache', () => {
    const cwd = tempDir({...corpus(2), 'notes.json': '{"mine": true}'})
    const result = runCli(['--cache', '--cache-location', 'notes.json', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(result.stderr).toContain('notes.json is not a scrapelint cache: ignored and not overwritten')
    expect(fs.readFileSync(path.join(cwd, 'notes.json'), 'utf8')).toBe('{"mine": true}')
  })

  it('does not trust cached entries of a forged cache with the wrong shape', () => {
    const cwd = tempDir(corpus(1))
    runCli(['--cache', '--jobs', '1', 'articles'], {cwd})
    const cacheFile = path.join(cwd, '.scrapelintcache')
    const body = JSON.parse(fs.readFileSync(cacheFile, 'utf8'))
    for (const key of Object.keys(body.entries)) body.entries[key] = {messages: 'nope', data: 1}
    fs.writeFileSync(cacheFile, JSON.stringify(body))
    const result = runCli(['--format', 'json', '--cache', '--stats', '--jobs', '1', 'articles'], {cwd})
    expect(stats(result.stderr)?.slice(1)).toEqual(['1', '0'])
    expect(result.code).toBe(0)
  })
})

describe('--emit-facts and scrapelint corpus', () => {
  it('shards linted apart and joined give the corpus findings of one run', () => {
    const cwd = tempDir(corpus(8))
    const whole = json(runCli(['--format', 'json', '--jobs', '1', 'articles'], {cwd}).stdout)
    const files = Object.keys(corpus(8))
    runCli(['--jobs', '1', '--emit-facts', 'shard1.jsonl', ...files.slice(0, 4)], {cwd})
    runCli(['--jobs', '1', '--emit-facts', 'shard2.jsonl', ...files.slice(4)], {cwd})
    const lines = fs.readFileSync(path.join(cwd, 'shard1.jsonl'), 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    expect(JSON.parse(lines[0])).toMatchObject({path: 'articles/000.txt', messages: expect.any(Array), data: expect.any(Object)})
    const joined = runCli(['corpus', '--format', 'json', 'shard1.jsonl', 'shard2.jsonl'], {cwd})
    expect(joined.code).toBe(0)
    const simplify = (report: typeof whole) => report.map((file) => [file.path, file.messages.map((m) => [m.ruleId, m.line, m.column, m.reason])])
    expect(simplify(json(joined.stdout))).toEqual(simplify(whole))
  })

  it('refuses a facts file that is not one', () => {
    const cwd = tempDir({'bad.jsonl': '{"path": 1}\n'})
    const result = runCli(['corpus', 'bad.jsonl'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('bad.jsonl:1: not a document record written by --emit-facts')
  })
})
