import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import gluedHeading from '../../rules/glued-heading.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(gluedHeading)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, line: m.line, column: m.column, actual: m.actual, expected: m.expected}))
}

describe('glued-heading', () => {
  it('reports a colon-subtitle heading glued after a sentence, inserting the paragraph break', async () => {
    const paragraph = 'Sourdough needs patience, warm water and a starter that has been fed the night before.'
    const heading = 'Shaping the Loaf: Tension Without Tearing'
    const text = `Baking Bread at Home\n\n${paragraph}${heading}\n\nFold the dough toward you and turn it a quarter.`
    expect(await lint(text)).toEqual([
      {
        reason: `Heading \`${heading}\` is glued to the end of the previous paragraph`,
        ruleId: 'glued-heading',
        line: 3,
        column: paragraph.length + 1,
        actual: heading,
        expected: ['\n\n' + heading],
      },
    ])
  })

  it('uses a single line break in documents without blank lines, and handles closing quotes and questions', async () => {
    const text = [
      'Contents',
      '- Where the Money Goes',
      '- Who Pays in the End?',
      'The budget grew again this year, and the council said it was "unavoidable."Where the Money Goes',
      'Most of it went to roads and schools, officials said on Tuesday afternoon?Who Pays in the End?',
      'Taxpayers, mostly.',
    ].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => [m.line, m.actual, m.expected])).toEqual([
      [4, 'Where the Money Goes', ['\nWhere the Money Goes']],
      [5, 'Who Pays in the End?', ['\nWho Pays in the End?']],
    ])
  })

  it('reports a Title Case heading with no colon when a paragraph of prose starts on the next line', async () => {
    const paragraph = 'From the rebound, the substitute blazed the ball over the bar from six yards.'
    const heading = 'Player Ratings and Key Moments From a Wet Afternoon'
    const text = `${paragraph}${heading}\nThe winner came from the resulting pressure, a corner headed in off the bar.`
    expect(await lint(text)).toEqual([
      {
        reason: `Heading \`${heading}\` is glued to the end of the previous paragraph`,
        ruleId: 'glued-heading',
        line: 1,
        column: paragraph.length + 1,
        actual: heading,
        expected: ['\n' + heading],
      },
    ])
  })

  it('does not take a Title Case tail without a section after it, or an e-mail address, for a heading', async () => {
    const text = [
      'The final was played at the national stadium.Wembley Stadium Tour',
      '',
      'Contact the desk for corrections at any hour: Sports desk | Email: Rylee.White@yahoo.com | Job: Senior Sports Editor',
      'The desk replies to every message within two working days, the editor said.',
    ].join('\n')
    expect(await lint(text)).toEqual([])
  })

  it('does not report abbreviations, initials, decimals, domains or normal sentences', async () => {
    const text = [
      'He moved to the U.S.A. in 1990 and read J.R.R. Tolkien every night before bed.',
      'The ratio was 3.5 to 1, e.g. in Node.js projects hosted on example.com at 9 a.m. sharp.',
      'The team won the match.The coach said the players deserve a rest after a long season.',
      'She said it was over.Then she left: the room went quiet',
      'Prices rose in the capital.Analysts: Markets',
    ].join('\n\n')
    expect(await lint(text)).toEqual([])
  })

  it('stays linear on hostile input (the rule alone: the English parser is slow on such text by itself)', () => {
    const text = 'word.Word '.repeat(200_000) + '\n' + 'A.B'.repeat(200_000) + '\n' + 'x.'.repeat(300_000) + 'Title Case: Heading Here'
    const file = new VFile({value: text})
    const start = performance.now()
    gluedHeading()({type: 'RootNode', children: []}, file)
    expect(performance.now() - start).toBeLessThan(3000)
  })
})
