/** The rule tester's own checks: a case fails when a message is missing, extra, different, out of order, or the output differs. */
import {describe, expect, it} from 'vitest'
import * as repeatedWords from '../../rules/repeated-words.js'
import {checkInvalid, checkValid, containing, lintCase, processorCount, toRule} from './rule-tester.js'

const text = 'He went to the the shop. This is is a test.'
const the = {reason: 'Unexpected repeated `the`, remove one occurrence', line: 1, column: 12, actual: 'the the', expected: ['the']}
const is = {reason: 'Unexpected repeated `is`, remove one occurrence', line: 1, column: 31, actual: 'is is', expected: ['is']}
const output = 'He went to the shop. This is a test.'

describe('rule-tester', () => {
  it('passes a case that states every message and the output', async () => {
    await expect(checkInvalid('repeated-words', {text, messages: [the, is], output})).resolves.toBeUndefined()
    await expect(checkValid('repeated-words', 'She had had enough.')).resolves.toBeUndefined()
  })

  it('fails when a message is missing', async () => {
    await expect(checkInvalid('repeated-words', {text, messages: [the, is, {...is, column: 40}]})).rejects.toThrow('message 3 of 3 is missing')
  })

  it('fails when an extra message appears, in an invalid case and in a valid one', async () => {
    await expect(checkInvalid('repeated-words', {text, messages: [the]})).rejects.toThrow(/1 extra message: 1:31 repeated-words "Unexpected repeated `is`/)
    await expect(checkValid('repeated-words', text)).rejects.toThrow('2 extra messages')
  })

  it('fails when a message differs in any key it states, or comes out of order', async () => {
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, reason: 'Unexpected repeated `the`'}, is]})).rejects.toThrow('message 1 of 2: reason should be')
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, reason: /^Repeated/}, is]})).rejects.toThrow('reason should be /^Repeated/')
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, column: 11}, is]})).rejects.toThrow('column should be 11, but is 12')
    await expect(checkInvalid('repeated-words', {text, messages: [the, {...is, line: 2}]})).rejects.toThrow('message 2 of 2: line should be 2')
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, actual: 'the'}, is]})).rejects.toThrow('actual should be "the"')
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, expected: ['']}, is]})).rejects.toThrow('expected should be [""]')
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, note: undefined}, is]})).rejects.toThrow('note should be undefined')
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, ruleId: 'lorem-ipsum'}, is]})).rejects.toThrow('ruleId should be "lorem-ipsum"')
    await expect(checkInvalid('repeated-words', {text, messages: [is, the]})).rejects.toThrow('message 1 of 2: reason should be')
  })

  it('matches a reason that holds every part given, in any order, and nothing less', async () => {
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, reason: containing('remove one', '`the`')}, is]})).resolves.toBeUndefined()
    await expect(checkInvalid('repeated-words', {text, messages: [{...the, reason: containing('`the`', 'keep both')}, is]})).rejects.toThrow('reason should be')
    expect(containing('a.b (c)').test('x a.b (c) y')).toBe(true)
    expect(containing('a.b (c)').test('x aXb (c) y')).toBe(false)
  })

  it('checks the source and the url of every message, without being told', async () => {
    const [file] = await lintCase('repeated-words', text)
    expect(file.messages.map((message) => [message.source, message.url])).toEqual([
      ['scrapelint', 'https://github.com/scrapelint/scrapelint/blob/main/rules/repeated-words.md'],
      ['scrapelint', 'https://github.com/scrapelint/scrapelint/blob/main/rules/repeated-words.md'],
    ])
  })

  it('fails when the output after the fixes differs, and applies the fixes with the product code', async () => {
    await expect(checkInvalid('repeated-words', {text, messages: [the, is], output: text})).rejects.toThrow('the output after the fixes differs')
    await expect(checkInvalid('repeated-words', {text, messages: [the, is], output: 'He went to the shop. This is is a test.'})).rejects.toThrow('the output after the fixes differs')
  })

  it('refuses unknown options and a case without messages', async () => {
    await expect(checkValid('repeated-words', {text: 'Fine.', options: {nope: 1}})).rejects.toThrow(/option `nope` is unknown/)
    await expect(checkInvalid('repeated-words', {text: 'Fine.', messages: []})).rejects.toThrow('expects at least one message')
    expect(() => toRule('no-such-rule')).toThrow('no rule `no-such-rule`')
  })

  it('takes a rule module as well as an id, and builds one processor per rule, options and format', async () => {
    await checkInvalid(repeatedWords, {text, messages: [the, is], output})
    const before = processorCount()
    for (let index = 0; index < 3; index++) await checkInvalid(repeatedWords, {text, messages: [the, is], output})
    await checkValid('repeated-words', {text: 'She had had enough.'})
    expect(processorCount()).toBe(before)
    await checkValid('repeated-words', {text: 'She had had enough.', format: 'markdown'})
    expect(processorCount()).toBe(before + 1)
  })

  it('fails when a rule whose meta says it is not fixable reports a fix', async () => {
    const unfixable = {...repeatedWords, meta: {...repeatedWords.meta, fixable: false}}
    await expect(checkInvalid(unfixable, {text, messages: [the, is]})).rejects.toThrow("the rule's meta says it is not fixable, but a message carries a fix")
    await expect(checkInvalid(repeatedWords, {text, messages: [the, is]})).resolves.toBeUndefined()
  })

  it('maps a Markdown case back to its source, as the engine does', async () => {
    const markdown = '# Title\n\nHe went to **the the** shop.'
    await expect(checkInvalid('repeated-words', {text: markdown, format: 'markdown', messages: [{...the, line: 3, column: 14}], output: '# Title\n\nHe went to **the** shop.'})).resolves.toBeUndefined()
  })

  it('checks each document of a corpus case, and fails when one differs', async () => {
    const footer = 'Subscribe to the Valley Courier for daily updates'
    const docs = ['Apples are late this year.', 'Pears are late this year.'].map((body) => `${body}\n\n${footer}\n`)
    const message = {reason: `This line ("${footer}") recurs as its own line in 2 documents of this run: site template, not content`, line: 3, actual: footer + '\n', expected: ['']}
    const good = {corpus: docs, messages: [[message], [message]], output: ['Apples are late this year.\n', 'Pears are late this year.\n']}
    await expect(checkInvalid('shared-boilerplate', good)).resolves.toBeUndefined()
    await expect(checkInvalid('shared-boilerplate', {...good, messages: [[message], []]})).rejects.toThrow('doc-1.txt: 1 extra message')
    await expect(checkValid('shared-boilerplate', {corpus: docs})).rejects.toThrow('doc-0.txt: 1 extra message')
    await expect(checkValid('shared-boilerplate', {corpus: docs, options: {minDocs: 3}})).resolves.toBeUndefined()
  })
})
