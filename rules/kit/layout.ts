/**
 * `file.data.layout`: what a marked-up input (HTML, Markdown) says about each line of the text the
 * rules read. Boilerplate detectors (link-residue, shared-boilerplate) use it as evidence: a line
 * inside `<nav>`, `<footer>`, `<aside>` or `<header>`, or one that is mostly link text, is page
 * chrome rather than article prose. Plain text and JSON Lines records have no layout.
 */

/** Page chrome a block sits in (its nearest such ancestor, by element or ARIA role). */
export type Chrome = 'nav' | 'header' | 'footer' | 'aside'

export interface LayoutLine {
  /** 1-based line of the rendered text (the text rules read: `getLines(file)`) that holds the block. */
  line: number
  /** The block element it came from: `p`, `h2`, `li`, `td`, `div`, ... */
  block: string
  /** Share of the block's characters that are link (`<a>`, `[text](url)`) text, 0 to 1. */
  linkDensity: number
  /** Set when the block is inside page chrome. */
  chrome?: Chrome
  /** The texts of the links in the block (HTML only; at most 20, each at most 200 characters). */
  links?: string[]
}

export interface Layout {
  format: 'html' | 'markdown'
  /** One entry per non-empty line of the rendered text, in order. */
  lines: LayoutLine[]
}

declare module 'vfile' {
  interface DataMap {
    layout: Layout
  }
}
