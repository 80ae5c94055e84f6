import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import pageFurniture from '../../rules/page-furniture.js'
import {hasShared, sharedDir} from '../helpers.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(pageFurniture)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => {
    const place = m.place && 'start' in m.place ? m.place : undefined
    return {line: m.line, endLine: place?.end.line, actual: m.actual, expected: m.expected, removed: place ? text.slice(place.start.offset, place.end.offset) : undefined}
  })
}

const P1 = 'The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its supports during a routine inspection.'
const P2 = 'Traffic will be diverted through the industrial estate for at least six weeks, and the bus company says it will add extra services at peak times.'
const P3 = 'Residents who live beside the diversion route have asked for a temporary speed limit, which the council says it will consider at its next meeting.'

describe('page-furniture', () => {
  it('reports the menu before the article and the share row, links and footer after it, as whole lines', async () => {
    const text = ['Home', 'News', 'Sport', 'Weather', 'Log in', '', 'Bridge to close for repairs', '', P1, '', P2, '', P3, '', 'Share this:', 'Facebook', 'Twitter', 'Related stories', 'Council tax to rise next year', '© 2019 Example News. All rights reserved.', 'Privacy Policy'].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => [m.line, m.endLine])).toEqual([
      [1, 8],
      [15, 21],
    ])
    expect(messages[0].removed).toBe('Home\nNews\nSport\nWeather\nLog in\n\nBridge to close for repairs\n')
    expect(messages[1].removed).toBe(text.slice(text.indexOf('Share this:')))
    for (const message of messages) {
      expect(message.expected).toEqual([''])
      expect(message.removed).toBe(message.actual)
    }
  })

  it('reports a comment thread after the article, even though comments are sentences', async () => {
    const text = [P1, '', P2, '', '12 responses to “Bridge to close”', '', 'jdoe says:', 'November 19, 2019 at 6:34 am', '', 'This bridge has been falling apart for years and nobody in the council has ever cared about the people who use it every day.', '', 'asmith says:', 'November 19, 2019 at 6:44 am', '', 'About time.'].join('\n')
    const messages = await lint(text)
    expect(messages).toHaveLength(1)
    expect(messages[0].line).toBe(5)
    expect(messages[0].removed).toBe(text.slice(text.indexOf('12 responses')))
  })

  it('does not take a site blurb or newsletter pitch far out in the footer for the end of the article', async () => {
    const footer = ['Share', 'Facebook', 'Twitter', 'Most read', 'Council tax to rise', 'School wins award', 'Storm warning issued', 'Road closures this week', 'Contact us']
    const blurb = 'Example News brings you the latest local news, sport and weather from across the county, every day of the year, with more than forty reporters.'
    const text = [P1, '', P2, '', ...footer, blurb, 'Terms of use', 'Privacy'].join('\n')
    const messages = await lint(text)
    expect(messages).toHaveLength(1)
    expect(messages[0].removed).toBe([...footer, blurb, 'Terms of use', 'Privacy'].join('\n'))
  })

  it('leaves the article alone: short lines without furniture, a numbered list, sentences right after the last paragraph, the inside', async () => {
    const tourDates = ['June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre', 'June 10 – Tampa, FL @ Arena', 'June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre', 'June 17 – Nashville, TN @ Bridgestone Arena']
    expect(await lint(['Tour dates', '', P1, '', P2, '', ...tourDates].join('\n'))).toEqual([])
    const products = ['1) Lego Star Wars set', 'http://amzn.to/2iJFhRj', '2) Polistil racing track', 'http://amzn.to/2hZfWFJ', '3) Nolan box set', 'http://amzn.to/2hWw372', 'Share', 'Facebook']
    expect(await lint([P1, '', P2, '', ...products].join('\n'))).toEqual([])
    expect(await lint([P1, '', P2, '', 'Originally published on Live Science.', 'Reporting by Jane Doe; editing by John Roe.'].join('\n'))).toEqual([])
    // A menu between two paragraphs of the article is inside it: not this rule's business.
    expect(await lint([P1, '', 'Share', 'Facebook', 'Twitter', '', P2, '', P3].join('\n'))).toEqual([])
    expect(await lint('Just a short note.\nNothing else here.')).toEqual([])
    expect(await lint('')).toEqual([])
  })

  it('finishes on hostile input (long runs of spaces, cue words and symbols; within the test timeout)', async () => {
    const messages = await lint(('Share ' + ' '.repeat(5000) + 'x\n').repeat(50) + 'says:'.repeat(10000) + '\n' + P1 + '\n' + '©'.repeat(20000))
    expect(Array.isArray(messages)).toBe(true)
  })

  it.skipIf(!hasShared)('is silent on the 62 clean article bodies (skipped without ../shared/data)', async () => {
    const dir = path.join(sharedDir, 'data', 'article-extraction-dev')
    const found: string[] = []
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.body.txt'))) {
      for (const message of await lint(fs.readFileSync(path.join(dir, name), 'utf8'))) found.push(`${name}:${message.line}`)
    }
    expect(found).toEqual([])
  }, 120_000)
})
