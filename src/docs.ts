/** Generated documentation: the README's rules table comes from the registry, so it cannot drift. */
import type {Rule} from '../rules/kit/rule.js'

export function rulesTable(rules: Rule[]): string {
  const rows = rules.map((rule) => {
    const {id, level, fixable, description} = rule.meta
    const kind = rule.corpus ? 'corpus' : 'document'
    return `| [\`${id}\`](rules/${id}.md) | ${level} | ${kind} | ${fixable ? 'yes' : ''} | ${description.replace(/\|/g, '\\|')} |`
  })
  return ['| rule | default | scope | fix | finds |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}

/** Replace what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function replaceSection(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`no ${start} … ${end} section`)
  return text.slice(0, from + start.length) + '\n' + content + '\n' + text.slice(to)
}
