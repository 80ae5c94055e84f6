import {readFileSync} from 'node:fs'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import fakeAuthorBlock, {meta, parseLine} from '../../rules/fake-author-block.js'
// @ts-expect-error: a plain ES module script without types
import {fakeBlock, socialBlock, inArticle, realSnippets, ARTICLES} from '../../scripts/measure-fake-author.mjs'

function lint(text: string, options?: Record<string, unknown>): VFileMessage[] {
  const processor = unified().use(retextEnglish).use(fakeAuthorBlock, options)
  const file = new VFile({value: text})
  processor.runSync(processor.parse(file), file)
  return file.messages
}

type Generated = {lines: string[]; layout?: string; fields?: number}

function expectBlockMessage(text: string, startLine: number, endLine: number, fields?: number) {
  const messages = lint(text)
  expect(messages).toHaveLength(1)
  const [message] = messages
  expect(message!.ruleId).toBe('fake-author-block')
  expect(message!.source).toBe('scrapelint')
  expect(message!.reason).toMatch(
    new RegExp(`^Profile block of ${fields ?? '\\d+'} fields \\(lines ${startLine}-${endLine}\\) filled with fake-data-generator values: template residue, not a real author; remove it$`),
  )
  // The removal covers the block, heading included, with its line endings.
  expect(message!.place).toMatchObject({start: {line: startLine, column: 1}, end: {line: endLine + 1, column: 1}})
  expect(message!.expected).toEqual([''])
  expect(message!.actual).toBe(text.split('\n').slice(startLine - 1, endLine).join('\n') + '\n')
  expect(message!.note).toMatch(/^fake-data score \d+(\.\d)? \(threshold 4\); evidence: line \d+: /)
  return message!
}

