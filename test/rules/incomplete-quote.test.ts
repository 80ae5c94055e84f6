import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import incompleteQuote, {meta} from '../../rules/incomplete-quote.js'
import {lintCase, ruleTester} from '../helpers/rule-tester.js'

/** `⟦` marks where the message must start; it is removed before linting. */
const MARK = '⟦'

function where(marked: string): {text: string; line: number; column: number} {
  const offset = marked.indexOf(MARK)
  if (offset === -1) throw new Error('case without a mark: ' + marked)
  const text = marked.slice(0, offset) + marked.slice(offset + MARK.length)
  const before = text.slice(0, offset).split('\n')
  return {text, line: before.length, column: before[before.length - 1].length + 1}
}

const ends = (kind: string, word: string) => `Quote ends on ${kind} \`${word}\`: the words it introduces are missing`
const verb = (word: string) => `Quote ends on the verb \`${word}\` with no object: the rest of the sentence is missing`
const idiom = (word: string, phrase: string, missing: string) =>
  `Quote ends on \`${word}\`: \`${phrase}\` is missing its last word (\`${phrase} ${missing}\`)`
const adjective = (word: string, before: string) => `Quote ends on the adjective \`${word}\` after \`${before}\`: its noun is missing`
const split = (word: string, next: string) => `Quote closes after \`${word}\`, inside a noun phrase that goes on with \`${next}\``
const unclosed = (word: string, why: string) => `Quotation opened here never closes; its last word is \`${word}\`: ${why}`
const subject = (words: string, kind = 'the subject') => `Quote ends on ${kind} \`${words}\` with no verb: the rest of the sentence is missing`
const stranded = (word: string, verb: string) => `Quote ends on the preposition \`${word}\` after \`${verb}\` with no object: the rest of the sentence is missing`
const midWord = (word: string) => `Quote opens mid-word on \`${word}\`: its beginning is missing`

