import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import pageFurniture from '../../rules/page-furniture.js'
import {hasShared, sharedDir} from '../helpers.js'
import {lintCase, ruleTester, type ExpectedMessage} from '../helpers/rule-tester.js'

const P1 = 'The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its supports during a routine inspection.'
const P2 = 'Traffic will be diverted through the industrial estate for at least six weeks, and the bus company says it will add extra services at peak times.'
const P3 = 'Residents who live beside the diversion route have asked for a temporary speed limit, which the council says it will consider at its next meeting.'

/** The message for `count` lines of furniture `where` the article's edge paragraph (at `paragraph`), removing `removed` (what its place covers, too). */
function furniture(count: number, where: 'after' | 'before', paragraph: number, line: number, endLine: number, removed: string): ExpectedMessage {
  const edge = where === 'after' ? 'last' : 'first'
  return {
    reason: `${count} lines of page furniture ${where} the article's ${edge} paragraph (line ${paragraph}): menus, share rows, footers or related links the scraper kept`,
    line,
    endLine,
    actual: removed,
    expected: [''],
    covers: removed,
  }
}
/** Any page-furniture message. */
const FURNITURE = /^\d+ lines of page furniture (after|before) the article's (last|first) paragraph \(line \d+\): menus, share rows, footers or related links the scraper kept$/

const join = (...lines: string[]) => lines.join('\n')

