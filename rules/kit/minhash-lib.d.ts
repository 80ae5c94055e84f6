/** Types for the `minhash` package (duhaime/minhash), which ships none. */
declare module 'minhash' {
  export class Minhash {
    constructor(config?: {numPerm?: number; seed?: number})
    numPerm: number
    seed: number
    hashvalues: number[]
    update(value: string): void
    jaccard(other: Minhash): number
  }
}
