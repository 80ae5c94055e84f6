/**
 * `--format html`: one self-contained HTML file (inline CSS and script, no network) with an
 * overview of the run, each document's text with its findings highlighted in place, and the corpus
 * view (contradictions and shared boilerplate between documents as a graph).
 *
 * Article text is hostile. The overview and the graph are HTML written here, every piece of text
 * through `escapeHtml`; the documents' texts and findings travel as JSON in a
 * `<script type="application/json">` block with `<`, `>` and `&` written as `\u` escapes (so no
 * `</script>` can end it), and the page's script puts them in the page as text nodes only, when a
 * document is opened (lazy rendering: a thousand documents cost one JSON parse, not a thousand
 * DOM trees). A Content-Security-Policy allows the one inline script by its hash and nothing else.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import {diffWordsWithSpace} from 'diff'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Rule} from '../../rules/kit/rule.js'
import {LineIndex} from '../formats/rendering.js'
import {version} from '../version.js'
import {CLIENT, STYLE} from './html/assets.js'
import {layout, type GraphEdge} from './html/graph.js'

export type Severity = 0 | 1 | 2
const SEVERITIES = ['error', 'warning', 'info'] as const

/** One finding as the page gets it. */
export interface Finding {
  /** Index of its rule in `rules`. */
  r: number
  /** Severity: 0 error, 1 warning, 2 info. */
  s: Severity
  /** Start and end offsets in the document's text (equal for a point). */
  a: number
  b: number
  line: number
  column: number
  reason: string
  note?: string
  /** The fix as a word diff: [0 kept | -1 removed | 1 added, text]; one per expected value. */
  fix?: Array<Array<[number, string]>>
}

export interface ReportDocument {
  path: string
  /** A JSON Lines record's id or url (or `line N`), and the file it is in. */
  record?: {file: string; name: string}
  /** The text, or null when the run did not keep it (facts only). */
  text: string | null
  findings: Finding[]
  counts: [number, number, number]
}

export interface ReportData {
  version: string
  rules: Array<{id: string; description: string; colour: string}>
  documents: ReportDocument[]
  edges: GraphEdge[]
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** JSON that can stand inside a `<script>` element: nothing in it can close the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
}

const severityOf = (message: VFileMessage): Severity => (message.fatal ? 0 : message.fatal === false ? 1 : 2)

/** A colour per rule, spread round the hue circle (golden angle), readable as a highlight. */
function colour(index: number): string {
  const hue = Math.round((index * 137.508 + 200) % 360)
  return `hsl(${hue} 85% 62%)`
}

function wordDiff(actual: string, expected: string): Array<[number, string]> {
  return diffWordsWithSpace(actual, expected).map((change) => [change.added ? 1 : change.removed ? -1 : 0, change.value] as [number, string])
}

/** The data of the page: rules with colours, documents with their findings, the corpus graph's edges. */
export function reportData(files: VFile[], rules: readonly Rule[]): ReportData {
  const ruleList = rules.map((rule) => ({id: rule.meta.id, description: rule.meta.description, colour: ''}))
  const ruleIndex = new Map(ruleList.map((rule, i) => [rule.id, i]))
  const indexOf = (id: string) => {
    let index = ruleIndex.get(id)
    if (index === undefined) {
      index = ruleList.length
      ruleList.push({id, description: '', colour: ''})
      ruleIndex.set(id, index)
    }
    return index
  }
  ruleList.forEach((rule, i) => (rule.colour = colour(i)))
  const documents: ReportDocument[] = files.map((file) => {
    const text = typeof file.value === 'string' ? file.value : file.value instanceof Uint8Array ? new TextDecoder().decode(file.value) : null
    const lines = text === null ? undefined : new LineIndex(text)
    const counts: [number, number, number] = [0, 0, 0]
    const findings = file.messages.map((message): Finding => {
      const place = message.place
      const start = place ? ('start' in place ? place.start : place) : undefined
      const end = place && 'end' in place ? place.end : start
      const offset = (point: typeof start) => (!point ? 0 : point.offset ?? lines?.offset(point.line, point.column) ?? 0)
      const limit = text?.length ?? Number.MAX_SAFE_INTEGER
      const a = Math.min(limit, offset(start))
      const b = Math.max(a, Math.min(limit, offset(end)))
      const s = severityOf(message)
      counts[s]++
      const finding: Finding = {r: indexOf(message.ruleId ?? message.source ?? 'unknown'), s, a, b, line: start?.line ?? 1, column: start?.column ?? 1, reason: message.reason}
      if (message.note) finding.note = message.note
      if (message.expected && message.expected.length > 0) {
        const actual = message.actual ?? (text === null ? undefined : text.slice(a, b))
        if (actual !== undefined) finding.fix = message.expected.map((expected) => wordDiff(actual, expected))
      }
      return finding
    })
    const origin = file.data.record
    const record = origin ? {file: origin.file, name: origin.id ?? `line ${origin.line}`} : undefined
    return {path: file.path, record, text, findings, counts}
  })
  ruleList.forEach((rule, i) => (rule.colour = colour(i)))
  return {version, rules: ruleList, documents, edges: corpusEdges(documents, ruleIndex)}
}

