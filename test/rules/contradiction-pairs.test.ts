/**
 * The contradiction rule on sentence pairs written for the tests
 * (test/fixtures/contradiction-pairs.json): each sentence is its own
 * document; a pair is flagged when both documents get a message.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, test} from 'vitest'
import {lintCase} from '../helpers/rule-tester.js'

interface Pair {
  a: string
  b: string
  type?: string
  why?: string
  context?: string
}
const pairs = JSON.parse(readFileSync(new URL('../fixtures/contradiction-pairs.json', import.meta.url), 'utf8')) as {
  contradictions: Pair[]
  compatible: Pair[]
  heldout_contradictions: Pair[]
  heldout_compatible: Pair[]
}
async function flagged(pair: Pair): Promise<boolean> {
  const before = pair.context ? pair.context + ' ' : ''
  const files = await lintCase('contradiction', {corpus: [{path: 'a.txt', text: before + pair.a}, {path: 'b.txt', text: before + pair.b}]})
  return files.every((file) => file.messages.some((message) => message.ruleId === 'contradiction'))
}

describe('contradiction on sentence pairs', () => {
  test('fixture has enough pairs of each type', () => {
    expect(pairs.contradictions.length).toBeGreaterThanOrEqual(50)
    expect(pairs.compatible.length).toBeGreaterThanOrEqual(100)
    const types = new Set(pairs.contradictions.map((pair) => pair.type))
    expect([...types].sort()).toEqual(['antonym', 'date', 'modality', 'negation', 'numeric'])
  })

  async function score(name: string, contradictions: Pair[], compatible: Pair[]) {
    let truePositives = 0
    let falsePositives = 0
    const missed: Pair[] = []
    const wrong: Pair[] = []
    for (const pair of contradictions) {
      if (await flagged(pair)) truePositives++
      else missed.push(pair)
    }
    for (const pair of compatible) {
      if (await flagged(pair)) {
        falsePositives++
        wrong.push(pair)
      }
    }
    const precision = truePositives / Math.max(1, truePositives + falsePositives)
    const recall = truePositives / contradictions.length
    console.log(`contradiction pairs (${name}): precision ${precision.toFixed(3)} (${falsePositives} of ${compatible.length} compatible pairs flagged), recall ${recall.toFixed(3)} (${truePositives} of ${contradictions.length})`)
    for (const pair of missed) console.log(`  missed [${pair.type}] ${pair.a} | ${pair.b}`)
    for (const pair of wrong) console.log(`  false positive [${pair.why}] ${pair.a} | ${pair.b}`)
    return {precision, recall}
  }

  test('precision and recall on the pairs the rule was developed on', async () => {
    const {precision, recall} = await score('development', pairs.contradictions, pairs.compatible)
    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.9)
  })

  test('precision and recall on held-out pairs', async () => {
    expect(pairs.heldout_contradictions.length).toBeGreaterThanOrEqual(20)
    expect(pairs.heldout_compatible.length).toBeGreaterThanOrEqual(30)
    const {precision, recall} = await score('held out', pairs.heldout_contradictions, pairs.heldout_compatible)
    expect(precision).toBeGreaterThanOrEqual(0.9)
    expect(recall).toBeGreaterThanOrEqual(0.5)
  })
})
