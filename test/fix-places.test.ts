/**
 * Every fixable message covers exactly the text it replaces: `text.slice(place offsets) === actual`,
 * on the seeds and on the 62 real pages, and a fix of line-level residue takes whole lines with their
 * line ending. (An editor's quick fix and `--fix` both trust these offsets.)
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintTexts} from '../src/engine.js'
import {hasShared, root, sharedDir} from './helpers.js'

const pagesDir = path.join(sharedDir, 'data', 'article-extraction-dev')

/** Rules whose fixes remove whole lines. */
const LINE_RULES = new Set(['fake-author-block', 'page-furniture', 'shared-boilerplate', 'toc-residue'])

async function audit(inputs: Array<{path: string; value: string}>) {
  // Rules without fixes are off: they cannot break this, and they are the slow ones.
  const files = await lintTexts(inputs, {cwd: root, rules: {contradiction: 'off', 'incomplete-quote': 'off', 'keyword-stuffing': 'off'}})
  const problems: string[] = []
  let checked = 0
  for (const file of files) {
    const text = String(file)
    for (const message of file.messages) {
      if (message.expected === undefined) continue
      checked++
      const where = `${file.path}:${message.place && 'start' in message.place ? message.place.start.line : '?'} ${message.ruleId}`
      const place = message.place
      if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined) {
        problems.push(`${where}: no offsets`)
        continue
      }
      const slice = text.slice(place.start.offset, place.end.offset)
      if (message.actual === undefined) problems.push(`${where}: no actual`)
      else if (slice !== message.actual) problems.push(`${where}: place covers ${JSON.stringify(slice.slice(0, 60))}, actual is ${JSON.stringify(message.actual.slice(0, 60))}`)
      if (LINE_RULES.has(message.ruleId ?? '')) {
        const start = place.start.offset
        const end = place.end.offset
        const wholeLines = (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end - 1] === '\n')
        if (!wholeLines) problems.push(`${where}: a line-level removal that does not cover whole lines with their line ending`)
      }
    }
  }
  return {problems, checked}
}

describe('fixable messages cover exactly the text they replace', () => {
  it('on the seeds', async () => {
    const inputs = fs.readdirSync(path.join(root, 'seeds')).filter((name) => name.endsWith('.txt')).map((name) => ({path: `seeds/${name}`, value: fs.readFileSync(path.join(root, 'seeds', name), 'utf8')}))
    const {problems, checked} = await audit(inputs)
    expect(checked).toBeGreaterThan(20)
    expect(problems).toEqual([])
  }, 120_000)

  it.skipIf(!hasShared)('on the 62 real pages (skipped without ../shared/data)', async () => {
    const inputs = fs.readdirSync(pagesDir).filter((name) => name.endsWith('.page.txt')).map((name) => ({path: path.join(pagesDir, name), value: fs.readFileSync(path.join(pagesDir, name), 'utf8')}))
    expect(inputs.length).toBe(62)
    const {problems, checked} = await audit(inputs)
    expect(checked).toBeGreaterThan(100)
    expect(problems).toEqual([])
  }, 300_000)
})
