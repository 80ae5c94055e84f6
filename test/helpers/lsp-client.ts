/**
 * A minimal LSP client for the tests: the built server as a child process,
 * JSON-RPC over its stdio through vscode-jsonrpc, every published
 * diagnostic kept in order so a test can wait for the one it expects.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import type {CodeAction, Diagnostic, InitializeResult, PublishDiagnosticsParams, Range} from 'vscode-languageserver-protocol'
import {root} from './build.js'

export const serverPath = path.join(root, 'dist', 'src', 'lsp', 'server.js')

export function uriOf(file: string): string {
  return pathToFileURL(file).href
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams
  readonly connection: MessageConnection
  /** Every publishDiagnostics the server sent, in order. */
  readonly published: PublishDiagnosticsParams[] = []
  readonly registrations: unknown[] = []
  readonly stderr: string[] = []
  private waiters: Array<() => void> = []

  /** `command`: the server to start (default: the build in dist/, run by this node). */
  constructor(cwd: string, command: string[] = [process.execPath, serverPath, '--stdio'], env?: NodeJS.ProcessEnv) {
    this.child = spawn(command[0], command.slice(1), {cwd, stdio: 'pipe', env: env ?? process.env})
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')))
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin))
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params)
      for (const wake of this.waiters.splice(0)) wake()
    })
    this.connection.onNotification('window/logMessage', () => {})
    this.connection.onNotification('window/showMessage', () => {})
    this.connection.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params)
      return null
    })
    this.connection.listen()
  }

  async initialize(folder: string): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{uri: uriOf(folder), name: path.basename(folder)}],
      capabilities: {
        textDocument: {publishDiagnostics: {versionSupport: true, codeDescriptionSupport: true, dataSupport: true}, codeAction: {}},
        workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, workspaceFolders: true},
      },
    })
    await this.connection.sendNotification('initialized', {})
    return result
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
  }

  change(uri: string, version: number, contentChanges: Array<{range?: Range; text: string}>) {
    return this.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges})
  }

  close(uri: string) {
    return this.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  }

  watchedFilesChanged(changes: Array<{uri: string; type: 1 | 2 | 3}>) {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', {changes})
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range, context: {diagnostics}})
  }

  /** The first publication from index `from` on that satisfies `test`. */
  async waitFor(test: (params: PublishDiagnosticsParams) => boolean, from = 0, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs
    for (let index = from; ; ) {
      for (; index < this.published.length; index++) if (test(this.published[index])) return this.published[index]
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new Error(`no matching publishDiagnostics in ${timeoutMs} ms; got ${JSON.stringify(this.published.slice(from))}\nserver stderr: ${this.stderr.join('')}`)
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Shut down politely, then make sure the process is gone. */
  async stop() {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve()
      else this.child.once('exit', () => resolve())
    })
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))])
      await this.connection.sendNotification('exit')
    } catch {
      // The server is already gone.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
    this.connection.dispose()
  }
}
