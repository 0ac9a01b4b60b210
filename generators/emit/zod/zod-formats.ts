import { FORMAT_PATTERNS } from '../../language/language.ts'
import { tsString } from './zod-expression.ts'

/**
 * Formats zod checks itself (calendar-aware dates, RFC 9562 UUIDs, parsed URLs): the string schema
 * a field of that format starts from. The others are the regular expressions of formats.ts.
 */
export const zodFormatSchemas: Readonly<Record<string, string>> = {
  email: `z.email({ error: 'must be a valid email' })`,
  uuid: `z.uuid({ error: 'must be a valid uuid' })`,
  url: `z.url({ protocol: /^https?$/, error: 'must be a valid url' })`,
  date: `z.iso.date({ error: 'must be a valid date' })`,
  'date-time': `z.iso.datetime({ offset: true, error: 'must be a valid date-time' })`,
}

export const formatPatternNames: ReadonlySet<string> = new Set(Object.keys(FORMAT_PATTERNS))

/** The body of generated/zod/formats.ts: the string formats as regular expressions, shared by all modules. */
export function formatsModuleBody(): string {
  const entries = Object.entries(FORMAT_PATTERNS).map(([name, regex]) => `  ${/^[a-z]+$/.test(name) ? name : tsString(name)}: new RegExp(${tsString(regex.source)}, 'u'),`)
  return `/** The string formats of the model language; OpenAPI documents the same patterns. */\nexport const formats = {\n${entries.join('\n')}\n} as const\n`
}
