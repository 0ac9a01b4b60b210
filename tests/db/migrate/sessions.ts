// Empty databases to migrate, on each engine the tests cover: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set (a database of our own, dropped afterwards).
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { pgliteExtensionOptions } from '../../../src/db/pglite-extensions.ts'
import { pgliteSession, pgSession, type SqlSession } from '../../../src/db/migrate/session.ts'

export interface Engine {
  readonly name: 'pglite' | 'postgres'
  /** A new empty database; close() drops it. */
  open(): Promise<SqlSession>
}

/** `extensions`: PGlite contrib builds to load, as the package loads those the schema lists. */
export function engines(extensions: readonly string[] = []): Engine[] {
  const url = process.env.TEST_DATABASE_URL?.trim()
  // initdb takes seconds; a clone of one empty instance about one.
  let empty: Promise<PGlite> | undefined
  const pglite = async () => {
    const db = (await (await (empty ??= pgliteExtensionOptions(extensions).then((o) => PGlite.create(o)))).clone()) as PGlite
    return pgliteSession(db)
  }
  const list: Engine[] = [{ name: 'pglite', open: pglite }]
  if (url) list.push({ name: 'postgres', open: () => openServerDatabase(url) })
  return list
}

async function openServerDatabase(url: string): Promise<SqlSession> {
  const name = `pika_migrate_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  const client = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: `/${name}` }).href })
  await client.connect()
  const session = pgSession(client)
  return {
    ...session,
    close: async () => {
      await client.end()
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`)
      await admin.end()
    },
  }
}

/** A prisma/migrations-like folder holding `migrations` (name → migration.sql text). */
export function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pika-migrations-'))
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(join(dir, name))
    writeFileSync(join(dir, name, 'migration.sql'), sql)
  }
  return dir
}
