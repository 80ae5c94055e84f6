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
    return {ruleId: m.ruleId, reason: m.reason, line: m.line, endLine: place?.end.line, actual: m.actual, expected: m.expected, removed: place ? text.slice(place.start.offset, place.end.offset) : undefined}
  })
}

const P1 = 'The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its supports during a routine inspection.'
const P2 = 'Traffic will be diverted through the industrial estate for at least six weeks, and the bus company says it will add extra services at peak times.'
const P3 = 'Residents who live beside the diversion route have asked for a temporary speed limit, which the council says it will consider at its next meeting.'

/** The message for `count` lines of furniture `where` the article's edge paragraph (at `paragraph`), removing `removed`. */
function furniture(count: number, where: 'after' | 'before', paragraph: number, line: number, endLine: number, removed: string) {
  const edge = where === 'after' ? 'last' : 'first'
  return {
    ruleId: 'page-furniture',
    reason: `${count} lines of page furniture ${where} the article's ${edge} paragraph (line ${paragraph}): menus, share rows, footers or related links the scraper kept`,
    line,
    endLine,
    actual: removed,
    expected: [''],
    removed,
  }
}

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

  it('ends the article at a furniture row followed by teasers of other stories (paragraphs standing apart among short lines)', async () => {
    const teasers = [
      ['Harbour ferry timetable changes from Monday', 'November 18, 2019 at 2:01 pm', 'The ferry company will run an hourly service through the winter months, with an extra boat on Saturdays, after a survey of passengers found that the old timetable left too many gaps in the morning.', 'Read More'],
      ['School wins regional science award', 'November 17, 2019 at 7:21 pm', 'Pupils from the primary school on Mill Lane built a weather station that sends readings to the county every hour, and the judges praised how the whole class took part in the project from the start.', 'Read More'],
    ].flat()
    const tail = ['Tags:', 'Roads', 'Jane Doe', '', 'More in Local News', '', ...teasers]
    const text = [P1, '', P2, '', P3, '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(12, 'after', 5, 7, 20, removed),
    ])
  })

  it("does not end the article at a site's notice: a trademark, privacy or ad-blocker paragraph after the share row goes with it", async () => {
    const notice = 'Apple logo, Apple TV, App Store, iPad and iPhone are registered trademarks of Apple Inc. Roku is a registered trademark of Roku, Inc. in the United States and other countries, and all other marks belong to their owners.'
    const tail = ['Facebook', 'Pinterest', 'Instagram', notice]
    const text = [P1, '', P2, '', P3, '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(4, 'after', 5, 7, 10, removed),
    ])
  })

  it('looks past site notices to find the gap between the article and a lone paragraph at the foot of the page', async () => {
    const tail = [
      'More In Local News',
      'Council tax to rise next year',
      'Advertise With Us',
      'Closed Captioning',
      'Digital Products',
      'Terms of Service',
      'News Tips',
      'Got a confidential news tip? We want to hear from you.',
      'Newsletters',
      'Sign up for our newsletters and get more local news delivered to your inbox every morning of the week.',
      '© 2019 Example News. All Rights Reserved.',
      'Market data is a real-time snapshot and is delayed at least fifteen minutes. Global business and financial news, stock quotes, market data and analysis.',
    ]
    const text = [P1, '', P2, '', P3, '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(12, 'after', 5, 7, 18, removed),
    ])
  })

  it('ends the page at its copyright line under the footer links: the sign-up forms and notices after it go too, prose or not', async () => {
    const footer = ['Share', 'Facebook', 'Terms of Use', 'Privacy Policy', 'Contact Us', '© 2019 Example News. All rights reserved']
    const overlay = [
      'Register',
      'E-mail:',
      'Password:',
      'We are committed to protecting your personal information and we have updated our rules to comply with the new regulation that went into effect on May 25, 2018.',
      'If you do not want us to continue processing your data, please click the link below to delete your account, and we will remove it within thirty days of your request.',
    ]
    const text = [P1, '', P2, '', P3, '', ...footer, ...overlay].join('\n')
    const removed = [...footer, ...overlay].join('\n')
    expect(await lint(text)).toEqual([
      furniture(11, 'after', 5, 7, 17, removed),
    ])
    // A photo credit with a copyright sign inside the article is not the page's footer.
    expect(await lint([P1, '', '© 2019 Jane Doe / Example Agency', '', P2, '', P3].join('\n'))).toEqual([])
  })

  it('takes lines cut off with an ellipsis (comment and story excerpts) for teasers, not for the last paragraph', async () => {
    const tail = [
      'Share this:',
      'Like this:',
      'Recent Comments',
      'Jane Roe: The bridge has needed new supports for years and the council kept putting it…',
      'John Doe: Congratulations to the engineers who found the cracks before anyone was hurt on…',
      'Ann Poe: Where will the lorries go while the bridge is closed for the repairs this…',
    ]
    const text = [P1, '', P2, '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(6, 'after', 3, 5, 10, removed),
    ])
    // A paragraph of the article that trails off is still the article, and nothing after it is furniture.
    expect(await lint([P1, '', P2, '', 'And then the council said it would think about it again next year, as it always does...'].join('\n'))).toEqual([])
  })

  it('does not start the article at sidebar paragraphs before a wide furniture gap when the article after it weighs twice as much', async () => {
    const quote = 'Quote of the day: the best time to plant a tree was twenty years ago, and the second best time is now.'
    const blurb = 'Example News is an independent site run by volunteers who write about the county.'
    const widget = ['Categories', 'Roads (15)', 'Schools (47)', 'Parks (16)', 'Housing (5)', 'Transport (68)', 'Weather (50)', 'RSS - Posts']
    const head = [quote, blurb, ...widget, '']
    const text = [...head, P1, '', P2, '', P3, '', P1.replace('Tuesday', 'Monday')].join('\n')
    const removed = head.slice(0, -1).join('\n') + '\n'
    expect(await lint(text)).toEqual([
      furniture(10, 'before', 12, 1, 11, removed),
    ])
    // The same widget between two halves of an article of equal weight is inside the article.
    expect(await lint([P1, '', P2, '', ...widget, '', P3, '', P1.replace('Tuesday', 'Monday')].join('\n'))).toEqual([])
  })

  it('does not end the article at paragraphs after a wide furniture gap when the article before it weighs twice as much', async () => {
    const gap = ['Share', 'Facebook', 'Pinterest', 'Instagram', 'Most Popular', 'Council tax to rise', 'School wins award', 'Storm warning issued']
    const promo = 'Results vary with the starting point and the effort, and the testimonials shown may have used more than one of our programmes to get there.'
    const disclaimer = 'Consult your doctor before you begin any exercise programme, and read the safety instructions that come with every product we sell.'
    const tail = [...gap, promo, disclaimer]
    const text = [P1, '', P2, '', P3, '', P1.replace('Tuesday', 'Monday'), '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(10, 'after', 7, 9, 18, removed),
    ])
    // After a short article, the same paragraphs are as heavy as the article: they stay.
    expect(await lint([P1, '', P2, '', ...gap, promo, disclaimer].join('\n'))).toEqual([])
  })

  it("takes an author box after the article for furniture: the heading, the name, the handle and the biography", async () => {
    const box = ['Guides', 'Deals', 'Podcasts', 'Lunch Break', 'Reviews', 'About the Author', 'Jane Doe', '@janedoe']
    const bio = 'Jane Doe is the senior editor of Example News. Since joining in 2014 she has covered transport, housing and the council, and she hosts the weekly local politics podcast.'
    const text = [P1, '', P2, '', P3, '', P1.replace('Tuesday', 'Monday'), '', ...box, bio].join('\n')
    const removed = [...box, bio].join('\n')
    expect(await lint(text)).toEqual([
      furniture(9, 'after', 7, 9, 17, removed),
    ])
    // A sentence about the author in the article's prose is not a heading.
    expect(await lint([P1, '', 'About the author of the report, little is known.', '', P2].join('\n'))).toEqual([])
  })

  it('takes a long line without any punctuation (a tag cloud, a drop-down) for furniture, not for the first paragraph', async () => {
    const cloud = 'Select Administration Agriculture Campaign Training Fuel Notice Competition Councils Culture Civil Defence Economy Education Sports Events Health Housing Environment Planning Roads Safety Social Services Tourism Transport Water Youth'
    const head = [cloud, 'Tags', 'Archives', '2019', '2018', '2017', '2016', '']
    const text = [...head, P1, '', P2, '', P3].join('\n')
    const removed = head.slice(0, -1).join('\n') + '\n'
    expect(await lint(text)).toEqual([
      furniture(7, 'before', 9, 1, 8, removed),
    ])
  })

  it("keeps the article's own list (lines with the same separators) between its last paragraph and the furniture", async () => {
    const dates = ['Tour Dates', 'June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre', 'June 10 – Tampa, FL @ Credit Union Amphitheatre', 'June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)', 'June 17 – Nashville, TN @ Bridgestone Arena', 'June 19 – Charlotte, NC @ PNC Music Pavilion']
    const footer = ['Share', 'Facebook', 'Privacy Policy']
    const text = [P1, '', P2, '', ...dates, ...footer].join('\n')
    const removed = footer.join('\n')
    expect(await lint(text)).toEqual([
      furniture(3, 'after', 3, 11, 13, removed),
    ])
  })

  it('leaves ordinary prose alone: sections with headings, a paragraph about a privacy policy, a long sentence without a full stop', async () => {
    const policy = 'The company said on Friday that it would rewrite its privacy policy and its terms of service by the end of the year, after the regulator found that users had not been told how their data was shared.'
    expect(await lint([P1, '', 'What happens next', '', P2, '', 'Who pays', '', P3, '', policy].join('\n'))).toEqual([])
    const longSentence = 'Residents along the diversion route say the lorries start before six in the morning and carry on well into the evening while the council insists that the new signs and the temporary lights will keep the traffic moving'
    expect(await lint([longSentence, '', P1, '', longSentence, '', P2, '', longSentence].join('\n'))).toEqual([])
    expect(await lint([P1, '', 'Share', 'Facebook', 'Twitter', '', P2, '', 'Read more', '', P3].join('\n'))).toEqual([])
  })

  it('knows furniture words in other languages as whole words (data/page-furniture.json), and not inside longer words', async () => {
    const r1 = 'Совет города во вторник решил закрыть старый мост на ремонт, после того как инженеры нашли трещины в двух опорах во время плановой проверки.'
    const r2 = 'Движение будет направлено через промышленную зону как минимум на шесть недель, а автобусная компания обещает добавить рейсы в часы пик.'
    const tail = ['Поделиться', 'Вам также может быть интересно', 'Мост через реку откроют весной', 'Новая школа в центре города']
    const text = [r1, '', r2, '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(4, 'after', 3, 5, 8, removed),
    ])
    // `Главная` is a menu word, `Главнаяулица` is not; `Sharealike` is not `Share`.
    expect(await lint([r1, '', r2, '', 'Главнаяулица', 'Sharealike', 'Homeward'].join('\n'))).toEqual([])
  })

  it("keeps a press release's own contact block after its last paragraph: an `Email:` line with an address is a contact detail, not a share button", async () => {
    const contact = ['Media contact:', 'Jane Doe, Communications Manager', 'Example Water', 'Email: press@example-water.example', 'Phone: +44 1632 960 000', '', 'ENDS']
    expect(await lint([P1, '', P2, '', ...contact].join('\n'))).toEqual([])
    // `Email` with no address is the share row's button: the only furniture line here.
    const tail = ['Email', 'Jane Doe, Communications Manager', 'Example Water']
    const text = [P1, '', P2, '', ...tail].join('\n')
    const removed = tail.join('\n')
    expect(await lint(text)).toEqual([
      furniture(3, 'after', 3, 5, 7, removed),
    ])
  })

  it("keeps the article's own `See also` section right after its last paragraph, and reports the furniture after it", async () => {
    const appendix = ['See also', '', 'List of railway viaducts in England', 'Teal Valley Way']
    expect(await lint([P1, '', P2, '', ...appendix].join('\n'))).toEqual([])
    const footer = ['Share', 'Facebook', '© 2019 Example Encyclopedia']
    const text = [P1, '', P2, '', ...appendix, '', ...footer].join('\n')
    const removed = footer.join('\n')
    expect(await lint(text)).toEqual([
      furniture(3, 'after', 3, 10, 12, removed),
    ])
    // Further down the furniture, `See also` is one of its lines.
    const late = ['Share', 'Facebook', 'See also', 'Council tax to rise next year']
    const lateText = [P1, '', P2, '', ...late].join('\n')
    expect((await lint(lateText)).map((m) => [m.line, m.endLine, m.removed])).toEqual([[5, 8, late.join('\n')]])
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
