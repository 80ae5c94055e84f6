import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import linkResidue from '../../rules/link-residue.js'
import {lintCase, ruleTester, type ExpectedMessage} from '../helpers/rule-tester.js'

const paragraph = (topic: string) =>
  `The council approved the new budget for ${topic} after a long debate on Tuesday evening. Members argued about the cost, but most agreed that the plan was overdue and that residents had waited long enough.`
const join = (...lines: string[]) => lines.join('\n')

const TAIL = ": title-like lines without sentence punctuation outside the article's prose, left from the page's related links or navigation"
/** A block of `count` stranded link lines from `first`, on lines `line` to `endLine`, removing `actual`. */
const block = (count: number, first: string, line: number, endLine: number, actual: string): ExpectedMessage => ({
  reason: `${count} stranded link lines from "${first}"${TAIL}`,
  line,
  endLine,
  column: 1,
  actual,
  expected: [''],
})
/** One stranded link line. */
const single = (label: string, line: number, endLine: number, actual: string): ExpectedMessage => ({
  reason: `Stranded link line "${label}": a title-like line without sentence punctuation outside the article's prose, left from the page's related links or navigation`,
  line,
  endLine,
  column: 1,
  actual,
  expected: [''],
})
const ANY = /^(\d+ stranded link lines from|Stranded link line) "/

const related = join('Town Approves Budget', '', paragraph('the harbour'), '', 'Storm Closes Coastal Road For Third Day | Harbour Gazette', '', 'Mayor promises new ferry terminal as council debates', '', 'Local Bakery Wins National Award For Sourdough Loaf')
const twice = ['Related Posts:', 'Heatwave pushes power demand to a record high', 'Heatwave pushes power demand to a record high']
const glued = 'Storm Closes Coastal Road For Third Day | Harbour Gazette'
const gluedLine = paragraph('the port') + ' ' + glued
const names = ['Brick arches', 'King piers', 'Teal Valley', 'Edith Marlow', 'Ashby Cross']
const seeAlsoBox = join(paragraph('harbours'), '', 'See also', '', 'Storm Closes Coastal Road For Third Day | Harbour Gazette', 'Mayor promises new ferry terminal as council debates')
const linkedProse = 'The [Real Bread Campaign](https://example.org/bread) has useful guides for home bakers, and [this article](https://example.org/science) on the microbes in starters is a clear introduction.'
const markdownLinks = ['- [Storm Closes Coastal Road For Third Day](https://example.org/a)', '- [Mayor Promises New Ferry Terminal As Council Debates](https://example.org/b)']
const dataLeague = [paragraph('football'), '', '1 | Liverpool | 20 | 48', '2 | Arsenal | 20 | 46', '3 | Aston Villa | 20 | 42']
const menu = ['Home', 'News', 'Page 2', 'Page 3', 'Contact', 'About']
const headlines = ['Related Stories', '5 Things To Know About The Rate Cut', '10 Best Beaches In Portugal For 2024', '3 Dead After Storm Hits Coast']
const published = ['Iran Opens Airspace | Reuters', 'Court Dismisses Objection | Reuters', 'Storm Hits Coast | Reuters']
const adverts = join(paragraph('parks'), '', 'Advertisement', '', paragraph('libraries'), 'Story continues below advertisement', paragraph('roads'))
const bridge = join(paragraph('bridges'), '', 'Bridge Repairs Delayed Again, Officials Say | City Times')

