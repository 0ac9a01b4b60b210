// The managed objects (CHECK constraints, partial and expression indexes, comments; prisma/managed.sql) live outside Prisma's
// schema, so Prisma's migrations never change them. After the schema migration, db:migrate builds
// the database the migrations describe, compares its managed objects with the ones the models
// generate, and writes the difference as one more migration.
import type { PGlite } from '@electric-sql/pglite'
import { managedSchema, type ManagedObject } from '../generators/emit/sql/managed-objects.ts'
import { sqlIdentifier, sqlLiteral } from '../generators/emit/sql/sql-text.ts'
import type { Ir } from '../generators/ir/types.ts'
import { MIGRATIONS_DIR } from '../src/db/migration-history.ts'
import { openEmptyPGliteFor } from '../src/db/pglite-snapshot.ts'
import { step } from '../src/db/progress.ts'
import { applyNewMigrations, type MigratedCopy } from '../src/db/migrate/migrated-copy.ts'
import { writeMigration } from './write-migration.ts'

/** Managed CHECK constraints are the ones named `ck_…`; Prisma creates no CHECK constraints at all. */
const CHECKS_SQL = `SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
  WHERE k.contype = 'c' AND k.connamespace = current_schema()::regnamespace AND k.conname LIKE 'ck\\_%'`

/**
 * Every index, and whether it is partial or has expression keys: Prisma creates neither kind, so
 * such an index is managed even when the models no longer name it (Prisma's diff does not see
 * expression indexes, so without this a removed one would stay).
 */
const INDEXES_SQL = `SELECT c.relname AS "table", i.relname AS name, pg_get_indexdef(i.oid) AS definition,
    (x.indpred IS NOT NULL OR x.indexprs IS NOT NULL)::text AS managed
  FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
  WHERE i.relnamespace = current_schema()::regnamespace`

/** Comments on tables and their columns; Prisma writes none, so every one is managed. */
const COMMENTS_SQL = `SELECT c.relname AS "table", a.attname AS "column", d.description AS text
  FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`

type Row = Record<string, string | null>

/**
 * The statements that bring the managed objects of the database `migrationsSql` builds to what
 * the models generate: drops first (a changed check is dropped and added again), then adds.
 * A check counts as changed when PostgreSQL's own rendering of it differs, so spelling alone
 * (spaces, parentheses) never produces a migration.
 */
export async function planManagedMigration(ir: Ir, migrationsSql: string, shared?: PGlite): Promise<string[]> {
  return (await planManagedChange(ir, migrationsSql, shared)).up
}

/** One CONCURRENTLY index statement and the one that undoes it: each is a migration of its own. */
interface IndexStep {
  readonly up: string
  readonly down: string
}

/**
 * The managed change both ways: `up` as planManagedMigration; `down` restores the checks and
 * comments it changes; the index statements among `up` come with their own reverse in `indexSteps`.
 */
export interface ManagedChange {
  readonly up: string[]
  readonly down: string[]
  readonly indexSteps: readonly IndexStep[]
}

