/**
 * Dirty articles written for recall (test/fixtures/dirty: twenty articles on sport, finance, health,
 * tech, local news, recipes, travel, science, gardening, a wiki-style history ...), each with 2-6
 * planted defects in forms the seeds do not have: author blocks as text tables, JSON-like records
 * and one-line bylines, quotes cut after a pronoun, a conjunction or an article, printf slots and
 * program values, prompt leaks, empty contents boxes under other names, edit links and maintenance
 * tags, headings glued without a colon, calls to share in other wordings, keyword lists, spun
 * sentences. expected.json lists every planted defect: file, line and rule.
 *
 * The whole engine runs over the folder as one corpus. Every entry must be found (a message of its
 * rule whose place covers its line; keyword-stuffing is about the whole file, so any message of the
 * rule in the file counts), except those in KNOWN_MISSES, each with why it is missed. A known miss
 * that starts being found does not fail the test; remove it from the list.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/engine.js'
import {root} from './helpers.js'

interface Expected {
  file: string
  line: number
  ruleId: string
  anchor: string
}

const folder = path.join(root, 'test', 'fixtures', 'dirty')
const expected = JSON.parse(fs.readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Expected[]
const FILE_LEVEL = new Set(['keyword-stuffing'])

/** Planted defects the rules do not find yet: `file:line ruleId`, with why. */
const KNOWN_MISSES: Record<string, string> = {
  // incomplete-quote: stranded words English allows elsewhere.
  '01-derby-report.txt:9 incomplete-quote': '`that we had to.`: verb-phrase ellipsis is grammatical (`I didn\'t mean to`); only the context says a word is missing.',
  '02-mortgage-rates.txt:21 incomplete-quote': '`should not assume that.`: `that` can be a demonstrative object (`nobody expected that`).',
  '05-council-budget.txt:11 incomplete-quote': '`who cannot afford to.`: the same ellipsis as `had to`.',
  '14-school-phones.txt:17 incomplete-quote': '`how well the ban is.`: a copula can end an embedded wh-clause (`how good the ban is`).',
  // fake-author-block: a short block of plausible values.
  '07-cloud-outage.txt:29 fake-author-block': 'one-line byline of 4 fields scores 3.5 (faker name 1, free-mail address matching the name 0.5, 555-01xx phone 1, `Schinner LLC` 1) under the threshold 4: real contact boxes look the same.',
  // duplicate-sentence: spins that merge sentences (synonyms are folded, but each original is only partly repeated).
  '13-tomato-growing.txt:21 duplicate-sentence': 'a spun merge of two sentences (`Tomatoes in pots need watering every day ... Irregular watering leads to split fruit`): each original is only partly repeated.',
  '18-ev-review.txt:27 duplicate-sentence': 'spun copies of three short sentences merged into two: each has fewer than 10 distinct content words.',
  '20-budget-apps.txt:33 duplicate-sentence': 'view/look at and move/shift are folded now, but the copy also takes in the next sentence (`All are regulated by the Financial Conduct Authority`) and rewrites `without your permission`: 8 of the first one\'s 11 content words (73%), 4 words in a row; and, a one-sentence paragraph, it reads as a pull quote of a sentence that shares its line.',
  // keyword-stuffing: stuffing without any of the rule's cues (quoted, glued names, packed, back to back).
  '14-school-phones.txt:25 keyword-stuffing': '`school phone ban` 3 times in a `Tags:` list: below minCount.',
}

describe('dirty articles', () => {
  it('have their planted defects found, but for the known misses', async () => {
    const result = await lint([folder], {cwd: root, config: false})
    expect(result.errors).toEqual([])
    expect(result.files.length).toBe(20)
    const byFile = new Map(result.files.map((file) => [path.basename(file.path), file.messages]))
    const missed: string[] = []
    for (const entry of expected) {
      const messages = byFile.get(entry.file) ?? []
      const found = messages.some((message) => {
        if (message.ruleId !== entry.ruleId) return false
        if (FILE_LEVEL.has(entry.ruleId)) return true
        const start = message.place && 'start' in message.place ? message.place.start.line : message.line ?? 0
        const end = message.place && 'end' in message.place ? message.place.end.line : start
        return start <= entry.line && entry.line <= end
      })
      const key = `${entry.file}:${entry.line} ${entry.ruleId}`
      if (!found && !(key in KNOWN_MISSES)) missed.push(`${key}: ${entry.anchor}`)
    }
    expect(missed).toEqual([])
  })

  it('list only known misses that are planted defects', () => {
    const keys = new Set(expected.map((entry) => `${entry.file}:${entry.line} ${entry.ruleId}`))
    expect(Object.keys(KNOWN_MISSES).filter((key) => !keys.has(key))).toEqual([])
  })
})
