import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import keywordStuffing from '../../rules/keyword-stuffing.js'
import {lintCase, ruleTester} from '../helpers/rule-tester.js'

/** Filler sentences about a topic, so densities are realistic. */
function filler(words: string[], count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    out.push(`The ${words[i % words.length]} report on page ${i + 1} gives more detail about costs, dates and the people involved.`)
  }
  return out.join(' ')
}

const flights = [
  'Cheap Flights London: What Travellers Should Know',
  '',
  `Talk of "cheap flights London" is everywhere, but London fares rose this year. ${filler(['airline', 'airport'], 3)}`,
  '',
  `Airlines in London say the idea of "cheap flights London" is outdated, and flights now cost more. ${filler(['budget', 'travel'], 3)}`,
  '',
  `Many flights still sell out. Searching for "cheap flights London" rarely helps, because London demand is high. ${filler(['fare'], 2)}`,
  '',
  `The "cheap flights London" myth survives. Cheap seats exist, but flights from London are not cheap. ${filler(['price'], 2)}`,
  '',
  `In the end, "cheap flights London" is a slogan. London is expensive and flights are full.`,
].join('\n')
const chilePeru = [
  'Chile Peru Trade Deal Explained',
  '',
  `The Chile Peru Trade Deal is not one treaty. Chile and Peru signed several accords, and Chile ships copper while Peru ships fish. ${filler(['trade'], 4)}`,
  '',
  `Officials in Chile called the Chile Peru Trade Deal a framework. Peru agreed. Exports from Chile to Peru doubled. ${filler(['port'], 4)}`,
  '',
  `Critics say the Chile Peru Trade Deal favours Chile. Farmers in Peru disagree, and Chile says Peru gains too. ${filler(['farm'], 4)}`,
  '',
  `Whatever the Chile Peru Trade Deal becomes, Chile and Peru will keep trading. Peru needs copper and Chile needs fish.`,
].join('\n')
const mortgage = [
  'Mortgage Rates Fall Again',
  '',
  filler(['lender', 'broker', 'bank'], 8),
  '',
  'Borrowers with more time may prefer to wait. The best mortgage rates this spring come from lenders competing for low-risk customers, and the best mortgage rates for first-time buyers remain higher. Anyone hunting for the best mortgage rates should compare fees, because the best mortgage rates often carry fees. Comparison sites rank the best mortgage rates by total cost, the fairest way to judge the best mortgage rates on offer.',
  '',
  filler(['rate', 'deal'], 6),
].join('\n')
const ebike = {
  before: 'Our reviewers tested every model over a month of daily commutes, school runs and weekend trips into the hills, noting battery range, comfort, brakes and how easily each folds into a car boot or a hallway cupboard.',
  stuffed: 'Best ebike deals, cheap ebike offers, folding ebike sale, ebike discount codes and ebike finance are all here.',
  after: 'The winner was quiet, light and well built, and it cost less than most of the others we rode, although its range fell short of the claim in cold weather and its rack was flimsy.',
}

/** Prose that returns to its topic word. */
const prose: Record<string, string> = {
  'a sports report': [
    'Tennis has rarely seen a final like it. Vasquez, who took up tennis at six, said tennis had given her everything, and her coach called it the best tennis he had watched in twenty years of coaching. Sorensen said women\u2019s tennis was in good hands, and the crowd agreed: Tennis Australia sold out the final in an hour.',
  ].join('\n'),
  'a recipe repeating butter': [
    'Melt 50g butter in a wide pan over a low heat. When the butter foams, add the onions and cook until soft. Stir in the flour, then whisk in the remaining butter a knob at a time, letting each piece of butter melt before adding the next. Finish with a spoon of browned butter, a squeeze of lemon and a little cold butter stirred in off the heat.',
  ].join('\n'),
  'an obituary repeating a name': [
    'Margaret Hale, who has died aged 91, taught at the village school for forty years. Hale arrived in 1956; Hale stayed until 1996. Pupils remember Hale for her patience, and colleagues said Hale never missed a sports day. In retirement Hale kept bees, wrote two books on local history and sang in the church choir.',
  ].join('\n'),
  'an explainer repeating its key term': [
    'Inflation is the rate at which prices rise. When inflation is high, money buys less, so central banks raise interest rates to slow inflation down. Inflation expectations matter too: if workers expect inflation to stay high, they ask for bigger pay rises, which can keep inflation up for longer than anyone wants.',
  ].join('\n'),
  'a chant quoted in a match report': [
    'The crowd sang \u201CVasquez, Vasquez, Vasquez, Vasquez, Vasquez\u201D as she climbed into the stands to hug her parents.',
  ].join('\n'),
  'a song refrain': [
    'Row, brother, row, row, brother, row, row, brother, row, for the shore is nigh, they sang on the deck.',
  ].join('\n'),
  'an ingredient list repeating a unit': ['Ingredients: 1 cup flour, 1 cup sugar, 1 cup milk, 1 cup oats, 1 cup water, a pinch of salt.'].join('\n'),
  'a results line of club names': [
    'Leeds United 3 Newcastle United 1, Sheffield United 2 Carlisle United 2, Oxford United 0 Cambridge United 1.',
  ].join('\n'),
  'a how-to repeating its tool': [
    'Open the terminal. In the terminal, type the command below and press Enter; the terminal prints the version. If the terminal says the command is not found, close the terminal, install the package and open a new terminal before you try again.',
  ].join('\n'),
  'a word always in the same company': [
    'The water rates rise in April. Water rates for flats are lower, water rates for houses higher, and water rates for farms depend on use, so check your water rates online or read the water rates leaflet.',
  ].join('\n'),
}

