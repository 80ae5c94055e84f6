// The contradiction rule's per-document pass alone: time (parse excluded), claims, and a diff of the
// claims against a saved run. After `npx tsc -p tsconfig.json`:
//   node scripts/measure-contradiction-speed.mjs DIR [--save FILE] [--compare FILE] [--runs N]
import fs from 'node:fs'
import path from 'node:path'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import contradiction from '../dist/rules/contradiction.js'

const args = process.argv.slice(2)
const dir = args[0]
const option = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const runs = Number(option('--runs') ?? 1)
const names = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
const texts = names.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
const parser = unified().use(retextEnglish)
const megabytes = texts.reduce((sum, text) => sum + text.length, 0) / 1e6
// CPU time, not wall time: other processes on the machine do not count
const cpu = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
// warm up (compromise builds its postTagger net on first use, the JIT compiles): the dev pairs, in no corpus
const pairs = JSON.parse(fs.readFileSync(new URL('../test/fixtures/contradiction-pairs.json', import.meta.url), 'utf8'))
for (const pair of pairs.contradictions) {
  const warm = new VFile(`${pair.context ?? ''} ${pair.a} ${pair.b}`)
  contradiction()(parser.parse(warm), warm)
}
for (const text of texts.slice(0, 5)) parser.parse(text)
let t0 = cpu()
for (const text of texts) parser.parse(text)
const parseMs = cpu() - t0

const claimsOf = {}
const times = []
for (let run = 0; run < runs; run++) {
  // runs after the first find the sentences in the rule's per-process cache: a site repeating all its text
  const plugin = contradiction()
  const files = texts.map((text) => new VFile(text))
  const trees = files.map((file) => parser.parse(file))
  t0 = cpu()
  for (let i = 0; i < files.length; i++) plugin(trees[i], files[i])
  times.push(cpu() - t0)
  if (run === 0) for (let i = 0; i < files.length; i++) claimsOf[names[i]] = files[i].data.contradiction.claims.map((claim) => JSON.stringify(claim))
}
const claims = Object.values(claimsOf).reduce((sum, list) => sum + list.length, 0)
const sentences = Object.values(claimsOf).reduce((sum, list) => sum + new Set(list.map((c) => JSON.parse(c).si)).size, 0)
const ms = times[0]
console.log(`${names.length} docs ${megabytes.toFixed(2)} MB: parse ${parseMs.toFixed(0)} ms cpu, contradiction ${ms.toFixed(0)} ms cpu (${(ms / parseMs).toFixed(2)}x parse), ${claims} claims from ${sentences} sentences`)
if (times.length > 1) console.log(`later runs: ${times.slice(1).map((t) => t.toFixed(0) + ' ms').join(', ')}`)
if (option('--save')) fs.writeFileSync(option('--save'), JSON.stringify(claimsOf))
if (option('--compare')) {
  const before = JSON.parse(fs.readFileSync(option('--compare'), 'utf8'))
  let kept = 0
  let total = 0
  let added = 0
  for (const [name, list] of Object.entries(before)) {
    const now = new Set(claimsOf[name] ?? [])
    const was = new Set(list)
    for (const claim of list) {
      total++
      if (now.has(claim)) kept++
      else if (args.includes('--show')) console.log('lost', name, claim)
    }
    for (const claim of now) if (!was.has(claim)) {
      added++
      if (args.includes('--show')) console.log('new ', name, claim)
    }
  }
  console.log(`kept ${kept} / ${total} (${(100 * kept / total).toFixed(2)}%), ${added} new`)
}
