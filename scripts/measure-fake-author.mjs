#!/usr/bin/env node
/**
 * Precision and recall of fake-author-block (and lorem-ipsum on the bios) on
 * a generated set: profile blocks made with @faker-js/faker under fixed seeds,
 * in several label sets and layouts, inside short articles, against real-
 * looking bylines, bios, contact blocks and key/value lists.
 *
 *   npx tsc -p . && node scripts/measure-fake-author.mjs [--count 400] [--show-misses]
 *
 * The generators are exported for test/rules/fake-author-block.test.ts.
 */
import {fakerEN as faker} from '@faker-js/faker'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

/** Short article paragraphs (written for these tests) that a block is appended to. */
export const ARTICLES = [
  'The city council voted on Tuesday to extend the bike lane on Harbor Road by two miles, after a year of complaints from residents about traffic near the school.\n\nConstruction is expected to start in the spring and to take about four months.',
  'Researchers at the university have found that bees exposed to a common pesticide forage less and return to the hive later in the day.\n\nThe study, published this week, followed 40 colonies over two summers.',
  'The bakery on Fifth Street closed its doors on Sunday after 62 years, and the line of customers wanting one last loaf stretched around the block.\n\nThe owners said rising rent and the cost of flour made the decision for them.',
  'Heavy rain flooded parts of the valley overnight, closing two schools and the main road into town.\n\nForecasters expect the river to crest on Thursday afternoon.',
  'The new phone is thinner than last year\'s model, and its camera handles low light far better, but the battery barely lasts a day of heavy use.\n\nIt goes on sale next month at the same price.',
  'After three seasons at the bottom of the table, the club has hired a coach known for building young squads.\n\nFans greeted the news with cautious hope on social media.',
]

const LABEL_SETS = [
  {name: 'Name', username: 'Username', email: 'Email', birthdate: 'Birthdate', address: 'Address', phone: 'Phone', company: 'Company', job: 'Job', bio: 'Bio'},
  {name: 'Full Name', username: 'User Name', email: 'E-mail', birthdate: 'Date of Birth', address: 'Location', phone: 'Phone Number', company: 'Employer', job: 'Occupation', bio: 'About'},
  {name: 'Author', username: 'Handle', email: 'Email Address', birthdate: 'DOB', address: 'Address', phone: 'Tel', company: 'Organization', job: 'Title', bio: 'Biography'},
  {name: 'name', username: 'username', email: 'email', birthdate: 'birthday', address: 'address', phone: 'phone', company: 'company', job: 'position', bio: 'description'},
]

const HEADINGS = ['Detail Author:', 'About the author', 'Author details:', 'Profile', 'Author Info:', 'Contact information', '']

const LAYOUTS = ['bullets', 'colon', 'pipe', 'dash-bold', 'two-line', 'table', 'comma']

