import { formatPatterns } from '../../validate/check-value.ts'
import { tsString } from './zod-expression.ts'

export const formatPatternNames: ReadonlySet<string> = new Set(Object.keys(formatPatterns))

/** The body of generated/zod/formats.ts: the string formats as regular expressions, shared by all modules. */
export function formatsModuleBody(): string {
  const entries = Object.entries(formatPatterns).map(([name, regex]) => `  ${/^[a-z]+$/.test(name) ? name : tsString(name)}: new RegExp(${tsString(regex.source)}, 'u'),`)
  return `/** The string formats of the model language; OpenAPI documents the same patterns. */\nexport const formats = {\n${entries.join('\n')}\n} as const\n`
}
