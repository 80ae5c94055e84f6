#!/usr/bin/env node
// Regenerates the README's rules table (from the registry) and its report excerpt (from a real run
// on seeds/). Run `npm run build` first; `npm run readme` does both.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {rules} from '../dist/rules/index.js'
import {replaceSection, rulesTable} from '../dist/src/docs.js'

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..')
const readmePath = path.join(root, 'README.md')
let readme = fs.readFileSync(readmePath, 'utf8')
readme = replaceSection(readme, 'rules', rulesTable(rules))

let report
try {
  report = execFileSync(process.execPath, [path.join(root, 'dist/src/cli.js'), '--no-color', 'seeds/'], {cwd: root, encoding: 'utf8'})
} catch (error) {
  report = error.stdout
}
const lines = report.trimEnd().split('\n')
const keep = 18
const excerpt = lines.length > keep + 2 ? [...lines.slice(0, keep), '…', ...lines.slice(-2)] : lines
readme = replaceSection(readme, 'excerpt', ['```', '$ npx scrapelint seeds/', ...excerpt, '```'].join('\n'))
fs.writeFileSync(readmePath, readme)
console.log(`README.md: ${rules.length} rules, ${lines.length} report lines (${excerpt.length} shown)`)