export async function planManagedChange(ir: Ir, migrationsSql: string, shared?: PGlite): Promise<ManagedChange> {
  // A PGlite instance takes seconds to start on a busy machine: callers planning many times (tests)
  // pass one, and each plan then builds its database in a schema of its own.
  const db = shared ?? (await openEmptyPGliteFor(migrationsSql)) // extensions the migrations create, loaded
  const schema = `plan_${process.pid}_${++plans}`
  try {
    if (shared) await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`)
    await db.exec(migrationsSql)
    return await planManagedChangeOn(ir, db)
  } finally {
    if (shared) await db.exec(`DROP SCHEMA ${schema} CASCADE; RESET search_path`)
    else await db.close()
  }
}

/** The managed change against `db`, a database the migrations built (in its current schema); `db` is left as it was. */
async function planManagedChangeOn(ir: Ir, db: PGlite): Promise<ManagedChange> {
  const wanted = managedSchema(ir).objects
  const rows = async (sql: string) => (await db.query<Row>(sql)).rows
  const existingChecks = await rows(CHECKS_SQL)
  const existingComments = await rows(COMMENTS_SQL)
  const wantedChecks = wanted.filter((o) => o.kind === 'check')
  const wantedIndexes = wanted.filter((o) => o.kind === 'index')
  const indexNames = new Set(wantedIndexes.map((o) => o.name))
  const managedIndexRows = async () => (await rows(INDEXES_SQL)).filter((r) => r.managed === 'true' || indexNames.has(r.name!))
  const existingIndexes = await managedIndexRows()
  await db.exec('BEGIN')
  let renderedChecks: Row[]
  let renderedIndexes: Row[]
  try {
    await db.exec([...wantedChecks, ...wantedIndexes].map((o) => `${o.drop}\n${o.create}`).join('\n'))
    renderedChecks = await rows(CHECKS_SQL)
    renderedIndexes = await managedIndexRows()
  } finally {
    await db.exec('ROLLBACK')
  }
  const checkKey = (r: Row) => `check ${r.table}.${r.name}`
  const before = new Map(existingChecks.map((r) => [checkKey(r), r.definition]))
  const after = new Map(renderedChecks.filter((r) => wantedChecks.some((o) => o.key === checkKey(r))).map((r) => [checkKey(r), r.definition]))
  const gone = existingChecks.filter((r) => after.get(checkKey(r)) !== r.definition)
  const added = wantedChecks.filter((o) => before.get(o.key) !== after.get(o.key))
  // A check that only changed its name (its table or column was renamed, and the name follows
  // them) is renamed, not dropped and validated again over every row.
  const renamed: { from: Row; to: (typeof added)[number] }[] = []
  for (const o of added) {
    const from = gone.find((r) => r.table === o.table && r.definition === after.get(o.key) && !renamed.some((p) => p.from === r))
    if (from) renamed.push({ from, to: o })
  }
  const dropped = gone.filter((r) => !renamed.some((p) => p.from === r))
  const created = added.filter((o) => !renamed.some((p) => p.to === o))
  const onTable = (table: string, action: string) => `ALTER TABLE ${sqlIdentifier(table)} ${action};`
  const comments = commentChanges(wanted, existingComments)
  const indexSteps = indexChanges(wantedIndexes, existingIndexes, renderedIndexes)
  return {
    up: [
      ...renamed.map(({ from, to }) => onTable(from.table!, `RENAME CONSTRAINT ${sqlIdentifier(from.name!)} TO ${sqlIdentifier(to.name)}`)),
      ...dropped.map((r) => onTable(r.table!, `DROP CONSTRAINT ${sqlIdentifier(r.name!)}`)),
      ...created.flatMap(addToFilledTable),
      ...indexSteps.map((step) => step.up),
      ...comments.up,
    ],
    // The old checks come back as PostgreSQL rendered them (pg_get_constraintdef), so they mean exactly what they meant.
    down: [
      ...created.map((o) => o.drop),
      ...dropped.map((r) => onTable(r.table!, `ADD CONSTRAINT ${sqlIdentifier(r.name!)} ${r.definition}`)),
      ...renamed.map(({ from, to }) => onTable(from.table!, `RENAME CONSTRAINT ${sqlIdentifier(to.name)} TO ${sqlIdentifier(from.name!)}`)),
      ...comments.down,
    ],
    indexSteps,
  }
}

let plans = 0

/**
 * A check added to a table that may hold rows, as NOT VALID then VALIDATE (the lint's
 * `check-validating` rule). ADD CONSTRAINT takes an ACCESS EXCLUSIVE lock, but NOT VALID makes it
 * instant; VALIDATE scans the table under a lock that lets writes go on. Each migration is one
 * transaction, which would hold the first lock through the scan, so writeManagedMigration puts the
 * VALIDATE statements into a migration of their own. A check that older rows may break (a list
 * that was allowed NULL) first repairs them (its backfill).
 */
function addToFilledTable(check: ManagedObject): string[] {
  if (check.kind !== 'check') return [check.create]
  const table = sqlIdentifier(check.table)
  const name = sqlIdentifier(check.name)
  return [...(check.backfill ? [check.backfill] : []), `ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (${check.expression}) NOT VALID;`, `ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};`]
}

/**
 * Managed indexes the models no longer name are dropped; ones whose definition (as PostgreSQL
 * renders it) differs or is missing are dropped and created again. CONCURRENTLY, so that a table
 * in use keeps taking writes while an index builds (the lint's `index-without-concurrently`);
 * writeManagedMigration gives each such statement a migration of its own.
 */
function indexChanges(wanted: readonly ManagedObject[], existing: readonly Row[], rendered: readonly Row[]): IndexStep[] {
  const before = new Map(existing.map((r) => [r.name!, r.definition!]))
  const after = new Map(rendered.map((r) => [r.name, r.definition]))
  const wantedNames = new Set(wanted.map((o) => (o.kind === 'index' ? o.name : '')))
  const changed = wanted.filter((o) => o.kind === 'index' && before.get(o.name) !== after.get(o.name)) as Extract<ManagedObject, { kind: 'index' }>[]
  const gone = existing.filter((r) => !wantedNames.has(r.name!)).map((r) => r.name!)
  const concurrently = (create: string) => create.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ')
  const drop = (name: string) => `DROP INDEX CONCURRENTLY ${sqlIdentifier(name)};`
  // The old index comes back as PostgreSQL rendered it (pg_get_indexdef: unqualified, on the search path).
  return [
    ...[...gone, ...changed.filter((o) => before.has(o.name)).map((o) => o.name)].map((name) => ({ up: drop(name), down: `${concurrently(before.get(name)!)};` })),
    ...changed.map((o) => ({ up: concurrently(o.create), down: drop(o.name) })),
  ]
}

function commentChanges(wanted: readonly ManagedObject[], existing: readonly Row[]): Omit<ManagedChange, 'indexSteps'> {
  const key = (r: Row) => `comment ${r.table}${r.column === null ? '' : `.${r.column}`}`
  const current = new Map(existing.map((r) => [key(r), r]))
  const commentOn = (table: string, column: string | null, text: string | null | undefined) =>
    `COMMENT ON ${column === null ? 'TABLE' : 'COLUMN'} ${sqlIdentifier(table)}${column === null ? '' : `.${sqlIdentifier(column)}`} IS ${text == null ? 'NULL' : sqlLiteral(text)};`
  const wantedComments = wanted.filter((o) => o.kind === 'comment')
  const keys = new Set(wantedComments.map((o) => o.key))
  const removed = existing.filter((r) => !keys.has(key(r)))
  const changed = wantedComments.filter((o) => current.get(o.key)?.text !== o.text)
  return {
    up: [...removed.map((r) => commentOn(r.table!, r.column ?? null, null)), ...changed.map((o) => o.create)],
    down: [
      ...removed.map((r) => commentOn(r.table!, r.column ?? null, r.text)),
      ...changed.map((o) => {
        const was = current.get(o.key)
        return was ? commentOn(was.table!, was.column ?? null, was.text) : o.drop
      }),
    ],
  }
}

const isValidate = (statement: string) => / VALIDATE CONSTRAINT /.test(statement)
const CONCURRENT = /\bCONCURRENTLY\b/

/**
 * Writes, when there are changes: `<timestamp>_<name>_managed/` for the checks and comments;
 * `<timestamp>_<name>_managed_validate/` after it for the VALIDATE statements; and one
 * `<timestamp>_<name>_managed_index_<n>/` per CONCURRENTLY index statement, since PostgreSQL
 * refuses those in a transaction and a migration holding only one runs outside it. Each has its
 * down.sql. Returns the folder names.
 */
export function writeManagedMigration(migrationsDir: string, name: string, change: ManagedChange, now: Date): string[] {
  const title = 'Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, partial and expression indexes, comments from descriptions.'
  const downTitle = 'Down script: restores the managed objects as they were before migration.sql; applied by npm run db:migrate:rollback.'
  const inTransaction = change.up.filter((s) => !isValidate(s) && !CONCURRENT.test(s))
  const changes = writeMigration(migrationsDir, `${name}_managed`, title, inTransaction, now, { header: downTitle, statements: change.down })
  const validate = writeMigration(
    migrationsDir,
    `${name}_managed_validate`,
    'Validates the checks the previous migration added NOT VALID, in a transaction of its own: VALIDATE scans the table without blocking writes.',
    change.up.filter(isValidate),
    now,
    { header: 'Down script: VALIDATE changes no definition, so there is nothing to undo; the previous migration\'s down.sql drops the checks.', statements: [] },
  )
  // One second apart: folders apply in name order, and the timestamp is their first part.
  const indexes = change.indexSteps.map(
    (step, i) =>
      writeMigration(migrationsDir, `${name}_managed_index_${i + 1}`, `${title} One CONCURRENTLY statement: it runs outside a transaction.`, [step.up], new Date(now.getTime() + (i + 1) * 1000), {
        header: downTitle,
        statements: [step.down],
      })!,
  )
  return [changes, validate, ...indexes].filter((f) => f !== undefined)
}

/**
 * The db:migrate step after the schema migration: writes the managed migration when the models ask
 * for one and applies it (unless Prisma was told to only create migrations).
 */
export async function migrateManagedObjects(ir: Ir, name: string, copy: MigratedCopy, apply?: () => Promise<unknown>): Promise<void> {
  const change = await step('compare the checks, indexes and comments with the models (prisma/managed.sql)', async () => {
    await applyNewMigrations(copy)
    return planManagedChangeOn(ir, copy.db)
  }, { stream: process.stdout })
  const folders = writeManagedMigration(MIGRATIONS_DIR, name, change, new Date())
  if (folders.length === 0) return
  console.error(`db: wrote ${folders.map((f) => `prisma/migrations/${f}`).join(', ')} with ${change.up.length} change(s) to managed objects (checks, indexes, comments)`)
  await apply?.()
}
