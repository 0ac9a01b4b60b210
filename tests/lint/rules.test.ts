import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type LintFinding, lintMigrations } from '../../generators/lint/lint-migrations.ts'
import { loadSqlParser } from '../../generators/lint/parse-sql.ts'
import { prismaMigrationSql } from '../../generators/lint/prisma-sql.ts'
import { LINT_RULES } from '../../generators/lint/rules.ts'

// Every Prisma-emitted case comes from one `prisma migrate diff` between before.prisma and
// after.prisma (one model per change): the SQL a real `db:migrate` writes, not SQL typed here.
const cases = join(import.meta.dirname, 'prisma-change')
let history: string
let migration: string
let findings: LintFinding[]

beforeAll(async () => {
  await loadSqlParser()
  history = await prismaMigrationSql(undefined, join(cases, 'before.prisma'))
  migration = await prismaMigrationSql(join(cases, 'before.prisma'), join(cases, 'after.prisma'))
  const readers = new Map([['column_dropped.old', 'ColumnDropped.old'], ['table_dropped', 'TableDropped']])
  findings = [...lintMigrations([history], [{ name: '20261130000000_change', sql: migration }], readers).findings]
}, 180_000)

const on = (table: string) => findings.filter((f) => f.table === table)

describe('downtime lint on the SQL Prisma emits', () => {
  it('index-without-concurrently: @@index and @unique on an existing table', () => {
    expect(on('index_added')).toMatchObject([{ rule: 'index-without-concurrently', statement: 'CREATE INDEX "index_added_email_idx" ON "index_added"("email")', lock: expect.stringContaining('SHARE'), safe: expect.stringContaining('CREATE INDEX CONCURRENTLY') }])
    expect(on('unique_added')).toMatchObject([{ rule: 'index-without-concurrently', problem: expect.stringContaining('rows that already repeat a key') }])
    const line = migration.split('\n').findIndex((l) => l.startsWith('CREATE INDEX "index_added_email_idx"')) + 1
    expect(on('index_added')[0]!.line).toBe(line)
  })

  it('drop-index-without-concurrently: an @@index removed', () => {
    expect(on('index_removed')).toMatchObject([{ rule: 'drop-index-without-concurrently', lock: expect.stringContaining('ACCESS EXCLUSIVE') }])
  })

  it('add-required-column: a required field without a default; a constant or now() default is fine', () => {
    expect(on('required_added')).toMatchObject([{ rule: 'add-required-column', problem: 'adds `required_added.nick` NOT NULL without a default' }])
    expect(on('defaulted_added')).toEqual([])
  })

  it('add-column-rewrite: an autoincrement field added to a table with rows', () => {
    expect(on('serial_added')).toMatchObject([{ rule: 'add-column-rewrite', problem: expect.stringContaining('SERIAL') }])
  })

  it('set-not-null: an optional field made required', () => {
    expect(on('became_required')).toMatchObject([{ rule: 'set-not-null', safe: expect.stringContaining('NOT VALID') }])
  })

  it('column-type-rewrite: Int → BigInt and a shorter VarChar rewrite; a longer VarChar does not', () => {
    expect(on('int_to_bigint')).toMatchObject([{ rule: 'column-type-rewrite', problem: 'changes `int_to_bigint.n` from int4 to int8' }])
    expect(on('varchar_narrowed')).toMatchObject([{ rule: 'column-type-rewrite', problem: expect.stringContaining('varchar(100) to varchar(50)') }])
    expect(on('varchar_widened')).toEqual([])
  })

  it('enum-value-removed: the type swap Prisma writes names the removed value', () => {
    expect(on('enum_narrowed')).toMatchObject([{ rule: 'enum-value-removed', problem: expect.stringContaining('without `HIGH`') }])
  })

  it('foreign-key-validating: a relation added between existing tables, not one to a new table', () => {
    expect(on('children')).toMatchObject([{ rule: 'foreign-key-validating', safe: expect.stringContaining('VALIDATE CONSTRAINT') }])
    expect(on('new_children')).toEqual([])
  })

  it('unique-constraint-building-index: a changed primary key', () => {
    expect(on('key_changed')).toMatchObject([{ rule: 'unique-constraint-building-index', problem: expect.stringContaining('primary key `key_changed_pkey`') }])
  })

  it('drop-column-still-read and drop-table-still-read name what the deployed service reads', () => {
    expect(on('column_dropped')).toMatchObject([{ rule: 'drop-column-still-read', problem: expect.stringContaining('reads as `ColumnDropped.old`') }])
    expect(on('table_dropped')).toMatchObject([{ rule: 'drop-table-still-read', problem: expect.stringContaining('model `TableDropped`') }])
  })

  it('finds nothing else in the change', () => {
    const tested = new Set(['index_added', 'unique_added', 'index_removed', 'required_added', 'serial_added', 'became_required', 'int_to_bigint', 'varchar_narrowed', 'enum_narrowed', 'children', 'key_changed', 'column_dropped', 'table_dropped'])
    expect(findings.filter((f) => !tested.has(f.table))).toEqual([])
    expect(new Set(findings.map((f) => f.rule)).size).toBe(11)
  })
})

