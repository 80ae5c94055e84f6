import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import captionResidue from '../../rules/caption-residue.js'
import {ruleTester} from '../helpers/rule-tester.js'

const CREDIT_NOTE = 'A credit names who took or owns a picture; without the picture it is residue of the page. Remove the line.'
const CAPTION_NOTE = "A credit names who took or owns a picture; it is no part of the caption's sentence. Keep the caption without it (or remove the caption too when the picture is gone)."
const BYLINE_NOTE = 'The author belongs in the metadata, not in the article text. Remove the line.'
const DATELINE_NOTE = 'The date belongs in the metadata, not in the article text. Remove the line.'
const CONTACT_NOTE = 'The author box belongs in the metadata, not in the article text. Remove the line.'

const PROSE = 'The council approved the budget on Tuesday after a long debate about the new library and the pool.'
const kind = (name: string) => new RegExp('^' + name + ' `')
const forms = [
  'Credit: EPA',
  'Picture: PA',
  'Photograph: Reuters',
  'Submitted photo',
  'Christopher Tays Submitted photo',
  'Photo by Jason Kempin/Getty Images',
  'Michael Conroy, AP',
  'Natalie Naccache | Bloomberg | Getty Images',
  'New York State Sex Offender Registry via AP',
  '(Image: © TNG Collaboration)',
  'Courtesy of Andrew Vaughan',
  'Foto: dpa',
  'by Laura Winter',
  'By Reuters',
  'Von Moritz Bachmann publiziert am 25. September 2018',
  'Updated 3 hours ago',
  '19 Nov 2019 05:44 GMT',
  'News reporter @TomGillespie1',
  'Write to Al Root at allen.root@dowjones.com',
]
const captions = [
  'The latest case of bubonic plague was reported after a hunter killed and ate a rabbit Credit: Getty - Contributor',
  'Home Depot stock fell after the retailer reported third-quarter earnings. Photograph by Robyn Beck/AFP/Getty Images',
  'This illustration shows how private operators could take people back to the Moon [SpaceX via Nasa]',
  'An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)',
]
const kept = [
  'The latest case of bubonic plague was reported after a hunter killed and ate a rabbit',
  'Home Depot stock fell after the retailer reported third-quarter earnings.',
  'This illustration shows how private operators could take people back to the Moon',
  'An MSC cargo ship leaves PortMiami, on Aug. 31, 2019.',
]
const mixed = ['By Laura Mowat', 'Updated 3 hours ago', 'Photo: Getty Images', 'Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur'].join('\n')

