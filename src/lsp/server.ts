#!/usr/bin/env node
/**
 * scrapelint's language server (the `scrapelint-language-server` bin), on
 * vscode-languageserver. Diagnostics for open plain-text and Markdown
 * documents on open and (debounced) on change; quick fixes from the
 * messages' `expected`; and, when a corpus rule is on, every document of the
 * workspace folder as corpus context (files from disk, open buffers over
 * them), re-linted when any of them changes. Config files are the CLI's:
 * each lint runs `lintTexts` with the workspace folder as `cwd`.
 *
 * Transport: `--stdio` (the default when no transport is named),
 * `--node-ipc`, `--socket=PORT` or `--pipe=NAME`, as vscode-languageserver
 * parses them.
 */
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {lintTexts, type TextInput} from '../engine.js'
import {SOURCE} from '../../rules/kit/rule.js'
import {version} from '../version.js'
import {quickFixes, toDiagnostic} from './convert.js'
import {CORPUS_EXTENSIONS, FolderCorpus, MAX_WORKSPACE_FILES, folderOf, hasCorpusRules, rootConfig} from './workspace.js'

/** Quiet time after the last keystroke before a document is linted again. */
const CHANGE_DELAY_MS = 250
/** Quiet time after a file changed on disk (editors and `git checkout` write in bursts). */
const WATCH_DELAY_MS = 100

const LANGUAGES = new Set(['plaintext', 'text', 'markdown'])
const CONFIG_FILES = new Set(['.scrapelintrc', '.scrapelintrc.json', '.scrapelintrc.yaml', '.scrapelintrc.yml', 'package.json', '.scrapelintignore'])

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId']
const named = process.argv.some((arg) => transports.some((flag) => arg === flag || arg.startsWith(flag + '=')))
const connection = named ? createConnection(ProposedFeatures.all) : createConnection(ProposedFeatures.all, process.stdin, process.stdout)
const documents = new TextDocuments(TextDocument)

/** Workspace folders (absolute paths), deepest match wins. */
let folders: string[] = []
const corpora = new Map<string, FolderCorpus>()
const cappedWarned = new Set<string>()

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return path.resolve(fileURLToPath(uri))
  } catch {
    return undefined
  }
}

function lintable(document: TextDocument): boolean {
  if (LANGUAGES.has(document.languageId)) return true
  const file = filePath(document.uri)
  return file !== undefined && CORPUS_EXTENSIONS.includes(path.extname(file).slice(1).toLowerCase())
}

/**
 * Documents are linted in groups: all open documents of a workspace folder
 * together (one corpus), a document outside every folder on its own.
 */
type Group = {kind: 'folder'; folder: string} | {kind: 'single'; uri: string}

function groupKey(group: Group): string {
  return group.kind === 'folder' ? `folder:${group.folder}` : `single:${group.uri}`
}

function groupOf(document: TextDocument): Group {
  const file = filePath(document.uri)
  const folder = file ? folderOf(file, folders) : undefined
  return folder ? {kind: 'folder', folder} : {kind: 'single', uri: document.uri}
}

/** What a scheduled lint must cover: these open documents (the corpus pass, when on, covers every open one), or all. */
interface Pending {
  group: Group
  uris: Set<string> | 'all'
}

const pending = new Map<string, Pending>()
const timers = new Map<string, NodeJS.Timeout>()
let queue: Promise<void> = Promise.resolve()

function schedule(group: Group, uri: string | 'all' | undefined, delay: number) {
  const key = groupKey(group)
  const entry = pending.get(key) ?? {group, uris: new Set<string>()}
  if (uri === 'all') entry.uris = 'all'
  else if (uri !== undefined && entry.uris !== 'all') entry.uris.add(uri)
  pending.set(key, entry)
  clearTimeout(timers.get(key))
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key)
      // One lint at a time: a corpus lint reads the whole folder, and results must not overtake each other.
      queue = queue.then(() => flush(key))
    }, delay),
  )
}

