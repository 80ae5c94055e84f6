/**
 * Markdown: parsed by remark-parse (CommonMark, mdast), rendered to prose one block a line.
 * Headings, paragraphs, list items (with their source marker, `- `, `1. `), block quotes and link
 * text are prose; fenced and indented code, HTML, images, link and image destinations, definitions
 * and thematic breaks are not.
 */
import type {Nodes, Parents} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {align, RenderingBuilder, type Rendering, type Run} from './rendering.js'
import type {Layout, LayoutLine} from '../../rules/kit/layout.js'

const parser = unified().use(remarkParse)

/** Blocks whose children are blocks. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow'])
/** Blocks that hold inline content: one line each. */
const LEAVES = new Set(['paragraph', 'heading', 'tableCell'])

export function renderMarkdown(source: string): {rendering: Rendering; layout: Layout} {
  const tree = parser.parse(source)
  const builder = new RenderingBuilder(source)
  const lines: LayoutLine[] = []

  const raw = (start: number, end: number): Run => align(source.slice(start, end), source.slice(start, end), start)

  const inline = (node: Nodes, runs: Run[], counts: {link: number}, inLink: boolean) => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      const run = align(node.value, source.slice(start, end), start)
      if (inLink) counts.link += run.text.trim().length
      runs.push(run)
      return
    }
    if (node.type === 'break') {
      const start = node.position?.start.offset ?? 0
      runs.push({text: ' ', starts: [start], ends: [start]})
      return
    }
    if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html' || node.type === 'footnoteReference') return
    if ('children' in node) for (const child of node.children) inline(child as Nodes, runs, counts, inLink || node.type === 'link' || node.type === 'linkReference')
  }

  const leaf = (node: Parents, prefix?: Run) => {
    const runs: Run[] = prefix ? [prefix] : []
    const counts = {link: 0}
    for (const child of node.children) inline(child as Nodes, runs, counts, false)
    const line = builder.block(runs)
    if (line === undefined) return
    const length = runs.reduce((sum, run) => sum + run.text.trim().length, 0)
    lines.push({line, block: node.type === 'heading' ? `h${node.depth}` : node.type === 'paragraph' ? 'p' : 'td', linkDensity: length > 0 ? Math.min(1, counts.link / length) : 0})
  }

  const block = (node: Nodes, prefix?: Run) => {
    if (LEAVES.has(node.type)) return leaf(node as Parents, prefix)
    if (!CONTAINERS.has(node.type) || !('children' in node)) return
    let first = true
    for (const child of node.children as Nodes[]) {
      let marker: Run | undefined
      if (node.type === 'listItem' && first) {
        // The item's marker (`- `, `* `, `1. `) goes before its first block, as in a text scrape.
        const start = node.position?.start.offset
        const childStart = child.position?.start.offset
        if (start !== undefined && childStart !== undefined && childStart > start) marker = raw(start, Math.min(childStart, start + 12))
      }
      block(child, marker ?? (first ? prefix : undefined))
      first = false
    }
  }

  block(tree)
  return {rendering: builder.done(), layout: {format: 'markdown', lines}}
}
