/**
 * Turn a plain-text article (one block a line, as the seeds are) into Markdown and HTML the way a
 * converter would write it: the first line a top heading, short unpunctuated lines section headings,
 * `- `/`•` lines list items, `links` lines links (stranded related-article headlines), other lines
 * paragraphs. Returns the text and, for each line of the input, the line it is on in the output,
 * so findings can be compared line for line.
 */

export interface Converted {
  text: string
  /** `lineOf[k]`: the output line of input line k (1-based; index 0 unused). */
  lineOf: number[]
}

type Kind = 'blank' | 'title' | 'heading' | 'item' | 'link' | 'paragraph'

function kindOf(line: string, number: number, links: Set<number>): Kind {
  const text = line.trim()
  if (text === '') return 'blank'
  if (links.has(number)) return 'link'
  if (number === 1) return 'title'
  if (/^(?:[-•*]|\d+\.)\s/.test(text)) return 'item'
  const words = text.split(/\s+/).length
  if (words <= 12 && !/[.!?:"”)\]]$/.test(text)) return 'heading'
  return 'paragraph'
}

const itemText = (line: string) => line.trim().replace(/^(?:[-•*]|\d+\.)\s+/, '')

/** Backslash-escape what Markdown would read as markup (every ASCII punctuation may be escaped). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|#!]/g, (c) => '\\' + c).replace(/^(\d+)\./, '$1\\.').replace(/^([-+=])/, '\\$1')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Markdown needs a blank line between blocks (else lines run into one paragraph): lines move. */
export function toMarkdown(source: string, links: number[] = []): Converted {
  const lines = source.split('\n')
  const linkSet = new Set(links)
  const out: string[] = []
  const lineOf = [0]
  let previous: Kind = 'blank'
  lines.forEach((line, index) => {
    const kind = kindOf(line, index + 1, linkSet)
    if (kind === 'blank') {
      out.push('')
      lineOf.push(out.length)
      previous = kind
      return
    }
    // Consecutive list items stay one list; any other two blocks need a blank line between them.
    if (previous !== 'blank' && !(kind === 'item' && previous === 'item')) out.push('')
    const text = kind === 'item' ? itemText(line) : line.trim()
    const body =
      kind === 'title' ? '# ' + escapeMarkdown(text) : kind === 'heading' ? '## ' + escapeMarkdown(text) : kind === 'item' ? '- ' + escapeMarkdown(text) : kind === 'link' ? `[${escapeMarkdown(text)}](https://example.com/related/${index + 1})` : escapeMarkdown(text)
    out.push(body)
    lineOf.push(out.length)
    previous = kind
  })
  return {text: out.join('\n'), lineOf}
}

/** HTML keeps every block on the line it had (blank lines stay blank), inside one `<body>`. */
export function toHtml(source: string, links: number[] = []): Converted {
  const lines = source.split('\n')
  const linkSet = new Set(links)
  const kinds = lines.map((line, index) => kindOf(line, index + 1, linkSet))
  const out: string[] = []
  kinds.forEach((kind, index) => {
    const line = lines[index]
    const text = escapeHtml(kind === 'item' ? itemText(line) : line.trim())
    let body =
      kind === 'blank' ? '' : kind === 'title' ? `<h1>${text}</h1>` : kind === 'heading' ? `<h2>${text}</h2>` : kind === 'item' ? `<li>${text}</li>` : kind === 'link' ? `<p><a href="https://example.com/related/${index + 1}">${text}</a></p>` : `<p>${text}</p>`
    if (kind === 'item' && kinds[index - 1] !== 'item') body = '<ul>' + body
    if (kind === 'item' && kinds[index + 1] !== 'item') body += '</ul>'
    if (index === 0) body = '<!doctype html><html><head><title>Article</title></head><body>' + body
    if (index === lines.length - 1) body += '</body></html>'
    out.push(body)
  })
  return {text: out.join('\n'), lineOf: [0, ...lines.map((_, index) => index + 1)]}
}
