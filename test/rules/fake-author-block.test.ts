import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import fakeAuthorBlock, {meta, parseLine} from '../../rules/fake-author-block.js'
// @ts-expect-error: a plain ES module script without types
import {fakeBlock, socialBlock, inArticle, realSnippets, ARTICLES} from '../../scripts/measure-fake-author.mjs'
import {ruleTester, type ExpectedMessage, type InvalidTextCase} from '../helpers/rule-tester.js'

type Generated = {lines: string[]; layout?: string; fields?: number}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The one message of a block from `startLine` to `endLine`: its removal covers the block, heading included, with its line endings. */
function blockMessage(text: string, startLine: number, endLine: number, fields?: number, note: RegExp = /^fake-data score \d+(\.\d)? \(threshold 4\); evidence: line \d+: /): ExpectedMessage {
  return {
    reason: new RegExp(`^Profile block of ${fields ?? '\\d+'} fields \\(lines ${startLine}-${endLine}\\) filled with fake-data-generator values: template residue, not a real author; remove it$`),
    line: startLine,
    column: 1,
    endLine: endLine + 1,
    endColumn: 1,
    expected: [''],
    actual: text.split('\n').slice(startLine - 1, endLine).join('\n') + '\n',
    note,
  }
}

function blockCase(name: string, text: string, startLine: number, endLine: number, fields?: number): InvalidTextCase {
  return {name, text, messages: [blockMessage(text, startLine, endLine, fields)]}
}

/** A note that holds every one of `parts`. */
const noteWith = (...parts: string[]) => new RegExp('^(?=[^]*' + parts.map(escape).join(')(?=[^]*') + ')')

const seed = readFileSync(new URL('../../seeds/000_b5ec2ec2e0fda784.txt', import.meta.url), 'utf8')

