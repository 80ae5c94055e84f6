#!/usr/bin/env node
// Measures link-residue on the article-extraction pages (run `npx tsc -p .` first):
// for every `<id>.page.txt` (the whole page as a naive scraper gets it), how many lines
// that are not in the article body (`<id>.body.txt`) get a link-residue message, and how
// many body lines do. Then the messages on the clean `*.body.txt` files themselves.
//
//   node scripts/measure-link-residue.mjs [folder] [--show]
//
// Each page is linted alone with the rule alone (no corpus pass). A line counts as flagged
// when a message's place covers it; blank lines are not counted.
import fs from 'node:fs'
import path from 'node:path'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'

const here = path.dirname(new URL(import.meta.url).pathname)
const args = process.argv.slice(2)
const show = args.includes('--show')
const ruleId = (args.find((a) => a.startsWith('--rule=')) ?? '--rule=link-residue').slice(7)
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(here, '..', '..', 'shared', 'data', 'article-extraction-dev'))
if (!fs.existsSync(dir)) {
  console.error(`no folder ${dir}`)
  process.exit(2)
}
const rule = await import(path.join(here, '..', 'dist', 'rules', ruleId + '.js'))

async function lint(value, name) {
  const file = new VFile({path: name, value})
  const processor = unified().use(retextEnglish).use(rule.default)
  await processor.run(processor.parse(file), file)
  return file.messages.filter((m) => m.ruleId === ruleId)
}

const ids = fs.readdirSync(dir).filter((n) => n.endsWith('.page.txt')).map((n) => n.slice(0, -9)).sort()
let residueLines = 0
let residueFlagged = 0
let bodyLines = 0
let bodyFlagged = 0
const bodyHits = []
for (const id of ids) {
  const page = fs.readFileSync(path.join(dir, id + '.page.txt'), 'utf8')
  const body = fs.readFileSync(path.join(dir, id + '.body.txt'), 'utf8')
  const bodySet = new Set(body.split('\n').map((l) => l.trim()).filter(Boolean))
  const lines = page.split('\n')
  const covered = new Set()
  for (const m of await lint(page, id + '.page.txt')) {
    const start = m.place?.start?.line ?? m.line
    let end = m.place?.end?.line ?? start
    // a removal place ends at column 1 of the next line: that line is not covered
    if (end > start && m.place?.end?.column === 1) end--
    for (let l = start; l <= end; l++) covered.add(l)
  }
  lines.forEach((text, i) => {
    const t = text.trim()
    if (!t) return
    const inBody = bodySet.has(t)
    const hit = covered.has(i + 1)
    if (inBody) {
      bodyLines++
      if (hit) {
        bodyFlagged++
        bodyHits.push(`${id}.page.txt:${i + 1} ${t.slice(0, 100)}`)
      }
    } else {
      residueLines++
      if (hit) residueFlagged++
    }
  })
}
let bodyMessages = 0
const bodyMessageRows = []
for (const id of ids) {
  const body = fs.readFileSync(path.join(dir, id + '.body.txt'), 'utf8')
  for (const m of await lint(body, id + '.body.txt')) {
    bodyMessages++
    bodyMessageRows.push(`${id}.body.txt:${m.line} ${m.reason.slice(0, 120)}`)
  }
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '0.0') + '%'
console.log(`${ruleId} on ${ids.length} pages of ${path.basename(dir)}:`)
console.log(`  non-body lines flagged: ${residueFlagged} of ${residueLines} (${pct(residueFlagged, residueLines)})`)
console.log(`  body lines flagged:     ${bodyFlagged} of ${bodyLines} (${pct(bodyFlagged, bodyLines)})`)
console.log(`  messages on the ${ids.length} clean *.body.txt files: ${bodyMessages}`)
if (show) {
  for (const row of bodyHits) console.log('  body line flagged in page: ' + row)
  for (const row of bodyMessageRows) console.log('  body message: ' + row)
}