ruleTester('link-residue', {
  valid: [
    {
      name: 'does not report section headings followed by their paragraph, nor the title',
      text: join('How the Valley Rebuilt Its Orchards After the Flood', '', 'The Growers Who Stayed', '', paragraph('orchards'), '', 'What Comes Next for the Cooperative', '', paragraph('cooperatives')),
    },
    {name: "does not report the article's own `See also` section (a heading on its own line over names of topics)", text: join(paragraph('viaducts'), '', 'See also', '', 'List of railway viaducts in England', 'Teal Valley Way')},
    {name: 'does not report a `Further reading:` section', text: join(paragraph('viaducts'), '', 'Further reading:', 'Brick Railway Viaducts of the North', 'The Teal Valley Railway 1864 to 1966')},
    {name: 'does not report a list of short names under `See also`', text: join(paragraph('viaducts'), '', 'See also', ...names)},
    {
      name: 'does not report a line the Markdown marks as a heading when a paragraph follows (Related stories)',
      format: 'markdown',
      text: join(paragraph('bakeries'), '', '## Related stories', '', linkedProse),
    },
    {name: 'does not report a line the Markdown marks as a heading when a paragraph follows (Further reading)', format: 'markdown', text: join(paragraph('bakeries'), '', '## Further reading', '', linkedProse)},
    {
      name: 'does not report lists the article introduces',
      text: join(paragraph('concerts'), '', 'The band will play the following dates:', '', 'June 9 – Tampa, FL @ Coral Sky Amphitheatre', 'June 10 – Atlanta, GA @ Ameris Bank Amphitheatre', 'June 14 – Nashville, TN @ Bridgestone Arena'),
    },
    {name: 'does not report product rows', text: join(paragraph('games'), '', 'What you get:', 'Hundreds of amazing puzzles that will keep the whole family busy', 'Dozens of levels that will test your patience and your wits')},
    {
      // `Price as tested: 38,995`, a caption and label/value rows (two spaces between), then a record whose `|` is not a publisher's
      name: 'does not report a spec table',
      text: join(paragraph('cars'), '', 'Price as tested: 38,995', '', 'Test car details', 'Name  Voltra E5 Long Range', 'Battery  77kWh', 'Range  310 miles', '', 'Tested by: Kozey Skiles | Email: kub@example.com | Handle: @gk_keeling | Followers: 12044'),
    },
    {name: 'does not report a league table', text: join(paragraph('football'), '', 'Pos | Team | P | W | D | L | Pts', '1 | Liverpool | 20 | 15 | 3 | 2 | 48', '2 | Arsenal | 20 | 14 | 4 | 2 | 46', '3 | Aston Villa | 20 | 13 | 3 | 4 | 42')},
    {name: 'does not report a league table with spaces', text: join(paragraph('football'), '', 'Table', '1 Liverpool 20 15 3 2 48', '2 Arsenal 20 14 4 2 46', '3 Aston Villa 20 13 3 4 42', '4 Manchester City 19 12 4 3 40')},
    {name: 'does not report an ingredient list', text: join(paragraph('soup'), '', 'Ingredients', '', '250g Red Lentils', '1 Large Onion, Finely Chopped', '2 Cloves Garlic, Crushed', '1 tbsp Olive Oil', '1 litre Vegetable Stock', '2 eggs')},
    {name: 'does not report a timetable', text: join(paragraph('trains'), '', 'Weekday Departures From Harbour Street', '07:15  Central Station  07:42', '07:45  Central Station  08:12', '08:15  Airport  08:58')},
    {name: 'does not report a price list', text: join(paragraph('cafes'), '', 'Espresso £2.20', 'Latte £3.10', 'Mocha £3.20', 'Tea £2.40', 'Croissant £2.00')},
    {
      name: 'does not report a table of contents (toc-residue judges it) or prose without a period',
      text: join('Table of Contents', '- Early Years in the Mill Town', '- The Move to the Coast', 'Early Years in the Mill Town', paragraph('mills')),
    },
    {
      // Prose about advertising, a heading that starts with the word, a list item: not labels.
      name: 'does not take prose about advertising, a heading or a list item for an advertisement label',
      text: join(paragraph('parks'), '', 'Advertising Revenue Falls', '', paragraph('advertising'), '', 'The advertisement ran for a week.', '- Advertisement', paragraph('roads')),
    },
    {name: 'respects minScore', text: bridge, options: {minScore: 10}},
  ],
  invalid: [
    {
      name: 'reports a block of related headlines after the article, with a publisher suffix, as one removal',
      text: related,
      messages: [block(3, 'Storm Closes Coastal Road For Third Day | Harbour Gazette', 5, 9, related.split('\n').slice(4).join('\n'))],
      output: join('Town Approves Budget', '', paragraph('the harbour')),
    },
    {
      name: 'reports a headline scraped twice (image link + text link) and a link label block',
      text: join(paragraph('schools'), '', ...twice, '', paragraph('roads')),
      messages: [{reason: ANY, line: 3, endLine: 6, expected: [''], actual: twice.join('\n') + '\n'}],
      output: join(paragraph('schools'), '', paragraph('roads')),
    },
    {
      name: 'reports `Also Read:` lines inside the article',
      text: join(paragraph('parks'), '', 'Also Read: Five Trails That Locals Keep To Themselves', '', paragraph('libraries')),
      messages: [{reason: ANY, line: 3, actual: 'Also Read: Five Trails That Locals Keep To Themselves\n'}],
      output: join(paragraph('parks'), '', paragraph('libraries')),
    },
    {
      name: 'reports a headline glued to the end of a paragraph, from the space before it',
      text: join(gluedLine, '', glued),
      messages: [
        {
          reason: `Headline "${glued}" glued to the end of a paragraph: a related-article link the scraper joined to the text, not part of the sentence before it`,
          line: 1,
          endLine: 1,
          column: gluedLine.indexOf(' Storm') + 1,
          actual: ' ' + glued,
          expected: [''],
        },
        {reason: ANY, line: 3},
      ],
      output: paragraph('the port'),
    },
    {
      name: 'reports a navigation menu of short lines',
      text: join('Home', 'World', 'Business', 'Sport', 'Culture', 'Opinion', '', paragraph('trams')),
      // `Opinion` stands right before the paragraph: it may be the article's heading, so it is left alone
      messages: [{reason: ANY, line: 1, endLine: 6, actual: 'Home\nWorld\nBusiness\nSport\nCulture\n'}],
      output: join('Opinion', '', paragraph('trams')),
    },
    {
      // The same short names without the heading are a menu.
      name: 'reports short names without a `See also` heading as a menu',
      text: join(paragraph('viaducts'), '', ...names),
      messages: [block(5, 'Brick arches', 3, 7, names.join('\n'))],
      output: paragraph('viaducts'),
    },
    {
      name: 'reports a `See also` box of related headlines: a headline cue under the heading makes it a links box',
      text: seeAlsoBox,
      messages: [block(3, 'See also', 3, 6, seeAlsoBox.split('\n').slice(2).join('\n'))],
      output: paragraph('harbours'),
    },
    {
      // The same words in plain text carry no such mark: a link label over a paragraph (a teaser) is reported.
      name: 'reports a link label over a paragraph in plain text',
      text: join(paragraph('bakeries'), '', 'Related stories', '', linkedProse),
      messages: [single('Related stories', 3, 4, 'Related stories\n')],
      output: join(paragraph('bakeries'), '', linkedProse),
    },
    {
      // A heading over links, not over a paragraph, is still the label of a links box. The rule read the rendering,
      // so its removal does not hold in the Markdown source: no fix.
      name: 'reports a link list under a Markdown heading',
      format: 'markdown',
      text: join(paragraph('bakeries'), '', '## Related stories', '', ...markdownLinks),
      messages: [{reason: `3 stranded link lines from "Related stories"${TAIL}`, line: 3, actual: 'Related stories\n\n- Storm Closes Coastal Road For Third Day\n- Mayor Promises New Ferry Terminal As Council Debates', expected: undefined}],
      output: join(paragraph('bakeries'), '', '## Related stories', '', ...markdownLinks),
    },
    {
      name: 'still reports link lines next to a data table',
      text: join(...dataLeague, '', 'Related: Arsenal Stun Liverpool In Late Drama'),
      messages: [single('Related: Arsenal Stun Liverpool In Late Drama', 7, 7, 'Related: Arsenal Stun Liverpool In Late Drama')],
      output: join(...dataLeague),
    },
    {
      name: 'still reports a menu of short link labels',
      text: join(paragraph('trams'), '', ...menu),
      messages: [block(6, 'Home', 3, 8, menu.join('\n'))],
      output: paragraph('trams'),
    },
    {
      name: 'still reports headlines with numbers',
      text: join(paragraph('harbour'), '', ...headlines),
      messages: [block(4, 'Related Stories', 3, 6, headlines.join('\n'))],
      output: paragraph('harbour'),
    },
    {
      name: 'still reports headlines with a publisher',
      text: join(paragraph('harbour'), '', ...published),
      messages: [block(3, 'Iran Opens Airspace | Reuters', 3, 5, published.join('\n'))],
      output: paragraph('harbour'),
    },
    {
      name: 'reports a line that is only an advertisement label, inside the article too',
      text: adverts,
      messages: [single('Advertisement', 3, 4, 'Advertisement\n'), single('Story continues below advertisement', 6, 7, 'Story continues below advertisement\n')],
      output: join(paragraph('parks'), '', paragraph('libraries'), paragraph('roads')),
    },
    {name: 'reports a headline with a publisher at the default minScore', text: bridge, messages: [{reason: ANY}], output: paragraph('bridges')},
  ],
})

