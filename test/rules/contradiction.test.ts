/**
 * The contradiction rule as a corpus rule: claims on file.data, the index,
 * messages in both files, contradictions inside one document, the judge seam.
 */
import {readFileSync} from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import contradiction, {corpus, createCorpusCheck, meta} from '../../rules/contradiction.js'
import type {Claim} from '../../rules/contradiction/claims.js'
import {ruleJudge, type Judge} from '../../rules/contradiction/judge.js'
import {containing, ruleTester, type CorpusDocument, type ExpectedMessage} from '../helpers/rule-tester.js'

const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8')
const SEED_A = '000_b5ec2ec2e0fda784.txt'
const SEED_B = '004_e6b2e51e5f0f2b84.txt'
const processor = unified().use(retextEnglish).use(contradiction)

async function extract(documents: Record<string, string>): Promise<VFile[]> {
  const files: VFile[] = []
  for (const [path, value] of Object.entries(documents)) {
    const file = new VFile({path, value})
    await processor.run(processor.parse(file), file)
    files.push(file)
  }
  return files
}

const messages = (file: VFile) => file.messages.filter((message) => message.ruleId === 'contradiction')

// Three documents about one company; the third agrees with the first.
const ACME_SIGNED = [
  'Analysts have followed Norcell for years. Investors in Norcell were cautious. The board of Norcell met on Monday.',
  'The company signed the supply contract with Vantor in 2021, according to filings.',
  'Shares of Norcell rose after the news.',
].join('\n')
const ACME_NEVER = [
  'Norcell makes batteries. Critics of Norcell point to delays. Customers of Norcell have waited.',
  'Norcell never signed the supply contract with Vantor, a spokesperson said.',
].join('\n')
const ACME_AGREES = [
  'Reporters asked Norcell about the deal. Suppliers of Norcell were pleased. Rivals of Norcell were not.',
  'Norcell signed the supply contract with Vantor in 2021.',
].join('\n')


const doc = (path: string, text: string): CorpusDocument => ({path, text})
const ANY = /^Contradiction /
const NORCELL = 'Investors in Norcell were cautious. The board of Norcell met on Monday. Critics of Norcell point to delays.'
const ANALYSTS = 'Analysts argued that revenue rose 13 percent in the second quarter of 2023.'
const COMPANY = 'The company confirmed that revenue rose 18 percent in the second quarter of 2023.'
const TARLAND = ['Exports of Tarland grew quickly. Traders in Tarland were happy.', 'The factory employs 4,000 workers.', 'The factory employs 1,500 workers, a later report said.'].join('\n')
const ELLISON = 'Margaret Ellison ran the record office in Lindford for decades. Staff at Lindford remember Ellison fondly. The archive of Lindford holds her papers.'
const SAMSUNG = [doc('a.txt', 'Samsung shipped 12 million phones in 2023.'), doc('b.txt', 'Samsung shipped 9 million phones in 2023.')]
const dates = (a: string, b: string, what: string, x: string, y: string): ExpectedMessage[][] => [
  [{reason: `Contradiction with ${b}:1 (different dates for the same event): this says ${what} in ${x}; ${b}:1 says ${what} in ${y}`}],
  [{reason: `Contradiction with ${a}:1 (different dates for the same event): this says ${what} in ${y}; ${a}:1 says ${what} in ${x}`}],
]
const quiet: Array<[string, string]> = [
  ['The viaduct opened to goods traffic in August 1871.', 'In 2014, the viaduct was repaired and opened as part of a walking path.'],
  ['The museum opened as a gallery in 1990.', 'The museum opened in 1995.'],
  ['The film was released on DVD in 2005.', 'The film was released in 2003.'],
  ['The theatre opened in 1920.', 'The theatre opened again in 1990.'],
  ['The theatre opened in 1920.', 'After the closure of the mill, the theatre opened in 1990.'],
]
const sameSource: Array<[string, string]> = [
  ['Revenue rose 13 percent in the second quarter.', 'Revenue rose 18 percent in the second quarter.'],
  ['Analysts argued that revenue rose 13 percent in the second quarter.', 'Revenue rose 18 percent in the second quarter, analysts said.'],
  ['According to Norcell, revenue rose 13 percent in the second quarter.', 'The company confirmed that revenue rose 18 percent in the second quarter.'],
  ['Analysts argued that revenue rose 13 percent in the second quarter.', 'Revenue rose 18 percent in the second quarter.'],
]
const signedMany: CorpusDocument[] = [doc('never.txt', ACME_NEVER), ...Array.from({length: 9}, (_, i) => doc(`signed-${i}.txt`, ACME_SIGNED))]

