/**
 * Tree helpers shared by the rules, computed once per tree and cached on it
 * (like the line helpers of `src/text.ts`, which are cached per file): four
 * rules walking the whole tree with unist-util-visit cost more than most of
 * those rules' own work.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'

const sentencesCache = new WeakMap<Root, Sentence[]>()
const paragraphsCache = new WeakMap<Root, Paragraph[]>()

/** Nodes of `type` in document order (as unist-util-visit finds them), not looking inside a node found. */
function collect<T>(node: {type: string; children?: unknown[]}, type: string, found: T[]): void {
  if (node.type === type) {
    found.push(node as T)
    return
  }
  const children = node.children as Array<{type: string; children?: unknown[]}> | undefined
  if (children) for (let i = 0; i < children.length; i++) collect(children[i], type, found)
}

/**
 * The sentences of a tree, in document order: one walk per tree, shared by the rules (a walk with
 * unist-util-visit per rule costs more than most rules' own work). Do not change the array.
 */
export function getSentences(tree: Root): Sentence[] {
  let sentences = sentencesCache.get(tree)
  if (!sentences) {
    sentences = []
    collect(tree, 'SentenceNode', sentences)
    sentencesCache.set(tree, sentences)
  }
  return sentences
}

/** The paragraphs of a tree, in document order, walked once per tree. Do not change the array. */
export function getParagraphs(tree: Root): Paragraph[] {
  let paragraphs = paragraphsCache.get(tree)
  if (!paragraphs) {
    paragraphs = []
    collect(tree, 'ParagraphNode', paragraphs)
    paragraphsCache.set(tree, paragraphs)
  }
  return paragraphs
}