const menuText = join('Home', 'News', 'Sport', 'Weather', 'Log in', '', 'Bridge to close for repairs', '', P1, '', P2, '', P3, '', 'Share this:', 'Facebook', 'Twitter', 'Related stories', 'Council tax to rise next year', '© 2019 Example News. All rights reserved.', 'Privacy Policy')
const comments = join(P1, '', P2, '', '12 responses to “Bridge to close”', '', 'jdoe says:', 'November 19, 2019 at 6:34 am', '', 'This bridge has been falling apart for years and nobody in the council has ever cared about the people who use it every day.', '', 'asmith says:', 'November 19, 2019 at 6:44 am', '', 'About time.')
const blurbFooter = ['Share', 'Facebook', 'Twitter', 'Most read', 'Council tax to rise', 'School wins award', 'Storm warning issued', 'Road closures this week', 'Contact us']
const blurb = 'Example News brings you the latest local news, sport and weather from across the county, every day of the year, with more than forty reporters.'
const blurbTail = [...blurbFooter, blurb, 'Terms of use', 'Privacy']
const tourDates = ['June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre', 'June 10 – Tampa, FL @ Arena', 'June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre', 'June 17 – Nashville, TN @ Bridgestone Arena']
const products = ['1) Lego Star Wars set', 'http://amzn.to/2iJFhRj', '2) Polistil racing track', 'http://amzn.to/2hZfWFJ', '3) Nolan box set', 'http://amzn.to/2hWw372', 'Share', 'Facebook']
const teasers = [
  ['Harbour ferry timetable changes from Monday', 'November 18, 2019 at 2:01 pm', 'The ferry company will run an hourly service through the winter months, with an extra boat on Saturdays, after a survey of passengers found that the old timetable left too many gaps in the morning.', 'Read More'],
  ['School wins regional science award', 'November 17, 2019 at 7:21 pm', 'Pupils from the primary school on Mill Lane built a weather station that sends readings to the county every hour, and the judges praised how the whole class took part in the project from the start.', 'Read More'],
].flat()
const teaserTail = ['Tags:', 'Roads', 'Jane Doe', '', 'More in Local News', '', ...teasers]
const notice = 'Apple logo, Apple TV, App Store, iPad and iPhone are registered trademarks of Apple Inc. Roku is a registered trademark of Roku, Inc. in the United States and other countries, and all other marks belong to their owners.'
const noticeTail = ['Facebook', 'Pinterest', 'Instagram', notice]
const footTail = [
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
const copyrightFooter = ['Share', 'Facebook', 'Terms of Use', 'Privacy Policy', 'Contact Us', '© 2019 Example News. All rights reserved']
const overlay = [
  'Register',
  'E-mail:',
  'Password:',
  'We are committed to protecting your personal information and we have updated our rules to comply with the new regulation that went into effect on May 25, 2018.',
  'If you do not want us to continue processing your data, please click the link below to delete your account, and we will remove it within thirty days of your request.',
]
const ellipsisTail = [
  'Share this:',
  'Like this:',
  'Recent Comments',
  'Jane Roe: The bridge has needed new supports for years and the council kept putting it…',
  'John Doe: Congratulations to the engineers who found the cracks before anyone was hurt on…',
  'Ann Poe: Where will the lorries go while the bridge is closed for the repairs this…',
]
const quote = 'Quote of the day: the best time to plant a tree was twenty years ago, and the second best time is now.'
const siteBlurb = 'Example News is an independent site run by volunteers who write about the county.'
const widget = ['Categories', 'Roads (15)', 'Schools (47)', 'Parks (16)', 'Housing (5)', 'Transport (68)', 'Weather (50)', 'RSS - Posts']
const sidebar = [quote, siteBlurb, ...widget, '']
const P1b = P1.replace('Tuesday', 'Monday')
const gap = ['Share', 'Facebook', 'Pinterest', 'Instagram', 'Most Popular', 'Council tax to rise', 'School wins award', 'Storm warning issued']
const promo = 'Results vary with the starting point and the effort, and the testimonials shown may have used more than one of our programmes to get there.'
const disclaimer = 'Consult your doctor before you begin any exercise programme, and read the safety instructions that come with every product we sell.'
const box = ['Guides', 'Deals', 'Podcasts', 'Lunch Break', 'Reviews', 'About the Author', 'Jane Doe', '@janedoe']
const bio = 'Jane Doe is the senior editor of Example News. Since joining in 2014 she has covered transport, housing and the council, and she hosts the weekly local politics podcast.'
const cloud = 'Select Administration Agriculture Campaign Training Fuel Notice Competition Councils Culture Civil Defence Economy Education Sports Events Health Housing Environment Planning Roads Safety Social Services Tourism Transport Water Youth'
const cloudHead = [cloud, 'Tags', 'Archives', '2019', '2018', '2017', '2016', '']
const dates = ['Tour Dates', 'June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre', 'June 10 – Tampa, FL @ Credit Union Amphitheatre', 'June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre (Formerly Verizon Amphitheatre)', 'June 17 – Nashville, TN @ Bridgestone Arena', 'June 19 – Charlotte, NC @ PNC Music Pavilion']
const shortFooter = ['Share', 'Facebook', 'Privacy Policy']
const policy = 'The company said on Friday that it would rewrite its privacy policy and its terms of service by the end of the year, after the regulator found that users had not been told how their data was shared.'
const longSentence = 'Residents along the diversion route say the lorries start before six in the morning and carry on well into the evening while the council insists that the new signs and the temporary lights will keep the traffic moving'
const r1 = 'Совет города во вторник решил закрыть старый мост на ремонт, после того как инженеры нашли трещины в двух опорах во время плановой проверки.'
const r2 = 'Движение будет направлено через промышленную зону как минимум на шесть недель, а автобусная компания обещает добавить рейсы в часы пик.'
const russianTail = ['Поделиться', 'Вам также может быть интересно', 'Мост через реку откроют весной', 'Новая школа в центре города']
const contact = ['Media contact:', 'Jane Doe, Communications Manager', 'Example Water', 'Email: press@example-water.example', 'Phone: +44 1632 960 000', '', 'ENDS']
const emailTail = ['Email', 'Jane Doe, Communications Manager', 'Example Water']
const appendix = ['See also', '', 'List of railway viaducts in England', 'Teal Valley Way']
const encyclopediaFooter = ['Share', 'Facebook', '© 2019 Example Encyclopedia']
const late = ['Share', 'Facebook', 'See also', 'Council tax to rise next year']

ruleTester('page-furniture', {
  valid: [
    // leaves the article alone: short lines without furniture, a numbered list, sentences right after the last paragraph, the inside
    {name: 'leaves the article alone: short lines without furniture', text: join('Tour dates', '', P1, '', P2, '', ...tourDates)},
    {name: 'leaves the article alone: a numbered list', text: join(P1, '', P2, '', ...products)},
    {name: 'leaves the article alone: sentences right after the last paragraph', text: join(P1, '', P2, '', 'Originally published on Live Science.', 'Reporting by Jane Doe; editing by John Roe.')},
    // A menu between two paragraphs of the article is inside it: not this rule's business.
    {name: 'leaves the article alone: a menu inside it', text: join(P1, '', 'Share', 'Facebook', 'Twitter', '', P2, '', P3)},
    {name: 'leaves the article alone: a short note', text: 'Just a short note.\nNothing else here.'},
    {name: 'leaves the article alone: an empty text', text: ''},
    // A photo credit with a copyright sign inside the article is not the page's footer.
    {name: 'a copyright sign in a photo credit inside the article', text: join(P1, '', '© 2019 Jane Doe / Example Agency', '', P2, '', P3)},
    // A paragraph of the article that trails off is still the article, and nothing after it is furniture.
    {name: 'a last paragraph that trails off with an ellipsis', text: join(P1, '', P2, '', 'And then the council said it would think about it again next year, as it always does...')},
    // The same widget between two halves of an article of equal weight is inside the article.
    {name: 'a sidebar widget between two halves of equal weight', text: join(P1, '', P2, '', ...widget, '', P3, '', P1b)},
    // After a short article, the same paragraphs are as heavy as the article: they stay.
    {name: 'paragraphs after a wide gap as heavy as a short article', text: join(P1, '', P2, '', ...gap, promo, disclaimer)},
    // A sentence about the author in the article's prose is not a heading.
    {name: 'a sentence about the author in the prose', text: join(P1, '', 'About the author of the report, little is known.', '', P2)},
    {name: 'leaves ordinary prose alone: sections with headings, a paragraph about a privacy policy', text: join(P1, '', 'What happens next', '', P2, '', 'Who pays', '', P3, '', policy)},
    {name: 'leaves ordinary prose alone: a long sentence without a full stop', text: join(longSentence, '', P1, '', longSentence, '', P2, '', longSentence)},
    {name: 'leaves ordinary prose alone: share and read-more rows inside the article', text: join(P1, '', 'Share', 'Facebook', 'Twitter', '', P2, '', 'Read more', '', P3)},
    // `Главная` is a menu word, `Главнаяулица` is not; `Sharealike` is not `Share`.
    {name: 'furniture words only as whole words', text: join(r1, '', r2, '', 'Главнаяулица', 'Sharealike', 'Homeward')},
    {name: "keeps a press release's own contact block after its last paragraph", text: join(P1, '', P2, '', ...contact)},
    {name: "keeps the article's own `See also` section right after its last paragraph", text: join(P1, '', P2, '', ...appendix)},
  ],
  invalid: [
    {
      name: 'reports the menu before the article and the share row, links and footer after it, as whole lines',
      text: menuText,
      messages: [
        {reason: FURNITURE, line: 1, endLine: 8, expected: [''], covers: 'Home\nNews\nSport\nWeather\nLog in\n\nBridge to close for repairs\n', actual: 'Home\nNews\nSport\nWeather\nLog in\n\nBridge to close for repairs\n'},
        {reason: FURNITURE, line: 15, endLine: 21, expected: [''], covers: menuText.slice(menuText.indexOf('Share this:')), actual: menuText.slice(menuText.indexOf('Share this:'))},
      ],
      output: join(P1, '', P2, '', P3),
    },
    {
      name: 'reports a comment thread after the article, even though comments are sentences',
      text: comments,
      messages: [{reason: FURNITURE, line: 5, covers: comments.slice(comments.indexOf('12 responses'))}],
      output: join(P1, '', P2),
    },
    {
      name: 'does not take a site blurb or newsletter pitch far out in the footer for the end of the article',
      text: join(P1, '', P2, '', ...blurbTail),
      messages: [{reason: FURNITURE, covers: blurbTail.join('\n')}],
      output: join(P1, '', P2),
    },
    {
      name: 'ends the article at a furniture row followed by teasers of other stories (paragraphs standing apart among short lines)',
      text: join(P1, '', P2, '', P3, '', ...teaserTail),
      messages: [furniture(12, 'after', 5, 7, 20, teaserTail.join('\n'))],
      output: join(P1, '', P2, '', P3),
    },
    {
      name: "does not end the article at a site's notice: a trademark, privacy or ad-blocker paragraph after the share row goes with it",
      text: join(P1, '', P2, '', P3, '', ...noticeTail),
      messages: [furniture(4, 'after', 5, 7, 10, noticeTail.join('\n'))],
      output: join(P1, '', P2, '', P3),
    },
    {
      name: 'looks past site notices to find the gap between the article and a lone paragraph at the foot of the page',
      text: join(P1, '', P2, '', P3, '', ...footTail),
      messages: [furniture(12, 'after', 5, 7, 18, footTail.join('\n'))],
      output: join(P1, '', P2, '', P3),
    },
    {
      name: 'ends the page at its copyright line under the footer links: the sign-up forms and notices after it go too, prose or not',
      text: join(P1, '', P2, '', P3, '', ...copyrightFooter, ...overlay),
      messages: [furniture(11, 'after', 5, 7, 17, [...copyrightFooter, ...overlay].join('\n'))],
      output: join(P1, '', P2, '', P3),
    },
    {
      name: 'takes lines cut off with an ellipsis (comment and story excerpts) for teasers, not for the last paragraph',
      text: join(P1, '', P2, '', ...ellipsisTail),
      messages: [furniture(6, 'after', 3, 5, 10, ellipsisTail.join('\n'))],
      output: join(P1, '', P2),
    },
    {
      name: 'does not start the article at sidebar paragraphs before a wide furniture gap when the article after it weighs twice as much',
      text: join(...sidebar, P1, '', P2, '', P3, '', P1b),
      messages: [furniture(10, 'before', 12, 1, 11, sidebar.slice(0, -1).join('\n') + '\n')],
      output: join(P1, '', P2, '', P3, '', P1b),
    },
    {
      name: 'does not end the article at paragraphs after a wide furniture gap when the article before it weighs twice as much',
      text: join(P1, '', P2, '', P3, '', P1b, '', ...gap, promo, disclaimer),
      messages: [furniture(10, 'after', 7, 9, 18, [...gap, promo, disclaimer].join('\n'))],
      output: join(P1, '', P2, '', P3, '', P1b),
    },
    {
      name: 'takes an author box after the article for furniture: the heading, the name, the handle and the biography',
      text: join(P1, '', P2, '', P3, '', P1b, '', ...box, bio),
      messages: [furniture(9, 'after', 7, 9, 17, [...box, bio].join('\n'))],
      output: join(P1, '', P2, '', P3, '', P1b),
    },
    {
      name: 'takes a long line without any punctuation (a tag cloud, a drop-down) for furniture, not for the first paragraph',
      text: join(...cloudHead, P1, '', P2, '', P3),
      messages: [furniture(7, 'before', 9, 1, 8, cloudHead.slice(0, -1).join('\n') + '\n')],
      output: join(P1, '', P2, '', P3),
    },
    {
      name: "keeps the article's own list (lines with the same separators) between its last paragraph and the furniture",
      text: join(P1, '', P2, '', ...dates, ...shortFooter),
      messages: [furniture(3, 'after', 3, 11, 13, shortFooter.join('\n'))],
      output: join(P1, '', P2, '', ...dates),
    },
    {
      name: 'knows furniture words in other languages as whole words (data/page-furniture.json)',
      text: join(r1, '', r2, '', ...russianTail),
      messages: [furniture(4, 'after', 3, 5, 8, russianTail.join('\n'))],
      output: join(r1, '', r2),
    },
    {
      // `Email` with no address is the share row's button: the only furniture line here.
      name: 'takes `Email` with no address for a share button',
      text: join(P1, '', P2, '', ...emailTail),
      messages: [furniture(3, 'after', 3, 5, 7, emailTail.join('\n'))],
      output: join(P1, '', P2),
    },
    {
      name: "keeps the article's own `See also` section, and reports the furniture after it",
      text: join(P1, '', P2, '', ...appendix, '', ...encyclopediaFooter),
      messages: [furniture(3, 'after', 3, 10, 12, encyclopediaFooter.join('\n'))],
      output: join(P1, '', P2, '', ...appendix),
    },
    {
      // Further down the furniture, `See also` is one of its lines.
      name: 'takes `See also` further down the furniture for one of its lines',
      text: join(P1, '', P2, '', ...late),
      messages: [{reason: FURNITURE, line: 5, endLine: 8, covers: late.join('\n')}],
      output: join(P1, '', P2),
    },
  ],
})

describe('page-furniture', () => {
  it('finishes on hostile input (long runs of spaces, cue words and symbols; within the test timeout)', async () => {
    // The rule on the whole text (the engine would lint it in windows).
    const processor = unified().use(retextEnglish).use(pageFurniture)
    const file = new VFile({value: ('Share ' + ' '.repeat(5000) + 'x\n').repeat(50) + 'says:'.repeat(10000) + '\n' + P1 + '\n' + '©'.repeat(20000)})
    await processor.run(processor.parse(file), file)
    expect(Array.isArray(file.messages)).toBe(true)
  })

  it.skipIf(!hasShared)('is silent on the 62 clean article bodies (skipped without ../shared/data)', async () => {
    const dir = path.join(sharedDir, 'data', 'article-extraction-dev')
    const found: string[] = []
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.body.txt'))) {
      const [file] = await lintCase('page-furniture', fs.readFileSync(path.join(dir, name), 'utf8'))
      for (const message of file.messages) found.push(`${name}:${message.line}`)
    }
    expect(found).toEqual([])
  }, 120_000)
})
