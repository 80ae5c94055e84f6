/**
 * The layers of the code run one way: rule kit (rules/kit) <- rules <- registry (rules/index.ts)
 * <- engine, CLI, language server (src/). This reads every import of src/ and rules/ and fails on
 * an import that runs back up the layers or on any circle of imports.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*'(\.{1,2}\/[^']+)'|\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g

function sources(folder: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(path.join(root, folder), {withFileTypes: true})) {
    const name = path.posix.join(folder, entry.name)
    if (entry.isDirectory()) found.push(...sources(name))
    else if (entry.name.endsWith('.ts')) found.push(name)
  }
  return found
}

/** Each source file (relative to the project) with the project files it imports. */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>()
  for (const file of [...sources('src'), ...sources('rules')]) {
    const text = fs.readFileSync(path.join(root, file), 'utf8')
    const targets: string[] = []
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts')
      targets.push(target)
    }
    edges.set(file, targets)
  }
  return edges
}

/** The circles of `edges` (each as a path that ends where it starts), found by depth-first search. */
export function circles(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const found: string[][] = []
  const visit = (node: string): void => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      if (!edges.has(next)) continue
      const seen = state.get(next)
      if (seen === 'open') found.push([...stack.slice(stack.indexOf(next)), next])
      else if (seen === undefined) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node)
  return found
}

describe('import layers', () => {
  const edges = graph()

  it('reads the imports it checks', () => {
    expect(edges.get('src/config.ts')).toContain('rules/index.ts')
    expect(edges.get('rules/index.ts')).toContain('rules/kit/rule.ts')
  })

  it('finds a circle when there is one', () => {
    const sample = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])
    expect(circles(sample)).toEqual([['a', 'b', 'c', 'a']])
  })

  it('rules/ never imports src/', () => {
    const up = [...edges].flatMap(([file, targets]) => (file.startsWith('rules/') ? targets.filter((t) => t.startsWith('src/')).map((t) => `${file} -> ${t}`) : []))
    expect(up).toEqual([])
  })

  it('the rule kit imports no rule and no registry', () => {
    const up = [...edges].flatMap(([file, targets]) => (file.startsWith('rules/kit/') ? targets.filter((t) => !t.startsWith('rules/kit/')).map((t) => `${file} -> ${t}`) : []))
    expect(up).toEqual([])
  })

  it('only src/config.ts reads the registry', () => {
    const readers = [...edges].filter(([file, targets]) => file.startsWith('src/') && targets.includes('rules/index.ts')).map(([file]) => file)
    expect(readers).toEqual(['src/config.ts'])
  })

  it('no rule imports another rule', () => {
    const ruleOf = (file: string): string | undefined => {
      const match = /^rules\/(?!kit\/|index\.ts$|data\/)([^/.]+)/.exec(file)
      return match?.[1]
    }
    const across = [...edges].flatMap(([file, targets]) => {
      const own = ruleOf(file)
      if (!own) return []
      return targets.filter((target) => {
        const other = ruleOf(target) ?? /^rules\/data\/([^/.]+)/.exec(target)?.[1]?.replace(/-lexicon$/, '')
        return other !== undefined && other !== own
      }).map((target) => `${file} -> ${target}`)
    })
    expect(across).toEqual([])
  })

  it('has no circle of imports', () => {
    expect(circles(edges).map((circle) => circle.join(' -> '))).toEqual([])
  })
})
