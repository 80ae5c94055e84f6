/**
 * `--format html`: the page's data and escaping (in Node), then the report of the seeds plus a small
 * corpus in a real headless browser (Debian's chromium through playwright-core): every finding
 * highlighted, the filters, the keyboard, the contradiction edge between the seeds, and a planted
 * `<script>` that stays text. Screenshots go to test/artifacts/ (gitignored).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lintTexts} from '../src/engine.js'
import {reportData, reportHtml, type ReportData} from '../src/reporters/html.js'
import {CLIENT} from '../src/reporters/html/assets.js'
import {root} from './helpers.js'
import {ensureBuilt} from './helpers/build.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARTIFACTS = path.join(root, 'test', 'artifacts')
const PAYLOAD = 'Breaking: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> and </script><script>window.__pwned = 3</script> the end.'

/** The `<script` tags of a page, as markup (not inside the JSON, where `<` is an escape). */
const scriptTags = (html: string) => html.match(/<script\b/gi) ?? []

function embedded(html: string): ReportData {
  const json = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)
  expect(json).not.toBeNull()
  return JSON.parse(json![1]) as ReportData
}

describe('html report, in Node', () => {
  it('keeps hostile text as data: one script of its own, the payload only inside the escaped JSON', async () => {
    const files = await lintTexts([{path: 'planted <b>x</b>.txt', value: `${PAYLOAD}\n\nThe the report was late.\n`}], {cwd: root, config: false})
    const html = reportHtml(files, rules)
    expect(scriptTags(html)).toHaveLength(2)
    expect(html).not.toContain('<script>window.__pwned')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('\\u003cscript\\u003ewindow.__pwned')
    expect(html).not.toContain('<b>x</b>')
    expect(html).toContain('planted &#60;b&#62;x&#60;/b&#62;.txt')
    const data = embedded(html)
    expect(data.documents[0].text).toContain(PAYLOAD)
    expect(data.documents[0].findings.some((finding) => data.rules[finding.r].id === 'repeated-words')).toBe(true)
    // The page's script is parseable JavaScript, and the policy admits it by its hash only.
    expect(() => new Function(CLIENT)).not.toThrow()
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/)
  })

  it('places findings by offset, carries fixes as word diffs and names JSON Lines records', async () => {
    const files = await lintTexts([{path: 'a.txt', value: 'Intro line.\n\nIt it was filed anyway.\n'}], {cwd: root, config: false})
    files[0].data.record = {file: 'crawl.jsonl', line: 3, id: 'https://example.com/a'}
    const data = reportData(files, rules)
    const finding = data.documents[0].findings.find((f) => data.rules[f.r].id === 'repeated-words')!
    expect(data.documents[0].text!.slice(finding.a, finding.b)).toBe('It it')
    expect(finding.fix).toBeDefined()
    expect(finding.fix![0].filter(([op]) => op === -1).map(([, text]) => text).join('')).toContain('it')
    expect(data.documents[0].record).toEqual({file: 'crawl.jsonl', name: 'https://example.com/a'})
  })
})

const reason = !fs.existsSync(CHROMIUM)
  ? `no browser at ${CHROMIUM} (install Debian's chromium: apt-get install -y chromium; .ci/run does)`
  : await import('playwright-core').then(
      () => undefined,
      (error: Error) => `playwright-core cannot be loaded (${error.message})`,
    )
if (reason) console.warn(`html report browser test skipped: ${reason}`)