ruleTester('keyword-stuffing', {
  valid: [
    {
      name: 'stays quiet on a capitalised name or a phrase said a few times in one paragraph',
      text: [
        'Port Aldwick Harbour',
        '',
        'The Port Aldwick Harbour Trust met on Monday. The Port Aldwick Harbour Trust owns the piers, and the Port Aldwick Harbour Trust runs the museum. Members of the Port Aldwick Harbour Trust voted to repair the lock gates, and the Port Aldwick Harbour Trust will pay for it.',
        '',
        'Tomatoes need regular watering in hot weather. Regular watering prevents split fruit, and regular watering in pots matters most. Without regular watering in hot weather the plants suffer.',
      ].join('\n'),
    },
    {
      name: 'stays quiet on names an article is about, used in normal sentences',
      text: [
        'Iran and Russia: An Uneasy Partnership',
        '',
        `Iran and Russia have grown closer since 2022. Iran sells drones to Russia, and Russia sells grain to Iran. ${filler(['Iran', 'Russia'], 3)}`,
        '',
        `Iran and Russia also share interests in Syria. The United States watches Iran and Russia closely, and the United States has imposed sanctions. ${filler(['Moscow'], 3)}`,
        '',
        `The company behind the drones, a state firm, says the company exports only to allies. Iran and Russia deny any breach. ${filler(['Tehran'], 3)}`,
        '',
        'For now, Iran and Russia remain partners, and the United States remains wary of both.',
      ].join('\n'),
    },
    {
      name: 'stays quiet on a quoted film title',
      text: [
        'Review: "Silver Harbour"',
        '',
        `"Silver Harbour" is a quiet film. The director shot "Silver Harbour" in one winter. ${filler(['scene'], 3)}`,
        '',
        `Fans of "Silver Harbour" will notice the score. "Silver Harbour" ends at sea. The cast of "Silver Harbour" is small.`,
      ].join('\n'),
    },
    {
      name: 'stays quiet on multi-word names such as New York Yankees',
      text: [
        'New York Yankees Win Again',
        '',
        `The New York Yankees beat Boston on Sunday. New York fans cheered as the New York Yankees took the lead. ${filler(['game'], 2)}`,
        '',
        `The New York Yankees have won six straight. New York Mets fans in New York City were quiet. The New York Yankees play Toronto next, and the New York Yankees are favourites.`,
      ].join('\n'),
    },
    {
      name: 'never reports function-word phrases or words repeated with punctuation between',
      text: 'One of the best, one of the worst. ' + 'Part of the plan was part of the deal and part of the story. '.repeat(6) + 'Let it go, let it go, they sang.',
    },
    ...Object.entries(prose).map(([name, text]) => ({name: `stays quiet on prose that returns to its topic word: ${name}`, text: `A Headline About It\n\n${text}\n\nA closing line of ordinary text follows here.`})),
    {name: 'honours minCount', text: chilePeru, options: {minCount: 6}},
  ],
  invalid: [
    {
      name: 'reports a quoted title phrase repeated as a term, once, at its first occurrence, with the other lines in the note',
      text: flights,
      messages: [
        {
          reason: /^Phrase “Cheap Flights London” appears 6 times \(\d+(\.\d)? per 1,000 words\), 5 of them in quotes, as a term rather than in a sentence: keyword stuffing$/,
          line: 1,
          column: 1,
          note: /^Also on lines 3, 5, 7, 9, 11\. /,
          expected: undefined,
          actual: 'Cheap Flights London',
        },
      ],
    },
    {
      name: 'reports a title-case phrase glued from names the text uses on their own',
      text: chilePeru,
      messages: [
        {
          reason: /^Phrase “Chile Peru Trade Deal” appears 5 times \([\d.]+ per 1,000 words\), a title-case phrase glued from “Chile” and “Peru”, which the text also uses on their own, 4 times inside sentences: keyword stuffing$/,
          line: 1,
        },
      ],
    },
    {
      name: 'reports a phrase repeated back to back, even when rare',
      text: 'Looking for best vpn deals best vpn deals? A good VPN protects your privacy on public networks, and we compared twenty services on speed and price over three months.',
      messages: [{reason: /^Phrase “best vpn deals” appears 2 times \([\d.]+ per 1,000 words\), repeated back to back once: keyword stuffing$/, line: 1, column: 13}],
    },
    {
      name: 'reports a lower-case query packed into one paragraph or keyword line',
      text: mortgage,
      messages: [{reason: /^Phrase \u201Cbest mortgage rates\u201D appears 6 times \([\d.]+ per 1,000 words\), 6 of them within 120 words, in lower case as a search query rather than a name: keyword stuffing$/, line: 5}],
    },
    {
      name: 'reports one word packed into a line in changing company, whole message',
      text: [
        'Vasquez Wins First Grand Slam Title',
        '',
        'Elena Vasquez won her first Grand Slam title on Saturday, beating the defending champion in three sets. The final lasted almost three hours.',
        '',
        'Tennis Tennis Tennis: Best Tennis Shoes, Tennis Rackets and Tennis Bags for Tennis Fans',
        '',
        'Vasquez hit 47 winners in the match and won 71 per cent of the points on her first serve.',
      ].join('\n'),
      messages: [
        {
          reason: 'Word \u201CTennis\u201D appears 7 times in 14 words, 7 of their 12 content words, next to 5 different words: keyword stuffing',
          note:
            'Next to \u201CBest\u201D, \u201CShoes\u201D, \u201CRackets\u201D, \u201CBags\u201D, \u201CFans\u201D; nowhere else in the document. ' +
            'Prose names its topic once or twice in a sentence and lets the other words carry it; ' +
            'a line that is mostly one word in changing company is a list of search queries. Say the word once and drop the repeats.',
          line: 5,
          column: 1,
          endColumn: 7,
          actual: 'Tennis',
          expected: undefined,
        },
      ],
    },
    {
      name: 'reports a lower-case list of product variants of one word, which prose would say once',
      text: [
        'Club Opens New Courts',
        '',
        'The tennis club in Harwick opened four new courts on Saturday, and members say the waiting list has already doubled.',
        '',
        'Shop now: tennis balls, tennis shoes, tennis rackets, tennis bags and tennis skirts at the lowest prices.',
      ].join('\n'),
      messages: [
        {
          reason: 'Word \u201Ctennis\u201D appears 5 times in 17 words, 5 of their 13 content words, next to 5 different words: keyword stuffing',
          line: 5,
          column: 11,
          note: /^Next to “balls”, “shoes”, “rackets”, “bags”, “skirts”; 6 times in the whole document of 41 words\. /,
        },
      ],
    },
    {
      name: 'reports a packed sentence inside a long paragraph, counted in its own sentence',
      text: `Electric Bikes Reviewed\n\n${ebike.before} ${ebike.stuffed} ${ebike.after}`,
      messages: [{reason: 'Word \u201Cebike\u201D appears 5 times in 18 words, 5 of their 14 content words, next to 8 different words: keyword stuffing', line: 3, column: 220}],
    },
  ],
})