/** Most edges drawn; past this the graph says how many were left out. */
const MAX_EDGES = 4000
/** A boilerplate line shared by at most this many documents links each pair; more, a chain. */
const CLIQUE = 6

/** Edges between documents: contradictions (read from the messages, which name the other side) and shared boilerplate lines. */
function corpusEdges(documents: ReportDocument[], ruleIndex: Map<string, number>): GraphEdge[] {
  const byPath = new Map(documents.map((document, i) => [document.path, i]))
  const edges = new Map<string, GraphEdge>()
  const add = (edge: GraphEdge) => {
    const key = `${edge.kind}:${edge.a}:${edge.b}`
    const known = edges.get(key)
    if (known) known.count++
    else if (edges.size < MAX_EDGES) edges.set(key, edge)
  }
  const contradiction = ruleIndex.get('contradiction')
  if (contradiction !== undefined) {
    // `Contradiction with PATH:LINE (…`: the path is one of the documents' (tried at each colon, so
    // a path with colons or a hostile record id cannot confuse it).
    const named = (reason: string): [number, number] | undefined => {
      const prefix = 'Contradiction with '
      if (!reason.startsWith(prefix)) return undefined
      for (let colon = reason.indexOf(':', prefix.length); colon !== -1; colon = reason.indexOf(':', colon + 1)) {
        const other = byPath.get(reason.slice(prefix.length, colon))
        if (other === undefined) continue
        const line = Number.parseInt(reason.slice(colon + 1, colon + 12), 10)
        if (Number.isInteger(line)) return [other, line]
      }
      return undefined
    }
    documents.forEach((document, d) => {
      document.findings.forEach((finding, f) => {
        if (finding.r !== contradiction) return
        const target = named(finding.reason)
        if (!target || target[0] === d) return
        const [other, line] = target
        const namesBack = (g: Finding) => g.r === contradiction && named(g.reason)?.[0] === d
        // Each pair is drawn once, from its lower document, unless only the higher one names it.
        if (other < d && documents[other].findings.some((g) => namesBack(g) && named(g.reason)?.[1] === finding.line)) return
        const theirs = documents[other].findings
        let counterpart = theirs.findIndex((g) => g.line === line && namesBack(g))
        if (counterpart === -1) counterpart = theirs.findIndex((g) => g.line === line && g.r === contradiction)
        const side = counterpart === -1 ? undefined : counterpart
        const quote = side === undefined ? quoted(finding.note ?? '') : undefined
        add(d < other ? {kind: 'contradiction', a: d, b: other, fa: f, fb: side, quote, count: 1} : {kind: 'contradiction', a: other, b: d, fa: side, fb: f, quote, count: 1})
      })
    })
  }
  const boilerplate = ruleIndex.get('shared-boilerplate')
  if (boilerplate !== undefined) {
    const byLine = new Map<string, Array<[number, number]>>()
    documents.forEach((document, d) => {
      if (document.text === null) return
      document.findings.forEach((finding, f) => {
        if (finding.r !== boilerplate) return
        for (const line of document.text!.slice(finding.a, finding.b).split(/\r\n?|\n/)) {
          const key = line.replace(/\s+/g, ' ').trim().toLowerCase()
          if (key === '') continue
          let list = byLine.get(key)
          if (!list) byLine.set(key, (list = []))
          if (list.at(-1)?.[0] !== d) list.push([d, f])
        }
      })
    })
    for (const list of byLine.values()) {
      if (list.length < 2) continue
      const pairs: Array<[[number, number], [number, number]]> = []
      if (list.length <= CLIQUE) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push([list[i], list[j]])
      else for (let i = 1; i < list.length; i++) pairs.push([list[i - 1], list[i]])
      for (const [[a, fa], [b, fb]] of pairs) add({kind: 'boilerplate', a, b, fa, fb, count: 1})
    }
  }
  return [...edges.values()]
}

