/**
 * Text from the open web (and the names of files saved from it) may hold terminal control
 * sequences (ESC, CSI, OSC: colours, titles, hyperlinks, cursor moves) and bidirectional overrides
 * that make a line read other than it is. Everything printed to a terminal goes through
 * `escapeControl` first: each such character becomes a visible escape (`\x1b`, `\u202e`), as git
 * shows such file names quoted, so the report shows what is in the text and cannot be driven by it.
 */

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), the bidi marks, embeddings, overrides
// and isolates, and the line and paragraph separators. One class: linear on any input.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g

const NAMED: Record<string, string> = {'\t': '\\t', '\n': '\\n', '\r': '\\r'}

function escapeOne(char: string): string {
  const named = NAMED[char]
  if (named) return named
  const code = char.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** `text` with every control and bidi-override character shown as an escape; a backslash is left as it is. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeOne)
}
