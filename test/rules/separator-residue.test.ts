import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import separatorResidue from '../../rules/separator-residue.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(separatorResidue)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, line: m.line, column: m.column, actual: m.actual, expected: m.expected}))
}

describe('separator-residue', () => {
  it('reports a separator glued to the end of a paragraph', async () => {
    const text = 'The vineyard will keep growing old varieties for as long as the family runs it.***\nNext paragraph here.'
    expect(await lint(text)).toEqual([
      {
        reason: "Separator `***` glued to the end of a paragraph: a section break from the page's markup that the scraper joined to the text",
        ruleId: 'separator-residue',
        line: 1,
        column: text.indexOf('***') + 1,
        actual: '***',
        expected: [''],
      },
    ])
  })

  it('reports spaced and dashed separators after a sentence, and one glued to the start', async () => {
    const text = ['Tickets sold out within an hour of the announcement. * * *', 'The trial ended on Friday with a split verdict. ---', '~~~The next morning the ferry did not run.'].join('\n')
    expect((await lint(text)).map((m) => [m.line, m.actual])).toEqual([
      [1, ' * * *'],
      [2, ' ---'],
      [3, '~~~'],
    ])
  })

  it('reports dashes glued to the start of a heading or paragraph, but not list bullets or spaced dashes', async () => {
    const text = ['---What We Still Don\'t Know About the Outage', '- Tickets are on sale from Monday morning', '--- The next morning the ferry did not run.', '--Then he left the room without a word.'].join('\n')
    expect((await lint(text)).map((m) => [m.line, m.reason, m.actual, m.expected])).toEqual([
      [1, "Separator `---` glued to the start of a paragraph: a section break from the page's markup that the scraper joined to the text", '---', ['']],
    ])
  })

  it('leaves separators on their own line, bold italics, em dashes and markdown rules alone', async () => {
    const text = ['***', '* * *', 'She called it ***the best harvest in years***', 'He paused---and then he left the room without a word.', '---', 'A list item follows - and more text - without separators.'].join('\n')
    expect(await lint(text)).toEqual([])
  })
})