// Cut-off quotes, each with the reason it must draw and where that message starts.
const cut: Array<[string, string]> = [
  // a transitive verb without its object
  ['The report briefly mentions, "the Iranians, in turn, ⟦expected." Analysts disagree.', verb('expected')],
  ['"In the end, it ⟦requires," the minister said, and left the podium.', verb('requires')],
  ['The treaty says "the parties will ⟦ensure." Nothing more is written.', verb('ensure')],
  ['The memo states that "the new plan ⟦includes." It was leaked on Friday.', verb('includes')],
  ['"If the talks fail, the government will ⟦announce," a source said.', verb('announce')],
  ['According to the filing, "the company, in its defence, ⟦denied." The hearing is next week.', verb('denied')],
  // an idiom that lost its last word
  ['Officials said their "cooperation, though limited, will not end any ⟦time." The talks resume Monday.', idiom('time', 'any time', 'soon')],
  ['"This war won\'t be over ⟦anytime," the commander said.', idiom('anytime', 'anytime', 'soon')],
  ['"The market will recover in the ⟦long," the economist said.', idiom('long', 'in the long', 'run')],
  ['"For the ⟦time," she said, "we wait and watch."', idiom('time', 'for the time', 'being')],
  ['The coach said the rebuild would take "years, and at the ⟦same." He did not elaborate.', idiom('same', 'at the same', 'time')],
  ['"We will support them for the ⟦foreseeable," the envoy told reporters.', idiom('foreseeable', 'for the foreseeable', 'future')],
  // a closed-class word that needs what follows it
  ['The spokesman described the deal as "a first step toward ⟦the." He took no questions.', ends('the article', 'the')],
  ['The letter warned that "any further delay would be ⟦a." It was signed by 40 doctors.', ends('the article', 'a')],
  ['She called the merger "a betrayal of everything we built and ⟦our." Shares fell.', ends('the possessive', 'our')],
  ['Critics said the law was "written only to protect ⟦their." The vote is on Tuesday.', ends('the possessive', 'their')],
  ['She described "a family in the village ⟦whose." The rest of the interview was lost.', ends('the possessive', 'whose')],
  ['"We have always supported peace ⟦and," the envoy said.', ends('the conjunction', 'and')],
  ['The agency said the delay was "necessary and unavoidable ⟦because." No reason was given.', ends('the conjunction', 'because')],
  ['The coach said his team "played with more energy ⟦than." Fans agreed.', ends('the comparison word', 'than')],
  ['The company said prices would rise "as a direct result ⟦of." Analysts were puzzled.', ends('the preposition', 'of')],
  ['Investigators found "traces of the substance ⟦during." The lab declined to comment.', ends('the preposition', 'during')],
  ['The mayor promised "more funding for schools ⟦including." Teachers were unimpressed.', ends('the preposition', 'including')],
  ['The law passed "with broad public support ⟦despite." Opponents plan an appeal.', ends('the preposition', 'despite')],
  ['The firm said it "will sell the unit according ⟦to." The buyer was not named.', ends('the preposition', 'to')],
  ['"The new policy will apply to every worker in ⟦the," the union said.', ends('the article', 'the')],
  ['Reviewers called it "a story that is ⟦very." The film opens Friday.', ends('the intensifier', 'very')],
  ['The minister said the deal was ‘a historic step ⟦towards’. Talks continue.', ends('the preposition', 'towards')],
  ["Critics called it 'an attack on all of ⟦our' in a joint statement.", ends('the possessive', 'our')],
  ['The banner read «we demand justice and peace ⟦and». Police watched.', ends('the conjunction', 'and')],
  ['She said the company would be "better known ⟦as," and declined to say more.', ends('the preposition', 'as')],
  ['The chairman said the club would "protect the stadium and ⟦its." Fans were not convinced.', ends('the possessive', 'its')],
  ['"We tried everything we could, ⟦but," the captain said.', ends('the conjunction', 'but')],
  ['"Voters can choose to stay home ⟦or," the pollster said.', ends('the conjunction', 'or')],
  ['"Neither the board ⟦nor," she said, and stopped.', ends('the conjunction', 'nor')],
  ['The statement called it "a direct attack on ⟦my." The page ended there.', ends('the possessive', 'my')],
  ['"We will need to see ⟦your," the officer told him.', ends('the possessive', 'your')],
  ['She said the plan was "too little and ⟦an." The rest was lost.', ends('the article', 'an')],
  ['The fund promised to reach "every school and ⟦every." Details were not given.', ends('the determiner', 'every')],
  // a verb + preposition whose object is missing, with nothing that licenses a stranded preposition
  ['"Tuesday is our busiest day. There was nothing we could do about it except wait ⟦for."', stranded('for', 'wait')],
  ['"Instead of silence, there was noise. Children were actually talking ⟦to."', stranded('to', 'talking')],
  ['"We can do nothing except wait ⟦for," she said.', stranded('for', 'wait')],
  ['The manager said "the players were not listening ⟦to." Fans left early.', stranded('to', 'listening')],
  ['"We will look ⟦into," the spokesman said, and hung up.', stranded('into', 'look')],
  ['"I completely agree ⟦with," the senator said before the feed cut.', stranded('with', 'agree')],
  ['"Our town has always relied ⟦on," the mayor said.', stranded('on', 'relied')],
  ['She said the firm "has never really cared ⟦about." Staff were angry.', stranded('about', 'cared')],
  ['"The children were laughing ⟦at," the teacher said.', stranded('at', 'laughing')],
  ['"We have been hoping ⟦for," the coach admitted.', stranded('for', 'hoping')],
  ['"Everyone is looking forward ⟦to," the organiser said.', stranded('to', 'looking forward')],
  ['"We have to deal ⟦with," she said, "and then we move on."', stranded('with', 'deal')],
  ['"They came up ⟦with," he said, without finishing.', stranded('with', 'came up')],
  ['"I wanted to talk ⟦to," she said.', stranded('to', 'talk')],
  ['He said that "the council had simply refused to respond ⟦to." The meeting ended.', stranded('to', 'respond')],
  ['"Farmers in the valley have suffered ⟦from," the minister said.', stranded('from', 'suffered')],
  // an attributive adjective without its noun
  ['Analysts said the sanctions marked "the start of a ⟦major." Markets shrugged.', adjective('major', 'a')],
  ['The report identified corruption as "by far the ⟦main." It did not name anyone.', adjective('main', 'the')],
  // the closing mark inside a noun phrase
  ['The Kremlin knows that "a collapse of the regime, which is now an apparent objective, would add it to the list of lost alliances and ⟦client" states.', split('client', 'states')],
  ['The report warned that “rising prices will hit families, pensioners and small ⟦business” owners.', split('business', 'owners')],
  // a subject pronoun (and its adverbs) whose verb was cut off
  ['"They were the twelfth man today, and they deserve every point ⟦we," she said.', subject('we')],
  ['"When investors get nervous, it is one of the first things ⟦they." Analysts agree.', subject('they')],
  ['"I dreamed about this since I was six, and today I ⟦finally," Vasquez said.', subject('I finally', 'the subject and adverb')],
  // quotes that never close, or open mid-word
  ['The governor said ⟦"the state will not accept the terms of the', unclosed('the', 'the paragraph ends mid-sentence inside it')],
  ['He was quoted as saying ⟦"', 'Quotation opened here never closes: nothing follows it in the paragraph'],
  ['The diplomat insisted that ⟦"rtheless the treaty would be a mistake," and walked out.', midWord('rtheless')],
  ['Her statement read: ⟦"ntinue to see the families compensated first." Lawyers objected.', midWord('ntinue')],
  // a quote the article itself calls incomplete
  ['The source text reads "the ministers met and finally ⟦agreed." The quote is incomplete, but its meaning is clear.', 'Quote ending on `agreed` is called incomplete by the article itself'],
]

