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
import {lintTexts} from '../../src/engine.js'

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

describe('contradiction (corpus rule)', () => {
  test('meta declares its options with defaults', () => {
    expect(meta.id).toBe('contradiction')
    for (const spec of Object.values(meta.options ?? {})) expect(spec.description.length).toBeGreaterThan(10)
    expect(meta.options?.withinDocument.default).toBe(true)
  })

  test('the seeds: the defense pact is reported in both files, each naming the other file, line and sentence', async () => {
    const files = await lintTexts([{path: `seeds/${SEED_A}`, value: seed(SEED_A)}, {path: `seeds/${SEED_B}`, value: seed(SEED_B)}], {config: false})
    const a = files.find((file) => file.path.endsWith(SEED_A))!
    const b = files.find((file) => file.path.endsWith(SEED_B))!
    const [inA] = messages(a)
    const [inB] = messages(b)
    expect(inA?.line).toBe(27)
    expect(inB?.line).toBe(20)
    expect(inA.reason).toContain(`seeds/${SEED_B}:20`)
    expect(inA.reason).toMatch(/signed/)
    expect(inA.reason).toMatch(/may not sign/)
    expect(inA.note).toContain('While they may not sign a formal defense pact')
    expect(inB.reason).toContain(`seeds/${SEED_A}:27`)
    expect(inB.note).toContain('This partnership has led to the signing of a new defense pact')
    expect(inA.url).toMatch(/contradiction\.md$/)
  })

  test('one seed alone reports no contradiction', async () => {
    for (const name of [SEED_A, SEED_B]) {
      const [file] = await lintTexts([{path: `seeds/${name}`, value: seed(name)}], {config: false})
      expect(messages(file)).toEqual([])
    }
  })

  test('three documents: each sentence gets one message; the one both others contradict names the second in its note', async () => {
    const files = await extract({'signed.txt': ACME_SIGNED, 'never.txt': ACME_NEVER, 'agrees.txt': ACME_AGREES})
    corpus(files, {})
    const [signed, never, agrees] = files
    expect(messages(never).length).toBe(1)
    expect(messages(never)[0].reason).toContain('signed.txt:2')
    expect(messages(never)[0].note).toMatch(/\nAlso contradicted by 1 more sentence: agrees\.txt:2\.$/)
    expect(messages(signed).length).toBe(1)
    expect(messages(signed)[0].reason).toContain('never.txt:2')
    expect(messages(signed)[0].reason).toMatch(/never signed/)
    expect(messages(agrees).length).toBe(1)
  })

  test('a sentence that many documents contradict gets one message, naming five more and counting the rest', async () => {
    const texts: Record<string, string> = {'never.txt': ACME_NEVER}
    for (let i = 0; i < 9; i++) texts[`signed-${i}.txt`] = ACME_SIGNED
    const files = await extract(texts)
    corpus(files, {})
    const never = messages(files[0])
    expect(never).toHaveLength(1)
    expect(never[0].reason).toContain('signed-0.txt:2')
    expect(never[0].note).toMatch(/\nAlso contradicted by 8 more sentences: signed-1\.txt:2, signed-2\.txt:2, signed-3\.txt:2, signed-4\.txt:2, signed-5\.txt:2 and 3 more\.$/)
    for (const file of files.slice(1)) expect(messages(file)).toHaveLength(1)
  })

  test('explicit different subjects never match', async () => {
    const files = await extract({
      'de.txt': 'Germany did not sign the climate treaty.',
      'fr.txt': 'France signed the climate treaty.',
      'it.txt': 'Italy may not sign the climate treaty.',
    })
    corpus(files, {})
    for (const file of files) expect(messages(file)).toEqual([])
  })

  test('a sentence holding both sides is a contrast: copies of it in two documents do not conflict', async () => {
    const sentence = 'Valdor did not sign the first contract, but Valdor signed the second contract in 2020.'
    const files = await extract({'one.txt': sentence, 'two.txt': 'Reports say so. ' + sentence})
    expect(files[0].data.contradiction!.claims.map((claim) => claim.pol).sort()).toEqual([-1, 1])
    corpus(files, {})
    expect(files.flatMap(messages)).toEqual([])
  })

  test('a contradiction inside one document is reported once, naming both lines', async () => {
    const text = ['Exports of Tarland grew quickly. Traders in Tarland were happy.', 'The factory employs 4,000 workers.', 'The factory employs 1,500 workers, a later report said.'].join('\n')
    const [file] = await extract({'one.txt': text})
    corpus([file], {})
    const found = messages(file)
    expect(found.length).toBe(1)
    expect(found[0].reason).toContain('line 2')
    expect(found[0].reason).toContain('line 3')
    const [quiet] = await extract({'one.txt': text})
    corpus([quiet], {withinDocument: false})
    expect(messages(quiet)).toEqual([])
  })

  test('kinds can be turned off', async () => {
    const files = await extract({'a.txt': 'Samsung shipped 12 million phones in 2023.', 'b.txt': 'Samsung shipped 9 million phones in 2023.'})
    corpus(files, {kinds: ['negation']})
    expect(files.flatMap(messages)).toEqual([])
    corpus(files, {})
    expect(files.flatMap(messages).length).toBe(2)
    expect(messages(files[0])[0].reason).toContain('different numbers')
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
    // a real conflict of dates, with and without the appositive, is still reported
    const files = await extract({
      'a.txt': 'Margaret Ellison, the archivist who led the recovery after the flood of 1968, died in 2009.',
      'b.txt': 'Margaret Ellison died in 2011.',
    })
    corpus(files, {})
    expect(messages(files[0]).map((m) => m.reason)).toEqual(['Contradiction with b.txt:1 (different dates for the same event): this says Margaret Ellison died in 2009; b.txt:1 says Margaret Ellison died in 2011'])
    expect(messages(files[1]).map((m) => m.reason)).toEqual(['Contradiction with a.txt:1 (different dates for the same event): this says Margaret Ellison died in 2011; a.txt:1 says Margaret Ellison died in 2009'])
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

  test('a gendered pronoun stands for the topic only when the document does not use the other gender as a subject too', async () => {
    const about = 'Margaret Ellison ran the record office in Lindford for decades. Staff at Lindford remember Ellison fondly. The archive of Lindford holds her papers.'
    const single = [about, 'She died in 2009, her family said.', 'She died in 2011.'].join('\n')
    const [file] = await extract({'one.txt': single})
    corpus([file], {})
    expect(messages(file).map((m) => m.reason)).toEqual(['Contradiction within this document (different dates for the same event): line 2 says she died in 2009; line 3 says she died in 2011'])
    const [both] = await extract({'both.txt': [about, 'She died in 2009, her family said.', 'She married Robert Ellison in 1961. He died in 2011.'].join('\n')})
    corpus([both], {})
    expect(messages(both)).toEqual([])
  })

  test('differently qualified events are several: opened to goods traffic, opened as part of a path, released on DVD, again', async () => {
    const quiet: Array<[string, string]> = [
      ['The viaduct opened to goods traffic in August 1871.', 'In 2014, the viaduct was repaired and opened as part of a walking path.'],
      ['The museum opened as a gallery in 1990.', 'The museum opened in 1995.'],
      ['The film was released on DVD in 2005.', 'The film was released in 2003.'],
      ['The theatre opened in 1920.', 'The theatre opened again in 1990.'],
      ['The theatre opened in 1920.', 'After the closure of the mill, the theatre opened in 1990.'],
    ]
    for (const [a, b] of quiet) {
      const files = await extract({'a.txt': a, 'b.txt': b})
      corpus(files, {})
      expect(files.flatMap(messages)).toEqual([])
    }
    const files = await extract({'a.txt': 'The viaduct opened in 1871.', 'b.txt': 'The viaduct opened in 1874.'})
    corpus(files, {})
    expect(messages(files[0]).map((m) => m.reason)).toEqual(['Contradiction with b.txt:1 (different dates for the same event): this says the viaduct opened in 1871; b.txt:1 says the viaduct opened in 1874'])
    const same = await extract({'a.txt': 'The album was released on Columbia Records in 2005.', 'b.txt': 'The album was released on Columbia Records in 2003.'})
    corpus(same, {})
    expect(messages(same[0]).map((m) => m.reason)).toEqual(['Contradiction with b.txt:1 (different dates for the same event): this says the album was released in 2005; b.txt:1 says the album was released in 2003'])
  })

  test('within one document, claims attributed to different sources are a reported disagreement, not a contradiction', async () => {
    const about = 'Investors in Norcell were cautious. The board of Norcell met on Monday. Critics of Norcell point to delays.'
    const analysts = 'Analysts argued that revenue rose 13 percent in the second quarter of 2023.'
    const company = 'The company confirmed that revenue rose 18 percent in the second quarter of 2023.'
    const [file] = await extract({'one.txt': [about, analysts, company].join('\n')})
    expect(file.data.contradiction!.claims.filter((claim) => claim.pred === 'rise').map((claim) => claim.src)).toEqual(['#analyst', 'norcell#'])
    corpus([file], {})
    expect(messages(file)).toEqual([])
    // the same two sentences in two documents: two outlets reporting different figures
    const two = await extract({'a.txt': [about, analysts].join('\n'), 'b.txt': [about, company].join('\n')})
    corpus(two, {})
    expect(two.flatMap(messages).map((m) => m.reason)).toEqual([
      'Contradiction with b.txt:2 (different numbers for the same quantity and period): this says revenue rose 13 percent in 2023 second quarter; b.txt:2 says revenue rose 18 percent in 2023 second quarter',
      'Contradiction with a.txt:2 (different numbers for the same quantity and period): this says revenue rose 18 percent in 2023 second quarter; a.txt:2 says revenue rose 13 percent in 2023 second quarter',
    ])
  })

  test('within one document, the same source twice, one claim in its own voice, or none attributed are still contradictions', async () => {
    const about = 'Investors in Norcell were cautious. The board of Norcell met on Monday. Critics of Norcell point to delays.'
    const cases: Array<[string, string]> = [
      ['Revenue rose 13 percent in the second quarter.', 'Revenue rose 18 percent in the second quarter.'],
      ['Analysts argued that revenue rose 13 percent in the second quarter.', 'Revenue rose 18 percent in the second quarter, analysts said.'],
      ['According to Norcell, revenue rose 13 percent in the second quarter.', 'The company confirmed that revenue rose 18 percent in the second quarter.'],
      ['Analysts argued that revenue rose 13 percent in the second quarter.', 'Revenue rose 18 percent in the second quarter.'],
    ]
    for (const [first, second] of cases) {
      const [file] = await extract({'one.txt': [about, first, second].join('\n')})
      corpus([file], {})
      expect(messages(file).map((m) => m.reason.replaceAll('says Revenue', 'says revenue'))).toEqual(['Contradiction within this document (different numbers for the same quantity and period): line 2 says revenue rose 13 percent; line 3 says revenue rose 18 percent'])
    }
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