// Statements Prisma never writes but people add to a migration by hand (checks, CONCURRENTLY),
// and the rename migration db:migrate writes for `renamedFrom` (scripts/rename-migration.ts).
describe('downtime lint on hand-written and rename migrations', () => {
  const history = 'CREATE TABLE "gyms" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, CONSTRAINT "gyms_pkey" PRIMARY KEY ("id"));'
  const lint = (sql: string, acknowledged?: Map<string, string>) => lintMigrations([history], [{ name: 'm', sql, ...(acknowledged ? { acknowledged } : {}) }])

  it('check-validating: a CHECK without NOT VALID; NOT VALID then VALIDATE is the safe way', () => {
    expect(lint('ALTER TABLE "gyms" ADD CONSTRAINT "name_len" CHECK (length("name") <= 80);').findings).toMatchObject([{ rule: 'check-validating', line: 1 }])
    expect(lint('ALTER TABLE "gyms" ADD CONSTRAINT "name_len" CHECK (length("name") <= 80) NOT VALID;').findings).toEqual([])
    expect(lint('ALTER TABLE "gyms" VALIDATE CONSTRAINT "name_len";').findings).toEqual([])
  })

  it('concurrently-in-transaction: CONCURRENTLY only works alone in its migration', () => {
    expect(lint('CREATE INDEX CONCURRENTLY "gyms_name_idx" ON "gyms"("name");').findings).toEqual([])
    expect(lint('-- CreateIndex\nSELECT 1;\nCREATE INDEX CONCURRENTLY "gyms_name_idx" ON "gyms"("name");').findings).toMatchObject([{ rule: 'concurrently-in-transaction', line: 3 }])
  })

  it('rename-still-read: the renames that renamedFrom produces', () => {
    const sql = 'ALTER TABLE "gyms" RENAME COLUMN "name" TO "title";\nALTER TABLE "gyms" RENAME TO "studios";'
    expect(lint(sql).findings.map((f) => [f.rule, f.line, f.problem])).toEqual([
      ['rename-still-read', 1, 'renames column `gyms.name` to `title`'],
      ['rename-still-read', 2, 'renames table `gyms` to `studios`'],
    ])
  })

  it('follows a column through Prisma\'s enum swap, so a second removal in the same change is still named', () => {
    const swap = (values: string) => `BEGIN;\nCREATE TYPE "Level_new" AS ENUM (${values});\nALTER TABLE "gyms" ALTER COLUMN "level" TYPE "Level_new" USING ("level"::text::"Level_new");\nALTER TYPE "Level" RENAME TO "Level_old";\nALTER TYPE "Level_new" RENAME TO "Level";\nDROP TYPE "Level_old";\nCOMMIT;`
    const start = `CREATE TYPE "Level" AS ENUM ('LOW', 'MID', 'HIGH');\nALTER TABLE "gyms" ADD COLUMN "level" "Level" NOT NULL DEFAULT 'LOW';`
    const result = lintMigrations([history, start], [{ name: 'a', sql: swap("'LOW', 'MID'") }, { name: 'b', sql: swap("'LOW'") }])
    expect(result.findings.map((f) => [f.migration, f.rule, f.problem])).toEqual([
      ['a', 'enum-value-removed', expect.stringContaining('without `HIGH`')],
      ['b', 'enum-value-removed', expect.stringContaining('without `MID`')],
    ])
  })

  it('a table created earlier in the same change is empty: nothing it does locks anyone', () => {
    const create = 'CREATE TABLE "rooms" ("id" TEXT NOT NULL);'
    const result = lintMigrations([history], [{ name: 'a', sql: create }, { name: 'b', sql: 'CREATE INDEX "rooms_id_idx" ON "rooms"("id");\nALTER TABLE "rooms" ADD COLUMN "n" INTEGER NOT NULL;' }])
    expect(result.findings).toEqual([])
  })

  it('an acknowledgement with a reason silences its rule in that migration only; one without a reason does not', () => {
    const sql = 'CREATE INDEX "gyms_name_idx" ON "gyms"("name");'
    expect(lint(sql, new Map([['index-without-concurrently', 'gyms holds 40 rows']])).findings).toMatchObject([{ rule: 'index-without-concurrently', acknowledged: 'gyms holds 40 rows' }])
    const unexplained = lint(sql, new Map([['index-without-concurrently', ' '], ['no-such-rule', 'x']]))
    expect(unexplained.findings[0]!.acknowledged).toBeUndefined()
    expect(unexplained.problems).toEqual([expect.stringContaining('`index-without-concurrently` without a reason'), expect.stringContaining('unknown rule `no-such-rule`')])
  })

  it('says which migration did not parse and where, instead of guessing', () => {
    expect(lint('SELECT 1;\nALTER TABLE "gyms" ADD COLUMN;').problems).toEqual([expect.stringMatching(/^m\/migration.sql:2 does not parse \(syntax error/)])
  })

  it('every rule names a lock, a safe way and the squawk rules it answers to', () => {
    for (const [id, rule] of Object.entries(LINT_RULES)) expect([id, rule.lock.length > 20, rule.safe.length > 20, rule.squawk.length > 0]).toEqual([id, true, true, true])
  })
})
