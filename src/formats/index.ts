/**
 * Input formats. A format decides which files a folder holds for it and how a document's text
 * becomes the nlcst tree the rules run on; positions always point into the file the user has.
 */
import path from 'node:path'
import retextEnglish from 'retext-english'
import type {Processor} from 'unified'
import {renderHtml} from './html.js'
import type {Layout} from '../../rules/kit/layout.js'
import {renderMarkdown} from './markdown.js'
import type {Rendering} from './rendering.js'

/** A unified processor of any parser and plugins (formats add the parser, the engine the rules). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProcessor = Processor<any, any, any, any, any>

export const FORMAT_NAMES = ['text', 'markdown', 'html', 'jsonl'] as const
export type FormatName = (typeof FORMAT_NAMES)[number]

export interface Format {
  name: FormatName
  /** Extensions (no dot) that select this format, and that a folder is searched for (each also with `.gz`). */
  extensions: string[]
  /** Install the parser(s) that turn the document into nlcst. */
  parse: (processor: AnyProcessor) => AnyProcessor
  /**
   * Marked-up formats render the source to the prose text the rules read (one block a line, on its
   * source line where it can be) with a map back to the source; see `rendering.ts`.
   */
  render?: (source: string) => {rendering: Rendering; layout?: Layout}
  /** A container of many documents (JSON Lines): read record by record, each record is plain text. */
  container?: boolean
}

const english = (processor: AnyProcessor) => processor.use(retextEnglish)

// Every format lints prose with retext-english: marked-up formats are rendered to prose first (so
// the line-based rules see text, not markup) and their messages are mapped back to the source.
export const formats: Format[] = [
  {name: 'text', extensions: ['txt', 'text'], parse: english},
  {name: 'markdown', extensions: ['md', 'markdown'], parse: english, render: renderMarkdown},
  {name: 'html', extensions: ['html', 'htm'], parse: english, render: renderHtml},
  {name: 'jsonl', extensions: ['jsonl', 'ndjson'], parse: english, container: true},
]

const byName = new Map(formats.map((format) => [format.name, format]))

/** The format of a file: `override` if given, else by extension; anything unknown is plain text. */
export function formatOf(file: string, override?: FormatName): Format {
  if (override) return byName.get(override)!
  const base = isGzip(file) ? file.slice(0, -3) : file
  const extension = path.extname(base).slice(1).toLowerCase()
  return formats.find((format) => format.extensions.includes(extension)) ?? byName.get('text')!
}

/** Every extension some format claims: what a folder is searched for. */
export function knownExtensions(): string[] {
  const plain = formats.flatMap((format) => format.extensions)
  return [...plain, ...plain.map((extension) => extension + '.gz')]
}

/** Whether a file is gzip-compressed, by its name (`.gz`): it is decompressed as it is read. */
export function isGzip(file: string): boolean {
  return file.toLowerCase().endsWith('.gz')
}
