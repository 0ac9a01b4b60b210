import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import type { ModelFixtures } from '../seed/read-fixtures.ts'
import { addAndDrop, managedStatements } from './managed-constraints.ts'
import { inScratchDatabase } from './seeding.ts'
import { summarize, type Summary } from './stats.ts'

export interface PlatformSeedingOptions {
  /** Root of the code under test: its fixtures, prisma/managed.sql and seeder. */
  readonly root: string
  /** A peer project whose schema gives the tables (as in measureSeeding). */
  readonly peerDir: string
  readonly adminUrl: string
  /** How many copies of the committed fixtures one run seeds (default 50: ~9,500 rows). */
  readonly copies?: number
  /** ABBA pairs of runs without and with the managed constraints (default 15). */
  readonly pairs?: number
}

export type PlatformSeedingResult =
  | {
      readonly skipped: false
      readonly rows: number
      readonly tables: number
      readonly checks: number
      readonly indexes: number
      readonly rowsPerSecond: { readonly without: Summary; readonly with: Summary }
      /** Median rows/s with every managed CHECK and index in place / without them. */
      readonly ratio: number
    }
  | { readonly skipped: true; readonly reason: string }

/**
 * Seeding the platform's fixtures (generated/fixtures, every model, in load order) with the managed
 * constraints of prisma/managed.sql in place — every CHECK and every partial or expression unique
 * index — against the same tables with only what Prisma's schema makes. One copy of the fixtures is
 * ~190 rows, which the seeder loads in ~55 ms, mostly per-table round trips; to measure rows/s,
 * one run seeds `copies` copies, each with its own keys (and foreign keys) and its own values in
 * unique columns, so every row is a new row that every constraint and foreign key checks.
 */
export async function measurePlatformSeeding(options: PlatformSeedingOptions): Promise<PlatformSeedingResult> {
  const seederFile = join(options.root, 'seed', 'seed-database.ts')
  const readerFile = join(options.root, 'seed', 'read-fixtures.ts')
  const managedFile = join(options.root, 'prisma', 'managed.sql')
  if (![seederFile, readerFile, managedFile].every(existsSync)) return { skipped: true, reason: 'this code has no seeder, fixture reader or prisma/managed.sql' }
  return inScratchDatabase(options.adminUrl, options.peerDir, (url) => compareSeeding(url, seederFile, readerFile, managedFile, options))
}

async function compareSeeding(url: string, seederFile: string, readerFile: string, managedFile: string, options: PlatformSeedingOptions): Promise<PlatformSeedingResult> {
  const client = new pg.Client({ connectionString: url })
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  try {
    await client.connect()
    const { seedDatabase } = (await import(pathToFileURL(seederFile).href)) as typeof import('../seed/seed-database.ts')
    const { readFixtures } = (await import(pathToFileURL(readerFile).href)) as typeof import('../seed/read-fixtures.ts')
    const statements = managedStatements(readFileSync(managedFile, 'utf8'))
    const constraints = addAndDrop(statements)
    await client.query(constraints.add) // so that the unique columns include those of the managed indexes
    const unique = await uniqueColumns((sql) => client.query(sql))
    await client.query(constraints.drop)
    const fixtures = copiesOf(await readFixtures(join(options.root, 'generated', 'fixtures')), options.copies ?? 50, unique)
    const rows = fixtures.reduce((n, m) => n + m.rows.length, 0)
    const tables = fixtures.map((m) => `"${m.table}"`).join(', ')
    const timed = async (): Promise<number> => {
      await client.query(`TRUNCATE ${tables} CASCADE`)
      const started = performance.now()
      await seedDatabase(pool, fixtures)
      const ms = performance.now() - started
      const counts = await client.query(fixtures.map((m) => `SELECT count(*)::int AS n FROM "${m.table}"`).join(' UNION ALL '))
      const inserted = counts.rows.reduce((n: number, r: { n: number }) => n + r.n, 0)
      if (inserted !== rows) throw new Error(`the seeder inserted ${inserted} rows, expected ${rows}`)
      return (rows / ms) * 1000
    }
    // Added to the emptied tables and dropped after, outside the timed part.
    const withConstraints = async (): Promise<number> => {
      await client.query(constraints.add)
      try {
        return await timed()
      } finally {
        await client.query(constraints.drop)
      }
    }
    await timed() // warm-up: connection, plans, the tables' first pages
    await withConstraints()
    const without: number[] = []
    const within: number[] = []
    for (let pair = 0; pair < (options.pairs ?? 15); pair++) {
      if (pair % 2 === 0) {
        without.push(await timed())
        within.push(await withConstraints())
      } else {
        within.push(await withConstraints())
        without.push(await timed())
      }
    }
    const rowsPerSecond = { without: summarize(without), with: summarize(within) }
    return { skipped: false, rows, tables: fixtures.length, checks: statements.filter((s) => s.kind === 'check').length, indexes: statements.filter((s) => s.kind === 'index').length, rowsPerSecond, ratio: rowsPerSecond.with.median / rowsPerSecond.without.median }
  } finally {
    await client.end().catch(() => {})
    await pool.end()
  }
}

