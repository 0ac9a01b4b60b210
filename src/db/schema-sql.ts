// The SQL that builds the schema on an empty database, for test databases (no `prisma migrate` per
// test: one CLI run is ~2-4 s, applying the SQL a few ms).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type pg from 'pg'
import { PACKAGE_ROOT } from './config.ts'
import { writeFileAtomically } from './file-lock.ts'
import { forOneScript } from './migrate/migration-files.ts'
import { localMigrationNames, MIGRATIONS_DIR } from './migration-history.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from './prisma-cli.ts'

export const SCHEMA_FILE = join(PACKAGE_ROOT, 'prisma', 'schema.prisma')
/** What the Prisma schema cannot hold (CHECK constraints, comments), generated beside it. */
export const MANAGED_SQL_FILE = join(PACKAGE_ROOT, 'prisma', 'managed.sql')
const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'pika-db')

/**
 * `schema`: what `prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma` prints
 * followed by prisma/managed.sql, i.e. exactly what the models describe. `migrations`: prisma/migrations/* in order, i.e.
 * what production gets.
 */
export type SchemaSource = 'schema' | 'migrations'

export { quoteIdentifier, quoteLiteral } from '../shared/sql-text.ts'

/** The SQL that creates the whole schema on an empty database. */
export async function readSchemaSql(source: SchemaSource = 'schema'): Promise<string> {
  if (source === 'migrations') {
    return localMigrationNames().map((name) => forOneScript(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8'))).join('\n')
  }
  // The diff takes seconds; cache it by schema text and Prisma version (node_modules/.cache is git-ignored).
  const key = createHash('sha256').update(`${prismaVersion()}\n${readFileSync(SCHEMA_FILE, 'utf8')}`).digest('hex').slice(0, 16)
  const cached = join(CACHE_DIR, `schema-${key}.sql`)
  const managed = existsSync(MANAGED_SQL_FILE) ? `\n${readFileSync(MANAGED_SQL_FILE, 'utf8')}` : ''
  if (existsSync(cached)) return readFileSync(cached, 'utf8') + managed
  const sql = await diffFromEmpty()
  mkdirSync(CACHE_DIR, { recursive: true })
  writeFileAtomically(cached, sql) // test workers may race
  return sql + managed
}

// Read on use: `prisma` is a devDependency, and test databases built from migrations never need it.
const prismaVersion = (): string => createRequire(import.meta.url)('prisma/package.json').version

async function diffFromEmpty(): Promise<string> {
  const args = ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', SCHEMA_FILE, '--script']
  return runPrismaOrThrow(args, sqlOnlyConfig())
}

/**
 * Runs a multi-statement script on an open PGlite instance or pg client (simple query protocol, so
 * several statements are allowed). Unqualified names land in the connection's search_path.
 */
export async function applySchemaSql(db: PGlite | pg.Client | pg.Pool, sql: string): Promise<void> {
  if ('exec' in db) await db.exec(sql)
  else await db.query(sql)
}
