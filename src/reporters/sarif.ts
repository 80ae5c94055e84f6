/**
 * SARIF 2.1.0 report: one run, the rule registry as the driver's rules (with
 * help URIs and default levels), one result per message with its region, and
 * a fix where the message carries a single `expected` value.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type * as Sarif from 'sarif'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ruleUrl, type Rule} from '../../rules/kit/rule.js'
import {version} from '../version.js'
import {recordOf} from './record.js'

const levelOf = (message: VFileMessage): Sarif.Result.level => (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'note')

function region(message: VFileMessage): Sarif.Region | undefined {
  const place = message.place
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : undefined
  const result: Sarif.Region = {startLine: start.line, startColumn: start.column}
  if (end) {
    result.endLine = end.line
    result.endColumn = end.column
  }
  return result
}

function artifactUri(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath)
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).map(encodeURIComponent).join('/')
  return pathToFileURL(filePath).href
}

export function reportSarif(files: VFile[], rules: readonly Rule[], cwd: string): string {
  const index = new Map(rules.map((rule, i) => [rule.meta.id, i]))
  const results: Sarif.Result[] = []
  for (const file of files) {
    // A JSON Lines record is a line of its file: the location is that file and line, the record a
    // logical location, and the place inside the record's text a property (its columns are not
    // the file's, which holds the text escaped as JSON).
    const record = recordOf(file)
    const uri = artifactUri(record ? path.resolve(file.cwd, record.file) : file.path, cwd)
    const artifactLocation: Sarif.ArtifactLocation = uri.startsWith('file:') ? {uri} : {uri, uriBaseId: '%SRCROOT%'}
    for (const message of file.messages) {
      const where = region(message)
      const location: Sarif.Location = record
        ? {
            physicalLocation: {artifactLocation, region: {startLine: record.line}},
            logicalLocations: [{name: record.id ?? `L${record.line}`, fullyQualifiedName: `${record.file}#L${record.line}`, kind: 'object'}],
          }
        : {physicalLocation: where ? {artifactLocation, region: where} : {artifactLocation}}
      const result: Sarif.Result = {
        ruleId: message.ruleId ?? undefined,
        level: levelOf(message),
        message: {text: message.note ? `${message.reason}\n${message.note}` : message.reason},
        locations: [location],
      }
      if (record && where) result.properties = {textRegion: where}
      const ruleIndex = message.ruleId ? index.get(message.ruleId) : undefined
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex
      if (!record && where && message.expected && message.expected.length === 1 && where.endLine !== undefined) {
        const inserted = message.expected[0]
        result.fixes = [
          {
            description: {text: inserted === '' ? 'Remove' : `Replace with ${JSON.stringify(inserted)}`},
            artifactChanges: [{artifactLocation, replacements: [{deletedRegion: where, insertedContent: {text: inserted}}]}],
          },
        ]
      }
      results.push(result)
    }
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scrapelint',
            version,
            informationUri: 'https://github.com/scrapelint/scrapelint',
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: {text: rule.meta.description},
              helpUri: ruleUrl(rule.meta.id),
              defaultConfiguration: {level: rule.meta.level === 'error' ? 'error' : rule.meta.level === 'warn' ? 'warning' : 'none', enabled: rule.meta.level !== 'off'},
            })),
          },
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd + path.sep).href}},
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return JSON.stringify(log, undefined, 2)
}
