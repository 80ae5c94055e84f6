/**
 * Input formats. A format decides which files a folder holds for it and how a document's text
 * becomes the nlcst tree the rules run on; positions always point into the file the user has.
 */
import path from 'node:path'
import retextEnglish from 'retext-english'
import type {AnyProcessor} from '../document.js'

export type FormatName = 'text'

export interface Format {
  name: FormatName
  /** Extensions (no dot) that select this format, and that a folder is searched for. */
  extensions: string[]
  /** Install the parser(s) that turn the document into nlcst. */
  parse: (processor: AnyProcessor) => AnyProcessor
}

export const formats: Format[] = [
  {name: 'text', extensions: ['txt', 'text'], parse: (processor) => processor.use(retextEnglish)},
]

const byName = new Map(formats.map((format) => [format.name, format]))

/** The format of a file: `override` if given, else by extension; anything unknown is plain text. */
export function formatOf(file: string, override?: FormatName): Format {
  if (override) return byName.get(override)!
  const extension = path.extname(file).slice(1).toLowerCase()
  return formats.find((format) => format.extensions.includes(extension)) ?? byName.get('text')!
}

/** Every extension some format claims: what a folder is searched for. */
export function knownExtensions(): string[] {
  return formats.flatMap((format) => format.extensions)
}
