import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import citationResidue from '../../rules/citation-residue.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(citationResidue)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, line: m.line, column: m.column, actual: m.actual, expected: m.expected}))
}

describe('citation-residue', () => {
  it('reports a run of spaced markers as one message that removes them with the space before', async () => {
    const text = 'The orchid grows on volcanic slopes [4] [5] [6] and flowers in March.'
    expect(await lint(text)).toEqual([
      {
        reason: 'Reference markers `[4] [5] [6]` point to no references in this document',
        ruleId: 'citation-residue',
        line: 1,
        column: text.indexOf(' [4]') + 1,
        actual: ' [4] [5] [6]',
        expected: [''],
      },
    ])
  })

  it('reports glued markers, maintenance tags, edit links, letter notes and jump-up links', async () => {
    const text = [
      'Early life[edit]',
      'The club was founded in 1902.[2][3] Its first ground was a cricket field[citation needed], later sold.[a]',
      '^ Jump up to: a b Annual report of the club, 1903.',
    ].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => [m.line, m.actual, m.expected])).toEqual([
      [1, '[edit]', ['']],
      [2, '[2][3]', ['']],
      [2, '[citation needed]', ['']],
      [2, '[a]', ['']],
      [3, '^ Jump up to: a b ', ['']],
    ])
    expect(messages[2].reason).toBe('Encyclopedia maintenance tag `[citation needed]` left in the text')
    expect(messages[0].reason).toBe('Section edit link `[edit]` left in the text')
  })

  it('does not report numbered lists, [sic], editorial insertions or code indexing', async () => {
    const text = [
      '[1] Preheat the oven.',
      '[2] Mix the flour and the salt.',
      '"He was [sic] late," she said. "We get our shot [again]," and it is [a] big one.',
      'Read items[0] and x[1] first; then set total = values[2] * 2.',
      'Quoted from the Quran [Al Maa-idah 8] and [ CNET ] in a list.',
    ].join('\n')
    expect(await lint(text)).toEqual([])
  })

  it('does not report markers that a references section defines, but does report the others', async () => {
    const text = ['Solar output rose 4%.[1] Wind fell.[2] Hydro held.[7]', '', 'References', '1. Energy agency, 2020.', '2. Grid operator, 2021.'].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => m.actual)).toEqual(['[7]'])
  })

  it('stays linear on hostile input', () => {
    const text = '[1] '.repeat(100_000) + '\nword' + '[2]'.repeat(100_000) + '\n' + '['.repeat(200_000) + '\n' + '^ Jump up'.repeat(5_000)
    const file = new VFile({value: text})
    const start = performance.now()
    citationResidue()({type: 'RootNode', children: []}, file)
    expect(performance.now() - start).toBeLessThan(3000)
  })
})
