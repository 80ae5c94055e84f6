/**
 * The defects the fuzz tests found, each as the small input that showed it, so they stay fixed
 * whatever seed the fuzz tests run with.
 */
import os from 'node:os'
import {describe, expect, it} from 'vitest'
import {lintTexts} from '../../src/engine.js'
import {checkMessages} from './arbitraries.js'

const lintAll = (inputs: Array<{path: string; value: string}>, windowSize?: number) =>
  lintTexts(inputs, {cwd: os.tmpdir(), config: false, windowSize, rules: {contradiction: 'off'}})

function problems(inputs: Array<{path: string; value: string}>, files: Awaited<ReturnType<typeof lintAll>>) {
  return files.flatMap((file) => checkMessages(inputs.find((input) => input.path === file.path)!.value, file.messages))
}

const shared = 'Iran Wants To Negotiate After Crippling Israeli Strikes | The Daily Caller'

describe('fuzz regressions', () => {
  it('a lone \\r ends a line for line-based rules (shared-boilerplate)', async () => {
    const inputs = [
      {path: 'a.txt', value: `Iran Iran Iran.\n\r${shared}\nMore text here.`},
      {path: 'b.txt', value: `Other text.\n${shared}\n`},
    ]
    const files = await lintAll(inputs)
    const found = files.flatMap((file) => file.messages.filter((m) => m.ruleId === 'shared-boilerplate'))
    expect(found.length).toBe(2)
    expect(problems(inputs, files)).toEqual([])
    expect(found.find((m) => m.file === 'a.txt' || String(m.file).endsWith('a.txt'))?.line).toBe(3)
  })

  it('facts of a windowed document keep document offsets (shared-boilerplate in small windows)', async () => {
    const filler = Array.from({length: 30}, (_, i) => `Paragraph ${i} of the article about the river council and its budget.`).join('\n\n')
    const inputs = [
      {path: 'a.txt', value: `${filler}\n\n${shared}\n\n${filler}`},
      {path: 'b.txt', value: `${shared}\nA short note.`},
    ]
    const files = await lintAll(inputs, 300)
    const found = files.flatMap((file) => file.messages.filter((m) => m.ruleId === 'shared-boilerplate'))
    expect(found.length).toBe(2)
    expect(problems(inputs, files)).toEqual([])
    for (const message of found) expect(message.actual).toBe(`${shared}\n`)
  })

  it.each(['md', 'html'])('a lone \\r ends a line when .%s messages are mapped back', async (extension) => {
    const inputs = [{path: `a.${extension}`, value: 'Iran said said it.\rIran said said it.\r'}]
    const files = await lintAll(inputs)
    expect(files[0]!.messages.some((m) => m.ruleId === 'repeated-words')).toBe(true)
    expect(problems(inputs, files)).toEqual([])
  })
})
