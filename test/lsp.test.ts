/**
 * The language server for real: the built server as a child process, spoken
 * to over JSON-RPC (vscode-jsonrpc) as an editor would. What it publishes is
 * checked against a fixed expectation for repeated-words and, for whatever
 * other rules exist, against `lintTexts` over the same texts (the CLI's
 * engine), so rules landing later are covered without changing this file.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {Diagnostic, PublishDiagnosticsParams} from 'vscode-languageserver-protocol'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureBuilt, root} from './helpers/build.js'
import {LspClient, uriOf} from './helpers/lsp-client.js'

interface Message {
  ruleId?: string | null
  fatal?: boolean | null
  place?: {line: number; column: number} | {start: {line: number; column: number}; end?: {line: number; column: number}} | null
}
interface LintedFile {
  path: string
  messages: Message[]
}
type LintTexts = (inputs: Array<{path: string; value: string}>, options?: {cwd?: string}) => Promise<LintedFile[]>
interface RuleEntry {
  meta: {id: string}
  corpus?: unknown
}

let lintTexts: LintTexts
let registry: RuleEntry[]
const clients: LspClient[] = []
const temps: string[] = []

beforeAll(async () => {
  ensureBuilt()
  lintTexts = ((await import(pathToFileURL(path.join(root, 'dist/src/engine.js')).href)) as {lintTexts: LintTexts}).lintTexts
  registry = ((await import(pathToFileURL(path.join(root, 'dist/rules/index.js')).href)) as {rules: RuleEntry[]}).rules
})

afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()))
  for (const temp of temps) fs.rmSync(temp, {recursive: true, force: true})
})

function tempFolder(files: Record<string, string>): string {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-lsp-')))
  temps.push(folder)
  for (const [name, value] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), value)
  return folder
}

async function start(folder: string): Promise<LspClient> {
  const client = new LspClient(folder)
  clients.push(client)
  const init = await client.initialize(folder)
  expect(init.capabilities.codeActionProvider).toBeTruthy()
  return client
}

/** What the engine says about one of the texts, in the shape the server must publish (0-based, severity numbers). */
async function expected(folder: string, inputs: Array<{path: string; value: string}>, target: string) {
  const files = await lintTexts(inputs, {cwd: folder})
  const file = files.find((candidate) => path.resolve(folder, candidate.path) === path.resolve(folder, target))
  expect(file, `lintTexts returned ${target}`).toBeDefined()
  return file!.messages.map((message) => {
    const place = message.place
    const start = place ? ('start' in place ? place.start : place) : {line: 1, column: 1}
    const end = place ? ('start' in place ? (place.end ?? place.start) : place) : start
    return {
      code: message.ruleId ?? undefined,
      severity: message.fatal === true ? 1 : message.fatal === false ? 2 : 3,
      range: {start: {line: start.line - 1, character: start.column - 1}, end: {line: end.line - 1, character: end.column - 1}},
    }
  })
}

function shape(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({code: d.code, severity: d.severity, range: d.range}))
}

const forUri = (uri: string, version?: number) => (params: PublishDiagnosticsParams) => params.uri === uri && (version === undefined || params.version === version)

