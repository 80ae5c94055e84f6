/**
 * A git repository holding this checkout's working tree as it is now (tracked files and untracked
 * ones git does not ignore, uncommitted edits included), committed once: what a user would get by
 * cloning the repository at a commit with these changes, so the tests of cloning tools (the
 * pre-commit framework) test the code under test, not the last commit.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {root} from './build.js'

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, env: gitEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
}

/** Copies the working tree into `dest` (created), commits it, and returns the commit's sha. */
export function snapshotCheckout(dest: string): string {
  const listed = git(root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0')
  fs.mkdirSync(dest, {recursive: true})
  for (const file of new Set(listed)) {
    // node_modules may be a symlink into another checkout (git sees it as an untracked file).
    if (file === '' || file === 'node_modules' || file.startsWith('node_modules/')) continue
    const from = path.join(root, file)
    const stat = fs.lstatSync(from, {throwIfNoEntry: false})
    if (!stat || stat.isDirectory()) continue // deleted in the working tree, or a submodule
    fs.mkdirSync(path.dirname(path.join(dest, file)), {recursive: true})
    fs.cpSync(from, path.join(dest, file), {verbatimSymlinks: true})
  }
  git(dest, 'init', '-q', '-b', 'main')
  git(dest, 'add', '-A')
  git(dest, 'commit', '-q', '--no-verify', '--no-gpg-sign', '-m', 'snapshot of the working tree')
  return git(dest, 'rev-parse', 'HEAD').trim()
}