/** The first “…” of a note. */
function quoted(note: string): string | undefined {
  const open = note.indexOf('“')
  const close = open === -1 ? -1 : note.indexOf('”', open + 1)
  return close === -1 ? undefined : note.slice(open + 1, close)
}

function worstFirst(documents: ReportDocument[]): number[] {
  return documents
    .map((_, i) => i)
    .sort((x, y) => {
      const [a, b] = [documents[x].counts, documents[y].counts]
      return b[0] - a[0] || b[1] - a[1] || b[2] - a[2] || (documents[x].path < documents[y].path ? -1 : documents[x].path > documents[y].path ? 1 : 0)
    })
}

function chart(data: ReportData, perRule: number[][]): string {
  const rows = data.rules.map((rule, i) => ({rule, i, total: perRule[i][0] + perRule[i][1] + perRule[i][2]})).filter((row) => row.total > 0)
  rows.sort((x, y) => y.total - x.total || x.i - y.i)
  const max = Math.max(1, ...rows.map((row) => row.total))
  const bar = 22
  const labelWidth = 190
  const width = 720
  const height = rows.length * bar + 10
  const body = rows
    .map((row, k) => {
      const y = 5 + k * bar
      const length = Math.max(2, Math.round(((width - labelWidth - 70) * row.total) / max))
      return (
        `<g class="bar" data-rule="${row.i}"><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(row.rule.id)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="${bar - 6}" rx="3" fill="${row.rule.colour}"><title>${escapeHtml(`${row.rule.id}: ${row.total} findings`)}</title></rect>` +
        `<text x="${labelWidth + length + 6}" y="${y + 15}">${row.total}</text></g>`
      )
    })
    .join('')
  return `<svg class="chart" role="img" aria-label="findings per rule" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body}</svg>`
}

function graph(data: ReportData): string {
  const {documents, edges} = data
  const placed = layout(documents.length, edges)
  // Boilerplate under contradictions, moved aside where both join the same pair, so both show.
  const contradicting = new Set(edges.filter((edge) => edge.kind === 'contradiction').map((edge) => `${edge.a}:${edge.b}`))
  const drawOrder = edges.map((_, k) => k).sort((x, y) => (edges[x].kind === edges[y].kind ? x - y : edges[x].kind === 'boilerplate' ? -1 : 1))
  const lines = drawOrder
    .map((k) => {
      const edge = edges[k]
      let [x1, y1] = placed.points[edge.a]
      let [x2, y2] = placed.points[edge.b]
      if (edge.kind === 'boilerplate' && contradicting.has(`${edge.a}:${edge.b}`)) {
        const length = Math.hypot(x2 - x1, y2 - y1) || 1
        const [dx, dy] = [(-(y2 - y1) / length) * 5, ((x2 - x1) / length) * 5]
        ;[x1, y1, x2, y2] = [x1 + dx, y1 + dy, x2 + dx, y2 + dy].map((value) => Math.round(value * 10) / 10)
      }
      const what = edge.kind === 'contradiction' ? 'contradiction' : 'shared boilerplate'
      return `<line class="edge ${edge.kind}" data-edge="${k}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><title>${escapeHtml(`${what}: ${documents[edge.a].path} and ${documents[edge.b].path}${edge.count > 1 ? ` (${edge.count})` : ''}`)}</title></line>`
    })
    .join('')
  const nodes = documents
    .map((document, i) => {
      const [x, y] = placed.points[i]
      const severity = document.counts[0] > 0 ? 'error' : document.counts[1] > 0 ? 'warning' : document.counts[2] > 0 ? 'info' : 'clean'
      const side = placed.labelled[i]
      const label = side === 0 ? '' : `<text x="${x + side * 9}" y="${y + 4}"${side < 0 ? ' text-anchor="end"' : ''}>${escapeHtml(shortName(document))}</text>`
      return `<g class="node ${severity}" data-doc="${i}"><circle cx="${x}" cy="${y}" r="6"><title>${escapeHtml(document.path)}</title></circle>${label}</g>`
    })
    .join('')
  return `<svg class="graph${edges.length > 200 ? ' dense' : ''}" role="img" aria-label="documents and the contradictions and shared boilerplate between them" viewBox="0 0 ${placed.width} ${placed.height}" width="${placed.width}" height="${placed.height}">${lines}${nodes}</svg>`
}

