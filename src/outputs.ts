/**
 * No output path may be an input: the report (`--output`), the facts file (`--emit-facts`) and the
 * cache are checked against every input of the run before anything is read or written, through
 * symlinks, whether or not an input is later skipped (too large, binary), and for a JSON Lines crawl
 * by its file, not by the names of its records.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {ScrapelintError} from './errors.js'
import {resolveInputs} from './inputs.js'

export interface OutputPath {
  /** The flag that named it, for the message (`--output`). */
  flag: string
  path: string
}

/** Throw when one of `outputs` is (through symlinks) one of the files `inputs` and `corpus` name. */
export async function refuseOutputsThatAreInputs(outputs: readonly OutputPath[], inputs: readonly string[], options: {cwd: string; ignorePatterns?: string[]}): Promise<void> {
  const named = outputs.filter((output) => output.path !== '')
  if (named.length === 0) return
  const targets = new Map<string, OutputPath>()
  for (const output of named) targets.set(await real(path.resolve(options.cwd, output.path)), output)
  const files = (await resolveInputs(inputs.filter((name) => name !== '-'), options)).files
  for (const file of files) {
    const hit = targets.get(await real(file))
    if (hit) throw new ScrapelintError(`${hit.flag} ${hit.path} is one of the linted files (${path.relative(options.cwd, file) || file}): refusing to overwrite an input; write it elsewhere`)
  }
}

/** The real path of `file`, or of its folder joined with its name when it does not exist yet. */
async function real(file: string): Promise<string> {
  try {
    return await fs.realpath(file)
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(file)), path.basename(file))
    } catch {
      return file
    }
  }
}