describe('fake-author-block', () => {
  it('reports the seed block as one message from `Detail Author:` through the last tiktok field', () => {
    const text = readFileSync(new URL('../../seeds/000_b5ec2ec2e0fda784.txt', import.meta.url), 'utf8')
    const messages = lint(text)
    expect(messages).toHaveLength(1)
    const message = messages[0]!
    expect(message.reason).toBe(
      'Profile block of 24 fields (lines 71-107) filled with fake-data-generator values: template residue, not a real author; remove it',
    )
    expect(message.place).toMatchObject({start: {line: 71, column: 1}, end: {line: 107, column: 20}})
    expect(message.expected).toEqual([''])
    expect(message.actual!.startsWith('Detail Author:\n')).toBe(true)
    expect(message.actual!.endsWith('following : 773')).toBe(true)
    // The evidence names the faker patterns.
    for (const evidence of ['`McCullough, Labadie and Langworth`', '`Coating Machine Operator`', '`Shyannemouth`', '`Krajcik Valleys`', 'nothing to do with the name `Timmy Blanda`', 'never names']) {
      expect(message.note).toContain(evidence)
    }
  })

  describe('flags generated profile blocks (faker-js, fixed seeds, 4 label sets, 7 layouts)', () => {
    const cases: Array<[number, Generated]> = []
    for (let seed = 1; seed <= 56; seed++) cases.push([seed, fakeBlock(seed, {minExtra: 4})])
    it('covers every layout and label set', () => {
      expect(new Set(cases.map(([, block]) => block.layout)).size).toBe(7)
    })
    it.each(cases)('seed %i', (seed, block) => {
      const {text, startLine, endLine} = inArticle(block.lines, seed)
      expectBlockMessage(text, startLine, endLine, block.fields)
    })
  })

  describe('flags generated social sub-blocks', () => {
    const cases: Array<[number, Generated]> = []
    for (let seed = 101; seed <= 112; seed++) cases.push([seed, socialBlock(seed)])
    it.each(cases)('seed %i', (seed, block) => {
      const {text, startLine, endLine} = inArticle(block.lines, seed)
      const message = expectBlockMessage(text, startLine, endLine)
      expect(message.actual!.startsWith('Socials\n')).toBe(true)
    })
  })

  describe('stays quiet on real bylines, bios, contact blocks, spec lists and contract terms', () => {
    const snippets: string[] = realSnippets()
    it('has enough of them', () => {
      expect(snippets.length).toBeGreaterThanOrEqual(40)
    })
    it.each(snippets.map((snippet, index) => [index, snippet] as const))('snippet %i', (index, snippet) => {
      expect(lint(`${ARTICLES[index % ARTICLES.length]}\n\n${snippet}\n`)).toEqual([])
    })
  })

  it('reads several fields from one pipe-separated line', () => {
    const text = 'Weather was mild.\n\nName: Timmy Blanda | Username: becker.adrianna | Email: bkunde@gmail.com | Company: McCullough, Labadie and Langworth | Job: Coating Machine Operator\n'
    expectBlockMessage(text, 3, 3, 5)
  })

  it('reads label and value on two lines and two-cell table rows', () => {
    const parsed = parseLine('| Email | jdoe@example.com |', 4)
    expect(parsed).toEqual({type: 'fields', fields: [{kind: 'email', label: 'email', value: 'jdoe@example.com', index: 4}]})
    expect(parseLine('E-mail', 0)).toEqual({type: 'label', kind: 'email', label: 'e-mail'})
    expect(parseLine('twitter:', 0)).toEqual({type: 'heading'})
    expect(parseLine('Battery life: 14 hours', 0)).toEqual({type: 'other', text: 'Battery life: 14 hours'})
  })

  it('reads tables rendered as text, JSON-like records, bylines and a desk name before the fields', () => {
    expect(parseLine('Name      | Emmett Schowalter', 2)).toEqual({type: 'fields', fields: [{kind: 'name', label: 'name', value: 'Emmett Schowalter', index: 2}]})
    expect(parseLine('Email     Emmett_Kuhic22@hotmail.com', 3)).toEqual({type: 'fields', fields: [{kind: 'email', label: 'email', value: 'Emmett_Kuhic22@hotmail.com', index: 3}]})
    expect(parseLine('"job_title": "Dynamic Paradigm Orchestrator",', 5)).toEqual({type: 'fields', fields: [{kind: 'job', label: 'job title', value: 'Dynamic Paradigm Orchestrator', index: 5}]})
    expect(parseLine('Twitter: @sigmund_koepp', 6)).toEqual({type: 'fields', fields: [{kind: 'username', label: 'twitter', value: '@sigmund_koepp', index: 6}]})
    expect(parseLine('Written by Alysha Bechtelar | Email: alysha@example.com', 7)).toEqual({
      type: 'fields',
      fields: [
        {kind: 'name', label: 'by', value: 'Alysha Bechtelar', index: 7},
        {kind: 'email', label: 'email', value: 'alysha@example.com', index: 7},
      ],
    })
    expect(parseLine('Sports desk | Author: Jarrod Rippin | Job: Dynamic Paradigm Orchestrator', 8)).toEqual({
      type: 'fields',
      fields: [
        {kind: 'name', label: 'author', value: 'Jarrod Rippin', index: 8},
        {kind: 'job', label: 'job', value: 'Dynamic Paradigm Orchestrator', index: 8},
      ],
    })
    expect(parseLine('By the end of the day | Email us your stories', 9)).toEqual({type: 'other', text: 'By the end of the day | Email us your stories'})
  })

  it('reports a JSON-like author record and a table rendered as text', () => {
    const json = ['The soup keeps for three days in the fridge.', '', 'About the writer', '"name": "Nakia Gutkowski",', '"email": "nakia.gutkowski@example.net",', '"job_title": "Dynamic Paradigm Orchestrator",', '"followers": 8841', ''].join('\n')
    expectBlockMessage(json, 3, 7, 4)
    const table = ['Rovers travel to Millbrook next Saturday.', '', 'Author Info', 'Name      | Emmett Schowalter', 'Username  | emmett_kuhic22', 'Job       | Future Tactics Liaison', 'Company   | Rowe, Toy and Kozey', ''].join('\n')
    expectBlockMessage(table, 3, 7, 4)
  })

  it('counts a birthdate that makes the writer a child', () => {
    const text = 'Intro.\n\nAuthor: Jon Snow\nBorn: 2019-03-02\nEmail: x@example.com\nPhone: 123-456-7890\n'
    const message = expectBlockMessage(text, 3, 6, 4)
    expect(message.note).toMatch(/born 2019: the writer would be \d years old/)
    expect(message.note).toContain('reserved for examples')
    expect(message.note).toContain('sequential or repeated number')
  })

  it('reads a profile url: a faker surname for a domain and a lorem ipsum path are evidence', () => {
    const text = 'Intro.\n\nAuthor: Jon Snow\nWebsite: https://www.kunde.com/dolorem-voluptas-quia\nEmail: x@example.com\nPhone: 123-456-7890\n'
    const message = expectBlockMessage(text, 3, 6, 4)
    expect(message.note).toContain('the domain of `https://www.kunde.com/dolorem-voluptas-quia` is a faker surname')
    expect(message.note).toContain('the path of `https://www.kunde.com/dolorem-voluptas-quia` is lorem ipsum')
  })

  it('honours the threshold option', () => {
    const {text} = inArticle(fakeBlock(7, {minExtra: 4}).lines, 7)
    expect(lint(text, {threshold: 30})).toEqual([])
    expect(lint(text, {threshold: 1})).toHaveLength(1)
    expect(meta.options!.threshold!.default).toBe(4)
  })

  it('needs minFields profile fields to see a block', () => {
    const text = 'Name: Timmy Blanda\nCompany: McCullough, Labadie and Langworth\n\nThe rest of the story.\n'
    expect(lint(text)).toEqual([])
    expect(lint(text, {minFields: 2, threshold: 2})).toHaveLength(1)
  })

  it('stays linear on hostile input', () => {
    const long = 'Name: ' + 'Blanda, '.repeat(150_000) + '\n' + '• '.repeat(200_000) + '\n' + ':'.repeat(300_000)
    // The rule alone, without the parser's own cost.
    const file = new VFile({value: long})
    const started = performance.now()
    fakeAuthorBlock()({type: 'RootNode', children: []} as never, file)
    expect(performance.now() - started).toBeLessThan(1500)
    expect(file.messages).toEqual([])
  })
})
