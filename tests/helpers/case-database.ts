// A database for a golden case (tests/cases/<name>/expected): its tables from the expected Prisma
// schema, its managed SQL after them, and a Prisma client generated for that schema, on PGlite or
// on the TEST_DATABASE_URL server (a database of its own, dropped on close).
import { randomUUID } from 'node:crypto'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PACKAGE_ROOT } from '../../src/db/config.ts'
import { pgliteAdapter } from '../../src/db/upstream/pglite-adapter.ts'
import { openEmptyPGliteFor } from '../../src/db/pglite-snapshot.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from '../../src/db/prisma-cli.ts'

export const caseExpectedDir = (name: string): string => join(PACKAGE_ROOT, 'tests', 'cases', name, 'expected')

/** The case's schema as the generator describes it: Prisma's tables, then its managed SQL. */
export async function caseSchemaSql(name: string): Promise<string> {
  const prismaDir = join(caseExpectedDir(name), 'prisma')
  const tables = await runPrismaOrThrow(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', join(prismaDir, 'schema.prisma'), '--script'], sqlOnlyConfig())
  return `${tables}\n${readFileSync(join(prismaDir, 'managed.sql'), 'utf8')}`
}

type AnyClient = Record<string, any>

/**
 * Generates the case's Prisma client under node_modules/.cache (so that it resolves the package's
 * own @prisma/client runtime) and returns its PrismaClient class.
 */
async function caseClientClass(name: string): Promise<new (options: object) => AnyClient> {
  const dir = join(PACKAGE_ROOT, 'node_modules', '.cache', 'pika-db', 'case-clients', name)
  mkdirSync(join(dir, 'prisma'), { recursive: true })
  // The schema's `output = "../src/generated/prisma"` is relative to it: the client lands in dir/src.
  cpSync(join(caseExpectedDir(name), 'prisma', 'schema.prisma'), join(dir, 'prisma', 'schema.prisma'))
  await runPrismaOrThrow(['generate', '--schema', join(dir, 'prisma', 'schema.prisma')], sqlOnlyConfig(), { what: `generating the Prisma client of the golden case ${name}` })
  return ((await import(join(dir, 'src', 'generated', 'prisma', 'client.ts'))) as { PrismaClient: new (options: object) => AnyClient }).PrismaClient
}

export interface CaseDatabase {
  /** The case's Prisma client on the new database. */
  readonly prisma: AnyClient
  close(): Promise<void>
}

/** A new database holding the case's schema, with its client; close() drops it. */
export async function openCaseDatabase(name: string, kind: 'pglite' | 'postgres', serverUrl?: string): Promise<CaseDatabase> {
  const sql = await caseSchemaSql(name)
  const PrismaClient = await caseClientClass(name)
  if (kind === 'pglite') {
    const pglite = await openEmptyPGliteFor(sql)
    await pglite.exec(sql)
    const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) })
    return { prisma, close: async () => { await prisma.$disconnect(); await pglite.close() } }
  }
  const database = `pika_case_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${database}"`)
  const pool = new pg.Pool({ connectionString: Object.assign(new URL(serverUrl!), { pathname: `/${database}` }).href })
  await pool.query(sql)
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect()
      await pool.end()
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`)
      await admin.end()
    },
  }
}