describe('contradiction (corpus rule)', () => {
  ruleTester('contradiction', {
    valid: [
      ...[SEED_A, SEED_B].map((name) => ({name: `one seed alone reports no contradiction (${name})`, corpus: [doc(`seeds/${name}`, seed(name))]})),
      {
        name: 'explicit different subjects never match',
        corpus: [doc('de.txt', 'Germany did not sign the climate treaty.'), doc('fr.txt', 'France signed the climate treaty.'), doc('it.txt', 'Italy may not sign the climate treaty.')],
      },
      {name: 'a contradiction inside one document is not reported with withinDocument: false', corpus: [doc('one.txt', TARLAND)], options: {withinDocument: false}},
      {name: 'kinds can be turned off', corpus: SAMSUNG, options: {kinds: ['negation']}},
      {name: 'a gendered pronoun does not stand for the topic when the document uses the other gender as a subject too', corpus: [doc('both.txt', [ELLISON, 'She died in 2009, her family said.', 'She married Robert Ellison in 1961. He died in 2011.'].join('\n'))]},
      ...quiet.map(([a, b]) => ({name: `differently qualified events are several: ${a} | ${b}`, corpus: [doc('a.txt', a), doc('b.txt', b)]})),
      {name: 'within one document, claims attributed to different sources are a reported disagreement, not a contradiction', corpus: [doc('one.txt', [NORCELL, ANALYSTS, COMPANY].join('\n'))]},
    ],
    invalid: [
      {
        name: 'the seeds: the defense pact is reported in both files, each naming the other file, line and sentence',
        corpus: [doc(`seeds/${SEED_A}`, seed(SEED_A)), doc(`seeds/${SEED_B}`, seed(SEED_B))],
        messages: [
          [{reason: containing(`seeds/${SEED_B}:20`, 'signed', 'may not sign'), line: 27, note: containing('While they may not sign a formal defense pact')}],
          [{reason: containing(`seeds/${SEED_A}:27`), line: 20, note: containing('This partnership has led to the signing of a new defense pact')}],
        ],
      },
      {
        name: 'three documents: each sentence gets one message; the one both others contradict names the second in its note',
        corpus: [doc('signed.txt', ACME_SIGNED), doc('never.txt', ACME_NEVER), doc('agrees.txt', ACME_AGREES)],
        messages: [
          [{reason: containing('never.txt:2', 'never signed')}],
          [{reason: containing('signed.txt:2'), note: /\nAlso contradicted by 1 more sentence: agrees\.txt:2\.$/}],
          [{reason: ANY}],
        ],
      },
      {
        name: 'a sentence that many documents contradict gets one message, naming five more and counting the rest',
        corpus: signedMany,
        messages: [
          [{reason: containing('signed-0.txt:2'), note: /\nAlso contradicted by 8 more sentences: signed-1\.txt:2, signed-2\.txt:2, signed-3\.txt:2, signed-4\.txt:2, signed-5\.txt:2 and 3 more\.$/}],
          ...signedMany.slice(1).map(() => [{reason: ANY}]),
        ],
      },
      {
        name: 'a contradiction inside one document is reported once, naming both lines',
        corpus: [doc('one.txt', TARLAND)],
        messages: [[{reason: containing('line 2', 'line 3')}]],
      },
      {
        name: 'kinds are all on by default',
        corpus: SAMSUNG,
        messages: [[{reason: containing('different numbers')}], [{reason: ANY}]],
      },
      {
        name: 'a real conflict of dates, with and without the appositive, is still reported',
        corpus: [doc('a.txt', 'Margaret Ellison, the archivist who led the recovery after the flood of 1968, died in 2009.'), doc('b.txt', 'Margaret Ellison died in 2011.')],
        messages: dates('a.txt', 'b.txt', 'Margaret Ellison died', '2009', '2011'),
      },
      {
        name: 'a gendered pronoun stands for the topic when the document does not use the other gender as a subject',
        corpus: [doc('one.txt', [ELLISON, 'She died in 2009, her family said.', 'She died in 2011.'].join('\n'))],
        messages: [[{reason: 'Contradiction within this document (different dates for the same event): line 2 says she died in 2009; line 3 says she died in 2011'}]],
      },
      {
        name: 'the same event on two dates is a contradiction',
        corpus: [doc('a.txt', 'The viaduct opened in 1871.'), doc('b.txt', 'The viaduct opened in 1874.')],
        messages: dates('a.txt', 'b.txt', 'the viaduct opened', '1871', '1874'),
      },
      {
        name: 'the same qualified event on two dates is a contradiction',
        corpus: [doc('a.txt', 'The album was released on Columbia Records in 2005.'), doc('b.txt', 'The album was released on Columbia Records in 2003.')],
        messages: dates('a.txt', 'b.txt', 'the album was released', '2005', '2003'),
      },
      {
        // the same two sentences in two documents: two outlets reporting different figures
        name: 'claims attributed to different sources in two documents are a contradiction',
        corpus: [doc('a.txt', [NORCELL, ANALYSTS].join('\n')), doc('b.txt', [NORCELL, COMPANY].join('\n'))],
        messages: [
          [{reason: 'Contradiction with b.txt:2 (different numbers for the same quantity and period): this says revenue rose 13 percent in 2023 second quarter; b.txt:2 says revenue rose 18 percent in 2023 second quarter'}],
          [{reason: 'Contradiction with a.txt:2 (different numbers for the same quantity and period): this says revenue rose 18 percent in 2023 second quarter; a.txt:2 says revenue rose 13 percent in 2023 second quarter'}],
        ],
      },
      ...sameSource.map(([first, second]) => ({
        name: `within one document, the same source twice, one claim in its own voice, or none attributed are still contradictions: ${first} | ${second}`,
        corpus: [doc('one.txt', [NORCELL, first, second].join('\n'))],
        messages: [[{reason: /^Contradiction within this document \(different numbers for the same quantity and period\): line 2 says [Rr]evenue rose 13 percent; line 3 says [Rr]evenue rose 18 percent$/}]],
      })),
    ],
  })
})