// Correct quoting from news prose, interviews and fiction: not one message.
const correct: string[] = [
  // a subject pronoun that may end a clause: comparison, coordination, auxiliary, reporting verb
  'She said: "Nobody knows this valley better than we."',
  '"The prize goes to my wife and I," he said.',
  '"They trained harder than anyone, and so did we."',
  '"It was not me who called the police, it was she."',
  // news prose
  'The minister called the decision "deeply disappointing."',
  'Police described the scene as "chaotic and frightening."',
  'He said the deal was "a step in the right direction" and promised more talks.',
  'The UN called the strikes "a grave violation of international law."',
  'The judge said the defendant "showed no remorse whatsoever."',
  'The so-called "smart" meters were installed last year.',
  'Critics dubbed it the "Frankenstein" budget.',
  'The "Look East" policy was announced in 2005.',
  'The union\'s "work to rule" campaign continues.',
  'Her novel "Gone with the Wind" sold millions of copies.',
  'The song "Stand By Me" played as the couple walked in.',
  'The report, titled "Why We Fight," was released on Monday.',
  'The slogan "Make America Great Again" appeared everywhere.',
  'The headline read: "Markets rally as inflation cools".',
  'The word "the" is the most common word in English.',
  'Iran\'s role in the 1990s\' oil boom was discussed, and the players\' union objected.',
  'The board is 5\'6" wide and the screen is 12" across.',
  'The court heard that the pair had been "in a relationship for years" before the attack.',
  'The team\'s performance was "simply not good enough" according to fans.',
  'Fans described the match as "the worst they had ever seen" online.',
  'The ruling was "final and binding" on both parties.',
  'It was the "deal of the century" for investors.',
  'He referred to "the men and women who serve" repeatedly.',
  'The company said it was "reviewing the matter" internally.',
  'Former aides called it not a car crash, but "an articulated lorry crash" performance.',
  'The reporter asked whether the company would "do the right thing."',
  '"Hard currency to Russia" and "hard currency into Iran" were the phrases used.',
  '"Iran has provided Russia with drones for its war in Ukraine," a critical contribution.',
  'The phrase "to be or not to be" is famous.',
  'The ’80s were a strange decade, and rock ’n’ roll never left.',
  'He said \'yes\' to the offer before anyone else could.',
  'The banner read «Nous sommes Charlie» in large letters.',
  'Die App „Vivy“ wurde in Kooperation entwickelt.',
  'She was described as "the best of the best."',
  'The sign said "No entry after dark" in large letters.',
  'His reply — "not now" — annoyed everyone in the room.',
  'The chant "we want more" followed the team off the pitch.',
  'They were told the bridge was "closed until further notice."',
  // interviews
  '"We will not give up any time soon," she said.',
  '"Call me any time," he said.',
  '"We don\'t have any time," he said.',
  '"We will win in the long run," the coach said.',
  '"It\'s what we expected," the coach said.',
  '"The results were expected," he said.',
  '"Just as we expected," she said.',
  '"Everyone I spoke to was shocked," she said.',
  '"That\'s exactly what I was afraid of," he admitted.',
  '"There is nothing to worry about," the spokesman said.',
  '"We have to," the mayor said.',
  '"They did what they had to."',
  '"The people involved will be held accountable," the chief said.',
  '"Everything is on the table," said the envoy, "including sanctions."',
  '"They are already there," he warned, "and they will stay there."',
  '"It\'s not about the money, it\'s about respect," he said.',
  '"We expected more," the coach admitted.',
  '"We will keep fighting for the foreseeable future," the rebels said.',
  '"At the end of the day, it\'s about winning," he said.',
  '"The research suggests that the drug works," she said.',
  '"That is the question we all need to answer," she said.',
  '"We are ready to talk, but we will not be bullied," the spokesperson said.',
  '"I think we played well, but the result was unfair" — these were his words.',
  '"This is the house we grew up in," she said.',
  '"She is the person I rely on."',
  '"It was, as they say, a game of two halves."',
  '"And so on and so forth," he said.',
  '"Even so, the pressure is on," the manager said.',
  'The 56-year-old said: "I am excited to be joining a club with such a great heritage.\n\n"The quality of the squad excites me."',
  'Umar said, “\nbe fair to your friends and your enemies.”',
  'He was asked about the "...\n\n...pledge" and said nothing.',
  '"You\'ve beaten some really good teams," he said. "You\'ve been in every game this year.',
  '"I\'ve been thinking about it all day, and I still don\'t know what to make of it," she wrote.',
  // a stranded preposition whose gap something licenses: a wh-word, a relative clause (with or
  // without `that`), an infinitival relative, a tough adjective, a passive, `worth` + -ing
  '"Everyone I was talking to was shocked," she said.',
  '"These are the people I was talking to."',
  '"That\'s exactly what they are looking for," the coach said.',
  '"Where do you come from," she asked him again.',
  '"It\'s a good place to live in," the estate agent said.',
  '"That was the chair he sat on," the curator said.',
  '"It was the club I grew up with," the striker said.',
  '"It\'s more than we bargained for," the minister admitted.',
  '"The issue has been dealt with," the spokesman said.',
  '"Everything has already been paid for," the treasurer said.',
  '"This is a team worth fighting for."',
  '"She is very easy to talk to," her colleague said.',
  '"He was somebody you could rely on," his widow said.',
  '"That\'s the deal that we agreed to," the minister said.',
  '"I don\'t know who she was talking to."',
  '"It\'s something we all worry about," the nurse said.',
  '"There\'s a lot to look forward to," the manager said.',
  'The coach described them as the people "he had grown up with."',
  '"The money is being looked into," police said.',
  '"He was spoken to by officers," a spokesman said.',
  '"This is the moment we have been waiting for," the captain said.',
  '"We have so much to be thankful for," the pastor said.',
  '"That\'s what the fans come for," the promoter said.',
  '"It\'s all we have ever hoped for," the mother said.',
  '"These are the results investors were hoping for," the analyst said.',
  '"It\'s the answer voters are looking for," the strategist said.',
  '"This fight with Taylor is not something Scooter agrees with," the insider added.',
  '"It\'s something everyone can agree with," the senator said.',
  '"It was a storm nobody had prepared for," the fisherman said.',
  '"It\'s nothing the club needs to worry about," the chairman said.',
  '"I\'ve got nobody to talk to," the widow said.',
  '"She told me about the man she was in love with."',
  '"Tell me something I can believe in," he whispered.',
  '"It\'s a decision we will have to live with," the mayor said.',
  '"Whatever it is they\'re looking for, they haven\'t found it," he said.',
  '"These were the men the town depended on," the mayor said.',
  '"She\'s the kind of teacher kids look up to," the principal said.',
  '"Which of them were you talking to," the detective asked.',
  // fiction
  '"I don\'t know," he said, "maybe later."',
  '"Where are you going?" she asked.',
  '"Get out!" he shouted.',
  '"Wait—" she began, but he was gone.',
  '"I was just going to..." He trailed off and looked away.',
  '"If you want to," she said.',
  '"It\'s nothing to be ashamed of."',
  '"I wish I could."',
  '"I didn\'t mean to."',
  '"Who are you talking to?"',
  'He told me, "She said \'no\' and left."',
  '"Once upon a time," the story begins.',
  '"Are you coming?" "Yes," said Tom. "Give me a minute."',
  'She whispered "I love you" twice.',
  '"The thing is," she said, "nobody knows."',
  '"Don\'t," she said. "Please don\'t."',
  '"Well, I never," said Mrs. Hughes.',
  '"Not if I can help it," he muttered.',
  '"What if," she said, and then stopped.',
  '"It is what it is."',
  '"These are the moments you live for."',
  '"We\'re going to," he insisted.',
  '"Go ahead, make my day."',
  '"Lower your weapons," the officer ordered, "and step away from the car."',
  '"Hello?" called a voice from the dark. "Is anyone there?"',
  '"I know what you did," she said quietly, "and I know why."',
  '"Maybe," he said. "Maybe not."',
  '"Whatever you say, \'em lads will be there \'til dawn," said the old man.',
]

