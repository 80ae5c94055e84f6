import {ruleTester} from '../helpers/rule-tester.js'

const call = (verbs: string, sentence: string) => `Call to engagement addressed to the reader (${verbs}): \`${sentence}\``
const comment = 'The new trail opens in June. Tell us in the comments which hike you want us to review next.'
const grouped = 'Electric bikes are here to stay. What do you think? Let us know in the comment section below. If you enjoyed this guide, please share it with your friends.'
const templates = [
  'Markets closed higher on Friday.',
  '',
  "Don't forget to subscribe to our newsletter for weekly updates.",
  '',
  'Follow us on Instagram for more recipes.',
  '',
  'Click the link below to get the full report.',
]
const wordings = [
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
]

ruleTester('engagement-bait', {
  valid: [
    {
      name: 'does not report reported requests, quotes, or instructions that are not engagement',
      text: [
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
      ].join('\n\n'),
    },
  ],
  invalid: [
    {
      name: 'reports a call to comment, with the sentence (and the space before it) as the removal',
      text: comment,
      messages: [
        {
          reason: call('tell us', 'Tell us in the comments which hike you want us to review next.'),
          line: 1,
          column: comment.indexOf(' Tell') + 1,
          actual: ' Tell us in the comments which hike you want us to review next.',
          expected: [''],
        },
      ],
      output: 'The new trail opens in June.',
    },
    {
      name: 'groups adjacent calls and the reader questions around them into one removal',
      text: grouped,
      messages: [{reason: /\(let us know, share\)/, actual: ' What do you think? Let us know in the comment section below. If you enjoyed this guide, please share it with your friends.'}],
      output: 'Electric bikes are here to stay.',
    },
    {
      name: 'reports subscribe, follow and click calls in other templates',
      text: templates.join('\n'),
      messages: [
        {reason: /^Call to engagement addressed to the reader \(subscribe\): `Don't forget/, line: 3, column: 1},
        {reason: /^Call to engagement addressed to the reader \(follow\): `Follow us/, line: 5, column: 1},
        {reason: /^Call to engagement addressed to the reader \(click[^)]*\): `Click the link/, line: 7, column: 1},
      ],
      output: 'Markets closed higher on Friday.',
    },
    {
      name: 'reports calls in other wordings: after a dash, joined to an imperative by `and`, asking for ratings, forums and follows',
      text: wordings.join('\n'),
      messages: [
        {reason: call('hit', "Don't keep this to yourself - hit the share button and follow us for live coverage!"), line: 3},
        {reason: call('leave', 'Leave a star rating and snap a photo for us on Instagram!'), line: 5},
        {reason: call('share', 'Download our free printable plan and share your progress with the community!'), line: 7},
        {reason: call('join the conversation', 'Join the conversation on our forum.'), line: 9},
        {reason: call('give us a follow', 'Give us a follow on Facebook.'), line: 11},
        {reason: call('pass it on', 'Pass it on to a friend who is remortgaging.'), line: 13},
        {reason: call('sound off', 'Sound off below and hit subscribe so you never miss a guide.'), line: 15},
      ],
      // What the fixes give today: the blank lines around the removed paragraphs stay, and the question
      // before some calls ("Ready to lace up?") stays behind while others ("Did you make this recipe?") go with the call.
      output: ['The final is on Sunday.', '', '', '', '', '', 'Ready to lace up?', '', '', '', 'Love local news?', '', 'Found this useful?'].join('\n'),
    },
  ],
})