/** Table → the columns of its unique indexes other than the primary key, plain or inside an expression. */
export async function uniqueColumns(query: (sql: string) => Promise<{ rows: unknown[] }>): Promise<Map<string, Set<string>>> {
  const { rows } = (await query(`
    SELECT c.relname AS table, a.attname AS column
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum > 0
    WHERE i.indisunique AND NOT i.indisprimary AND c.relnamespace = 'public'::regnamespace
      AND (a.attnum = ANY (i.indkey) OR pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M'))`)) as { rows: { table: string; column: string }[] }
  const columns = new Map<string, Set<string>>()
  for (const row of rows) columns.set(row.table, (columns.get(row.table) ?? new Set()).add(row.column))
  return columns
}

/**
 * `copies` copies of the fixtures. Copy k > 0 changes every key (and every value equal to a key: the
 * foreign keys) and every value of a unique column, keeping each character in its class (digit,
 * a–f, g–z and their capitals), so values keep their formats, patterns and lengths. Keys change
 * after their first character (fixture keys often differ only at the end), unique values at their
 * end (where patterns rarely hold literals).
 */
export function copiesOf(fixtures: readonly ModelFixtures[], copies: number, unique: ReadonlyMap<string, ReadonlySet<string>>): ModelFixtures[] {
  const keys = new Set(fixtures.flatMap((m) => m.rows.map((r) => r.id)).filter((id): id is string => typeof id === 'string'))
  return fixtures.map((model) => {
    const uniqueHere = unique.get(model.table) ?? new Set()
    const rows = Array.from({ length: copies }, (_, k) =>
      model.rows.map((row) =>
        k === 0
          ? row
          : Object.fromEntries(
              Object.entries(row).map(([field, value]) => {
                if (typeof value !== 'string') return [field, value]
                if (keys.has(value)) return [field, shiftChars(value, k, 'start')]
                return [field, uniqueHere.has(model.columns?.[field] ?? field) ? shiftChars(value, k, 'end') : value]
              }),
            ),
      ),
    ).flat()
    // A collision in a unique column shows as a row the seeder skipped: the run counts the rows.
    if (new Set(rows.map((r) => r.id)).size !== rows.length) throw new Error(`copies of ${model.table} keys collide: change copiesOf`)
    return { ...model, rows }
  })
}

const CLASSES = ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEF', 'GHIJKLMNOPQRSTUVWXYZ']

/** Adds k, in mixed radix, to the first (after the first character) or last four alphanumeric characters. */
function shiftChars(value: string, k: number, where: 'start' | 'end'): string {
  const chars = [...value]
  const positions = chars.map((c, i) => i).filter((i) => i > 0 && CLASSES.some((cls) => cls.includes(chars[i]!)))
  let rest = k
  for (const i of (where === 'start' ? positions : positions.reverse()).slice(0, 4)) {
    const cls = CLASSES.find((c) => c.includes(chars[i]!))!
    chars[i] = cls[(cls.indexOf(chars[i]!) + (rest % cls.length)) % cls.length]!
    rest = Math.floor(rest / cls.length)
  }
  if (rest) throw new Error(`copy ${k} does not fit in ${value}`)
  return chars.join('')
}
