import { framedLine, printable } from '../inert-text.ts'
import type { Diagnostic, SourceLocation } from './diagnostic.ts'

export interface PrintOptions {
  /** Source text of each model file, by the file name used in locations. */
  readonly sources: ReadonlyMap<string, string>
  /** How to show a file name, e.g. prefixed with the models folder relative to the working directory. */
  readonly displayPath: (file: string) => string
  readonly color?: boolean
}

const paint = (on: boolean | undefined, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text)

/**
 * Formats diagnostics the way compilers do. Messages, hints and file names quote user text, so each
 * is printed with its hidden characters escaped (see inert-text.ts): a key cannot write terminal
 * sequences to the reviewer's terminal.
 *
 *   models/gym.yaml:12:13 error PIKA301 unknown type `Gymm`
 *     12 |       gym: { type: Gymm }
 *        |                    ^^^^
 *     hint: Did you mean `Gym`?
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], options: PrintOptions): string {
  const blocks = diagnostics.map((d) => printDiagnostic(d, options))
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.length - errors
  const summary = `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
  return `${blocks.join('\n\n')}\n\n${summary}\n`
}

function printDiagnostic(d: Diagnostic, options: PrintOptions): string {
  const { color } = options
  const severity = paint(color, d.severity === 'error' ? 31 : 33, d.severity)
  const lines = [`${position(d.location, options)} ${severity} ${d.code} ${printable(d.message)}`]
  lines.push(...codeFrame(d.location, options))
  for (const related of d.related ?? []) {
    lines.push(`  ${paint(color, 36, 'note')}: ${printable(related.message)} at ${position(related.location, options)}`)
  }
  if (d.hint) lines.push(`  ${paint(color, 32, 'hint')}: ${printable(d.hint)}`)
  return lines.join('\n')
}

const position = (loc: SourceLocation, options: PrintOptions) => `${printable(options.displayPath(loc.file))}:${loc.line}:${loc.column}`

const MAX_FRAME_WIDTH = 160

function codeFrame(loc: SourceLocation, options: PrintOptions): string[] {
  const text = options.sources.get(loc.file)
  // Files refused unread (too large, unreadable) and empty files have nothing to show.
  if (!text) return []
  const raw = text.split(/\r?\n/)[loc.line - 1]
  if (raw === undefined) return []
  const line = framedLine(raw)
  const caretEnd = loc.endLine === loc.line ? loc.endColumn : line.length + 1
  // A long line is shown as a window that keeps the underlined token in view.
  const start = line.length <= MAX_FRAME_WIDTH ? 0 : Math.max(0, Math.min(loc.column - 1 - 40, line.length - MAX_FRAME_WIDTH))
  const prefix = start > 0 ? '…' : ''
  const body = line.slice(start, start + MAX_FRAME_WIDTH)
  const shown = `${prefix}${body}${start + MAX_FRAME_WIDTH < line.length ? '…' : ''}`
  const column = loc.column - start + prefix.length
  const width = Math.max(1, Math.min(caretEnd - start + prefix.length, prefix.length + body.length + 1) - column)
  const gutter = String(loc.line).length
  const caret = ' '.repeat(Math.max(0, column - 1)) + paint(options.color, 31, '^'.repeat(width))
  return [`  ${String(loc.line).padStart(gutter)} | ${shown}`, `  ${' '.repeat(gutter)} | ${caret}`]
}
