import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { pipeline } from 'node:stream/promises'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { addAndDrop, managedStatements } from './managed-constraints.ts'
import { PRISMA_CLI_PATH, prismaEnv } from './peers.ts'
import { summarize, type Summary } from './stats.ts'

export interface SeedingOptions {
  /** Root of the code under test; its seed/seed-database.ts is the seeder measured. */
  readonly root: string
  /** A peer project whose `prisma generate` ran: its schema gives the tables, its client the inserts. */
  readonly peerDir: string
  /** A server URL whose user may create databases; the benchmark creates and drops its own. */
  readonly adminUrl: string
  readonly rows: number
  readonly runs: number
  /**
   * Interleaved pairs of seeder runs without and with the CHECK constraints (default 15). A run
   * takes ~0.1 s at 10,000 rows and the machine is shared, so single runs spread ±25%: 5 interleaved runs gave
   * checksRatio anywhere from 0.73 to 1.03 on the same code.
   */
  readonly checkPairs?: number
}

export type SeedingResult =
  | {
      readonly skipped: false
      readonly rows: number
      readonly rowsPerSecond: Partial<Record<Method, Summary>>
      readonly ratio: number
      /** The seeder with the table's managed CHECK constraints in place / without them (median rows/s). */
      readonly checksRatio?: number
      readonly notes: readonly string[]
    }
  | { readonly skipped: true; readonly reason: string }

type Method = 'seeder (seedDatabase)' | 'seeder, with CHECK constraints' | 'prisma createMany, one call' | 'COPY FROM STDIN'

const COLUMNS = ['id', 'email', 'passwordHash', 'firstName', 'lastName', 'role', 'status', 'creditBalance', 'createdAt', 'updatedAt'] as const
type UserRow = Record<(typeof COLUMNS)[number], string | number | Date>

/**
 * Seeding throughput into PostgreSQL, on the same N synthetic users (same columns, ids and
 * timestamps): the seeder (`seedDatabase` from seed/: fixtures → one transaction on the pg pool
 * under the app's Prisma client, the rows converted to COPY text), one bare createMany of all rows
 * through the generated Prisma client, and a plain COPY FROM STDIN of the same rows through pg.
 * Runs alternate between the three, on an emptied table each time, after one untimed full-size run
 * of each (connections, query plans and the JIT warm, for all three alike).
 */
export async function measureSeeding(options: SeedingOptions): Promise<SeedingResult> {
  const clientFile = join(options.peerDir, 'src', 'generated', 'prisma', 'client.ts')
  if (!existsSync(clientFile)) return { skipped: true, reason: `no generated Prisma client at ${clientFile} (prisma generate did not run or failed)` }
  return inScratchDatabase(options.adminUrl, options.peerDir, (url) => compareInserts(clientFile, url, options))
}

/**
 * Runs `measure` on a throw-away database holding the peer schema's tables, dropped after; skipped,
 * with the reason, when the server does not answer.
 */
export async function inScratchDatabase<T>(adminUrl: string, peerDir: string, measure: (url: string) => Promise<T>): Promise<T | { skipped: true; reason: string }> {
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
  } catch (error) {
    return { skipped: true, reason: `PostgreSQL not reachable at ${adminUrl}: ${(error as Error).message}` }
  }
  const database = `pika_bench_${process.pid}_${Date.now()}`
  await admin.query(`CREATE DATABASE "${database}"`)
  const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).href
  try {
    await createTables(peerDir, url)
    return await measure(url)
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await admin.end()
  }
}

/** The tables of the peer's schema, created on `url`. */
async function createTables(peerDir: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(peerSchemaDdl(peerDir, url))
  await client.end()
}

