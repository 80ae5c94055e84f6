/**
 * compromise, for the rules that tag text with it (contradiction, link-residue, template-leak):
 * loaded from its single-file build, which a worker imports in about half the time of its ES
 * modules (hundreds of files). Every rule must take compromise from here, so that a process loads
 * it once and the rules share one model.
 */
import {createRequire} from 'node:module'
import type Compromise from 'compromise'

const nlp = createRequire(import.meta.url)('compromise') as typeof Compromise
export default nlp

const world = nlp.world() as unknown as {hooks: string[]}

/**
 * compromise on a text without its last hook, `chunks` (a chunker: no tag depends on it, and no rule
 * reads its output), which is about a tenth of the cost. The hooks are restored before anything
 * else can run.
 */
export function tag(text: string): ReturnType<typeof Compromise> {
  const saved = world.hooks
  world.hooks = saved.filter((hook) => hook !== 'chunks')
  try {
    return nlp(text)
  } finally {
    world.hooks = saved
  }
}