describe('contradiction (corpus rule)', () => {
  test('meta declares its options with defaults', () => {
    expect(meta.id).toBe('contradiction')
    for (const spec of Object.values(meta.options ?? {})) expect(spec.description.length).toBeGreaterThan(10)
    expect(meta.options?.withinDocument.default).toBe(true)
  })

  test('a sentence holding both sides is a contrast: copies of it in two documents do not conflict', async () => {
    const sentence = 'Valdor did not sign the first contract, but Valdor signed the second contract in 2020.'
    const files = await extract({'one.txt': sentence, 'two.txt': 'Reports say so. ' + sentence})
    expect(files[0].data.contradiction!.claims.map((claim) => claim.pol).sort()).toEqual([-1, 1])
    corpus(files, {})
    expect(files.flatMap(messages)).toEqual([])
  })

  test('claims on file.data are compact JSON: a worker could send them and the corpus pass gives the same messages', async () => {
    const files = await extract({[`seeds/${SEED_A}`]: seed(SEED_A), [`seeds/${SEED_B}`]: seed(SEED_B)})
    for (const file of files) {
      const data = file.data.contradiction!
      expect(JSON.parse(JSON.stringify(data))).toEqual(data)
      expect(JSON.stringify(data).length).toBeLessThan(String(file).length)
    }
    // fresh files with no text at all: the corpus pass must not re-read it
    const copies = files.map((file) => {
      const copy = new VFile({path: file.path})
      copy.data.contradiction = JSON.parse(JSON.stringify(file.data.contradiction))
      return copy
    })
    corpus(copies, {})
    expect(copies.map((file) => messages(file).length)).toEqual([1, 1])
  })

  test('the judge is a seam: another judge can be plugged in without touching extraction', async () => {
    const files = await extract({'a.txt': 'Portugal ratified the trade agreement.', 'b.txt': 'Portugal never ratified the trade agreement.'})
    const seen: Array<[Claim, Claim]> = []
    const silent: Judge = (a, b) => {
      seen.push([a, b])
      return undefined
    }
    createCorpusCheck(() => silent)(files, {})
    expect(files.flatMap(messages)).toEqual([])
    expect(seen.length).toBe(1)
    expect(seen[0].map((claim) => claim.s).sort()).toEqual(['Portugal never ratified the trade agreement.', 'Portugal ratified the trade agreement.'])
    const stub: Judge = (a, b) => ({kind: 'negation', a: `A(${a.pred})`, b: `B(${b.pred})`})
    createCorpusCheck(() => stub)(files, {})
    expect(messages(files[0])[0].reason).toContain('A(ratify)')
    expect(ruleJudge(seen[0][0], seen[0][1])?.kind).toBe('negation')
  })

  test('candidates come from the index, not from all pairs', async () => {
    const verbs = ['signed the lease', 'opened a store', 'hired a chef', 'won an award', 'sold the farm', 'bought a boat', 'built a barn', 'closed the mill']
    const documents: Record<string, string> = {}
    for (let i = 0; i < 40; i++) documents[`d${i}.txt`] = `Company${i} ${verbs[i % verbs.length]} in ${1950 + i}. Town${i} did not approve the plan${i}.`
    const files = await extract(documents)
    let calls = 0
    const counting: Judge = (a, b) => {
      calls++
      return ruleJudge(a, b)
    }
    createCorpusCheck(() => counting)(files, {})
    expect(calls).toBe(0)
    expect(files.flatMap(messages)).toEqual([])
  })

  test('a subject with an appositive is the name before it, and the date inside the appositive is not the verb\'s', async () => {
    // the obituary's shape: the flood year sits in the subject's relative clause; `he` is her husband
    const obituary = [
      'Margaret Ellison, the archivist who led the recovery of the city records after the river flood of 1968, died on 4 November at her home in Lindford. She was 91.',
      'Mrs Ellison joined the Lindford record office in 1959 and ran it from 1974.',
      'The archive of Lindford still holds the records that Mrs Ellison saved.',
      'She married Robert Ellison, a structural engineer, in 1961. He died in 2009.',
    ].join('\n')
    const [file] = await extract({'obituary.txt': obituary})
    const died = file.data.contradiction!.claims.find((claim) => claim.pred === 'die' && claim.si === 0)
    expect(died?.ss).toBe('Margaret Ellison')
    expect(died?.per).toBe('rel:november')
    corpus([file], {})
    expect(messages(file)).toEqual([])
  })

  test('the clause a verb of saying reports is not its object: `said that 5,405 people` is no claim about saying', async () => {
    const files = await extract({
      'a.txt': 'The council said that 5,405 people had signed the petition against the tower.',
      'b.txt': 'The council said that 7,841 residents would vote in the spring.',
    })
    for (const file of files) expect(file.data.contradiction!.claims.filter((claim) => claim.pred === 'say')).toEqual([])
    corpus(files, {})
    expect(files.flatMap(messages)).toEqual([])
  })

  test('a subject that is only a number or a year is no subject', async () => {
    const files = await extract({'a.txt': 'Officials who studied the flood of 1968, died in 1990.', 'b.txt': 'Officials who studied the storm of 1970, died in 1995.'})
    for (const file of files) expect(file.data.contradiction!.claims.filter((claim) => claim.ss === '1968' || claim.ss === '1970')).toEqual([])
    corpus(files, {})
    expect(files.flatMap(messages)).toEqual([])
  })

  test('within one document, claims attributed to different sources are a reported disagreement, not a contradiction', async () => {
    const about = 'Investors in Norcell were cautious. The board of Norcell met on Monday. Critics of Norcell point to delays.'
    const analysts = 'Analysts argued that revenue rose 13 percent in the second quarter of 2023.'
    const company = 'The company confirmed that revenue rose 18 percent in the second quarter of 2023.'
    const [file] = await extract({'one.txt': [about, analysts, company].join('\n')})
    expect(file.data.contradiction!.claims.filter((claim) => claim.pred === 'rise').map((claim) => claim.src)).toEqual(['#analyst', 'norcell#'])
    corpus([file], {})
    expect(messages(file)).toEqual([])
  })

  test('the source of an attributed claim: before the clause, after it, according to, a quote', async () => {
    const about = 'Investors in Norcell were cautious. The board of Norcell met on Monday. Critics of Norcell point to delays.'
    const sources: Array<[string, string | undefined]> = [
      ['Tim Cook told reporters that revenue rose 18 percent in 2023.', 'cook,tim#'],
      ['Revenue rose 18 percent in 2023, said Tim Cook.', 'cook,tim#'],
      ['Revenue rose 18 percent in 2023, according to Goldman Sachs.', 'goldman,sachs#'],
      ['According to Goldman Sachs, revenue rose 18 percent in 2023.', 'goldman,sachs#'],
      ['“Revenue rose 18 percent in 2023,” Cook said.', 'cook#'],
      ['Cook said revenue rose 18 percent in 2023.', 'cook#'],
      ['Revenue rose 18 percent in 2023.', undefined],
      ['Norcell opened a plant and revenue rose 18 percent in 2023.', undefined],
    ]
    for (const [sentence, src] of sources) {
      const [file] = await extract({'one.txt': [about, sentence].join('\n')})
      const claim = file.data.contradiction!.claims.find((c) => c.pred === 'rise')
      expect([sentence, claim?.src]).toEqual([sentence, src])
    }
  })

  test('hostile input stays fast: huge sentences are not parsed', async () => {
    const text = 'not '.repeat(50000) + '12 ' + 'a'.repeat(100000)
    const start = performance.now()
    const [file] = await extract({'hostile.txt': text})
    corpus([file], {})
    expect(file.data.contradiction!.claims).toEqual([])
    expect(performance.now() - start).toBeLessThan(20000)
  })
})