/** The DDL of the peer's schema, from `prisma migrate diff --from-empty` (offline, WebAssembly engine). */
export function peerSchemaDdl(peerDir: string, url: string): string {
  const args = [PRISMA_CLI_PATH, 'migrate', 'diff', '--config', 'prisma.ddl.config.ts', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script']
  const diff = spawnSync(process.execPath, args, { cwd: peerDir, env: prismaEnv(url), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (diff.status !== 0) throw new Error(`prisma migrate diff failed: ${diff.stderr}`)
  return diff.stdout
}

async function compareInserts(clientFile: string, url: string, options: SeedingOptions): Promise<SeedingResult> {
  const { PrismaClient } = (await import(clientFile)) as { PrismaClient: new (o: object) => PrismaLike }
  // As the app connects (src/db/server-connection.ts): pg Clients that read name/"char" catalog
  // columns as text (adapter-pg cannot map them), under Prisma and in the pool the seeder gets.
  // Its home since src/db/upstream/ gathered the workarounds; a revision from before has it in src/db/.
  const catalogClientFile = ['src/db/upstream/catalog-text-client.ts', 'src/db/catalog-text-client.ts'].map((f) => join(options.root, f)).find((f) => existsSync(f))
  const Client = catalogClientFile ? ((await import(pathToFileURL(catalogClientFile).href)) as { CatalogTextClient: typeof pg.Client }).CatalogTextClient : undefined
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, ...(Client && { Client }) }) })
  const copyClient = new pg.Client({ connectionString: url })
  await copyClient.connect()
  const seederPool = new pg.Pool({ connectionString: url, max: 1, ...(Client && { Client }) }) // what DatabaseClient.driver is on a server
  const rows = users(options.rows)
  const seederFile = join(options.root, 'seed', 'seed-database.ts')
  const { seedDatabase } = existsSync(seederFile) ? ((await import(pathToFileURL(seederFile).href)) as typeof import('../seed/seed-database.ts')) : { seedDatabase: undefined }
  // The users table's managed CHECK constraints (prisma/managed.sql), added before and dropped after
  // the seeder runs that measure them (outside the timed part: ~3 ms of ALTER TABLE per run is not
  // seeding), so every other method runs on the bare table as before.
  const checks = usersChecks(options.root)
  const seed = (data: UserRow[]) => seedDatabase!(seederPool, [asFixtures(data) as never])
  const methods: [Method, (data: UserRow[]) => Promise<unknown>][] = [
    ...(seedDatabase ? [['seeder (seedDatabase)', seed] as [Method, (data: UserRow[]) => Promise<unknown>]] : []),
    ['prisma createMany, one call', (data) => prisma.user.createMany({ data })],
    ['COPY FROM STDIN', (data) => copyUsers(copyClient, data)],
  ]
  const truncate = () => copyClient.query('TRUNCATE "users" CASCADE')
  const count = async () => Number((await copyClient.query('SELECT count(*) AS n FROM "users"')).rows[0].n)
  const samples = new Map<Method, number[]>(methods.map(([name]) => [name, []]))
  const timed = async (name: Method, insert: (data: UserRow[]) => Promise<unknown>): Promise<number> => {
    await truncate()
    const started = performance.now()
    await insert(rows)
    const ms = performance.now() - started
    const inserted = await count()
    if (inserted !== rows.length) throw new Error(`${name} inserted ${inserted} rows, expected ${rows.length}`)
    return (rows.length / ms) * 1000
  }
  // Without and with the CHECK constraints, in pairs whose order alternates (ABBA), so that a slow
  // spell of the shared machine falls on both sides alike.
  const pairs = seedDatabase && checks.count ? (options.checkPairs ?? 15) : 0
  const bare: number[] = []
  const checked: number[] = []
  const withChecks = async (): Promise<number> => {
    await copyClient.query(checks.add)
    try {
      return await timed('seeder, with CHECK constraints', seed)
    } finally {
      await copyClient.query(checks.drop)
    }
  }
  try {
    for (const [, insert] of methods) {
      await truncate()
      await insert(rows) // warm-up: connection, query planning, JIT
    }
    for (let run = 0; run < options.runs; run++) {
      for (const [name, insert] of methods) samples.get(name)!.push(await timed(name, insert))
    }
    if (pairs) await withChecks() // warm-up of the constrained table
    for (let pair = 0; pair < pairs; pair++) {
      if (pair % 2 === 0) {
        bare.push(await timed('seeder (seedDatabase)', seed))
        checked.push(await withChecks())
      } else {
        checked.push(await withChecks())
        bare.push(await timed('seeder (seedDatabase)', seed))
      }
    }
  } finally {
    await prisma.$disconnect()
    await seederPool.end()
    await copyClient.end()
  }
  if (pairs) samples.set('seeder, with CHECK constraints', checked)
  const rowsPerSecond = Object.fromEntries([...samples].map(([name, s]) => [name, summarize(s)])) as Record<Method, Summary>
  return {
    skipped: false,
    rows: rows.length,
    rowsPerSecond,
    ratio: (rowsPerSecond['seeder (seedDatabase)'] ?? rowsPerSecond['prisma createMany, one call']).median / rowsPerSecond['COPY FROM STDIN'].median,
    ...(pairs ? { checksRatio: summarize(checked).median / summarize(bare).median } : {}),
    notes: [
      ...(pairs
        ? [
            `"seeder, with CHECK constraints": the same seeder with the ${checks.count} CHECK constraints prisma/managed.sql puts on "users" (added on the empty table, untimed; dropped after), ${pairs} runs interleaved with ${pairs} more of the seeder on the bare table (median ${Math.round(summarize(bare).median)} rows/s); checksRatio compares those two medians. A stress figure, not the target: "users" has two pattern checks and no foreign key, the costliest CHECKs per row of any table; the target is the platform's fixtures (next section).`,
          ]
        : []),
      ...(seedDatabase ? [] : ['No seeder (seed/seed-database.ts) in this code: the target is judged on a bare createMany.']),
      `table "users" of the platform schema (all its indexes), ${COLUMNS.length} columns given, ${rows.length} rows per run, emptied between runs.`,
      'The seeder gets the rows as fixtures (timestamps as ISO text) and a pg pool, as `DatabaseClient.driver` is on a server; it writes COPY text in one transaction, with a savepoint per model and a fallback for rows already present.',
      'createMany: the Prisma client generated by the bench from the Prisma schema our generator emitted (the prisma-client peer), with @prisma/adapter-pg set up as the app does (CatalogTextClient).',
    ],
  }
}

