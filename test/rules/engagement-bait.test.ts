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

  it('reports calls in other wordings: after a dash, joined to an imperative by `and`, asking for ratings, forums and follows', async () => {
    const text = [
      'The final is on Sunday.',
      '',
      "Don't keep this to yourself - hit the share button and follow us for live coverage!",
      '',
      'Did you make this recipe? Leave a star rating and snap a photo for us on Instagram!',
      '',
      'Ready to lace up? Download our free printable plan and share your progress with the community!',
      '',
      'We would love to hear from parents: what has your school done about phones? Join the conversation on our forum.',
      '',
      'Love local news? Give us a follow on Facebook.',
      '',
      'Found this useful? Pass it on to a friend who is remortgaging.',
      '',
      'Which app do you swear by? Sound off below and hit subscribe so you never miss a guide.',
    ].join('\n')
    const messages = await lint(text)
    expect(messages.map((m) => [m.line, m.reason])).toEqual([
      [3, "Call to engagement addressed to the reader (hit): `Don't keep this to yourself - hit the share button and follow us for live coverage!`"],
      [5, 'Call to engagement addressed to the reader (leave): `Leave a star rating and snap a photo for us on Instagram!`'],
      [7, 'Call to engagement addressed to the reader (share): `Download our free printable plan and share your progress with the community!`'],
      [9, 'Call to engagement addressed to the reader (join the conversation): `Join the conversation on our forum.`'],
      [11, 'Call to engagement addressed to the reader (give us a follow): `Give us a follow on Facebook.`'],
      [13, 'Call to engagement addressed to the reader (pass it on): `Pass it on to a friend who is remortgaging.`'],
      [15, 'Call to engagement addressed to the reader (sound off): `Sound off below and hit subscribe so you never miss a guide.`'],
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
      'We download the data every night and share it with partners.',
      'The coach said: leave a review of the season to the board.',
      'Download the forms and read them before the meeting.',
    ].join('\n\n')
    expect(await lint(text)).toEqual([])
  })
})