describe('link-residue', () => {
  it('stays linear on hostile input', async () => {
    const text = [
      'A'.repeat(200_000),
      '| '.repeat(50_000),
      ('word '.repeat(20) + '\n').repeat(2000),
      '. X'.repeat(50_000),
      'Range' + ' '.repeat(100_000) + '310',
      'Range  310 miles\nPrice: 38,995\n\n'.repeat(20_000),
      '1.'.repeat(50_000),
    ].join('\n')
    // the rule alone (it reads lines, not the tree): retext's parse of such input is not this rule's cost
    const file = new VFile({value: text})
    const start = Date.now()
    linkResidue()(undefined as never, file)
    expect(Date.now() - start).toBeLessThan(3000)
  })

  const data = path.resolve('../shared/data/clickbait-headlines/clickbait_data.gz')
  it.skipIf(!fs.existsSync(data))('reports real clickbait headlines stranded after an article (needs ../shared/data; skipped without it)', async () => {
    const headlines = zlib
      .gunzipSync(fs.readFileSync(data))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim().split(/\s+/).length >= 5)
    let found = 0
    let total = 0
    for (let i = 0; i < 40; i++) {
      const block = headlines.slice(i * 3, i * 3 + 3)
      const text = [paragraph('tourism'), '', ...block.flatMap((line) => [line, ''])].join('\n')
      const [file] = await lintCase('link-residue', text)
      total++
      if (file.messages.some((m) => m.line === 3)) found++
    }
    // stranded clickbait headlines are residue: most blocks must be found
    expect(found / total).toBeGreaterThan(0.5)
  })
})