describe('incomplete-quote', () => {
  it('has the meta the engine needs', () => {
    expect(meta.id).toBe('incomplete-quote')
    expect(meta.fixable).toBe(false)
  })

  it(`tests at least 30 cut-off and 60 correct quotes`, () => {
    expect(cut.length).toBeGreaterThanOrEqual(30)
    expect(correct.length).toBeGreaterThanOrEqual(60)
  })

  describe('reports cut-off quotes', () => {
    ruleTester('incomplete-quote', {
      invalid: cut.map(([marked, reason]) => {
        const {text, line, column} = where(marked)
        return {name: text, text, messages: [{reason, line, column, note: /[^]/}]}
      }),
    })
  })

  describe('stays quiet on correct quoting', () => {
    ruleTester('incomplete-quote', {valid: correct.map((text) => ({name: text, text}))})
  })

  const ANY = /^Quot/
  const lost = 'It "would add Iran to the list of lost alliances and client" states.'
  ruleTester('incomplete-quote', {
    valid: [
      {name: 'honours minWords (4: quiet)', text: 'He said "the end of."', options: {minWords: 4}},
      {name: 'honours singleQuotes: false', text: "It was 'a gift to all of our' people.", options: {singleQuotes: false}},
      {name: 'honours unclosed: false', text: 'He said "we will not accept the terms of', options: {unclosed: false}},
      {name: 'honours minWordsBeforeNoun', text: lost, options: {minWordsBeforeNoun: 20}},
    ],
    invalid: [
      {
        name: "reports a quote cut mid-sentence, with the article's own admission in the note",
        text: 'Intro.\n\nThe "Data" briefly mentions, "the Iranians, in turn, expected." While the sentence is incomplete, it implies much.',
        messages: [{reason: ANY, line: 3, column: 54, note: /The article itself says so/, actual: 'expected."'}],
      },
      {
        name: 'reports each of several cut quotes on the right line',
        text: ['First paragraph, "with nothing cut at all."', 'Second, "which ends on the preposition of." And more.', 'Third says they "will not flag any time." Fine.'].join('\n'),
        messages: [
          {reason: ANY, line: 2, column: 40},
          {reason: ANY, line: 3, column: 36},
        ],
      },
      {name: 'honours minWords (3: reported)', text: 'He said "the end of."', options: {minWords: 3}, messages: [{reason: ANY}]},
      {name: 'reports single quotes by default', text: "It was 'a gift to all of our' people.", messages: [{reason: ANY}]},
      {name: 'reports a quote closed inside a noun phrase by default', text: lost, messages: [{reason: ANY}]},
    ],
  })

  it('stays linear on hostile input', async () => {
    // The rule on each whole text (the engine would lint the longest lines in windows).
    const hostile = ['"'.repeat(50_000), '"a '.repeat(30_000), '‘x’ '.repeat(20_000), 'word '.repeat(100_000) + '"', '"the end of" '.repeat(10_000)]
    const processor = unified().use(retextEnglish).use(incompleteQuote)
    const started = performance.now()
    for (const text of hostile) {
      const file = new VFile({path: 'article.txt', value: text})
      await processor.run(processor.parse(file), file)
    }
    expect(performance.now() - started).toBeLessThan(15_000)
  }, 30_000)

  const dev = path.resolve('../shared/data/article-extraction-dev')
  const skip = !fs.existsSync(dev)
  it.skipIf(skip)('says nothing on the clean edited article bodies (skipped when ../shared/data is absent)', async () => {
    const names = fs.readdirSync(dev).filter((name) => name.endsWith('.body.txt'))
    expect(names.length).toBeGreaterThan(50)
    const found: string[] = []
    for (const name of names) {
      const [file] = await lintCase('incomplete-quote', fs.readFileSync(path.join(dev, name), 'utf8'))
      for (const message of file.messages) found.push(`${name}:${message.line}:${message.column} ${message.reason}`)
    }
    expect(found).toEqual([])
  }, 60_000)

  const seeds = path.resolve('seeds')
  const seed = (name: string) => (fs.existsSync(path.join(seeds, name)) ? fs.readFileSync(path.join(seeds, name), 'utf8') : '')
  describe.skipIf(!fs.existsSync(path.join(seeds, '004_e6b2e51e5f0f2b84.txt')))('finds the seed rows (skipped when seeds/ is absent)', () => {
    ruleTester('incomplete-quote', {
      invalid: [
        {name: 'seed 000', text: seed('000_b5ec2ec2e0fda784.txt'), messages: [{reason: ANY, line: 31}]},
        {name: 'seed 004', text: seed('004_e6b2e51e5f0f2b84.txt'), messages: [15, 18, 20].map((line) => ({reason: ANY, line}))},
      ],
    })
  })
})
