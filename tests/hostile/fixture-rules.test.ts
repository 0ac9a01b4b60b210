import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { emitters } from '../../generators/emit/registry.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'

/**
 * Generated seed rows obey their fields' own rules, checked by the generated zod itself: the files
 * are emitted into a folder inside node_modules (so `zod` resolves) and imported.
 */
const cacheDir = join(import.meta.dirname, '..', '..', 'node_modules', '.cache')
mkdirSync(cacheDir, { recursive: true })
const out = mkdtempSync(join(cacheDir, 'pika-fixture-rules-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

interface Fixtures {
  models: Record<string, { rows: { data: Record<string, unknown> }[] }>
}

describe('generated fixture values', () => {
  it('pass the generated zod create schema: lookbehind, \\p{Lu}, a pattern that could outgrow maxLength', async () => {
    const { ir, diagnostics } = compileModels(join(import.meta.dirname, 'fixtures', 'models'), out)
    // Lookbehind and \p{Lu} have no PostgreSQL equal: those patterns stay API-only, with a warning.
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning PIKA408', 'warning PIKA408', 'warning PIKA408'])
    const files = emitFiles(ir!, emitters)
    for (const file of files) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true })
      writeFileSync(join(out, file.path), file.content)
    }
    const zod = (await import(join(out, 'generated', 'zod', 'index.ts'))) as Record<string, { safeParse(value: unknown): { success: boolean; error?: unknown } }>
    const fixtures = JSON.parse(files.find((f) => f.path === 'generated/fixtures/club.json')!.content) as Fixtures
    const rows = fixtures.models.Club!.rows
    expect(rows).toHaveLength(400)
    const refused = rows.filter((row) => !zod.ClubCreateSchema!.safeParse(row.data).success).map((row) => row.data)
    expect(refused).toEqual([])
    // The values vary: the generator did not fall back to one sample for every row.
    expect(new Set(rows.map((row) => row.data.code)).size).toBeGreaterThan(100)
    expect(rows.filter((row) => row.data.initials !== undefined).length).toBeGreaterThan(100)
  })
})

describe('generated rows and composite foreign keys', () => {
  it('point a per-tenant key [tenantId, memberId] at a member of the same tenant, with two tenants seeded', () => {
    const { ir, diagnostics } = compileModels(join(import.meta.dirname, 'fixtures', 'tenants'), out)
    expect(diagnostics).toEqual([])
    const fixtures = JSON.parse(emitFiles(ir!, emitters).find((f) => f.path === 'generated/fixtures/tenant.json')!.content) as Fixtures
    const value = (row: { data: Record<string, unknown>; internal?: Record<string, unknown> }, key: string) => row.data[key] ?? row.internal?.[key]
    const members = new Set(fixtures.models.Member!.rows.map((row) => `${value(row, 'tenantId')}/${value(row, 'id')}`))
    expect(new Set(fixtures.models.Member!.rows.map((row) => value(row, 'tenantId')))).toEqual(new Set(['north', 'south']))
    const linked = fixtures.models.Booking!.rows.filter((row) => row.data.memberId !== undefined)
    expect(linked.length).toBeGreaterThan(50)
    expect(linked.filter((row) => !members.has(`${row.data.tenantId}/${row.data.memberId}`))).toEqual([])
  })
})

describe('generated rows are stable', () => {
  it('keep every other value, in this model and in all others, when an optional field is added to one model', async () => {
    const { cpSync, readFileSync: read, writeFileSync: write } = await import('node:fs')
    const repoModels = join(import.meta.dirname, '..', '..', 'models')
    const changed = join(out, 'models-plus-field')
    cpSync(repoModels, changed, { recursive: true })
    const user = read(join(changed, 'user.yaml'), 'utf8')
    const withField = user.replace(/^( {2}User:\n(?: {4}.*\n)*? {4}fields:\n)/m, '$1      nickname: { type: String, optional: true, maxLength: 40 }\n')
    expect(withField).not.toBe(user)
    write(join(changed, 'user.yaml'), withField)
    const fixtures = (dir: string) => {
      const { ir, diagnostics } = compileModels(dir, out)
      expect(diagnostics).toEqual([])
      const files = emitFiles(ir!, emitters).filter((f) => f.path.startsWith('generated/fixtures/') && !f.path.endsWith('index.json'))
      return Object.assign({}, ...files.map((f) => (JSON.parse(f.content) as Fixtures).models)) as Fixtures['models']
    }
    const before = fixtures(repoModels)
    const after = fixtures(changed)
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const model of Object.keys(before)) {
      const strip = (rows: { data: Record<string, unknown> }[]) => rows.map((row) => ({ ...row, data: Object.fromEntries(Object.entries(row.data).filter(([key]) => key !== 'nickname')) }))
      expect(strip(after[model]!.rows), model).toEqual(before[model]!.rows)
    }
    expect(after.User!.rows.some((row) => row.data.nickname !== undefined)).toBe(true)
  })
})