function birthdate(style) {
  const date = faker.date.birthdate({mode: 'age', min: 18, max: 80, refDate: new Date('2024-06-01T00:00:00Z')})
  if (style === 0) return date.toISOString().slice(0, 10)
  if (style === 1) return `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}/${date.getUTCFullYear()}`
  if (style === 2) return date.toLocaleDateString('en-US', {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'})
  return date.toISOString()
}

function address(style) {
  const street = faker.location.streetAddress(style === 2)
  if (style === 1) return `${street}, ${faker.location.city()}`
  return `${street} ${faker.location.city()}, ${faker.location.state({abbreviated: true})} ${faker.location.zipCode('#####')}`
}

function bio(style) {
  if (style === 0) return faker.lorem.sentences({min: 1, max: 3})
  if (style === 1) return faker.person.bio()
  return faker.lorem.sentence()
}

/**
 * One fake profile block (a name and `minExtra` to 8 more fields). Returns the block's lines, which of them is the
 * heading, and how many fields it holds.
 */
export function fakeBlock(seed, {minExtra = 3} = {}) {
  faker.seed(seed)
  const labels = LABEL_SETS[seed % LABEL_SETS.length]
  const layout = LAYOUTS[Math.floor(seed / LABEL_SETS.length) % LAYOUTS.length]
  const heading = HEADINGS[seed % HEADINGS.length]
  const person = {first: faker.person.firstName(), last: faker.person.lastName()}
  // Fake blocks take the username and email of a different fake person as often as not.
  const other = faker.datatype.boolean() ? person : {first: faker.person.firstName(), last: faker.person.lastName()}
  const values = {
    name: faker.datatype.boolean(0.8) ? `${person.first} ${person.last}` : faker.person.fullName({firstName: person.first, lastName: person.last}),
    username: faker.internet.username({firstName: other.first, lastName: other.last}),
    email: faker.internet.email({firstName: other.first, lastName: other.last}),
    birthdate: birthdate(seed % 4),
    address: address(seed % 3),
    phone: faker.phone.number({style: seed % 5 === 0 ? 'national' : 'human'}),
    company: faker.company.name(),
    job: faker.person.jobTitle(),
    bio: bio(seed % 3),
  }
  // Every block has a name and 3 to 8 more fields, in the usual order.
  const optional = ['username', 'email', 'birthdate', 'address', 'phone', 'company', 'job', 'bio']
  const keep = faker.helpers.arrayElements(optional, faker.number.int({min: minExtra, max: 8}))
  const kinds = ['name', ...optional.filter((kind) => keep.includes(kind))]
  const pairs = kinds.map((kind) => [labels[kind], values[kind]])
  let body
  switch (layout) {
    case 'bullets':
      body = pairs.map(([label, value]) => `  • ${label} : ${value}`)
      break
    case 'colon':
      body = pairs.map(([label, value]) => `${label}: ${value}`)
      break
    case 'pipe':
      body = [pairs.map(([label, value]) => `${label}: ${value}`).join(' | ')]
      break
    case 'dash-bold':
      body = pairs.map(([label, value]) => `- **${label}:** ${value}`)
      break
    case 'two-line':
      body = pairs.flatMap(([label, value]) => [label, value])
      break
    case 'table':
      body = pairs.map(([label, value]) => `| ${label} | ${value} |`)
      break
    default:
      body = [pairs.map(([label, value]) => `${label}: ${value}`).join(', ')]
  }
  // Bios with commas would be cut apart by the comma layout; the generator keeps them out of it.
  if (layout === 'comma') body = [pairs.filter(([, value]) => !value.includes(',')).map(([label, value]) => `${label}: ${value}`).join(', ')]
  const lines = heading ? [heading, '', ...body] : body
  return {lines, layout, labels: seed % LABEL_SETS.length, fields: layout === 'comma' ? pairs.filter(([, value]) => !value.includes(',')).length : pairs.length, hasLoremBio: kinds.includes('bio') && seed % 3 !== 1}
}

/** A social sub-block like the seed's (`twitter:` then url, username, bio, followers, following). */
export function socialBlock(seed) {
  faker.seed(seed)
  const first = faker.person.firstName()
  const last = faker.person.lastName()
  const lines = ['Socials', '']
  for (const site of faker.helpers.arrayElements(['twitter', 'instagram', 'tiktok', 'facebook'], {min: 1, max: 3})) {
    const handle = faker.internet.username({firstName: first, lastName: last}).toLowerCase()
    lines.push(`${site}:`, '', `  • url : https://${site}.com/${site === 'tiktok' ? '@' : ''}${handle}`, `  • username : ${handle}`, `  • bio : ${faker.lorem.sentence()}`, `  • followers : ${faker.number.int({min: 100, max: 9000})}`, `  • following : ${faker.number.int({min: 50, max: 3000})}`, '')
  }
  while (lines[lines.length - 1] === '') lines.pop()
  return {lines}
}

/** Put block lines after an article; returns the text and the 1-based first and last line of the block. */
export function inArticle(blockLines, seed) {
  const article = ARTICLES[seed % ARTICLES.length]
  const head = article.split('\n')
  const startLine = head.length + 2
  return {text: [...head, '', ...blockLines].join('\n') + '\n', startLine, endLine: startLine + blockLines.length - 1}
}

const PEOPLE = [
  ['Sarah', 'Mitchell', 'she'], ['David', 'Brown', 'he'], ['Priya', 'Raman', 'she'], ['Tomás', 'Ortega', 'he'], ['Grace', 'Okafor', 'she'],
  ['Martin', 'Keller', 'he'], ['Helen', 'Walsh', 'she'], ['James', 'Carter', 'he'], ['Aiko', 'Tanaka', 'she'], ['Robert', 'Johnson', 'he'],
]
const OUTLETS = [['The Herald', 'herald.com'], ['Daily Ledger', 'dailyledger.com'], ['the Tribune', 'tribune.org'], ['City Press', 'citypress.co.uk'], ['The Courier', 'courier-news.com']]

/** Real-looking bylines, bios, contact blocks and key/value lists (none of them fake data). */
export function realSnippets() {
  const result = []
  PEOPLE.forEach(([first, last, pronoun], i) => {
    const [outlet, domain] = OUTLETS[i % OUTLETS.length]
    const email = `${first[0].toLowerCase()}${last.toLowerCase()}@${domain}`
    const him = pronoun === 'she' ? 'her' : 'him'
    result.push(
      `By ${first} ${last}, Staff Writer\n\nThe county will open two new cooling centers this week as temperatures climb past 100 degrees.`,
      `The county will open two new cooling centers this week.\n\n${first} ${last} has covered courts for ${outlet} since 2015. Reach ${him} at ${email} or on Twitter at @${first.toLowerCase()}${last.toLowerCase()}.`,
      `Media contact:\nName: ${first} ${last}\nTitle: Communications Director\nEmail: ${email}\nPhone: (503) 823-${4000 + i}`,
      `About the author\n\nName: ${first} ${last}\nRole: Senior Correspondent\nBased in: ${['Nairobi', 'Lisbon', 'Denver', 'Osaka', 'Leeds'][i % 5]}\nTwitter: @${first.toLowerCase()}_${last.toLowerCase()}\nEmail: ${first.toLowerCase()}.${last.toLowerCase()}@${domain}`,
      `Name: ${first} ${last}\nAge: ${34 + i}\nOccupation: ${['Dairy farmer', 'Nurse', 'Bus driver', 'Teacher', 'Firefighter'][i % 5]}\nHometown: ${['Tillamook, Oregon', 'Hull', 'Dayton, Ohio', 'Cork', 'Ballarat'][i % 5]}\nFamily: married, ${i % 3 + 1} children`,
    )
  })
  result.push(
    'Battery life: 14 hours\nWeight: 1.2 kg\nDisplay: 13.3-inch OLED\nPrice: $999\nColors: silver, black',
    'Processor: 8-core\nMemory: 16 GB\nStorage: 512 GB SSD\nPorts: two USB-C, one HDMI\nBattery life: 11 hours\nWarranty: two years',
    'Notice period: three months\nProbation: six months\nSalary: £42,000 a year\nLocation: Manchester\nStart date: 1 September 2024\nTitle: Senior Analyst',
    'Term: 24 months\nRent: $2,150 a month\nDeposit: one month\'s rent\nAddress: 1420 Maple Avenue, Apt. 3B, Evanston, IL 60201\nLandlord: Lakeshore Property Management',
    'Date: Saturday, May 4\nTime: 10 a.m. to 4 p.m.\nLocation: Riverside Park, 200 Water Street\nCost: Free\nWebsite: www.riversidefest.org\nPhone: 555-0134',
    'Position: Registered Nurse\nEmployer: St. Mary\'s Hospital\nLocation: Duluth, MN\nSalary: $78,000\nContact: hr@stmarys.org',
    'Company: Acme Robotics\nFounded: 2012\nHeadquarters: Pittsburgh\nEmployees: 340\nCEO: Laura Chen\nWebsite: acmerobotics.com',
    'Prep time: 15 minutes\nCook time: 40 minutes\nServes: 4\nAuthor: Nigel Slater',
    'Name: Buckingham Palace\nAddress: London SW1A 1AA\nPhone: +44 303 123 7300\nWebsite: www.rct.uk\nOpening hours: 9.30am to 7.30pm',
    'Title: The Overstory\nAuthor: Richard Powers\nPublisher: W. W. Norton\nPages: 512\nPrice: $27.95',
    'Player: Marcus Rashford\nPosition: Forward\nBorn: 31 October 1997\nClub: Manchester United\nHeight: 1.85 m',
    'Contact: Jane Doe | Email: press@unicef.org | Phone: +1 212 326 7000 | Website: unicef.org',
    'For more information:\nName: Michael Torres\nTitle: Public Information Officer\nOrganization: Department of Transportation\nPhone: 916-654-5266\nEmail: michael.torres@dot.ca.gov',
    'Author: Elena Ferrante\nTitle: My Brilliant Friend\nTranslator: Ann Goldstein\nPublished: 2012',
    'Victim: Daniel Hughes\nAge: 27\nAddress: 1400 block of Elm Street\nCharge: none filed',
    // Hard cases: real values that faker's vocabulary also covers.
    'Name: Maria Lopez\nTitle: Senior Marketing Manager\nCompany: Walker Group\nEmail: maria.lopez@gmail.com\nPhone: 617-423-0142',
    'Name: James Carter\nAddress: 55 Walker Avenue, Georgetown, TX 78626\nPhone: 512-930-3500\nEmail: jcarter@georgetownisd.org',
    'About the author\nName: Helen Walsh\nTwitter: https://twitter.com/helenwalsh\nFollowers: 12.4K\nBio: Helen Walsh covers climate and energy.',
    'Owner: Kevin Murphy\nBusiness: Murphy and Sons Plumbing\nAddress: 210 Kingston Road, Lewiston, ME 04240\nPhone: (207) 784-2291\nWebsite: murphyplumbing.com',
    'Name: Dorothy Hayes\nBorn: March 3, 1931\nDied: June 12, 2024\nHometown: Johnstown, Pa.\nSurvived by: two sons and five grandchildren',
    'Name: Emma Clarke\nAge: 9\nSchool: Hillside Primary\nFavourite subject: science\nPrize: first place, junior category',
    'Speaker: Dr. Alan Price\nTitle: Chief Medical Officer\nOrganization: Mercy Health\nTopic: Rural hospital closures\nEmail: aprice@mercy.com',
    'Username: @nasa | Followers: 84.1M | Following: 190 | Posts: 72K',
    'Name: Thomas Fisher\nUsername: tfisher\nEmail: thomas.fisher@outlook.com\nLocation: Bristol\nJob: Lead Data Engineer\nBio: Builds data pipelines for the NHS; runs on weekends.',
    '- **Name:** Ana Silva\n- **Role:** Photographer\n- **Based in:** Porto\n- **Website:** anasilva.photo\n- **Instagram:** @anasilvaphoto',
  )
  return result
}

// ------------------------------------------------------------------ measure

async function main() {
  const args = process.argv.slice(2)
  const count = Number(args[args.indexOf('--count') + 1]) || 400
  const showMisses = args.includes('--show-misses')
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
  const {unified} = await import('unified')
  const {default: retextEnglish} = await import('retext-english')
  const {VFile} = await import('vfile')
  const rule = await import(pathToFileURL(path.join(root, 'dist/rules/fake-author-block.js')).href)
  const lorem = await import(pathToFileURL(path.join(root, 'dist/rules/lorem-ipsum.js')).href)
  const processor = unified().use(retextEnglish).use(rule.default).use(lorem.default)
  const run = (text) => {
    const file = new VFile({value: text})
    processor.runSync(processor.parse(file), file)
    return file.messages
  }
  let tp = 0
  let fn = 0
  let fp = 0
  let negatives = 0
  let loremFound = 0
  let loremExpected = 0
  const byLayout = new Map()
  const started = performance.now()
  let bytes = 0
  // Seeds 10000+ are kept apart from the tests' seeds (1-120).
  for (let seed = 10_000; seed < 10_000 + count; seed++) {
    const block = seed % 5 === 4 ? socialBlock(seed) : fakeBlock(seed)
    const {text, startLine, endLine} = inArticle(block.lines, seed)
    bytes += text.length
    const messages = run(text).filter((m) => m.ruleId === 'fake-author-block')
    const hit = messages.some((m) => m.place.start.line <= startLine + 2 && m.place.end.line >= endLine)
    const key = block.layout ?? 'social'
    const stats = byLayout.get(key) ?? {n: 0, hit: 0}
    stats.n++
    if (hit) stats.hit++
    byLayout.set(key, stats)
    if (hit) tp++
    else {
      fn++
      if (showMisses) console.log(`miss seed ${seed} (${key}):\n${block.lines.join('\n')}\n`)
    }
    if (block.hasLoremBio || key === 'social') {
      loremExpected++
      if (run(text).some((m) => m.ruleId === 'lorem-ipsum')) loremFound++
    }
    fp += messages.filter((m) => m.place.end.line < startLine || m.place.start.line > endLine).length
  }
  for (const snippet of realSnippets()) {
    for (const article of ARTICLES) {
      negatives++
      const text = `${article}\n\n${snippet}\n`
      bytes += text.length
      const messages = run(text).filter((m) => m.ruleId === 'fake-author-block' || m.ruleId === 'lorem-ipsum')
      fp += messages.length
      if (messages.length > 0 && showMisses) console.log(`false positive:\n${snippet}\n${messages.map((m) => m.note).join('\n')}\n`)
    }
  }
  const ms = performance.now() - started
  const precision = tp / (tp + fp)
  const recall = tp / (tp + fn)
  console.log(`generated fake blocks: ${count}, found ${tp}, missed ${fn} -> recall ${(recall * 100).toFixed(1)}%`)
  console.log(`real-looking snippets in articles: ${negatives}; false positives (both rules, plus any message outside a fake block): ${fp} -> precision ${(precision * 100).toFixed(1)}%`)
  console.log(`lorem-ipsum on generated lorem bios: ${loremFound}/${loremExpected}`)
  console.log('recall by layout: ' + [...byLayout].map(([key, s]) => `${key} ${s.hit}/${s.n}`).join(', '))
  console.log(`time: ${ms.toFixed(0)} ms for ${count + negatives} documents (${(ms / (count + negatives)).toFixed(2)} ms each, ${(bytes / 1024).toFixed(0)} KiB)`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