function shortName(document: ReportDocument): string {
  const name = document.record ? document.record.name : path.basename(document.path)
  return name.length > 24 ? name.slice(0, 23) + '…' : name
}

export function reportHtml(files: VFile[], rules: readonly Rule[]): string {
  const data = reportData(files, rules)
  const {documents} = data
  const perRule = data.rules.map(() => [0, 0, 0])
  const docsPerRule = data.rules.map(() => new Set<number>())
  documents.forEach((document, d) => {
    for (const finding of document.findings) {
      perRule[finding.r][finding.s]++
      docsPerRule[finding.r].add(d)
    }
  })
  const totals = [0, 1, 2].map((s) => documents.reduce((sum, document) => sum + document.counts[s], 0))
  const ruleRows = data.rules
    .map((rule, i) => ({rule, i}))
    .filter(({i}) => perRule[i][0] + perRule[i][1] + perRule[i][2] > 0)
    .map(
      ({rule, i}) =>
        `<tr><td><span class="swatch" style="background:${rule.colour}"></span>${escapeHtml(rule.id)}</td><td class="n">${perRule[i][0]}</td><td class="n">${perRule[i][1]}</td><td class="n">${perRule[i][2]}</td><td class="n">${docsPerRule[i].size}</td><td>${escapeHtml(rule.description)}</td></tr>`,
    )
    .join('')
  const documentRows = worstFirst(documents)
    .map((d) => {
      const document = documents[d]
      const name = document.record ? `${escapeHtml(document.record.name)} <span class="dim">${escapeHtml(document.record.file)}</span>` : escapeHtml(document.path)
      return `<tr data-doc="${d}"><td><a href="#doc-${d}">${name}</a></td><td class="n">${document.counts[0]}</td><td class="n">${document.counts[1]}</td><td class="n">${document.counts[2]}</td></tr>`
    })
    .join('')
  const filters =
    SEVERITIES.map((severity, s) => `<label class="sev ${severity}"><input type="checkbox" data-severity="${s}" checked> ${severity}</label>`).join('') +
    data.rules
      .map((rule, i) => ({rule, i}))
      .filter(({i}) => docsPerRule[i].size > 0)
      .map(({rule, i}) => `<label class="rule"><input type="checkbox" data-rule="${i}" checked><span class="swatch" style="background:${rule.colour}"></span>${escapeHtml(rule.id)}</label>`)
      .join('')
  const contradictions = data.edges.filter((edge) => edge.kind === 'contradiction').length
  const shared = data.edges.length - contradictions
  const script = CLIENT
  const hash = createHash('sha256').update(script).digest('base64')
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scrapelint report: ${documents.length} document${documents.length === 1 ? '' : 's'}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>scrapelint report</h1><nav><a href="#overview">Overview</a> <a href="#corpus">Corpus</a> <span class="dim">scrapelint ${escapeHtml(version)} · keys: n/j next finding, p/k previous, Esc back</span></nav></header>
<main>
<section id="overview">
<h2>Overview</h2>
<p class="totals"><b>${documents.length}</b> documents · <b>${totals[0] + totals[1] + totals[2]}</b> findings: <span class="sev error">${totals[0]} errors</span>, <span class="sev warning">${totals[1]} warnings</span>, <span class="sev info">${totals[2]} info</span></p>
<h3>Findings per rule</h3>
${chart(data, perRule)}
<table class="rules"><thead><tr><th>rule</th><th>errors</th><th>warnings</th><th>info</th><th>documents</th><th>finds</th></tr></thead><tbody>${ruleRows}</tbody></table>
<h3>Documents, worst first</h3>
<div class="scroll"><table class="documents"><thead><tr><th>document</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>${documentRows}</tbody></table></div>
</section>
<section id="corpus">
<h2>Corpus</h2>
<p>${contradictions} contradiction edge${contradictions === 1 ? '' : 's'} <span class="key contradiction"></span>, ${shared} shared-boilerplate edge${shared === 1 ? '' : 's'} <span class="key boilerplate"></span>. Click an edge to see both sides, a document to open it.</p>
${graph(data)}
<div id="pair" hidden></div>
</section>
<section id="document" hidden>
<div class="toolbar"><a href="#overview">← overview</a> <span id="doc-title"></span> <span id="position" class="dim"></span><div class="filters">${filters}</div></div>
<div class="doc"><div id="text" class="text"></div><aside id="notes" class="notes"></aside></div>
</section>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>`
}
