/**
 * User text (descriptions, examples, defaults, keys) reaches generated files and the reviewer's
 * terminal. Some characters are not text to a reader of those: a lone CR is a line break to Prisma's
 * grammar and to Markdown (a description could open a `model` block), ESC starts a terminal command
 * (clear screen, set the clipboard), bidirectional overrides make code read differently from how it
 * runs ("Trojan source"), and U+2028/U+2029 end a line in JavaScript comments. Every output and every
 * printed diagnostic shows them as `\uXXXX` instead.
 */

/**
 * Control characters except tab and line feed, DEL and the C1 controls, the bidirectional marks,
 * embeddings, overrides and isolates, and the Unicode line and paragraph separators.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const HAS_HIDDEN = new RegExp(HIDDEN.source)

/** Every line terminator some reader of the outputs honours (Prisma, Markdown, JavaScript, YAML). */
export const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/

const escapeOf = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * The text with every hidden character written as `\uXXXX`. Applied to each whole generated file:
 * JSON, YAML double-quoted scalars, TypeScript strings and regular expressions and Prisma strings
 * read `\uXXXX` as the same character, and in comments and Markdown it is visible text. The
 * emitters write only tabs and line feeds themselves, and plain YAML scalars never hold these
 * characters, so the pass changes nothing but user text.
 */
export function inertOutput(text: string): string {
  return HAS_HIDDEN.test(text) ? text.replace(HIDDEN, escapeOf) : text
}

/** One line of user text for a diagnostic: hidden characters and line feeds as `\uXXXX`. */
export function printable(text: string): string {
  return HAS_HIDDEN.test(text) || text.includes('\n') ? text.replace(HIDDEN, escapeOf).replaceAll('\n', '\\n') : text
}

/**
 * A source line for a code frame, with one visible character for each hidden one so the caret
 * below still lines up: control pictures (␛, ␀, ␇) for C0 controls and DEL, `�` for the rest.
 */
export function framedLine(line: string): string {
  if (!HAS_HIDDEN.test(line)) return line
  return line.replace(HIDDEN, (char) => {
    const code = char.charCodeAt(0)
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd'
  })
}
