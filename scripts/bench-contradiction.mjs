#!/usr/bin/env node
// Benchmark of the contradiction rule's corpus pass (run `npx tsc -p .` first):
//   node scripts/bench-contradiction.mjs
// Generates the facts (file.data.contradiction) of 1,000 and 10,000 documents, as the
// per-document pass leaves them, and times `corpus()` over them. The index keeps the
// pass near-linear: the 10,000 / 1,000 ratio should stay near 10, not 100.
import {VFile} from 'vfile'
import {corpus} from '../dist/rules/contradiction.js'

const PREDICATES = ['sign', 'ratify', 'approve', 'reject', 'win', 'lose', 'rise', 'fall', 'ship', 'sell', 'found', 'open', 'launch', 'join', 'hire', 'build', 'acquire', 'ban']
const OBJECTS = ['treaty', 'pact', 'bill', 'budget', 'title', 'phone', 'store', 'plant', 'deal', 'loan', 'reform', 'merger']
const MODS = ['done', 'done', 'done', 'present', 'may', 'will', 'unlikely']

// deterministic pseudo-random numbers
let seed = 42
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const pick = (list) => list[Math.floor(random() * list.length)]

function makeFiles(count) {
  const entities = Math.max(50, Math.floor(count / 4)) // a few documents talk about each entity
  const files = []
  for (let d = 0; d < count; d++) {
    const sentences = []
    const claims = []
    for (let si = 0; si < 30; si++) {
      const pred = pick(PREDICATES)
      const subject = `entity${Math.floor(random() * entities)}#`
      const claim = {si, subj: subject, ss: 'Entity', pred, obj: pick(OBJECTS), os: 'the thing', pol: random() < 0.15 ? -1 : 1, mod: pick(MODS)}
      if (random() < 0.3) claim.per = String(2000 + Math.floor(random() * 25))
      if (random() < 0.2) claim.n = [{v: Math.floor(random() * 100), lo: 0, hi: null, u: 'unit', r: 'n', t: '10'}]
      sentences.push({si, at: [si + 1, 1, si + 1, 80, si * 80, si * 80 + 79], s: `Sentence ${si} of document ${d}.`})
      claims.push(claim)
    }
    const file = new VFile({path: `doc${d}.txt`})
    file.data.contradiction = {topic: [], sentences, claims}
    files.push(file)
  }
  return files
}

function time(count) {
  const files = makeFiles(count)
  const start = performance.now()
  corpus(files, {})
  const ms = performance.now() - start
  const messages = files.reduce((sum, file) => sum + file.messages.length, 0)
  console.log(`${count.toLocaleString('en')} documents (${(count * 30).toLocaleString('en')} claims): corpus pass ${ms.toFixed(0)} ms, ${messages.toLocaleString('en')} messages`)
  return ms
}

time(200) // warm up
const small = time(1000)
const large = time(10000)
console.log(`ratio 10,000 / 1,000: ${(large / small).toFixed(1)} (linear is 10)`)