async function flush(key: string) {
  const entry = pending.get(key)
  if (!entry) return
  pending.delete(key)
  try {
    if (entry.group.kind === 'folder') await lintFolder(entry.group.folder, entry.uris)
    else await lintSingle(entry.group.uri)
  } catch (error) {
    connection.console.error(`scrapelint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  }
}

/** A config or input problem is shown where the user looks: on the document, at its start. */
function problem(error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error)
  return {range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, severity: DiagnosticSeverity.Error, source: SOURCE, message: text}
}

function publish(document: TextDocument, diagnostics: Diagnostic[]) {
  void connection.sendDiagnostics({uri: document.uri, version: document.version, diagnostics})
}

function openIn(folder: string): Map<string, TextDocument> {
  const open = new Map<string, TextDocument>()
  for (const document of documents.all()) {
    if (!lintable(document)) continue
    const group = groupOf(document)
    const file = filePath(document.uri)
    if (file && group.kind === 'folder' && group.folder === folder) open.set(file, document)
  }
  return open
}

async function lintFolder(folder: string, uris: Set<string> | 'all') {
  const open = openIn(folder)
  let corpusOn: boolean
  let inputs: TextInput[] = []
  const targets = new Map<string, TextDocument>()
  try {
    const config = await rootConfig(folder)
    corpusOn = hasCorpusRules(config)
    for (const [file, document] of open) {
      if (corpusOn || uris === 'all' || uris.has(document.uri)) targets.set(file, document)
    }
    if (targets.size === 0) return
    if (corpusOn) {
      let corpus = corpora.get(folder)
      if (!corpus) corpora.set(folder, (corpus = new FolderCorpus(folder)))
      const disk = await corpus.read(config)
      if (disk.found > MAX_WORKSPACE_FILES && !cappedWarned.has(folder)) {
        cappedWarned.add(folder)
        void connection.window.showWarningMessage(
          `scrapelint: ${folder} holds ${disk.found} text files; only the first ${MAX_WORKSPACE_FILES} (by path) are read as corpus context.`,
        )
      }
      for (const [file, value] of disk.texts) if (!open.has(file)) inputs.push({path: file, value})
    }
    const versions = new Map<string, number>()
    for (const [file, document] of targets) {
      inputs.push({path: file, value: document.getText()})
      versions.set(file, document.version)
    }
    // In path order, as the CLI names them: a corpus rule may report on the later of two documents.
    inputs.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
    const files = await lintTexts(inputs, {cwd: folder})
    inputs = []
    for (const file of files) {
      const absolute = path.resolve(folder, file.path)
      const document = targets.get(absolute)
      if (!document) continue
      const current = documents.get(document.uri)
      // Changed (or closed) while linting: a newer lint is scheduled and will publish.
      if (!current || current.version !== versions.get(absolute)) continue
      publish(current, file.messages.map(toDiagnostic))
    }
  } catch (error) {
    for (const document of targets.size > 0 ? targets.values() : open.values()) publish(document, [problem(error)])
  }
}

async function lintSingle(uri: string) {
  const document = documents.get(uri)
  if (!document || !lintable(document)) return
  const file = filePath(uri)
  const cwd = file ? path.dirname(file) : (folders[0] ?? process.cwd())
  const name = file ?? path.join(cwd, document.languageId === 'markdown' ? 'untitled.md' : 'untitled.txt')
  const version = document.version
  try {
    const [result] = await lintTexts([{path: name, value: document.getText()}], {cwd})
    const current = documents.get(uri)
    if (current && current.version === version) publish(current, result ? result.messages.map(toDiagnostic) : [])
  } catch (error) {
    publish(document, [problem(error)])
  }
}

/** Every group with an open document, to re-lint all after a config change. */
function openGroups(): Group[] {
  const groups = new Map<string, Group>()
  for (const document of documents.all()) {
    if (!lintable(document)) continue
    const group = groupOf(document)
    groups.set(groupKey(group), group)
  }
  return [...groups.values()]
}

let watchRegistration = false
let workspaceFolderEvents = false

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const given = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: ''}] : [])
  folders = given.map((folder) => filePath(folder.uri)).filter((folder): folder is string => folder !== undefined)
  watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
  workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
      workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
    },
    serverInfo: {name: 'scrapelint', version},
  }
})

documents.onDidOpen((event) => {
  if (lintable(event.document)) schedule(groupOf(event.document), event.document.uri, 0)
})

documents.onDidChangeContent((event) => {
  if (lintable(event.document)) schedule(groupOf(event.document), event.document.uri, CHANGE_DELAY_MS)
})

documents.onDidClose((event) => {
  const document = event.document
  void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  // The closed buffer is the disk file again for the others' corpus pass.
  const group = groupOf(document)
  if (group.kind === 'folder') schedule(group, undefined, WATCH_DELAY_MS)
})

connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false
  const touched = new Map<string, Group>()
  for (const change of params.changes) {
    const file = filePath(change.uri)
    if (!file) continue
    if (CONFIG_FILES.has(path.basename(file))) {
      configChanged = true
      continue
    }
    const folder = folderOf(file, folders)
    if (!folder) continue
    const corpus = corpora.get(folder)
    if (corpus) {
      if (change.type === FileChangeType.Changed) corpus.forget(file)
      else corpus.clear()
    }
    touched.set(folder, {kind: 'folder', folder})
  }
  if (configChanged) {
    for (const corpus of corpora.values()) corpus.clear()
    for (const group of openGroups()) schedule(group, 'all', WATCH_DELAY_MS)
    return
  }
  // A disk change matters to the open documents only through the corpus pass (lintFolder skips them when it is off).
  for (const group of touched.values()) schedule(group, undefined, WATCH_DELAY_MS)
})

connection.onCodeAction((params) => {
  const only = params.context.only
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.'))) return []
  const document = documents.get(params.textDocument.uri)
  if (!document) return []
  return quickFixes(document.uri, params.context.diagnostics, (range) => document.getText(range))
})

// One handler (a second `onInitialized` would replace the first).
connection.onInitialized(() => {
  if (watchRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        {globPattern: `**/*.{${CORPUS_EXTENSIONS.join(',')}}`},
        {globPattern: `**/{${[...CONFIG_FILES].join(',')}}`},
      ],
    })
  }
  if (!workspaceFolderEvents) return
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const removed = new Set(event.removed.map((folder) => filePath(folder.uri)))
    folders = folders.filter((folder) => !removed.has(folder))
    for (const folder of event.added) {
      const file = filePath(folder.uri)
      if (file && !folders.includes(file)) folders.push(file)
    }
    for (const folder of removed) if (folder) corpora.delete(folder)
    for (const group of openGroups()) schedule(group, 'all', WATCH_DELAY_MS)
  })
})

documents.listen(connection)
connection.listen()
