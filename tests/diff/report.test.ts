import { execFileSync, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'
import { prismaMigrationSql } from '../../generators/lint/prisma-sql.ts'

const root = join(import.meta.dirname, '..', '..')
const caseDir = join(root, 'tests', 'cases', 'gym-basics')
const INIT = '20260101000000_init'
const CHANGE = '20260201000000_gym_names'
let initSql: string

// The change under review: gym names become unique and shorter, and RETIRED leaves EquipmentStatus.
// Its migration is the SQL Prisma writes for that (index and enum swap, as in tests/lint).
const CHANGE_SQL = `-- AlterEnum
BEGIN;
CREATE TYPE "EquipmentStatus_new" AS ENUM ('AVAILABLE', 'IN_USE', 'MAINTENANCE');
ALTER TABLE "gym_equipment" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "gym_equipment" ALTER COLUMN "status" TYPE "EquipmentStatus_new" USING ("status"::text::"EquipmentStatus_new");
ALTER TYPE "EquipmentStatus" RENAME TO "EquipmentStatus_old";
ALTER TYPE "EquipmentStatus_new" RENAME TO "EquipmentStatus";
DROP TYPE "EquipmentStatus_old";
ALTER TABLE "gym_equipment" ALTER COLUMN "status" SET DEFAULT 'AVAILABLE';
COMMIT;

-- CreateIndex
CREATE UNIQUE INDEX "gyms_name_key" ON "gyms"("name");
`

beforeAll(async () => {
  initSql = await prismaMigrationSql(undefined, join(caseDir, 'expected', 'prisma', 'schema.prisma'))
}, 180_000)

/** A repository whose base commit has the case's models and their first migration; the working tree holds the change. */
function repository() {
  const dir = mkdtempSync(join(tmpdir(), 'pika-diff-report-'))
  cpSync(join(caseDir, 'models'), join(dir, 'models'), { recursive: true })
  mkdirSync(join(dir, 'prisma', 'migrations', INIT), { recursive: true })
  writeFileSync(join(dir, 'prisma', 'migrations', INIT, 'migration.sql'), initSql)
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' })
  git('init', '-q')
  git('add', '.')
  git('commit', '-qm', 'base')
  const edit = (file: string, from: string, to: string) => {
    const path = join(dir, 'models', file)
    writeFileSync(path, readFileSync(path, 'utf8').replace(from, to))
  }
  edit('gym.yaml', 'name:        { type: String, minLength: 2, maxLength: 120', 'name:        { type: String, unique: true, minLength: 2, maxLength: 100')
  edit('gym.yaml', 'values: [AVAILABLE, IN_USE, MAINTENANCE, RETIRED]', 'values: [AVAILABLE, IN_USE, MAINTENANCE]')
  mkdirSync(join(dir, 'prisma', 'migrations', CHANGE))
  writeFileSync(join(dir, 'prisma', 'migrations', CHANGE, 'migration.sql'), CHANGE_SQL)
  return { dir, edit }
}

function diff(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'generators', 'diff-cli.ts'), '--base', 'HEAD', ...args], { cwd: dir, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface JsonReport {
  breaking: boolean
  locking: boolean
  lint: { migrations: string[]; findings: { rule: string; line: number; acknowledged?: string }[]; problems: string[] }
  rows: { counts: { subject: string; rows: number; step: string }[]; unchecked: string[] }
}
const json = (dir: string, ...args: string[]) => JSON.parse(diff(dir, '--format', 'json', ...args).stdout) as JsonReport

describe('the pull-request report', () => {
  it('lints the migrations the change adds and fails until each finding is acknowledged with a reason', () => {
    const { dir } = repository()
    const report = json(dir)
    expect(report.lint.migrations).toEqual([CHANGE])
    expect(report.lint.findings.map((f) => [f.rule, f.line])).toEqual([['enum-value-removed', 5], ['index-without-concurrently', 13]])
    expect(report.locking).toBe(true)
    const markdown = diff(dir, '--format', 'markdown', '--allow-breaking')
    expect(markdown.code).toBe(0)
    expect(markdown.stdout).toContain('**2 unacknowledged locking findings**')
    expect(markdown.stdout).toMatch(/## Migration locks \(PostgreSQL 15\)[\s\S]*\*\*locks\*\* `index-without-concurrently` at prisma\/migrations\/20260201000000_gym_names\/migration.sql:13/)
    expect(markdown.stdout).toContain('safe way: `CREATE INDEX CONCURRENTLY`')

    writeFileSync(join(dir, 'prisma', 'migrations', CHANGE, 'lint-acknowledged.yaml'), 'index-without-concurrently: gyms holds 40 rows; the lock lasts milliseconds\nenum-value-removed: ""\n')
    const half = json(dir)
    expect(half.lint.findings.map((f) => f.acknowledged)).toEqual([undefined, 'gyms holds 40 rows; the lock lasts milliseconds'])
    expect(half.lint.problems).toEqual([expect.stringContaining('`enum-value-removed` without a reason')])
    expect(half.locking).toBe(true)
    writeFileSync(join(dir, 'prisma', 'migrations', CHANGE, 'lint-acknowledged.yaml'), 'index-without-concurrently: gyms holds 40 rows\nenum-value-removed: no row uses RETIRED since 2025\n')
    expect(json(dir).locking).toBe(false)
  })

  it('without a database, says which existing rows it could not count', () => {
    const report = json(repository().dir)
    expect(report.rows.counts).toEqual([])
    expect(report.rows.unchecked).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Gym\.name: rows of `gyms` whose `name` is longer than 100 characters \(no database given/),
      expect.stringMatching(/^Gym\.name: rows of `gyms` that share \(name\) with another row/),
      expect.stringMatching(/^EquipmentStatus\.RETIRED: rows of `gym_equipment` whose `status` holds `RETIRED`/),
    ]))
  })

  it('says when the models change the database but the change brings no migration', () => {
    const { dir } = repository()
    execFileSync('rm', ['-r', join(dir, 'prisma', 'migrations', CHANGE)])
    expect(json(dir).lint.problems).toEqual([expect.stringContaining('adds no migration')])
  })
})