describe('keyword-stuffing', () => {
  it('stays linear on hostile input', async () => {
    // The rule on the whole text (the engine would lint it in windows).
    const start = Date.now()
    const processor = unified().use(retextEnglish).use(keywordStuffing)
    const file = new VFile({path: 'doc.txt', value: 'word '.repeat(100_000) + '"'.repeat(100_000) + ' x'.repeat(50_000)})
    await processor.run(processor.parse(file), file)
    expect(file.messages.length).toBeLessThanOrEqual(3)
    expect(Date.now() - start).toBeLessThan(30_000)
  })

  const seed = path.resolve('seeds/000_b5ec2ec2e0fda784.txt')
  describe.skipIf(!fs.existsSync(seed))('seed 000', () => {
    ruleTester('keyword-stuffing', {invalid: [{name: 'finds "Iran Russia War" in seed 000, once', text: fs.existsSync(seed) ? fs.readFileSync(seed, 'utf8') : '', messages: [{reason: /^Phrase “Iran Russia War” appears 13 times/, line: 1}]}]})
  })

  const bodies = path.resolve('../shared/data/article-extraction-dev')
  it.skipIf(!fs.existsSync(bodies))('is silent on the clean article bodies (skipped without ../shared/data)', async () => {
    let count = 0
    for (const name of fs.readdirSync(bodies).filter((name) => name.endsWith('.body.txt'))) {
      count += (await lintCase('keyword-stuffing', fs.readFileSync(path.join(bodies, name), 'utf8')))[0].messages.length
    }
    expect(count).toBeLessThanOrEqual(1)
  })
})