ruleTester('caption-residue', {
  valid: [
    {
      name: 'leaves prose, notes the bodies keep, copyright lines and places alone',
      text: [
        'By the end of the year, the plant was running at full speed.',
        'By 2018, when I started digging into this story, only two books remained in print.',
        'By default rsync never deletes anything at the destination.',
        'By region, sales in the UK and Ireland grew 5.2% to £2.31 billion.',
        'By Then It Was Too Late',
        'The photo, credited to a local amateur, went around the world within hours.',
        'She kept the picture: a faded print of her mother at the harbour.',
        '"The Salt Road" by Hana Moreau is published by Harbour House, 320 pages.',
        'Main image credit: Getty',
        '(Published Monday, Nov. 18, 2019)',
        'Updated Police Identify Man, Woman Found Dead in Plano Apartment',
        'Email: press@northfieldwater.example',
        '@NGRSenate',
        '— The Nigerian Senate (@NGRSenate) October 9, 2018',
        '© 2019 Sky UK',
        '© Copyright Gannett 2018',
        'Allentown, PA',
        'June 26 – Allentown, PA @ PPL Center',
        'November 15, 2019',
        'Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale',
        'Von Berlin nach Hamburg fährt der Zug jede Stunde.',
      ].join('\n\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a byline and a dateline between the title and the body, removing each line',
      text: ['China sends troops to Hong Kong', '', 'By Laura Mowat', 'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019', PROSE].join('\n'),
      messages: [
        {
          reason: 'Byline `By Laura Mowat` on its own line: the author line between the title and the article, left in the text by the scraper',
          line: 3,
          column: 1,
          endLine: 4,
          note: BYLINE_NOTE,
          actual: 'By Laura Mowat\n',
          expected: [''],
        },
        {
          reason: 'Dateline `PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019` on its own line: the publication or update time between the title and the article, left in the text by the scraper',
          line: 4,
          column: 1,
          endLine: 5,
          note: DATELINE_NOTE,
          actual: 'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019\n',
          expected: [''],
        },
      ],
      output: ['China sends troops to Hong Kong', '', PROSE].join('\n'),
    },
    {
      name: 'removes a credit at the end of a caption and keeps the caption',
      text: [PROSE, 'Protesters do not want Hong Kong to lose its autonomy (Image: GETTY )', PROSE].join('\n'),
      messages: [
        {
          reason: "Photo credit `(Image: GETTY )` at the end of a caption: the picture's credit, left in the text by the scraper",
          line: 2,
          column: 1,
          endLine: 2,
          note: CAPTION_NOTE,
          actual: 'Protesters do not want Hong Kong to lose its autonomy (Image: GETTY )',
          expected: ['Protesters do not want Hong Kong to lose its autonomy'],
        },
      ],
      output: [PROSE, 'Protesters do not want Hong Kong to lose its autonomy', PROSE].join('\n'),
    },
    {
      name: 'removes a credit on its own line',
      text: [PROSE, 'Photo: Getty Images', PROSE].join('\n'),
      messages: [
        {
          reason: 'Photo credit `Photo: Getty Images` on its own line: the credit of a picture the scraper dropped, left in the text by the scraper',
          line: 2,
          column: 1,
          endLine: 3,
          note: CREDIT_NOTE,
          actual: 'Photo: Getty Images\n',
          expected: [''],
        },
      ],
      output: [PROSE, PROSE].join('\n'),
    },
    {
      name: 'removes `By` alone with the name line under it, and the handle and dateline beside them',
      text: ['Which games console should you buy?', 'By', 'Randy Maniloff', '@randymaniloff', 'Nov. 18, 2019 7:04 pm ET', PROSE].join('\n'),
      messages: [
        {reason: 'Byline `By Randy Maniloff` on its own line: the author line between the title and the article, left in the text by the scraper', line: 2, endLine: 4, actual: 'By\nRandy Maniloff\n', expected: [''], note: BYLINE_NOTE},
        {reason: "Author's contact `@randymaniloff` on its own line: the author's handle or address from the byline box, left in the text by the scraper", line: 4, endLine: 5, actual: '@randymaniloff\n', expected: [''], note: CONTACT_NOTE},
        {reason: 'Dateline `Nov. 18, 2019 7:04 pm ET` on its own line: the publication or update time between the title and the article, left in the text by the scraper', line: 5, endLine: 6, actual: 'Nov. 18, 2019 7:04 pm ET\n', expected: [''], note: DATELINE_NOTE},
      ],
      output: ['Which games console should you buy?', PROSE].join('\n'),
    },
    {
      name: 'finds the other forms of credits, bylines, datelines and contacts',
      text: forms.join('\n'),
      messages: forms.map((_, i) => ({reason: kind(i < 12 ? 'Photo credit' : i < 15 ? 'Byline' : i < 17 ? 'Dateline' : "Author's contact"), line: i + 1, expected: ['']})),
      output: '',
    },
    {
      name: 'keeps the caption before labelled and bracketed credits',
      text: captions.join('\n'),
      messages: kept.map((caption, i) => ({reason: kind('Photo credit'), line: i + 1, actual: captions[i], expected: [caption]})),
      output: kept.join('\n'),
    },
    {
      name: 'keeps only the photo credits with `bylines: false`',
      text: mixed,
      options: {bylines: false},
      messages: [{reason: kind('Photo credit'), line: 3}],
      output: ['By Laura Mowat', 'Updated 3 hours ago', 'Image: Jose Mourinho has agreed a deal to become manager of Tottenham Hotspur'].join('\n'),
    },
    {
      name: 'takes longer credits with `maxCreditWords`',
      text: mixed,
      options: {maxCreditWords: 12},
      messages: [
        {reason: kind('Byline'), line: 1},
        {reason: kind('Dateline'), line: 2},
        {reason: kind('Photo credit'), line: 3},
        {reason: kind('Photo credit'), line: 4},
      ],
      output: '',
    },
  ],
})

describe('caption-residue', () => {
  // The rule alone (the engine would lint these long lines in windows).
  it('is linear on hostile input', async () => {
    const long = ['By ' + 'Name '.repeat(20000), '('.repeat(20000) + 'Photo: x' + ')'.repeat(20000), 'Credit: '.repeat(5000), '@'.repeat(30000), 'Nov 1 '.repeat(10000)].join('\n')
    const processor = unified().use(retextEnglish).use(captionResidue)
    const file = new VFile({value: long})
    const start = performance.now()
    await processor.run(processor.parse(file), file)
    expect(performance.now() - start).toBeLessThan(2000)
  })
})
