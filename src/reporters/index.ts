/** The report formats: stylish (stylish.ts, a terminal's width), json (vfile-reporter-json), sarif, html (one self-contained page). */
import type {VFile} from 'vfile'
import {reporterJson} from 'vfile-reporter-json'
import type {Rule} from '../../rules/kit/rule.js'
import {reportHtml} from './html.js'
import {reportSarif} from './sarif.js'
import {recordOf} from './record.js'
import {reportStylish} from './stylish.js'

export const FORMATS = ['stylish', 'json', 'sarif', 'html'] as const
export type Format = (typeof FORMATS)[number]

export interface ReportOptions {
  format: Format
  /** Errors only. */
  quiet?: boolean
  color?: boolean
  cwd: string
  /** The rules the run had (SARIF describes each of them; html colours and names them). */
  rules: readonly Rule[]
}

export function formatReport(files: VFile[], options: ReportOptions): string {
  const kept = options.quiet ? files.map((file) => onlyErrors(file)) : files
  switch (options.format) {
    case 'json':
      return withRecords(reporterJson(kept), kept)
    case 'sarif':
      return reportSarif(kept, options.rules, options.cwd)
    case 'html':
      return reportHtml(kept, options.rules)
    default:
      return reportStylish(kept, {color: options.color ?? false, quiet: options.quiet ?? false})
  }
}

/** A view of `file` with only its error-level messages (the file itself is left as it is). */
function onlyErrors(file: VFile): VFile {
  const view = Object.create(file) as VFile
  view.messages = file.messages.filter((message) => message.fatal === true)
  return view
}

/**
 * vfile-reporter-json's report (one entry per file, in order), with `record: {file, line, id}` on
 * the entry of each JSON Lines record: the file and line it is on, and its `id` or `url`.
 */
function withRecords(report: string, files: VFile[]): string {
  if (!files.some((file) => recordOf(file))) return report
  const entries = JSON.parse(report) as Array<Record<string, unknown>>
  files.forEach((file, index) => {
    const record = recordOf(file)
    if (record) entries[index].record = {file: record.file, line: record.line, ...(record.id === undefined ? {} : {id: record.id})}
  })
  return JSON.stringify(entries)
}