describe('language server over stdio', () => {
  it('publishes diagnostics on open, offers the quick fix, and clears the diagnostic once the fix is applied', async () => {
    const folder = tempFolder({})
    const client = await start(folder)
    const file = path.join(folder, 'article.txt')
    const uri = uriOf(file)
    const text = 'This is is a test.\nA second line for context.\n'

    await client.open(uri, text)
    const first = await client.waitFor(forUri(uri, 1))
    const repeated = first.diagnostics.filter((d) => d.code === 'repeated-words')
    expect(repeated).toHaveLength(1)
    const [diagnostic] = repeated
    // `is is` spans columns 6-11 (1-based) of line 1: characters 5-10 of line 0.
    expect(diagnostic.range).toEqual({start: {line: 0, character: 5}, end: {line: 0, character: 10}})
    expect(diagnostic.severity).toBe(2) // warn by default → Warning
    expect(diagnostic.source).toBe('scrapelint')
    expect(diagnostic.codeDescription?.href).toMatch(/\/rules\/repeated-words\.md$/)
    expect(diagnostic.message).toContain('Unexpected repeated `is`')
    expect(diagnostic.message).toContain('keep one occurrence') // the note
    // Every rule, not only repeated-words: the same findings as the engine.
    expect(shape(first.diagnostics)).toEqual(await expected(folder, [{path: file, value: text}], file))

    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic])
    expect(actions).toHaveLength(1)
    const [action] = actions!
    expect(action.kind).toBe('quickfix')
    expect(action.isPreferred).toBe(true)
    expect(action.title).toBe('Replace `is is` with `is`')
    const edits = action.edit?.changes?.[uri]
    expect(edits).toEqual([{range: diagnostic.range, newText: 'is'}])

    // Apply the edit as the editor would, and send it as an incremental change.
    const document = TextDocument.create(uri, 'plaintext', 1, text)
    const fixed = TextDocument.applyEdits(document, edits!)
    expect(fixed).toBe('This is a test.\nA second line for context.\n')
    const from = client.published.length
    await client.change(uri, 2, edits!.map((edit) => ({range: edit.range, text: edit.newText})))
    const second = await client.waitFor(forUri(uri, 2), from)
    expect(second.diagnostics.filter((d) => d.code === 'repeated-words')).toEqual([])
    expect(shape(second.diagnostics)).toEqual(await expected(folder, [{path: file, value: fixed}], file))

    // Closing clears what was published.
    const beforeClose = client.published.length
    await client.close(uri)
    const cleared = await client.waitFor(forUri(uri), beforeClose)
    expect(cleared.diagnostics).toEqual([])
  })

  it('debounces changes: a burst of edits is linted once, for the last version', async () => {
    const folder = tempFolder({})
    const client = await start(folder)
    const uri = uriOf(path.join(folder, 'burst.md'))
    await client.open(uri, 'Clean text.\n', 'markdown')
    await client.waitFor(forUri(uri, 1))
    const from = client.published.length
    let text = 'Clean text.\n'
    for (let version = 2; version <= 6; version++) {
      text = `Word ${version} is is here.\n`
      await client.change(uri, version, [{text}])
    }
    const last = await client.waitFor(forUri(uri, 6), from)
    expect(last.diagnostics.filter((d) => d.code === 'repeated-words').map((d) => d.range.start.character)).toEqual([7])
    // Versions 2-5 were superseded before the quiet time ran out.
    expect(client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version)).toEqual([6])
  })

  it('sees the workspace folder: config files, disk files as corpus context (open buffers win), reports only open documents', async () => {
    const boilerplate = 'Sign up for our weekly newsletter to get the latest stories delivered straight to your inbox every Monday morning.'
    const folder = tempFolder({
      '.scrapelintrc.json': JSON.stringify({rules: {'repeated-words': 'error'}}),
      // On disk a.txt is clean; the editor's buffer will not be.
      'a.txt': `The company was founded in 1998 in Oslo.\n\n${boilerplate}\n`,
      'b.txt': `The company was founded in 2004 in Oslo, and it it grew fast.\n\n${boilerplate}\n`,
      'c.txt': `Another article about the weather.\n\n${boilerplate}\n`,
    })
    const client = await start(folder)
    const a = path.join(folder, 'a.txt')
    const b = path.join(folder, 'b.txt')
    const c = path.join(folder, 'c.txt')
    const uriA = uriOf(a)
    const buffer = `The company was founded in 1998 in Oslo, and the the rest is history.\n\n${boilerplate}\n`

    await client.open(uriA, buffer)
    const first = await client.waitFor(forUri(uriA, 1))
    // The buffer, not the disk copy, is linted; the workspace config makes repeated-words an error.
    const repeated = first.diagnostics.filter((d) => d.code === 'repeated-words')
    expect(repeated.map((d) => [d.severity, d.range.start])).toEqual([[1, {line: 0, character: 45}]])
    const disk = (file: string) => ({path: file, value: fs.readFileSync(file, 'utf8')})
    expect(shape(first.diagnostics)).toEqual(await expected(folder, [{path: a, value: buffer}, disk(b), disk(c)], a))

    const corpusRules = registry.filter((rule) => rule.corpus !== undefined).map((rule) => rule.meta.id)
    if (corpusRules.includes('shared-boilerplate')) {
      // The boilerplate is in three documents, two of them only on disk: the server read them.
      expect(first.diagnostics.some((d) => d.code === 'shared-boilerplate')).toBe(true)
    }
    if (corpusRules.length > 0) {
      // A file that is not open changes on disk: the open document's corpus findings follow.
      const from = client.published.length
      fs.writeFileSync(b, 'An unrelated article with no shared paragraph at all.\n')
      await client.watchedFilesChanged([{uri: uriOf(b), type: 2}])
      const after = await client.waitFor(forUri(uriA), from)
      expect(shape(after.diagnostics)).toEqual(await expected(folder, [{path: a, value: buffer}, disk(b), disk(c)], a))
    }

    // The config file changes on disk: the server re-lints with the new levels.
    const from = client.published.length
    fs.writeFileSync(path.join(folder, '.scrapelintrc.json'), JSON.stringify({rules: {'repeated-words': 'warn'}}))
    await client.watchedFilesChanged([{uri: uriOf(path.join(folder, '.scrapelintrc.json')), type: 2}])
    const relinted = await client.waitFor(forUri(uriA), from)
    expect(relinted.diagnostics.filter((d) => d.code === 'repeated-words').map((d) => d.severity)).toEqual([2])

    // Files that are not open are context only: never reported.
    expect(client.published.filter((p) => p.uri !== uriA)).toEqual([])
    // The server asked to be told about changes to text and config files.
    expect(JSON.stringify(client.registrations)).toContain('workspace/didChangeWatchedFiles')
  })

  it('shows a broken config on the document instead of failing silently', async () => {
    const folder = tempFolder({'.scrapelintrc.json': JSON.stringify({rules: {'no-such-rule': 'error'}})})
    const client = await start(folder)
    const uri = uriOf(path.join(folder, 'x.txt'))
    await client.open(uri, 'Some text.\n')
    const published = await client.waitFor(forUri(uri, 1))
    expect(published.diagnostics).toHaveLength(1)
    expect(published.diagnostics[0].severity).toBe(1)
    expect(published.diagnostics[0].message).toContain('unknown rule `no-such-rule`')
  })
})

