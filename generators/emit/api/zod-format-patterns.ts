import { z } from 'zod'

/**
 * The regular expressions behind zod's own checks of the formats the zod emitter uses zod for
 * (zod-formats.ts), read from zod's JSON Schema of each: OpenAPI carries them as `pattern` beside
 * `format`, so a validator with formats, one without, and zod give one verdict. zod's peer range
 * (^4.6) keeps these stable; `url` has none (zod parses it with `URL`) and keeps its pattern.
 */
const patternOf = (schema: z.ZodType): string => (z.toJSONSchema(schema) as { pattern: string }).pattern

export const zodFormatPatterns: Readonly<Record<string, string>> = {
  email: patternOf(z.email()),
  uuid: patternOf(z.uuid()),
  date: patternOf(z.iso.date()),
  'date-time': patternOf(z.iso.datetime({ offset: true })),
}
