/** `scrapelint --fix --out-dir` on a JSON Lines crawl: a copy with each fixed record's text replaced, the rest as it was. */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {copyJsonLines} from '../src/formats/jsonl-write.js'
import {runCli, tempDir} from './helpers.js'

const ARTICLE = 'The council approved the new budget for the port after a long debate on Tuesday evening. Members argued about the cost, but most agreed that the plan was overdue and that residents had waited long enough.'
const BAIT = 'Let us know what you think in the comments below!'
const HEADLINE = 'Storm Closes Coastal Road For Third Day | Harbour Gazette'
const SECOND = 'Engineers expect the harbour works to begin in the spring, the council said in a statement on Monday morning.'
/** A call to comment at the end of a paragraph and a stranded related-article headline after the article. */
const DIRTY = [ARTICLE, '', `${SECOND} ${BAIT}`, '', HEADLINE, ''].join('\n')
const CLEAN = 'The harvest came in early this year, and the farmers were pleased with the yield of the upper fields.\n'

/** Record 1 clean, record 2 dirty (with other fields, a number JSON.parse would round, spacing), line 3 malformed, line 4 without the field. */
function crawl(put: (text: string) => Record<string, unknown>): string[] {
  const record2 = JSON.stringify({id: 'r2', url: 'https://example.com/2', ...put(DIRTY), tags: ['port', 'budget'], score: 0.5})
  return [
    JSON.stringify({id: 'r1', ...put(CLEAN), lang: 'en'}),
    // Spacing and a 20-digit number: kept as they were, since only the text's value is replaced.
    record2.replace('"score":0.5', '"score": 0.50, "crawl_id": 12345678901234567890'),
    '{"id": "r3", "text": "broken',
    JSON.stringify({id: 'r4', title: 'no text here'}),
  ]
}

const get = (record: Record<string, unknown>, field: string) => field.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], record)

