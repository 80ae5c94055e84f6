import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import engagementBait from '../../rules/engagement-bait.js'

async function lint(text: string) {
  const processor = unified().use(retextEnglish).use(engagementBait)
  const file = new VFile({value: text})
  await processor.run(processor.parse(file), file)
  return file.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, line: m.line, column: m.column, actual: m.actual, expected: m.expected}))
}

describe('engagement-bait', () => {
  it('reports a call to comment, with the sentence (and the space before it) as the removal', async () => {
    const text = 'The new trail opens in June. Tell us in the comments which hike you want us to review next.'
    expect(await lint(text)).toEqual([
      {
        reason: 'Call to engagement addressed to the reader (tell us): `Tell us in the comments which hike you want us to review next.`',
        ruleId: 'engagement-bait',
        line: 1,
        column: text.indexOf(' Tell') + 1,
        actual: ' Tell us in the comments which hike you want us to review next.',
        expected: [''],
      },
    ])
  })

  it('groups adjacent calls and the reader questions around them into one removal', async () => {
    const text = 'Electric bikes are here to stay. What do you think? Let us know in the comment section below. If you enjoyed this guide, please share it with your friends.'
    const messages = await lint(text)
    expect(messages).toHaveLength(1)
    expect(messages[0].actual).toBe(' What do you think? Let us know in the comment section below. If you enjoyed this guide, please share it with your friends.')
    expect(messages[0].reason).toContain('(let us know, share)')
  })

  it('reports subscribe, follow and click calls in other templates', async () => {
    const text = [
      'Markets closed higher on Friday.',
      '',
      "Don't forget to subscribe to our newsletter for weekly updates.",
      '',
      'Follow us on Instagram for more recipes.',
      '',
      'Click the link below to get the full report.',
    ].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => [m.line, m.column])).toEqual([
      [3, 1],
      [5, 1],
      [7, 1],
    ])
  })

  it('does not report reported requests, quotes, or instructions that are not engagement', async () => {
    const text = [
      'The mayor asked residents to share their thoughts at the town hall on Tuesday.',
      'Officials encouraged subscribers to comment on the draft before May.',
      '"Share your thoughts in the comments below," the host told viewers.',
      'Follow the instructions below and leave the dough to rise overnight.',
      'Click here to get more information or download this game.',
      'Readers shared the article widely, and many followed the author on Twitter.',
      'Leave the pan below the grill for ten minutes.',
    ].join('\n\n')
    expect(await lint(text)).toEqual([])
  })
})