describe('fake-author-block', () => {
  ruleTester('fake-author-block', {
    invalid: [
      {
        name: 'reports the seed block as one message from `Detail Author:` through the last tiktok field',
        text: seed,
        messages: [
          {
            reason: 'Profile block of 24 fields (lines 71-107) filled with fake-data-generator values: template residue, not a real author; remove it',
            line: 71,
            column: 1,
            endLine: 107,
            endColumn: 20,
            expected: [''],
            actual: /^Detail Author:\n[^]*following : 773$/,
            // The evidence names the faker patterns.
            note: noteWith('`McCullough, Labadie and Langworth`', '`Coating Machine Operator`', '`Shyannemouth`', '`Krajcik Valleys`', 'nothing to do with the name `Timmy Blanda`', 'never names'),
          },
        ],
      },
    ],
  })

  describe('flags generated profile blocks (faker-js, fixed seeds, 4 label sets, 7 layouts)', () => {
    const cases: Array<[number, Generated]> = []
    for (let seed = 1; seed <= 56; seed++) cases.push([seed, fakeBlock(seed, {minExtra: 4})])
    it('covers every layout and label set', () => {
      expect(new Set(cases.map(([, block]) => block.layout)).size).toBe(7)
    })
    ruleTester('fake-author-block', {
      invalid: cases.map(([seed, block]) => {
        const {text, startLine, endLine} = inArticle(block.lines, seed)
        return blockCase(`seed ${seed}`, text, startLine, endLine, block.fields)
      }),
    })
  })

  describe('flags generated social sub-blocks', () => {
    const cases: Array<[number, Generated]> = []
    for (let seed = 101; seed <= 112; seed++) cases.push([seed, socialBlock(seed)])
    ruleTester('fake-author-block', {
      invalid: cases.map(([seed, block]) => {
        const {text, startLine, endLine} = inArticle(block.lines, seed)
        const message = blockMessage(text, startLine, endLine)
        // The block starts at its `Socials` heading.
        return {name: `seed ${seed}`, text, messages: [{...message, actual: 'Socials\n' + text.split('\n').slice(startLine, endLine).join('\n') + '\n'}]}
      }),
    })
  })

  describe('stays quiet on real bylines, bios, contact blocks, spec lists and contract terms', () => {
    const snippets: string[] = realSnippets()
    it('has enough of them', () => {
      expect(snippets.length).toBeGreaterThanOrEqual(40)
    })
    ruleTester('fake-author-block', {valid: snippets.map((snippet, index) => ({name: `snippet ${index}`, text: `${ARTICLES[index % ARTICLES.length]}\n\n${snippet}\n`}))})
  })

  const pipe = 'Weather was mild.\n\nName: Timmy Blanda | Username: becker.adrianna | Email: bkunde@gmail.com | Company: McCullough, Labadie and Langworth | Job: Coating Machine Operator\n'
  const json = ['The soup keeps for three days in the fridge.', '', 'About the writer', '"name": "Nakia Gutkowski",', '"email": "nakia.gutkowski@example.net",', '"job_title": "Dynamic Paradigm Orchestrator",', '"followers": 8841', ''].join('\n')
  const table = ['Rovers travel to Millbrook next Saturday.', '', 'Author Info', 'Name      | Emmett Schowalter', 'Username  | emmett_kuhic22', 'Job       | Future Tactics Liaison', 'Company   | Rowe, Toy and Kozey', ''].join('\n')
  const child = 'Intro.\n\nAuthor: Jon Snow\nBorn: 2019-03-02\nEmail: x@example.com\nPhone: 123-456-7890\n'
  const url = 'Intro.\n\nAuthor: Jon Snow\nWebsite: https://www.kunde.com/dolorem-voluptas-quia\nEmail: x@example.com\nPhone: 123-456-7890\n'
  const thresholdBlock = inArticle(fakeBlock(7, {minExtra: 4}).lines, 7).text
  const twoFields = 'Name: Timmy Blanda\nCompany: McCullough, Labadie and Langworth\n\nThe rest of the story.\n'
  ruleTester('fake-author-block', {
    valid: [
      {name: 'honours the threshold option (30: quiet)', text: thresholdBlock, options: {threshold: 30}},
      {name: 'needs minFields profile fields to see a block', text: twoFields},
    ],
    invalid: [
      {...blockCase('reads several fields from one pipe-separated line', pipe, 3, 3, 5), output: 'Weather was mild.\n'},
      {...blockCase('reports a JSON-like author record', json, 3, 7, 4), output: 'The soup keeps for three days in the fridge.\n'},
      {...blockCase('reports a table rendered as text', table, 3, 7, 4), output: 'Rovers travel to Millbrook next Saturday.\n'},
      {
        name: 'counts a birthdate that makes the writer a child',
        text: child,
        messages: [{...blockMessage(child, 3, 6, 4), note: /^fake-data score \d+(\.\d)? \(threshold 4\); evidence: line \d+: (?=[^]*born 2019: the writer would be \d years old)(?=[^]*reserved for examples)(?=[^]*sequential or repeated number)/}],
        output: 'Intro.\n',
      },
      {
        name: 'reads a profile url: a faker surname for a domain and a lorem ipsum path are evidence',
        text: url,
        messages: [
          {
            ...blockMessage(url, 3, 6, 4),
            note: /^fake-data score \d+(\.\d)? \(threshold 4\); evidence: line \d+: (?=[^]*the domain of `https:\/\/www\.kunde\.com\/dolorem-voluptas-quia` is a faker surname)(?=[^]*the path of `https:\/\/www\.kunde\.com\/dolorem-voluptas-quia` is lorem ipsum)/,
          },
        ],
        output: 'Intro.\n',
      },
      {name: 'honours the threshold option (1: reported)', text: thresholdBlock, options: {threshold: 1}, messages: [{reason: /^Profile block of \d+ fields/}]},
      {name: 'sees a block of two fields with minFields 2', text: twoFields, options: {minFields: 2, threshold: 2}, messages: [{reason: /^Profile block of 2 fields \(lines 1-2\)/}], output: 'The rest of the story.\n'},
    ],
  })

  it('defaults the threshold to 4', () => {
    expect(meta.options!.threshold!.default).toBe(4)
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
