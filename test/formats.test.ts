/**
 * Inputs beyond plain text (issue 9): Markdown, HTML (also gzip-compressed) and JSON Lines give the
 * same findings as the text they hold, with places in the file the user has.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint, lintTexts} from '../src/engine.js'
import {renderHtml} from '../src/formats/html.js'
import {renderMarkdown} from '../src/formats/markdown.js'
import {splitLines} from '../src/formats/read.js'
import {toHtml, toMarkdown, type Converted} from './helpers/convert.js'
import {hasShared, root, runCli, sharedDir, tempDir} from './helpers.js'

const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((name) => name.endsWith('.txt')).sort()
const read = (name: string) => fs.readFileSync(path.join(root, 'seeds', name), 'utf8')
/** The stranded related-article headline lines of each seed (seed-defects.md): written as links. */
const LINKS: Record<string, number[]> = {
  '000_b5ec2ec2e0fda784.txt': [61, 63, 65, 67, 69],
  '004_e6b2e51e5f0f2b84.txt': [23, 25, 27],
}

/** `ruleId@line` for every message, lines moved through `lineOf` (text line → rendered line) when given. */
function findings(file: VFile): string[] {
  return file.messages.map((message) => `${message.ruleId}@${message.line}`).sort()
}

function expectedFindings(file: VFile, converted: Converted): string[] {
  return file.messages.map((message) => `${message.ruleId}@${converted.lineOf[message.line!]}`).sort()
}

describe('seeds as Markdown and HTML', () => {
  it('give the same rule ids on the corresponding lines as the text', async () => {
    const inputs = seeds.map((name) => ({path: 'seeds/' + name, value: read(name)}))
    const asText = await lintTexts(inputs, {cwd: root})
    for (const [kind, convert] of [['md', toMarkdown], ['html', toHtml]] as const) {
      const converted = seeds.map((name) => convert(read(name), LINKS[name]))
      const files = await lintTexts(
        seeds.map((name, index) => ({path: `seeds/${name.replace(/\.txt$/, '.' + kind)}`, value: converted[index].text})),
        {cwd: root},
      )
      for (let index = 0; index < seeds.length; index++) {
        const text = asText.find((file) => file.path.endsWith(seeds[index]))!
        const other = files.find((file) => file.path.endsWith(seeds[index].replace(/\.txt$/, '.' + kind)))!
        expect(text.messages.length).toBeGreaterThan(5)
        expect(findings(other), `${seeds[index]} as ${kind}`).toEqual(expectedFindings(text, converted[index]))
      }
    }
  })

  it('place messages in the Markdown and HTML source, on the words they are about', async () => {
    const name = seeds.find((seed) => seed.startsWith('000'))!
    for (const [kind, convert] of [['md', toMarkdown], ['html', toHtml]] as const) {
      const source = convert(read(name), LINKS[name]).text
      const [file] = await lintTexts([{path: 'a.' + kind, value: source}], {cwd: root})
      expect(String(file)).toBe(source)
      const leak = file.messages.find((message) => message.ruleId === 'template-leak')!
      const place = leak.place as {start: {offset: number}; end: {offset: number}}
      expect(source.slice(place.start.offset, place.end.offset)).toContain('Data Kalimat')
      // Line and column agree with the offset in the source.
      const before = source.slice(0, place.start.offset)
      expect(leak.line).toBe(before.split('\n').length)
      expect(leak.column).toBe(place.start.offset - before.lastIndexOf('\n'))
    }
  })
})

