import { LINE_BREAK } from '../../inert-text.ts'

/**
 * Markdown for user text (descriptions, patterns, defaults). Descriptions stay Markdown so an author
 * can write `code` or *emphasis*, but nothing they write may change the document's structure: raw
 * HTML (`<!--` would hide the rest of the file), code fences and table pipes are neutralised.
 */

/**
 * No line break, nothing that inlineText escapes and no block marker at the start. Most text (names,
 * types, short descriptions) is like this and is returned as is: the general path allocates several
 * strings and arrays per call, ~30 MB at 1,000 models.
 */
const SINGLE_PLAIN_LINE = /^(?![#>=`~*_-])[^\r\n\v\f\u0085\u2028\u2029\\<|]*$/

/**
 * Lines that would start a block of their own or turn the line above into a heading: ATX headings
 * (`# …`), block quotes, code fences, and setext underlines and thematic breaks (`===`, `---`, `***`).
 */
const BLOCK_MARKER = /^(?:#|>|`{3}|~{3}|[=*_ -]*$)/

/** Prose for a paragraph or list item: lines kept (Markdown joins them), structure-breaking text escaped. */
export function prose(text: string): string {
  const trimmed = text.trim()
  if (SINGLE_PLAIN_LINE.test(trimmed)) return trimmed
  return trimmed
    .split(LINE_BREAK)
    .map((line) => {
      const inline = inlineText(line.trim())
      return inline && BLOCK_MARKER.test(inline) ? `\\${inline}` : inline
    })
    .join('\n')
}

/** One line of text: for a table cell or a list item. Line breaks become `<br>`. */
export function cell(text: string): string {
  const trimmed = text.trim()
  if (SINGLE_PLAIN_LINE.test(trimmed)) return trimmed
  return trimmed
    .split(LINE_BREAK)
    .map((line) => inlineText(line.trim()))
    .join('<br>')
}

/** Escapes what would break out of a line: backslashes (so `\|` stays literal), `<`, `|`. */
function inlineText(line: string): string {
  return line.replace(/\\/g, '\\\\').replace(/</g, '&lt;').replace(/\|/g, '\\|')
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
export function code(text: string): string {
  if (!/[\r\n\v\f\u0085\u2028\u2029|`]/.test(text)) return `\`${text}\``
  const flat = text.replace(new RegExp(LINE_BREAK, 'g'), ' ').replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** A GitHub-flavoured table: header, separator, then one line per row. Cells must already be escaped. */
export function tableLines(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `|${cells.map((c) => (c ? ` ${c} |` : ' |')).join('')}`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)]
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
}

/** A link to a heading of this document. */
export const link = (label: string, heading: string): string => `[${label}](#${anchor(heading)})`
