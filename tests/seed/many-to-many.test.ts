// Implicit many-to-many relations in seed rows: a row lists the other model's ids, generated rows
// get links too, and the seeder writes Prisma's join table (as Prisma's own migration creates it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { emitters } from '../../generators/emit/registry.ts'
import { compileModels, emitFiles } from '../../generators/pipeline.ts'
import type { ModelFixtures } from '../../seed/read-fixtures.ts'
import { seedDatabase, type SeedDriver } from '../../seed/seed-database.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from '../../src/db/prisma-cli.ts'

const cuid = (name: string) => `c${name.padEnd(24, '0')}`
const MODELS = `models:
  Course:
    fields:
      id: { type: String, id: true, default: cuid() }
      title: { type: String }
      members: { type: Member, list: true }
    seed:
      rows:
        - { id: ${cuid('yoga')}, title: Yoga }
        - { id: ${cuid('spin')}, title: Spin }
      generate: 3
  Member:
    fields:
      id: { type: String, id: true, default: cuid() }
      name: { type: String }
      courses: { type: Course, list: true }
    seed:
      rows:
        - { id: ${cuid('sam')}, name: Sam, courses: [${cuid('yoga')}, ${cuid('spin')}] }
        - { id: ${cuid('kim')}, name: Kim, courses: [] }
      generate: 4
`

const scratch = mkdtempSync(join(tmpdir(), 'pika-many-to-many-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function compile(yaml: string) {
  const dir = mkdtempSync(join(scratch, 'case-'))
  mkdirSync(join(dir, 'models'))
  writeFileSync(join(dir, 'models', 'club.yaml'), yaml)
  return compileModels(join(dir, 'models'), dir)
}

const { ir, diagnostics } = compile(MODELS)
const files = new Map(emitFiles(ir!, emitters).map((f) => [f.path, f.content]))

/** The emitted fixture file as the seeder reads it (readFixtures checks rows with the repository's own zod, which has no Course). */
function fixtures(): ModelFixtures[] {
  const json = JSON.parse(files.get('generated/fixtures/club.json')!)
  return ['Course', 'Member'].map((model) => {
    const block = json.models[model]
    return { model, table: block.table, file: 'club.json', conversions: {}, sequences: [], rows: block.rows.map((r: any) => ({ ...r.internal, ...r.data })), links: block.links }
  })
}

async function schemaSql(): Promise<string> {
  const path = join(scratch, 'schema.prisma')
  writeFileSync(path, files.get('prisma/schema.prisma')!)
  return runPrismaOrThrow(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', path, '--script'], sqlOnlyConfig())
}

describe('implicit many-to-many links in seed rows', () => {
  it('compile, and the fixtures carry the join rows: the stated pairs and some for generated rows', () => {
    expect(diagnostics).toEqual([])
    const [course, member] = fixtures()
    expect(member!.links!.courses).toMatchObject({ table: '_CourseToMember', columns: ['B', 'A'], pairs: [[cuid('sam'), cuid('yoga')], [cuid('sam'), cuid('spin')]] })
    // Generated links are drawn once per relation, from Course (its name sorts first: column A).
    expect(course!.links!.members!.columns).toEqual(['A', 'B'])
    expect(course!.links!.members!.pairs.length).toBeGreaterThan(0)
    const courseIds = new Set(course!.rows.map((r) => r.id))
    const memberIds = new Set(member!.rows.map((r) => r.id))
    for (const [own, other] of course!.links!.members!.pairs) {
      expect(courseIds.has(own)).toBe(true)
      expect(memberIds.has(other)).toBe(true)
    }
    // The link lists are not fields of the create input.
    expect(JSON.parse(files.get('generated/fixtures/club.json')!).models.Member.rows[0].data).toEqual({ id: cuid('sam'), name: 'Sam' })
  })

  async function seedAndRead(driver: SeedDriver, query: (sql: string) => Promise<Record<string, unknown>[]>) {
    const first = await seedDatabase(driver, fixtures())
    const rows = await query(`SELECT j."A" AS course, j."B" AS member FROM "_CourseToMember" j JOIN "Member" m ON m.id = j."B" JOIN "Course" c ON c.id = j."A"`)
    const pairs = rows.map((r) => `${r.member}-${r.course}`).sort()
    const second = await seedDatabase(driver, fixtures())
    return { first, pairs, second }
  }

  /** Every pair of the fixtures, stated or generated, as member-course. */
  function expectedPairs(): string[] {
    const [course, member] = fixtures()
    const pairs = [...member!.links!.courses!.pairs.map(([m, c]) => `${m}-${c}`), ...course!.links!.members!.pairs.map(([c, m]) => `${m}-${c}`)]
    return [...new Set(pairs)].sort()
  }

  it('are written to the join table Prisma created, once (a second seed adds nothing)', async () => {
    const sql = await schemaSql()
    const db = await PGlite.create()
    try {
      await db.exec(sql)
      const { first, pairs, second } = await seedAndRead(db, async (q) => (await db.query<Record<string, unknown>>(q)).rows)
      expect(pairs).toEqual(expectedPairs())
      expect(pairs).toEqual(expect.arrayContaining([`${cuid('sam')}-${cuid('yoga')}`, `${cuid('sam')}-${cuid('spin')}`]))
      const links = first.find((r) => r.model === 'Member.courses')!
      expect(links).toEqual({ model: 'Member.courses', rows: 2, inserted: 2 })
      expect(second.every((r) => r.inserted === 0)).toBe(true)
    } finally {
      await db.close()
    }
  }, 60_000)

  it.skipIf(!process.env.TEST_DATABASE_URL)('are written on a PostgreSQL server too', async () => {
    const sql = await schemaSql()
    const name = `pika_m2m_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(process.env.TEST_DATABASE_URL!)
    url.pathname = `/${name}`
    const pool = new pg.Pool({ connectionString: url.toString() })
    try {
      await pool.query(sql)
      const { pairs, second } = await seedAndRead(pool, async (q) => (await pool.query(q)).rows)
      expect(pairs).toEqual(expectedPairs())
      expect(second.every((r) => r.inserted === 0)).toBe(true)
    } finally {
      await pool.end()
      await admin.query(`DROP DATABASE ${name}`)
      await admin.end()
    }
  }, 60_000)

  it('refuse a link to an id no seed row of the other model has, naming the ids there are', () => {
    const result = compile(MODELS.replace(`courses: [${cuid('yoga')}, ${cuid('spin')}]`, `courses: [${cuid('yoga')}, ${cuid('pilates')}]`))
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      `PIKA601 seed row 1 of \`Member\`: \`courses\` links to id "${cuid('pilates')}", which matches no seed row of \`Course\``,
    ])
    expect(result.diagnostics[0]!.hint).toContain(cuid('yoga'))
  })
})