describe('Markdown', () => {
  it('leaves code blocks, HTML, images and link destinations out of the prose', () => {
    const source = '# Title\n\nSome *prose* with [a link](https://example.com/x) and `code`.\n\n```js\nconst x = "not prose"\n```\n\n<div>raw html</div>\n\n![an image](i.png)\n\n- one\n- two\n'
    const {rendering, layout} = renderMarkdown(source)
    expect(rendering.text).not.toContain('not prose')
    expect(rendering.text).not.toContain('raw html')
    expect(rendering.text).not.toContain('example.com')
    expect(rendering.text).not.toContain('an image')
    const lines = rendering.text.split('\n')
    expect(lines[0]).toBe('Title')
    expect(lines[2]).toBe('Some prose with a link and code.')
    expect(lines.filter((line) => line.startsWith('- '))).toEqual(['- one', '- two'])
    // Blocks stay on their source lines.
    expect(lines.indexOf('- one')).toBe(source.split('\n').indexOf('- one'))
    expect(layout.lines.find((line) => line.line === 3)!.linkDensity).toBeGreaterThan(0.1)
  })

  it('joins a wrapped paragraph into one line and maps each word back', () => {
    const source = 'A paragraph that a converter\nwrapped at a width, with an &amp; entity\n  and an escaped \\* star.\n'
    const {rendering} = renderMarkdown(source)
    expect(rendering.text).toBe('A paragraph that a converter wrapped at a width, with an & entity and an escaped * star.')
    for (const word of ['wrapped', 'escaped', 'star']) {
      const at = rendering.text.indexOf(word)
      expect(source.slice(rendering.starts[at], rendering.ends[at + word.length - 1])).toBe(word)
    }
    const amp = rendering.text.indexOf('&')
    expect(source.slice(rendering.starts[amp], rendering.ends[amp])).toBe('&amp;')
  })
})

describe('HTML', () => {
  const page = [
    '<!doctype html><html><head><title>T</title><style>p { color: red }</style><script>var notProse = "x";</script></head>',
    '<body><nav><ul><li><a href="/">Home</a></li>',
    '<li><a href="/world">World</a></li></ul></nav><article><h1>The headline</h1>',
    '<p>The first paragraph, with <b>bold</b> and a <a href="/x">link</a>.</p>',
    '<p hidden>Hidden text.</p><pre>code block</pre>',
    '<p>Caf&eacute; &amp; bar.</p></article>',
    '<footer><p>Copyright 2024</p></footer></body></html>',
  ].join('\n')

  it('renders blocks on their source lines, without script, style, head, pre or hidden elements', () => {
    const {rendering} = renderHtml(page)
    const lines = rendering.text.split('\n')
    expect(rendering.text).not.toMatch(/notProse|color|code block|Hidden text|\bT\b/)
    expect(lines[1]).toBe('- Home')
    // Two blocks on one source line: the second goes on the next line, the next block catches up.
    expect(lines[2]).toBe('- World')
    expect(lines[3]).toBe('The headline')
    expect(lines[4]).toBe('The first paragraph, with bold and a link.')
    expect(rendering.text).toContain('Café & bar.')
    expect(lines.filter((line) => line.startsWith('- '))).toEqual(['- Home', '- World'])
  })

  it('puts nav/footer membership, link density and link texts on the layout', () => {
    const {rendering, layout} = renderHtml(page)
    const at = (text: string) => layout.lines.find((line) => rendering.text.split('\n')[line.line - 1] === text)!
    expect(at('- Home')).toMatchObject({chrome: 'nav', block: 'li', linkDensity: 1, links: ['Home']})
    expect(at('Copyright 2024')).toMatchObject({chrome: 'footer'})
    expect(at('The headline').chrome).toBeUndefined()
    const paragraph = at('The first paragraph, with bold and a link.')
    expect(paragraph.linkDensity).toBeGreaterThan(0)
    expect(paragraph.linkDensity).toBeLessThan(0.2)
    expect(paragraph.links).toEqual(['link'])
  })

  it('maps text with entities, spaces and unterminated entities back exactly', () => {
    const source = '<p>a &amp;&amp b&#233;\n   c&nbsp;d &unknown; e</p>'
    const {rendering} = renderHtml(source)
    expect(rendering.text).toBe('a && bé c\u00a0d &unknown; e')
    const back = (word: string) => {
      const at = rendering.text.indexOf(word)
      return source.slice(rendering.starts[at], rendering.ends[at + word.length - 1])
    }
    expect(back('bé')).toBe('b&#233;')
    expect(back('e')).toBe('e')
    expect(back('&unknown;')).toBe('&unknown;')
  })

  it('handles hostile markup: long runs of entities and spaces in linear time, deep nesting with a clear message', async () => {
    const runs = '<p>' + '&amp;'.repeat(20000) + ' '.repeat(50000) + 'x'.repeat(50000) + '</p>'
    const small = renderHtml('<p>' + '&amp;'.repeat(2000) + ' '.repeat(5000) + 'x'.repeat(5000) + '</p>')
    const started = performance.now()
    const {rendering} = renderHtml(runs)
    // Ten times the input: well under a hundred times the time (quadratic would be a hundred).
    expect(small.rendering.text.length).toBe(2000 + 1 + 5000)
    expect(rendering.text.length).toBe(20000 + 1 + 50000)
    expect(performance.now() - started).toBeLessThan(20000)
    expect(renderHtml('<div>'.repeat(300) + 'deep' + '</div>'.repeat(300)).rendering.text).toBe('deep')
    const dir = tempDir({'deep.html': '<div>'.repeat(20000) + 'x', 'ok.html': '<p>Fine.</p>'})
    const result = await lint([dir], {cwd: dir, config: false})
    expect(result.errors).toEqual(['deep.html: could not be read as HTML (nested too deeply): not linted'])
    expect(result.files.map((file) => file.path)).toEqual(['ok.html'])
  })
})

