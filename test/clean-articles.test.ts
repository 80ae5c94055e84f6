/**
 * Clean, well-edited articles of many genres (test/fixtures/clean: a recipe, a match report, an
 * interview, a science explainer with citations, a review with a spec table, a policy explainer,
 * a listicle, an obituary, an op-ed, a travel piece, business news, a how-to with commands, a
 * poem with refrains, a transcript, a feature with a real author bio, a press release, an
 * encyclopedia article, a live blog, a FAQ, a speech with nested quotes, a newsletter, a Markdown
 * guide with a real table of contents, correct repeated words, similar but distinct sentences,
 * a book review, an essay with section breaks, a templating tutorial, a history with notes, a
 * league table, a weather column). Every message on them is a false positive.
 *
 * The whole engine runs over the folder as one corpus. Only the messages listed in KNOWN may
 * appear: false positives of rules that are being changed elsewhere (link-residue,
 * page-furniture, contradiction), each with its diagnosis. Any other message, or a known one
 * whose text changed, fails the test; a known one that disappears does not.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/engine.js'
import {root} from './helpers.js'

interface Known {
  file: string
  ruleId: string
  line: number
  column: number
  reason: string
  /** Why the message is a false positive. */
  why: string
}

const KNOWN: Known[] = []

describe('clean articles', () => {
  it('draw no message but the known false positives of rules changed elsewhere', async () => {
    const folder = path.join(root, 'test', 'fixtures', 'clean')
    const result = await lint([folder], {cwd: root, config: false})
    expect(result.errors).toEqual([])
    expect(result.files.length).toBeGreaterThanOrEqual(25)
    const found = result.files.flatMap((file) =>
      file.messages.map((message) => ({
        file: path.basename(file.path),
        ruleId: message.ruleId ?? '',
        line: message.line ?? 0,
        column: message.column ?? 0,
        reason: message.reason,
      })),
    )
    const known = KNOWN.map(({why: _why, ...message}) => message)
    const unknown = found.filter((message) => !known.some((entry) => JSON.stringify(entry) === JSON.stringify(message)))
    expect(unknown).toEqual([])
  })
})
