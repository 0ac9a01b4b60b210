import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTICS_DOC_PATH } from '../../generators/emit/docs/emit-diagnostics-doc.ts'
import { LANGUAGE_DOC_PATH } from '../../generators/emit/docs/emit-language-doc.ts'
import { emitters } from '../../generators/emit/registry.ts'
import { MODEL_SCHEMA_PATH } from '../../generators/language/model-schema.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import { readTree, rewriteGolden, updatingGoldens } from '../helpers/golden.ts'
import { formatPrismaSchema, validatePrismaSchema } from '../helpers/prisma-schema.ts'

const casesDir = join(import.meta.dirname, '..', 'cases')
const cases = readdirSync(casesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)

/** Outputs the same for every model set, and what each is generated from. */
const COMPILER_OUTPUTS: Readonly<Record<string, RegExp>> = {
  [DIAGNOSTICS_DOC_PATH]: /generators\/diagnostics\/codes\.ts/,
  [LANGUAGE_DOC_PATH]: /generators\/language\//,
  [MODEL_SCHEMA_PATH]: /generators\/language\/model-schema\.ts/,
}

describe.each(cases)('golden case %s', (name) => {
  const caseDir = join(casesDir, name)
  const result = compileModels(join(caseDir, 'models'), caseDir)
  const files = result.ir ? emitFiles(result.ir, emitters) : []

  it('compiles without diagnostics', () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.location.file}:${d.location.line}:${d.location.column} ${d.message}`)).toEqual([])
  })

  it('emits exactly the expected files, byte for byte', () => {
    const expectedDir = join(caseDir, 'expected')
    if (updatingGoldens) rewriteGolden(expectedDir, files)
    const expected = readTree(expectedDir)
    expect(files.map((f) => f.path)).toEqual([...expected.keys()])
    for (const file of files) expect(file.content, file.path).toBe(expected.get(file.path))
  })

  it('emits a Prisma schema that Prisma validates and that `prisma format` leaves unchanged', () => {
    const schema = files.find((f) => f.path === 'prisma/schema.prisma')!.content
    expect(() => validatePrismaSchema(schema)).not.toThrow()
    expect(formatPrismaSchema(schema)).toBe(schema)
  })

  it('starts every generated file with a notice naming what it is generated from', () => {
    // The docs tables and the JSON Schema come from the compiler, not the models; JSON has no comments, so the schema says it in `$comment`.
    for (const file of files) {
      const source = COMPILER_OUTPUTS[file.path] ?? /models\/[a-z-]+\.yaml.*/
      const notice = file.path === MODEL_SCHEMA_PATH ? String((JSON.parse(file.content) as { $comment: string }).$comment) : file.content.split('\n', 1)[0]
      expect(notice, file.path).toMatch(new RegExp(`Generated from ${source.source} by \`npm run generate\`\\. Do not edit`))
    }
  })
})