describe.skipIf(reason !== undefined)('html report in headless chromium', () => {
  let work: string
  let report: string
  let data: ReportData
  let browser: import('playwright-core').BrowserContext
  let page: import('playwright-core').Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    ensureBuilt()
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scrapelint-html-'))
    const corpus = path.join(work, 'articles')
    fs.mkdirSync(corpus)
    for (const name of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', name), path.join(corpus, name))
    const footer = 'Subscribe to our newsletter for the latest updates every morning.\nRead more stories from our award winning newsroom today.\n'
    fs.writeFileSync(path.join(corpus, 'planted.txt'), `A planted page\n\n${PAYLOAD}\n\nThe the council met on Tuesday to discuss the budget for the coming year.\n\n${footer}`)
    fs.writeFileSync(path.join(corpus, 'local-news.txt'), `Local news\n\nThe library opens a new reading room for children next month, officials said.\n\n${footer}`)
    const records = [
      {id: 'rec-1', text: `The bridge reopened after repairs that took two years to finish.\n\n${footer}`},
      {url: 'https://example.com/story?id=2', text: 'The mayor said the the plan would cost less than expected this year.\n'},
    ]
    fs.writeFileSync(path.join(corpus, 'crawl.jsonl'), records.map((record) => JSON.stringify(record)).join('\n') + '\n')
    report = path.join(work, 'report.html')
    try {
      execFileSync(process.execPath, [path.join(root, 'dist/src/cli.js'), '--format', 'html', '--output', report, '--no-config', 'articles'], {cwd: work, stdio: 'pipe'})
    } catch (error) {
      // Exit 1: there are errors among the findings; the report is written all the same.
      if ((error as {status?: number}).status !== 1) throw error
    }
    data = embedded(fs.readFileSync(report, 'utf8'))
    const {chromium} = await import('playwright-core')
    // A fresh profile for each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: {width: 1280, height: 900},
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = browser.pages()[0] ?? (await browser.newPage())
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    // Nothing may be fetched: the report is one file.
    await page.route((url) => !url.href.startsWith('file:'), (route) => {
      pageErrors.push(`fetched ${route.request().url()}`)
      return route.abort()
    })
    await page.goto(pathToFileURL(report).href)
    fs.mkdirSync(ARTIFACTS, {recursive: true})
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    if (work) fs.rmSync(work, {recursive: true, force: true})
  })

  /** Open document `index` and wait until the page has rendered it. */
  const open = async (index: number) => {
    await page.evaluate((d) => (location.hash = `#doc-${d}`), index)
    await page.locator(`#document[data-doc="${index}"]`).waitFor({state: 'visible', timeout: 5000})
  }
  const indexOf = (suffix: string) => data.documents.findIndex((document) => document.path.endsWith(suffix))

  it('opens without errors or requests and shows the overview', async () => {
    expect(data.documents.length).toBe(6)
    expect(await page.locator('#overview').isVisible()).toBe(true)
    expect(await page.locator('svg.chart .bar').count()).toBeGreaterThan(3)
    const rows = await page.locator('table.documents tbody tr').allTextContents()
    expect(rows.some((row) => row.includes('rec-1'))).toBe(true)
    expect(rows.some((row) => row.includes('https://example.com/story?id=2'))).toBe(true)
    await page.screenshot({path: path.join(ARTIFACTS, 'html-report-overview.png'), fullPage: false})
    expect(pageErrors).toEqual([])
  })

  it('did not run the planted script and shows it as text', async () => {
    const planted = indexOf('planted.txt')
    await open(planted)
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined()
    expect(await page.locator('#text').textContent()).toContain('<script>window.__pwned = 1</script>')
    expect(await page.locator('#text script, #text img').count()).toBe(0)
    expect(await page.locator('script').count()).toBe(2)
  })

  it('highlights every finding of every document in place, with a margin note each', async () => {
    let total = 0
    for (let d = 0; d < data.documents.length; d++) {
      await open(d)
      const missing = await page.evaluate((count) => {
        const lacking: number[] = []
        for (let f = 0; f < count; f++) if (!document.querySelector(`#text mark[data-f~="${f}"]`) || !document.getElementById(`note-${f}`)) lacking.push(f)
        return lacking
      }, data.documents[d].findings.length)
      expect(missing, data.documents[d].path).toEqual([])
      // The highlighted text is the text the finding is about.
      const document = data.documents[d]
      for (const [f, finding] of document.findings.entries()) {
        if (finding.b === finding.a) continue
        const marked = await page.locator(`#text mark[data-f~="${f}"]`).allTextContents()
        expect(marked.join('')).toBe(document.text!.slice(finding.a, finding.b))
      }
      total += data.documents[d].findings.length
    }
    expect(total).toBeGreaterThan(20)
  })

  it('filters by rule and by severity, and steps through findings with the keyboard', async () => {
    const seed = indexOf('000_b5ec2ec2e0fda784.txt')
    const document = data.documents[seed]
    await open(seed)
    const rule = data.rules.findIndex((r) => r.id === 'template-leak')
    const ofRule = document.findings.filter((f) => f.r === rule).length
    expect(ofRule).toBeGreaterThan(0)
    const before = await page.locator('#notes .note').count()
    expect(before).toBe(document.findings.length)
    await page.locator(`input[data-rule="${rule}"]`).uncheck()
    expect(await page.locator('#notes .note').count()).toBe(before - ofRule)
    for (const [f, finding] of document.findings.entries()) {
      if (finding.r === rule) expect(await page.locator(`#text mark[data-f~="${f}"]`).count()).toBe(0)
    }
    await page.locator(`input[data-rule="${rule}"]`).check()
    expect(await page.locator('#notes .note').count()).toBe(before)
    const warnings = document.findings.filter((f) => f.s === 1).length
    await page.locator('input[data-severity="1"]').uncheck()
    expect(await page.locator('#notes .note').count()).toBe(before - warnings)
    await page.locator('input[data-severity="1"]').check()

    await page.locator('#text').click({position: {x: 2, y: 2}})
    await page.keyboard.press('n')
    await page.keyboard.press('n')
    expect(await page.locator('#position').textContent()).toBe(`finding 2 of ${before}`)
    const second = [...document.findings.keys()].sort((x, y) => document.findings[x].a - document.findings[y].a || x - y)[1]
    expect(await page.locator('#text mark.cur').first().getAttribute('data-f')).toContain(String(second))
    expect(await page.locator(`#note-${second}`).getAttribute('class')).toContain('cur')
    await page.keyboard.press('p')
    expect(await page.locator('#position').textContent()).toBe(`finding 1 of ${before}`)
    await page.screenshot({path: path.join(ARTIFACTS, 'html-report-document.png')})
    // The small picture in docs/html-report.png is this one (copied by hand): the seeds' contradiction, selected.
    const sorted = [...document.findings.keys()].sort((x, y) => document.findings[x].a - document.findings[y].a || x - y)
    const target = sorted.findIndex((f) => data.rules[document.findings[f].r].id === 'contradiction')
    for (let k = 0; k < target; k++) await page.keyboard.press('n')
    expect(await page.locator('#position').textContent()).toBe(`finding ${target + 1} of ${before}`)
    await page.screenshot({path: path.join(ARTIFACTS, 'html-report-small.png'), clip: {x: 0, y: 0, width: 1040, height: 520}})
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => location.hash === '#overview')
    // hashchange is dispatched after the hash is set: wait for the page to answer it.
    await page.locator('#document').waitFor({state: 'hidden', timeout: 5000})
    expect(await page.locator('#overview').isVisible()).toBe(true)
  })

  it('draws the contradiction edge between the two seeds and opens both sentences side by side', async () => {
    const [a, b] = [indexOf('000_b5ec2ec2e0fda784.txt'), indexOf('004_e6b2e51e5f0f2b84.txt')]
    const edge = data.edges.findIndex((e) => e.kind === 'contradiction' && e.a === Math.min(a, b) && e.b === Math.max(a, b))
    expect(edge).not.toBe(-1)
    await page.evaluate(() => (location.hash = '#corpus'))
    await page.locator('#corpus').waitFor({state: 'visible', timeout: 5000})
    const line = page.locator(`svg.graph line.edge.contradiction[data-edge="${edge}"]`)
    expect(await line.count()).toBe(1)
    // The line runs between the two seeds' nodes.
    const ends = await line.evaluate((node) => ['x1', 'y1', 'x2', 'y2'].map((name) => Number(node.getAttribute(name))))
    const centre = (d: number) => page.locator(`svg.graph .node[data-doc="${d}"] circle`).evaluate((node) => [Number(node.getAttribute('cx')), Number(node.getAttribute('cy'))])
    expect(ends).toEqual([...(await centre(Math.min(a, b))), ...(await centre(Math.max(a, b)))])
    await line.dispatchEvent('click')
    const quotes = await page.locator('#pair blockquote').allTextContents()
    expect(quotes).toHaveLength(2)
    const {fa, fb} = data.edges[edge]
    expect(quotes[0]).toBe(data.documents[Math.min(a, b)].text!.slice(data.documents[Math.min(a, b)].findings[fa!].a, data.documents[Math.min(a, b)].findings[fa!].b))
    expect(quotes[1].length).toBeGreaterThan(20)
    expect(fb).toBeDefined()
    expect(data.edges.some((e) => e.kind === 'boilerplate')).toBe(true)
    expect(await page.locator('svg.graph line.edge.boilerplate').count()).toBe(data.edges.filter((e) => e.kind === 'boilerplate').length)
    await page.locator('#pair').scrollIntoViewIfNeeded()
    await page.screenshot({path: path.join(ARTIFACTS, 'html-report-corpus.png')})
    expect(pageErrors).toEqual([])
  })
})