describe('quick fix titles and guards', () => {
  it('offers one fix per option, removal and insertion included, and none when the text moved', async () => {
    const {quickFixes} = (await import(pathToFileURL(path.join(root, 'dist/src/lsp/convert.js')).href)) as typeof import('../src/lsp/convert.js')
    const range = {start: {line: 0, character: 4}, end: {line: 0, character: 9}}
    const point = {start: {line: 2, character: 0}, end: {line: 2, character: 0}}
    const diagnostics: Diagnostic[] = [
      {range, message: 'm', source: 'scrapelint', code: 'x', data: {expected: [''], actual: 'Share'}},
      {range, message: 'm', source: 'scrapelint', code: 'y', data: {expected: ['one', 'two'], actual: 'Share'}},
      {range: point, message: 'm', source: 'scrapelint', code: 'z', data: {expected: ['\n\n']}},
      {range, message: 'm', source: 'other-linter', data: {expected: ['no']}},
    ]
    const actions = quickFixes('file:///a.txt', diagnostics, () => 'Share')
    expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([
      ['Remove `Share`', true],
      ['Replace `Share` with `one`', false],
      ['Replace `Share` with `two`', false],
      ['Insert a paragraph break', true],
    ])
    expect(actions[0].edit?.changes?.['file:///a.txt']).toEqual([{range, newText: ''}])
    // The document no longer has `Share` there: no fix that would edit the wrong text.
    expect(quickFixes('file:///a.txt', diagnostics.slice(0, 2), () => 'other')).toEqual([])
  })
})
