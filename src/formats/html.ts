/**
 * HTML: parsed by rehype-parse (parse5, hast, with source positions), rendered to prose one block a
 * line, the way a text scraper sees the page: every block element (`p`, `h1`-`h6`, `li`, `td`,
 * `div`, ...) starts a line, inline elements run on, whitespace collapses. `<head>`, `<script>`,
 * `<style>`, `<noscript>`, `<template>`, `<pre>`, `<textarea>`, `<select>`, SVG and MathML, and
 * elements that are `hidden` are not prose and are left out. Navigation chrome stays in the text
 * (it is what residue rules look for) and is marked on `file.data.layout`.
 */
import type {Element, Nodes, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {Chrome, Layout, LayoutLine} from '../../rules/kit/layout.js'
import {align, RenderingBuilder, type Rendering, type Run} from './rendering.js'

const parser = unified().use(rehypeParse)

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'pre', 'textarea', 'select', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'img', 'video', 'audio', 'picture', 'map'])
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'br', 'title',
])
const CHROME: Record<string, Chrome> = {nav: 'nav', header: 'header', footer: 'footer', aside: 'aside'}
const ROLES: Record<string, Chrome> = {navigation: 'nav', banner: 'header', contentinfo: 'footer', complementary: 'aside'}

function chromeOf(node: Element): Chrome | undefined {
  const role = node.properties?.role
  return CHROME[node.tagName] ?? (typeof role === 'string' ? ROLES[role] : undefined)
}

export function renderHtml(source: string): {rendering: Rendering; layout: Layout} {
  const tree = parser.parse(source) as Root
  const builder = new RenderingBuilder(source)
  const lines: LayoutLine[] = []
  let runs: Run[] = []
  let linkChars = 0
  let textChars = 0
  let links: string[] = []
  let blockTag = 'body'
  let hasText = false

  const flush = (chrome: Chrome | undefined) => {
    if (runs.length === 0) return
    const line = hasText ? builder.block(runs) : undefined
    if (line !== undefined) {
      const entry: LayoutLine = {line, block: blockTag, linkDensity: textChars > 0 ? Math.min(1, linkChars / textChars) : 0}
      if (chrome) entry.chrome = chrome
      if (links.length > 0) entry.links = links
      lines.push(entry)
    }
    runs = []
    hasText = false
    linkChars = 0
    textChars = 0
    links = []
  }

  const walk = (node: Nodes, chrome: Chrome | undefined, link: {text: string} | undefined) => {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      const run = align(node.value, source.slice(start, end), start)
      runs.push(run)
      const chars = node.value.replace(/\s+/g, '').length
      textChars += chars
      if (chars > 0) hasText = true
      if (link) {
        linkChars += chars
        link.text += node.value
      }
      return
    }
    if (node.type === 'root') {
      for (const child of node.children) walk(child, chrome, link)
      return
    }
    if (node.type !== 'element') return
    const tag = node.tagName
    if (SKIP.has(tag) || (node.properties?.hidden !== undefined && node.properties.hidden !== false)) return
    const inner = chromeOf(node) ?? chrome
    const isBlock = BLOCK.has(tag)
    const outerTag = blockTag
    if (isBlock) {
      flush(chrome)
      blockTag = tag
    }
    const start = node.position?.start.offset
    if (tag === 'li' && start !== undefined) runs.push({text: '- ', starts: [start, start], ends: [start, start]})
    const anchor = tag === 'a' && !link ? {text: ''} : undefined
    for (const child of node.children) walk(child, inner, anchor ?? link)
    if (anchor) {
      const text = anchor.text.replace(/\s+/g, ' ').trim()
      if (text && links.length < 20) links.push(text.slice(0, 200))
    }
    if (isBlock) {
      flush(inner)
      blockTag = outerTag
    }
  }

  walk(tree, undefined, undefined)
  flush(undefined)
  return {rendering: builder.done(), layout: {format: 'html', lines}}
}