describe('--fix --out-dir on a JSON Lines crawl', () => {
  for (const field of ['text', 'meta.body']) {
    it(`writes a copy with record 2's ${field} fixed and every other line as it was`, () => {
      const put = (text: string) => (field === 'text' ? {text} : {meta: {source: 'web', body: text, words: 42}})
      const lines = crawl(put)
      const input = lines.join('\n') + '\n'
      const dir = tempDir({'in/crawl.jsonl': input})
      const args = field === 'text' ? [] : ['--jsonl-field', field]
      const run = runCli(['--fix', '--no-config', ...args, '--out-dir', 'out', 'in'], {cwd: dir})
      // Exit code as for other --fix runs: the malformed line is an input error (2), as a plain lint says.
      expect(run.code, run.stderr).toBe(runCli(['--no-config', ...args, 'in'], {cwd: dir}).code)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/in\/crawl\.jsonl:3: not valid JSON/)
      expect(run.stderr).toMatch(/1 record without a string "[a-z.]+" field skipped \(line 4/)
      expect(run.stderr).toMatch(/applied 2 fixes in 1 file/)
      expect(run.stderr).not.toMatch(/not written/)

      // The input is unchanged.
      expect(fs.readFileSync(path.join(dir, 'in', 'crawl.jsonl'), 'utf8')).toBe(input)
      const output = fs.readFileSync(path.join(dir, 'out', 'crawl.jsonl'), 'utf8')
      expect(output.endsWith('\n')).toBe(true)
      const out = output.slice(0, -1).split('\n')
      expect(out).toHaveLength(lines.length)
      // Record 1 (nothing to fix), the malformed line and the record without the field: byte for byte.
      expect(out[0]).toBe(lines[0])
      expect(out[2]).toBe(lines[2])
      expect(out[3]).toBe(lines[3])
      // Record 2: its text fixed, everything else as it was.
      const fixed = JSON.parse(out[1]) as Record<string, unknown>
      const text = get(fixed, field) as string
      expect(text).not.toContain('comments below')
      expect(text).not.toContain('Harbour Gazette')
      expect(text).toContain(ARTICLE)
      expect(text).toContain(SECOND)
      const original = JSON.parse(lines[1]) as Record<string, unknown>
      expect(Object.keys(fixed)).toEqual(Object.keys(original))
      if (field === 'meta.body') {
        expect(Object.keys(fixed.meta as object)).toEqual(['source', 'body', 'words'])
        expect({...(fixed.meta as object), body: undefined}).toEqual({...(original.meta as object), body: undefined})
      }
      for (const key of Object.keys(original).filter((key) => key !== field.split('.')[0])) expect(fixed[key], key).toEqual(original[key])
      // Only the text's value changed in the line: the rest of it is the original's bytes.
      const at = lines[1].indexOf(JSON.stringify(DIRTY))
      expect(out[1]).toBe(lines[1].slice(0, at) + JSON.stringify(text) + lines[1].slice(at + JSON.stringify(DIRTY).length))
      expect(out[1]).toContain('"score": 0.50, "crawl_id": 12345678901234567890')

      // The report is of what is left: the fixed record has nothing fixable.
      const again = runCli(['--no-config', ...args, '--format', 'json', 'out'], {cwd: dir})
      const files = JSON.parse(again.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
      const record2 = files.find((file) => file.path.endsWith('#L2'))!
      expect(record2.messages.filter((message) => ['engagement-bait', 'link-residue'].includes(message.ruleId))).toEqual([])
    })
  }

  it('a crawl with nothing to fix is copied byte for byte (CRLF, no final line break), next to the other inputs', () => {
    const input = [JSON.stringify({text: CLEAN}), '', 'not json', JSON.stringify({text: CLEAN.replace('harvest', 'rain')})].join('\r\n')
    const dir = tempDir({'in/sub/crawl.jsonl': input, 'in/a.txt': DIRTY})
    const run = runCli(['--fix', '--no-config', '--out-dir', 'out', 'in'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(fs.readFileSync(path.join(dir, 'out', 'sub', 'crawl.jsonl'), 'utf8')).toBe(input)
    expect(fs.readFileSync(path.join(dir, 'out', 'a.txt'), 'utf8')).not.toContain('comments below')
  })

  it('keeps CRLF line ends and a byte order mark around a fixed record', () => {
    const lines = [JSON.stringify({text: DIRTY}), JSON.stringify({text: CLEAN})]
    const input = '\uFEFF' + lines.join('\r\n') + '\r\n'
    const dir = tempDir({'crawl.jsonl': input})
    const run = runCli(['--fix', '--no-config', '--out-dir', 'out', 'crawl.jsonl'], {cwd: dir})
    expect(run.code, run.stderr).toBeLessThan(2)
    const output = fs.readFileSync(path.join(dir, 'out', 'crawl.jsonl'), 'utf8')
    expect(output.startsWith('\uFEFF{"text":')).toBe(true)
    expect(output.endsWith('\r\n' + lines[1] + '\r\n')).toBe(true)
    expect(output).not.toContain('comments below')
    expect(output.split('\r\n')).toHaveLength(3)
  })

  it('--write leaves the crawl alone and says why; .gz crawls are linted, not fixed', () => {
    const input = [JSON.stringify({text: DIRTY}), JSON.stringify({text: CLEAN})].join('\n') + '\n'
    const dir = tempDir({'crawl.jsonl': input, 'packed.jsonl.gz': zlib.gzipSync(input)})
    const write = runCli(['--fix', '--no-config', '--write', 'crawl.jsonl'], {cwd: dir})
    expect(write.code, write.stderr).toBeLessThan(2)
    expect(write.stderr).toMatch(/crawl\.jsonl: not written: 1 record has fixes, but --write does not rewrite a JSON Lines file \(the original is the crawl\)/)
    expect(write.stderr).toMatch(/applied 0 fixes in 0 files/)
    expect(fs.readFileSync(path.join(dir, 'crawl.jsonl'), 'utf8')).toBe(input)
    expect(fs.readdirSync(dir).sort()).toEqual(['crawl.jsonl', 'packed.jsonl.gz'])

    const gz = runCli(['--fix', '--no-config', '--out-dir', 'out', 'packed.jsonl.gz'], {cwd: dir})
    expect(gz.code, gz.stderr).toBeLessThan(2)
    expect(gz.stderr).toMatch(/packed\.jsonl\.gz#L1: not written to --out-dir: records of a JSON Lines file and \.gz files are linted, not fixed/)
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  })

  it('the same record linted in worker threads (--jobs 2) is fixed the same', () => {
    const lines = crawl((text) => ({text}))
    const dir = tempDir({'in/crawl.jsonl': lines.join('\n') + '\n', 'in/other.jsonl': JSON.stringify({text: DIRTY}) + '\n'})
    runCli(['--fix', '--no-config', '--out-dir', 'one', 'in'], {cwd: dir})
    runCli(['--fix', '--no-config', '--jobs', '2', '--out-dir', 'two', 'in'], {cwd: dir})
    for (const name of ['crawl.jsonl', 'other.jsonl']) {
      const one = fs.readFileSync(path.join(dir, 'one', name), 'utf8')
      expect(one).not.toContain('comments below')
      expect(fs.readFileSync(path.join(dir, 'two', name), 'utf8')).toBe(one)
    }
  })
})

describe('copyJsonLines', () => {
  const copy = async (input: string | Buffer, edits: Array<[number, string, string]>, field = 'text') => {
    const dir = tempDir({'in.jsonl': input})
    const result = await copyJsonLines(path.join(dir, 'in.jsonl'), path.join(dir, 'deep', 'out.jsonl'), new Map(edits.map(([line, original, fixed]) => [line, {original, fixed}])), field)
    expect(fs.readdirSync(path.join(dir, 'deep'))).toEqual(['out.jsonl'])
    return {result, output: fs.readFileSync(path.join(dir, 'deep', 'out.jsonl'))}
  }

  it('replaces only the value: escapes, a key with a quote, nested objects before it, the last of duplicate keys', async () => {
    const line = '{ "a\\"b": {"text": "not this"}, "list": [1, {"x": "]"}], "text" : "first", "text": "old \\u00e9 \\"q\\"" , "z": 1e5 }'
    const {result, output} = await copy(line + '\n', [[1, 'old é "q"', 'new']])
    expect(result).toEqual({edited: 1, notEdited: []})
    expect(output.toString('utf8')).toBe('{ "a\\"b": {"text": "not this"}, "list": [1, {"x": "]"}], "text" : "first", "text": "new" , "z": 1e5 }\n')
  })

  it('a nested field; lines spread over chunks are copied as they were', async () => {
    const long = 'x'.repeat(200_000)
    const lines = [JSON.stringify({long}), JSON.stringify({meta: {body: 'old ' + long}}), JSON.stringify({long})]
    const {output} = await copy(lines.join('\n'), [[2, 'old ' + long, 'new']], 'meta.body')
    expect(output.toString('utf8')).toBe([lines[0], '{"meta":{"body":"new"}}', lines[2]].join('\n'))
  })

  it('copies unchanged, and says why, a record that changed since it was read or is not valid UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from(' [3]"}')])
    const input = Buffer.concat([Buffer.from('{"text": "other"}\nnot json now\n'), latin1, Buffer.from('\n')])
    const {result, output} = await copy(input, [[1, 'old', 'new'], [2, 'old', 'new'], [3, 'caf\uFFFD [3]', 'caf\uFFFD']])
    expect(output.equals(input)).toBe(true)
    expect(result.edited).toBe(0)
    expect(result.notEdited.map(({line, changed}) => [line, changed])).toEqual([[1, true], [2, true], [3, false]])
    expect(result.notEdited[2].reason).toMatch(/not valid UTF-8/)
  })
})
