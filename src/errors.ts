/**
 * An error about the run itself (usage, config, input): the CLI prints its
 * message, without a stack, and exits with `exitCode`.
 */
export class ScrapelintError extends Error {
  readonly exitCode: number

  constructor(message: string, exitCode = 2) {
    super(message)
    this.name = 'ScrapelintError'
    this.exitCode = exitCode
  }
}
