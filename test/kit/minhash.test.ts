import {describe, expect, it} from 'vitest'
import {candidatePairs, PERMUTATIONS, signature, similarity, union} from '../../rules/kit/minhash.js'

/** `size` tokens, of which the first `shared` are common to every set built with the same prefix. */
function tokens(prefix: string, from: number, to: number): string[] {
  return Array.from({length: to - from}, (_, i) => `${prefix}-${from + i}`)
}

describe('kit/minhash', () => {
  it('encodes a signature as 8 hex digits a value, and an empty set as the empty string', () => {
    expect(signature(['a', 'b'])).toMatch(new RegExp(`^[0-9a-f]{${PERMUTATIONS * 8}}$`))
    expect(signature([])).toBe('')
    expect(signature(['b', 'a', 'a'])).toBe(signature(['a', 'b']))
  })

  it('estimates the Jaccard similarity of two sets within a few hundredths', () => {
    // 1,000 shared tokens, 250 own on each side: J = 1000 / 1500 = 0.667
    const a = signature([...tokens('s', 0, 1000), ...tokens('a', 0, 250)])
    const b = signature([...tokens('s', 0, 1000), ...tokens('b', 0, 250)])
    expect(Math.abs(similarity(a, b) - 2 / 3)).toBeLessThan(0.12)
    expect(similarity(a, a)).toBe(1)
    const c = signature(tokens('c', 0, 1000))
    expect(similarity(a, c)).toBeLessThan(0.05)
  })

  it('gives the signature of a union from the signatures of its parts (a document linted in windows)', () => {
    const whole = signature([...tokens('x', 0, 300), ...tokens('y', 0, 300)])
    expect(union([signature(tokens('x', 0, 300)), signature(tokens('y', 0, 300))])).toBe(whole)
    expect(union([whole])).toBe(whole)
    expect(union(['', whole])).toBe(whole)
    expect(union([])).toBe('')
  })

  it('finds the similar pairs among many signatures by LSH, each pair once, and no dissimilar ones', () => {
    const signatures: string[] = []
    for (let i = 0; i < 200; i++) signatures.push(signature(tokens(`doc${i}`, 0, 200)))
    // 7 and 150 share 180 of 200 tokens (J = 0.82); 20 is a copy of 3.
    signatures[150] = signature([...tokens('doc7', 0, 180), ...tokens('own', 0, 20)])
    signatures[20] = signatures[3]
    signatures[40] = ''
    const found = candidatePairs(signatures).filter(([a, b]) => similarity(signatures[a], signatures[b]) >= 0.7)
    expect(found).toEqual([
      [3, 20],
      [7, 150],
    ])
  })
})

describe('kit/minhash against the package', () => {
  it('gives the values the minhash package gives for the same tokens', async () => {
    const {Minhash} = await import('minhash')
    const reference = new Minhash({numPerm: PERMUTATIONS, seed: 1})
    const words = ['the council said', 'on tuesday that', 'the bridge would', 'cost more than', 'residents expected', 'ümlaut wörds', '']
    for (const word of words) reference.update(word)
    const expected = reference.hashvalues.map((value) => Math.min(value, 0xffffffff).toString(16).padStart(8, '0')).join('')
    expect(signature(words)).toBe(expected)
  })
})
