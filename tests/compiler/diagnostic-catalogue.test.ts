import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { diagnosticCodes, type CodeEntry } from '../../generators/diagnostics/codes.ts'
import { diagnostic, type SourceLocation } from '../../generators/diagnostics/diagnostic.ts'
import { diagnosticsDoc } from '../../generators/emit/docs/emit-diagnostics-doc.ts'
import { compileModels } from '../../generators/pipeline.ts'

/**
 * The diagnostics catalogue (generators/diagnostics/codes.ts): rules pass a code, a message name and
 * parameters; the catalogue decides the words, the hint and the severity.
 */
const scratch = mkdtempSync(join(tmpdir(), 'pika-catalogue-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Compiles one model file, gym.yaml, in a folder of its own. */
function compile(name: string, yaml: string) {
  const models = join(scratch, name)
  mkdirSync(models)
  writeFileSync(join(models, 'gym.yaml'), yaml)
  return compileModels(models, scratch)
}

const at: SourceLocation = { file: 'gym.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 }
const catalogue = diagnosticCodes as Readonly<Record<string, CodeEntry>>

describe('the diagnostics catalogue', () => {
  it('prints a name that looks like a placeholder as written: parameters are filled in one pass', () => {
    const result = compile('placeholder-name', 'models:\n  Gym:\n    fields:\n      id: { type: String, id: true, default: cuid() }\n      name: { type: "{suggestion}" }\n')
    expect(result.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([['PIKA301', 'unknown type `{suggestion}`', 'Use a scalar (String, Int, …), an enum or a model.']])
  })

  it('gives the first hint whose parameters are known, and no hint when none is', () => {
    expect(diagnostic('PIKA302', 'unknownShape', { shape: 'Adress', suggestion: 'Address' }, at).hint).toBe('Did you mean `Address`?')
    expect(diagnostic('PIKA302', 'unknownShape', { shape: 'Zzz', suggestion: undefined }, at).hint).toBe('Declare it under `types:` in a model file.')
    expect(diagnostic('PIKA509', 'unknownField', { model: 'Gym', field: 'zzz', suggestion: undefined }, at)).not.toHaveProperty('hint')
  })

  it('takes the severity from the catalogue: a pattern the database cannot check is a warning the models compile with', () => {
    const result = compile('warning', 'models:\n  Gym:\n    fields:\n      id: { type: String, id: true, default: cuid() }\n      code: { type: String, pattern: "^(?=A)[A-Z]+$" }\n')
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning PIKA408'])
    expect(result.ir).toBeDefined()
    expect(Object.entries(catalogue).filter(([, entry]) => entry.severity === 'warning').map(([code]) => code)).toEqual(['PIKA408'])
  })

  it('renders every message of every code from its parameters, leaving no placeholder behind', () => {
    for (const [code, entry] of Object.entries(catalogue)) {
      for (const [id, template] of Object.entries(entry.messages)) {
        const texts = [template.message, template.hint ?? [], template.note ?? []].flat()
        const params = Object.fromEntries(texts.flatMap((t) => Array.from(t.matchAll(/\{([A-Za-z0-9]+)\}/g), (m) => [m[1]!, 'X'])))
        const d = diagnostic(code as 'PIKA001', id as 'parser', params as never, at, at)
        expect(`${d.message} ${d.hint ?? ''} ${d.related?.[0]?.message ?? ''}`, `${code} ${id}`).not.toMatch(/\{[A-Za-z0-9]+\}/)
      }
    }
  })

  it('lists every code with its severity in docs/diagnostics.md', () => {
    const doc = diagnosticsDoc()
    for (const [code, entry] of Object.entries(catalogue)) expect(doc).toContain(`| ${code} | ${entry.severity} | `)
  })
})