describe('gzip and folders', () => {
  it('reads .html.gz and .md.gz as they are, and folders hold every format', async () => {
    const html = '<html><body><p>Share this article with your friends and leave a comment below!</p>\n<p>The "Data Kalimat" says so.</p></body></html>'
    const dir = tempDir({'a.html.gz': zlib.gzipSync(html), 'b.md': '# Title\n\nThe "Data Kalimat" says so.\n', 'c.txt': 'The "Data Kalimat" says so.\n', 'd.jsonl': JSON.stringify({text: 'The "Data Kalimat" says so.'}) + '\n'})
    const result = await lint([dir], {cwd: dir, config: false})
    expect(result.files.map((file) => file.path).sort()).toEqual(['a.html.gz', 'b.md', 'c.txt', 'd.jsonl#L1'])
    const a = result.files.find((file) => file.path === 'a.html.gz')!
    const leak = a.messages.find((message) => message.ruleId === 'template-leak')!
    expect(leak.line).toBe(2)
    expect(html.split('\n')[1].slice(leak.column! - 1)).toMatch(/^"?Data Kalimat/)
  })

  it('refuses a corrupt .gz with a clear message and lints the rest', () => {
    const dir = tempDir({'bad.html.gz': Buffer.from('not gzip at all'), 'ok.txt': 'A fine sentence.\n'})
    const result = runCli(['bad.html.gz', 'ok.txt'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/bad\.html\.gz: not valid gzip/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('JSON Lines', () => {
  const records = [
    JSON.stringify({url: 'https://example.com/a', text: 'A clean sentence about the weather.'}),
    '{"url": "https://example.com/broken", "text": "unterminated',
    JSON.stringify({id: 7, text: 'First line.\nThe "Data Kalimat" says the talks failed.'}),
    '',
    JSON.stringify({url: 'https://example.com/no-text', body: 'elsewhere'}),
    JSON.stringify({text: 'Another clean sentence.'}),
  ].join('\n')

  it('lints each record as a document named by its line, reports a malformed line and lints the rest', async () => {
    const dir = tempDir({'crawl.jsonl': records})
    const result = await lint(['crawl.jsonl'], {cwd: dir, config: false})
    expect(result.files.map((file) => file.path).sort()).toEqual(['crawl.jsonl#L1', 'crawl.jsonl#L3', 'crawl.jsonl#L6'])
    expect(result.errors.join('\n')).toMatch(/crawl\.jsonl:2: not valid JSON/)
    expect(result.warnings.join('\n')).toMatch(/1 record without a string "text" field skipped \(line 5/)
    const third = result.files.find((file) => file.path === 'crawl.jsonl#L3')!
    expect(third.data.record).toMatchObject({line: 3, id: '7', file: 'crawl.jsonl'})
    const leak = third.messages.find((message) => message.ruleId === 'template-leak')!
    // Line and column inside the record's text.
    expect(leak.line).toBe(2)
    expect('The "Data Kalimat" says the talks failed.'.slice(leak.column! - 1)).toMatch(/^"?Data Kalimat/)
  })

  it('takes the text from --jsonl-field, and from stdin; exit 2 and a line number for a malformed line', () => {
    const dir = tempDir({'crawl.ndjson': records})
    const cli = runCli(['crawl.ndjson', '--jsonl-field', 'body', '-f', 'json'], {cwd: dir})
    expect(cli.code).toBe(2)
    expect(cli.stderr).toMatch(/crawl\.ndjson:2: not valid JSON/)
    expect(JSON.parse(cli.stdout).map((file: {path: string}) => file.path)).toEqual(['crawl.ndjson#L5'])
    const stdin = runCli(['-', '--stdin-filename', 'x.jsonl', '-f', 'json'], {cwd: dir, input: records.split('\n')[2]})
    expect(JSON.parse(stdin.stdout)[0].path).toBe('x.jsonl#L1')
  })

  it('splits lines across chunks without keeping an over-long line', async () => {
    async function* chunks() {
      yield Buffer.from('{"text":"ab')
      yield Buffer.from('c"}\n' + 'x'.repeat(100))
      yield Buffer.from('y'.repeat(100) + '\n\n{"text":"d"}')
    }
    const lines = []
    for await (const line of splitLines(chunks(), 150)) lines.push({line: line.line, text: line.bytes?.toString(), length: line.length})
    expect(lines).toEqual([
      {line: 1, text: '{"text":"abc"}', length: 14},
      {line: 2, text: undefined, length: 200},
      {line: 3, text: '', length: 0},
      {line: 4, text: '{"text":"d"}', length: 12},
    ])
  })

  it('treats every record as a document of the corpus', async () => {
    const shared = 'Iran Opens Airspace Only For India, 1,000 Students To Land In Delhi Tonight'
    const text = (topic: string) => `A first paragraph about ${topic} that says something useful and long enough.\n\n${shared}\n`
    const dir = tempDir({'crawl.jsonl': ['rain', 'wind', 'snow'].map((topic) => JSON.stringify({text: text(topic)})).join('\n')})
    const result = await lint(['crawl.jsonl'], {cwd: dir, config: false})
    for (const file of result.files) expect(file.messages.some((message) => message.ruleId === 'shared-boilerplate' && message.line === 3)).toBe(true)
  })
})

describe('layout evidence in link-residue', () => {
  const article = [
    'The council met on Tuesday evening to discuss the budget for the coming year, and the debate ran late into the night.',
    'Several members asked for more money for the river park, while others wanted to repair the roads first before anything else.',
  ]
  const headline = 'Council approves a new budget for the river park'

  it('reports a line that the HTML makes a link, and not the same line as plain text or a plain paragraph', async () => {
    const linked = `<p>${article[0]}</p>\n<p>${article[1]}</p>\n<p><a href="/news/budget">${headline}</a></p>\n`
    const plain = `<p>${article[0]}</p>\n<p>${article[1]}</p>\n<p>${headline}</p>\n`
    const files = await lintTexts(
      [
        {path: 'linked.html', value: linked},
        {path: 'plain.html', value: plain},
        {path: 'plain.txt', value: `${article[0]}\n${article[1]}\n${headline}\n`},
      ],
      {cwd: root, config: false},
    )
    const residue = (name: string) => files.find((file) => file.path === name)!.messages.filter((message) => message.ruleId === 'link-residue').map((message) => message.line)
    expect(residue('linked.html')).toEqual([3])
    expect(residue('plain.html')).toEqual([])
    expect(residue('plain.txt')).toEqual([])
  })

  it('reaches the rules in worker threads too (the CLI with --jobs 2), placed in the HTML source', () => {
    const page = `<p>${article[0]}</p>\n<p>${article[1]}</p>\n<p><a href="/news/budget">${headline}</a></p>\n`
    const dir = tempDir({'a.html': page, 'b.html': page.replace('Tuesday', 'Monday')})
    const result = runCli(['.', '--jobs', '2', '--rule', 'shared-boilerplate:off', '-f', 'json'], {cwd: dir})
    const files = JSON.parse(result.stdout) as Array<{path: string; messages: Array<{ruleId: string; line: number; column: number}>}>
    for (const file of files) {
      expect(file.messages.filter((message) => message.ruleId === 'link-residue').map((message) => [message.line, message.column])).toEqual([[3, page.split('\n')[2].indexOf(headline) + 1]])
    }
  })
})

describe('fixes', () => {
  const bait = "We invite you to share your thoughts in the comments section below. Don't forget to share this article with your friends!"
  const first = 'A clean first paragraph about the weather in the city today.'
  const fixesOf = (file: VFile) => file.messages.filter((message) => message.ruleId === 'engagement-bait').map((message) => message.expected)

  it('keep a fix in HTML where the source says what the prose said, and never offer one for a .gz file or a record', async () => {
    const dir = tempDir({
      'a.txt': `${first}\n\n${bait}\n`,
      'b.html': `<p>${first}</p>\n<p>${bait.replace("'", '&#39;')}</p>\n`,
      'c.html': `<p>${first}</p>\n<p>${bait}</p>\n`,
      'd.txt.gz': zlib.gzipSync(`${first}\n\n${bait}\n`),
      'e.jsonl': JSON.stringify({text: `${first}\n\n${bait}\n`}) + '\n',
    })
    const result = await lint([dir], {cwd: dir, config: false})
    const byPath = (name: string) => result.files.find((file) => file.path === name)!
    expect(fixesOf(byPath('a.txt'))).toEqual([['']])
    // The source spells the apostrophe as an entity: a fix written for the prose would not fit it.
    expect(fixesOf(byPath('b.html'))).toEqual([undefined])
    // Same words in the source: the fix replaces exactly them, markup left alone.
    const c = byPath('c.html')
    expect(fixesOf(c)).toEqual([['']])
    const place = c.messages.find((message) => message.ruleId === 'engagement-bait')!.place as {start: {offset: number}; end: {offset: number}}
    expect(String(c).slice(place.start.offset, place.end.offset)).toBe(bait)
    expect(fixesOf(byPath('d.txt.gz'))).toEqual([undefined])
    expect(fixesOf(byPath('e.jsonl#L1'))).toEqual([undefined])
  })
})

describe.skipIf(!hasShared)('the article-extraction pages (skipped: ../shared/data is absent)', () => {
  it('lint all 62 .html.gz pages without an error', async () => {
    const dir = path.join(sharedDir, 'data', 'article-extraction-dev')
    const pages = fs.readdirSync(dir).filter((name) => name.endsWith('.html.gz'))
    expect(pages.length).toBe(62)
    const result = await lint(pages.map((name) => path.join(dir, name)), {cwd: dir, config: false})
    expect(result.errors).toEqual([])
    expect(result.files.length).toBe(62)
    for (const file of result.files) {
      expect(file.messages.filter((message) => message.ruleId === 'internal-error')).toEqual([])
      const source = zlib.gunzipSync(fs.readFileSync(path.join(dir, file.path))).toString('utf8')
      // Every place is inside the page's source.
      for (const message of file.messages) expect(message.line!).toBeLessThanOrEqual(source.split('\n').length)
      // The page has prose: most of its article body is in the rendering's words.
      expect(file.data.layout?.lines.length).toBeGreaterThan(5)
    }
  })
})
