/**
 * A worker thread of the per-document pass (piscina). It resolves the
 * document's config itself (cosmiconfig, cached per thread), runs
 * `lintDocument`, and sends back a compact DocumentRecord: messages and facts,
 * never the text.
 */
import path from 'node:path'
import {VFile} from 'vfile'
import {ConfigLoader, type ResolvedConfig, type RuleSetting} from './config.js'
import {createProcessor, lintDocument, type AnyProcessor} from './document.js'
import {toDocumentRecord, type DocumentRecord} from './facts.js'
import {formatOf, type Format} from './formats/index.js'
import type {Layout} from '../rules/kit/layout.js'

export interface WorkerTask {
  path: string
  cwd: string
  value: string
  config?: string | false
  rules?: Record<string, RuleSetting>
  windowSize?: number
  /** An HTML or Markdown document's layout (src/formats/layout.ts): evidence rules read from `file.data`. */
  layout?: Layout
}

const loaders = new Map<string, ConfigLoader>()
const processors = new WeakMap<ResolvedConfig, Map<Format, AnyProcessor>>()

export default async function lintInWorker(task: WorkerTask): Promise<DocumentRecord> {
  const key = JSON.stringify([task.cwd, task.config, task.rules])
  let loader = loaders.get(key)
  if (!loader) loaders.set(key, (loader = new ConfigLoader({cwd: task.cwd, config: task.config, overrides: task.rules})))
  const config = await loader.forFolder(path.dirname(path.resolve(task.cwd, task.path)))
  const format = formatOf(task.path)
  let byFormat = processors.get(config)
  if (!byFormat) processors.set(config, (byFormat = new Map()))
  let processor = byFormat.get(format)
  if (!processor) byFormat.set(format, (processor = createProcessor(config, format)))
  const input = new VFile({path: task.path, cwd: task.cwd, value: task.value})
  if (task.layout) input.data.layout = task.layout
  const file = await lintDocument(input, processor, config, task.windowSize)
  return toDocumentRecord(file)
}