/** The ADD and DROP statements of the users table's managed CHECK constraints in `root`'s prisma/managed.sql. */
function usersChecks(root: string): { add: string; drop: string; count: number } {
  const file = join(root, 'prisma', 'managed.sql')
  const checks = existsSync(file) ? managedStatements(readFileSync(file, 'utf8')).filter((s) => s.kind === 'check' && s.table === 'users') : []
  return { ...addAndDrop(checks), count: checks.length }
}

/** The rows as the seeder reads them from generated/fixtures: JSON values plus conversions. */
function asFixtures(rows: readonly UserRow[]) {
  const json = rows.map((row) => ({ ...row, createdAt: (row.createdAt as Date).toISOString(), updatedAt: (row.updatedAt as Date).toISOString() }))
  return { model: 'User', table: 'users', conversions: { createdAt: 'DateTime', updatedAt: 'DateTime' } as const, sequences: [], rows: json }
}

interface PrismaLike {
  readonly user: { createMany(args: { data: UserRow[] }): Promise<{ count: number }> }
  $disconnect(): Promise<void>
}

async function copyUsers(client: pg.Client, rows: readonly UserRow[]): Promise<void> {
  const stream = client.query(copyFrom(`COPY "users" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`))
  await pipeline(Readable.from(copyChunks(rows)), stream)
}

/** COPY text format: tab-separated, one row a line, backslash escapes. */
function* copyChunks(rows: readonly UserRow[]): Generator<string> {
  const escape = (v: string | number | Date) => (v instanceof Date ? v.toISOString() : String(v)).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
  for (let i = 0; i < rows.length; i += 1000) {
    yield rows.slice(i, i + 1000).map((row) => `${COLUMNS.map((c) => escape(row[c])).join('\t')}\n`).join('')
  }
}

const FIRST = ['Sam', 'Alex', 'Jordan', 'Priya', 'Chen', 'Maria', 'Tom', 'Aisha']
const LAST = ['Taylor', 'Smith', 'Patel', 'Nguyen', 'Garcia', 'Brown', 'Okafor', 'Kowalski']
const ROLES = ['USER', 'USER', 'USER', 'TRAINER', 'ADMIN']
const STATUSES = ['ACTIVE', 'ACTIVE', 'PENDING_VERIFICATION', 'SUSPENDED']

/** N deterministic users, valid for the platform's users table. */
export function users(count: number): UserRow[] {
  const created = new Date(Date.UTC(2026, 0, 5, 9))
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i.toString(36).padStart(24, '0')}`,
    email: `member${i}@example.com`,
    passwordHash: `$argon2id$v=19$m=65536,t=3,p=4$c2VlZHNhbHQ$${(i * 2654435761 >>> 0).toString(16).padStart(43, 'a')}`,
    firstName: FIRST[i % FIRST.length]!,
    lastName: LAST[(i * 7) % LAST.length]!,
    role: ROLES[i % ROLES.length]!,
    status: STATUSES[i % STATUSES.length]!,
    creditBalance: i % 20,
    createdAt: created,
    updatedAt: created,
  }))
}