describe.skipIf(!process.env.TEST_DATABASE_URL)('existing rows on PostgreSQL', () => {
  it('counts the rows a narrowed rule, a new unique key, a removed enum value and a new required field would reject, and names the step', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await admin.connect()
    const name = `pika_diff_rows_${randomUUID().replaceAll('-', '')}`
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const url = new URL(process.env.TEST_DATABASE_URL!)
      url.pathname = `/${name}`
      const db = new pg.Client({ connectionString: url.toString() })
      await db.connect()
      await db.query(initSql)
      await db.query(`INSERT INTO gyms (id, name, address, "updatedAt") VALUES ('g1', 'Pika Central', '{}', now()), ('g2', 'Pika Central', '{}', now()), ('g3', 'Pika Central', '{}', now()), ('g4', $1, '{}', now()), ('g5', 'Pika North', '{}', now())`, ['x'.repeat(101)])
      await db.query(`INSERT INTO gym_equipment (id, "gymId", name, price, status) VALUES ('e1', 'g1', 'Rower', 1, 'RETIRED'), ('e2', 'g2', 'Rower', 1, 'RETIRED'), ('e3', 'g3', 'bike', 1, 'AVAILABLE')`)
      await db.end()
      const { dir, edit } = repository()
      edit('gym.yaml', '      amenities:', '      code:        { type: String }\n      amenities:') // required, no default
      edit('gym.yaml', '- { name: Pika Central,', '- { code: PC, name: Pika Central,')
      edit('gym.yaml', 'name:     { type: String }', 'name:     { type: String, pattern: "^[A-Z]" }') // GymEquipment.name
      const report = json(dir, '--database-url', url.toString())
      const count = (subject: string, what: RegExp) => report.rows.counts.find((c) => c.subject === subject && what.test((c as unknown as { what: string }).what))
      expect(count('Gym.name', /longer than 100/)).toMatchObject({ rows: 1, step: expect.stringContaining('backfill') })
      expect(count('Gym.name', /share \(name\)/)).toMatchObject({ rows: 3, step: expect.stringContaining('CREATE UNIQUE INDEX CONCURRENTLY') })
      expect(count('EquipmentStatus.RETIRED', /holds `RETIRED`/)).toMatchObject({ rows: 2, step: expect.stringContaining('swaps the enum type') })
      expect(count('GymEquipment.name', /breaks the new `pattern`/)).toMatchObject({ rows: 1, step: expect.stringContaining('backfill') }) // 'bike'
      expect(count('Gym.code', /each lacks a value/)).toMatchObject({ rows: 5, step: expect.stringContaining('backfill these rows') })
      expect(report.rows.unchecked).toEqual([])
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }, 120_000)
})
