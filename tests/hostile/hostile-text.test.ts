import wasm from '@prisma/prisma-schema-wasm'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { prose } from '../../generators/emit/docs/markdown-text.ts'
import { emitters } from '../../generators/emit/registry.ts'
import { framedLine, printable } from '../../generators/inert-text.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'

/**
 * tests/hostile/text/models/club.yaml puts lone carriage returns, terminal escapes, NUL, BEL,
 * bidirectional overrides, line separators and Markdown structure into descriptions, defaults,
 * examples and seed rows. Every output must carry that text inert and still mean the same data.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const { ir, diagnostics } = compileModels(join(import.meta.dirname, 'text', 'models'), '.')
const files = new Map(emitFiles(ir!, emitters).map((f) => [f.path, f.content]))
const file = (path: string) => files.get(path) ?? expect.fail(`no ${path} among ${[...files.keys()].join(', ')}`)
const defaultName = 'x\ry\u202e\u2028z'
const seedName = 'row\u001b]52;c;aGk=\u0007\u2028x\u0085y'

interface Dmmf {
  datamodel: { models: { name: string; fields: { name: string; default?: unknown; documentation?: string }[] }[]; enums: { name: string }[] }
}

describe('hostile text in the models', () => {
  it('compiles (the text is data, not an error)', () => {
    expect(diagnostics).toEqual([])
    expect(files.size).toBeGreaterThan(5)
  })

  it('leaves no hidden character in any output', () => {
    for (const [path, content] of files) expect(HIDDEN.exec(content)?.[0], path).toBeUndefined()
  })

  it('cannot inject models or enums into schema.prisma, and Prisma reads defaults back unchanged', () => {
    const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: file('prisma/schema.prisma') }))) as Dmmf
    expect(dmmf.datamodel.models.map((m) => m.name)).toEqual(['Club'])
    expect(dmmf.datamodel.enums.map((e) => e.name)).toEqual(['Tier'])
    const name = dmmf.datamodel.models[0]!.fields.find((f) => f.name === 'name')!
    expect(name.default).toBe(defaultName)
    // A lone CR splits the description into comment lines, as a line feed would.
    expect(file('prisma/schema.prisma')).toContain('/// A club.\n/// model Evil {\n///   id Int @id\n/// }\n')
  })

  it('keeps the data in fixtures and OpenAPI the same, escaped', () => {
    const fixtures = JSON.parse(file('generated/fixtures/club.json')) as { models: { Club: { rows: { data: { name: string } }[] } } }
    expect(fixtures.models.Club.rows[0]!.data.name).toBe(seedName)
    const openapi = file('generated/openapi/openapi.yaml')
    expect(openapi).toContain('\\u001b]52;c;cHduZWQ=\\u0007')
    const schemas = parseYaml(openapi).components.schemas as Record<string, { properties: Record<string, { default?: string; examples?: string[] }> }>
    expect(schemas.ClubCreate!.properties.name!.default).toBe(defaultName)
    expect(schemas.Club!.properties.name!.examples).toEqual(['a\r# heading\u001b[31m'])
  })

  it('writes the zod description as an escaped string literal with the same value', () => {
    const zod = file('generated/zod/club.ts')
    const literal = /describe\('(title [^']*)'\)/.exec(zod)![1]!
    expect(JSON.parse(`"${literal.replaceAll('"', '\\"')}"`)).toBe('title \u001b]52;c;cHduZWQ=\u0007 \u001b[2J nul\u0000 \u202egnp.exe\u202c \u2028 */ end')
  })

  it('adds no heading, fence or quote to the catalog', () => {
    const catalog = file('docs/models.md')
    expect(catalog.split('\n').filter((l) => /^#{1,6} /.test(l) && /Fake|Injected|Evil/.test(l))).toEqual([])
    expect(catalog).toContain('\\# Fake heading\n\\===\n\\```\n\\> quote')
    expect(catalog.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0)
  })
})

describe('Markdown prose', () => {
  it('escapes every block marker a description line can start with, and splits at a lone CR', () => {
    expect(prose('Intro\r# Fake\n---\n***\n~~~\n> q\n- item stays')).toBe('Intro\n\\# Fake\n\\---\n\\***\n\\~~~\n\\> q\n- item stays')
    expect(prose('# one line')).toBe('\\# one line')
    expect(prose('*emphasis* stays')).toBe('*emphasis* stays')
  })
})

describe('diagnostic text', () => {
  it('escapes what a terminal would obey, and keeps code frames aligned', () => {
    expect(printable('key \u001b]52;c;aGk=\u0007 \u202e\nx')).toBe('key \\u001b]52;c;aGk=\\u0007 \\u202e\\nx')
    const line = 'a: \u001b[2J\u202e'
    expect(framedLine(line)).toBe('a: \u241b[2J\ufffd')
    expect(framedLine(line)).toHaveLength(line.length)
  })
})
