import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Transaction as PGliteTransaction } from '@electric-sql/pglite'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { DatabaseClient } from '../src/db/client.ts'
import { DatabaseSetupError, firstLine } from '../src/db/errors.ts'
import { quoteIdentifier, quoteLiteral } from '../src/db/schema-sql.ts'
import type { Conversion, JoinRows, ModelFixtures } from './read-fixtures.ts'

/** Rows formatted per piece of COPY data: the server starts on the first piece while the next is built. */
export const CHUNK_ROWS = 1000

/** The connection the app's Prisma client runs on (`DatabaseClient.driver`): an embedded PGlite or a pg pool. */
export type SeedDriver = DatabaseClient['driver']

export interface SeedReport {
  readonly model: string
  /** Rows in the fixtures. */
  readonly rows: number
  /** Rows this run inserted; the rest were already there. */
  readonly inserted: number
}

/**
 * Loads the fixtures in order, in one transaction: a failure leaves the database as it was. Every
 * row has its key, so a row already present is skipped: running twice inserts nothing the second time.
 *
 * Rows go in with COPY, PostgreSQL's bulk path, on the connection under the app's Prisma client, not
 * through Prisma: the client's createMany builds every row in JavaScript and is ~20× slower than
 * COPY, and even one INSERT … SELECT FROM json_populate_recordset per 1,000 rows through Prisma's raw
 * queries reached only ~0.5× of COPY (Prisma reads every statement in its WebAssembly query
 * compiler, and the server inserts rows one by one where COPY inserts them in batches).
 */
export async function seedDatabase(driver: SeedDriver, fixtures: readonly ModelFixtures[], onModel: (report: SeedReport) => void = () => {}): Promise<SeedReport[]> {
  return inTransaction(driver, async (session) => {
    const reports: SeedReport[] = []
    const columns = await tableColumns(session, fixtures.map((m) => m.table))
    for (const model of fixtures) {
      const report = { model: model.model, rows: model.rows.length, inserted: await seedModel(session, model, columns.get(model.table) ?? []) }
      reports.push(report)
      onModel(report)
    }
    // Links last: a pair needs the rows of both models, and either may load after the other.
    for (const model of fixtures) {
      for (const [field, join] of Object.entries(model.links ?? {})) {
        const report = { model: `${model.model}.${field}`, rows: join.pairs.length, inserted: await seedLinks(session, `${model.model}.${field}`, join) }
        reports.push(report)
        onModel(report)
      }
    }
    return reports
  })
}

/**
 * One model's rows, in one COPY. COPY has no ON CONFLICT, so it is tried first as is: on a fresh
 * database no row conflicts, and the rows go straight into the table. If one is already there (a
 * unique violation), the model is undone to its savepoint and loaded again through a temporary
 * table, from which one INSERT … ON CONFLICT DO NOTHING takes the rows that are missing. A re-run
 * pays for that once per model.
 */
async function seedModel(session: Session, model: ModelFixtures, info: readonly ColumnInfo[]): Promise<number> {
  const layout = await copyLayout(session, model, info)
  const target = quoteIdentifier(model.table)
  await session.query('SAVEPOINT seed_model')
  let inserted: number
  try {
    inserted = await session.copy(target, layout.columns, copyText(model, layout))
  } catch (error) {
    if ((error as PgError).code !== UNIQUE_VIOLATION) throw seedingError(model, error as PgError)
    await session.query('ROLLBACK TO SAVEPOINT seed_model')
    inserted = await insertMissing(session, model, layout).catch((e: unknown) => {
      throw e instanceof DatabaseSetupError ? e : seedingError(model, e as PgError)
    })
  }
  await session.query('RELEASE SAVEPOINT seed_model')
  for (const column of model.sequences) {
    await session.query(`SELECT setval(pg_get_serial_sequence(${quoteLiteral(target)}, ${quoteLiteral(column)}), coalesce((SELECT max(${quoteIdentifier(column)}) FROM ${target}), 0) + 1, false)`)
  }
  return inserted
}

/** An implicit many-to-many relation's pairs into Prisma's join table; pairs already there are skipped. */
async function seedLinks(session: Session, what: string, join: JoinRows): Promise<number> {
  const columns = join.columns.map(quoteIdentifier).join(', ')
  let inserted = 0
  for (let start = 0; start < join.pairs.length; start += CHUNK_ROWS) {
    const values = join.pairs.slice(start, start + CHUNK_ROWS).map((pair) => `(${pair.map((v) => quoteLiteral(String(v))).join(', ')})`)
    inserted += await session.execute(`INSERT INTO ${quoteIdentifier(join.table)} (${columns}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`).catch((e: unknown) => {
      throw seedingError({ model: what }, e as PgError)
    })
  }
  return inserted
}

const UNIQUE_VIOLATION = '23505'
const STAGE = 'pg_temp.pika_seed_rows'

/** The rows into a temporary table of the same columns, then those not already there into the table. */
async function insertMissing(session: Session, model: ModelFixtures, layout: CopyLayout): Promise<number> {
  const columns = layout.columns.join(', ')
  await session.query(`CREATE TABLE ${STAGE} AS SELECT ${columns} FROM ${quoteIdentifier(model.table)} WITH NO DATA`)
  await session.copy(STAGE, layout.columns, copyText(model, layout))
  await refuseTakenUniqueValues(session, model, layout)
  const inserted = await session.execute(`INSERT INTO ${quoteIdentifier(model.table)} (${columns}) SELECT ${columns} FROM ${STAGE} ON CONFLICT DO NOTHING`)
  await session.query(`DROP TABLE ${STAGE}`)
  return inserted
}

interface UniqueIndex {
  readonly primary: boolean
  readonly columns: readonly string[]
}

/**
 * A fixture row whose key is not in the table but one of whose unique values is, in a row of the
 * database's own, would be dropped in silence by ON CONFLICT DO NOTHING, and the rows that refer to
 * it would then fail with a foreign-key error naming neither. Such a row stops the seed here,
 * naming both rows: the fixture's (file, row, key) and the database's (key), and the value they share.
 */
async function refuseTakenUniqueValues(session: Session, model: ModelFixtures, layout: CopyLayout): Promise<void> {
  const indexes = await session.query<{ primary: boolean; columns: string | string[] }>(
    `SELECT i.indisprimary AS primary, json_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = to_regclass($1) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
      GROUP BY i.indexrelid, i.indisprimary ORDER BY i.indexrelid`,
    [quoteIdentifier(model.table)],
  )
  const staged = new Set(layout.columns)
  const unique: UniqueIndex[] = indexes.map((i) => ({ primary: i.primary, columns: typeof i.columns === 'string' ? JSON.parse(i.columns) : i.columns }))
  const key = unique.find((i) => i.primary)?.columns
  if (!key || !key.every((c) => staged.has(quoteIdentifier(c)))) return // rows cannot be told apart by their key
  const pairs = (columns: readonly string[], alias: string) => columns.map((c) => `${quoteLiteral(c)}, ${alias}.${quoteIdentifier(c)}`).join(', ')
  const same = (columns: readonly string[], a: string, b: string) => columns.map((c) => `${a}.${quoteIdentifier(c)} = ${b}.${quoteIdentifier(c)}`).join(' AND ')
  const target = quoteIdentifier(model.table)
  const described = describeRows(model)
  for (const index of unique) {
    if (index.primary || !index.columns.every((c) => staged.has(quoteIdentifier(c)))) continue
    const clash = async (other: string, otherIsNotTheRow: string) =>
      (await session.query<{ fixture: unknown; other: unknown; value: unknown }>(
        `SELECT json_build_object(${pairs(key, 's')}) AS fixture, json_build_object(${pairs(key, 'o')}) AS other, json_build_object(${pairs(index.columns, 's')}) AS value
           FROM ${STAGE} s JOIN ${other} o ON ${same(index.columns, 's', 'o')} WHERE ${otherIsNotTheRow} LIMIT 1`,
      ))[0]
    const twice = await clash(STAGE, `NOT (${same(key, 's', 'o')})`)
    if (twice) {
      throw new DatabaseSetupError(
        `seeding ${model.model} failed, nothing was written: the fixture rows ${described(twice.fixture)} and ${described(twice.other)} both have ${described.values(twice.value)}, which must be unique. Fix the fixtures (npm run generate refuses this in seed rows)`,
      )
    }
    const taken = await clash(target, `NOT EXISTS (SELECT 1 FROM ${target} p WHERE ${same(key, 's', 'p')})`)
    if (taken) {
      throw new DatabaseSetupError(
        `seeding ${model.model} failed, nothing was written: the fixture row ${described(taken.fixture)} has ${described.values(taken.value)}, ` +
          `which the database already holds in another ${model.model} row (${described.values(taken.other)}); the fixture row cannot be inserted. ` +
          `Change or delete that database row, or change the fixture, and seed again`,
      )
    }
  }
}

/** `id="c…" (user.json row 3)` for a fixture row's key, and `email="a@b.c"` for column values, in field names. */
function describeRows(model: ModelFixtures) {
  const fieldOf = new Map(Object.entries(model.columns ?? {}).map(([field, column]) => [column, field]))
  const values = (json: unknown) =>
    Object.entries((typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>)
      .map(([c, v]) => `${fieldOf.get(c) ?? c}=${JSON.stringify(v)}`)
      .join(', ')
  const row = (key: unknown) => {
    const columns = Object.entries((typeof key === 'string' ? JSON.parse(key) : key) as Record<string, unknown>)
    const index = model.rows.findIndex((r) => columns.every(([c, v]) => String(r[fieldOf.get(c) ?? c]) === String(v)))
    const where = [model.file, index >= 0 ? `row ${index + 1}` : undefined].filter(Boolean).join(' ')
    return `${values(key)}${where ? ` (${where})` : ''}`
  }
  return Object.assign(row, { values })
}

// ---------------------------------------------------------------------------------------------
// Rows as COPY text

/** How a column reads its COPY text: as it is, as JSON text, or as an array literal (of JSON texts). */
export type ColumnKind = 'scalar' | 'json' | 'array' | 'json array'

/**
 * The columns of a model's COPY: every field any row gives, plus NOT NULL timestamps without a
 * default (Prisma's @updatedAt, which the client fills). Rows leave fields out; COPY cannot, so a
 * missing field is written as its column's default, which the server evaluates once for the
 * model. That is what a per-row default gives for every default the model language can declare:
 * constants and now() (the transaction's start, the same for every row); keys are always given.
 */
interface CopyLayout {
  readonly fields: readonly string[]
  /** Quoted column names, one per field. */
  readonly columns: readonly string[]
  readonly kinds: readonly ColumnKind[]
  readonly conversions: readonly (Conversion | undefined)[]
  /** The COPY field written when a row leaves the field out: its default's text, or `\N`. */
  readonly missing: readonly string[]
}

interface ColumnInfo {
  column_name: string
  column_default: string | null
  is_nullable: string
  data_type: string
  udt_name: string
}

/**
 * The columns of every table to seed, in one query of the catalog. information_schema.columns, once
 * per table, cost ~2.5 ms a table on a server (PostgreSQL plans the view again for every query):
 * most of a 24-model seed. `data_type` and `udt_name` keep information_schema's meaning ('ARRAY'
 * for arrays, else the type's name); a generated column has no default to fill.
 */
async function tableColumns(session: Session, tables: readonly string[]): Promise<Map<string, ColumnInfo[]>> {
  const rows = await session.query<ColumnInfo & { table_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name,
            CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS column_default,
            CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
            CASE WHEN t.typcategory = 'A' THEN 'ARRAY' ELSE format_type(a.atttypid, NULL) END AS data_type,
            t.typname AS udt_name
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
        AND c.relname = ANY ($1::text[]) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [[...new Set(tables)]],
  )
  const columns = new Map<string, ColumnInfo[]>()
  for (const { table_name, ...column } of rows) {
    if (!columns.has(table_name)) columns.set(table_name, [])
    columns.get(table_name)!.push(column)
  }
  return columns
}

async function copyLayout(session: Session, model: ModelFixtures, info: readonly ColumnInfo[]): Promise<CopyLayout> {
  if (info.length === 0) throw new DatabaseSetupError(`seeding: table ${model.table} does not exist; run npm run db:migrate:deploy first`)
  const byColumn = new Map(info.map((c) => [c.column_name, c]))
  const fieldOf = new Map(Object.entries(model.columns ?? {}).map(([field, column]) => [column, field]))
  const given = new Set<string>()
  for (const row of model.rows) for (const field in row) given.add(field)
  for (const c of info) if (stampedNow(c)) given.add(fieldOf.get(c.column_name) ?? c.column_name)

  const fields = [...given]
  const columns = fields.map((f) => model.columns?.[f] ?? f)
  const fill = columns.map((column) => {
    const c = byColumn.get(column)
    if (!c) return undefined // not a column: COPY names it in its error
    if (c.column_default === null) return stampedNow(c) ? 'now()' : undefined
    return /\bnextval\(/.test(c.column_default) ? undefined : c.column_default
  })
  const values = fill.some(Boolean) ? (await session.query<Record<string, string | null>>(`SELECT ${fill.map((e, i) => `(${e ?? 'NULL'})::text AS c${i}`).join(', ')}`))[0]! : {}
  return {
    fields,
    columns: columns.map(quoteIdentifier),
    kinds: columns.map((column) => kindOf(byColumn.get(column))),
    conversions: fields.map((f) => model.conversions[f]),
    missing: columns.map((_, i) => (values[`c${i}`] == null ? '\\N' : escapeCopy(values[`c${i}`]!))),
  }
}

/** A NOT NULL timestamp without a default: how Prisma declares @updatedAt, which its client fills. */
const stampedNow = (c: ColumnInfo) => c.column_default === null && c.is_nullable === 'NO' && c.data_type.startsWith('timestamp')

const kindOf = (c: ColumnInfo | undefined): ColumnKind =>
  c?.data_type === 'ARRAY' ? (/^_jsonb?$/.test(c.udt_name) ? 'json array' : 'array') : /^jsonb?$/.test(c?.data_type ?? '') ? 'json' : 'scalar'

/** COPY's text format: a line per row, tab-separated, `\N` for NULL, backslash escapes; in pieces of CHUNK_ROWS rows. */
function* copyText(model: ModelFixtures, layout: CopyLayout): Generator<string> {
  const { fields, kinds, conversions, missing } = layout
  for (let start = 0; start < model.rows.length; start += CHUNK_ROWS) {
    let text = ''
    for (const row of model.rows.slice(start, start + CHUNK_ROWS)) {
      for (let i = 0; i < fields.length; i++) {
        const value = row[fields[i]!]
        text += (i ? '\t' : '') + (value === undefined ? missing[i] : copyValue(value, kinds[i]!, conversions[i]))
      }
      text += '\n'
    }
    yield text
  }
}

/** One value as a COPY text field. Exported for its tests. */
export function copyValue(value: unknown, kind: ColumnKind, conversion: Conversion | undefined): string {
  if (value === null || value === undefined) return '\\N'
  if (kind === 'json') return escapeCopy(JSON.stringify(value))
  if (kind === 'array' || kind === 'json array') return escapeCopy(arrayLiteral(value as unknown[], kind, conversion))
  return escapeCopy(scalarText(value, conversion))
}

/** A JSON value in the text form PostgreSQL reads for its column: bytea as hex, the rest as it is. */
const scalarText = (value: unknown, conversion: Conversion | undefined): string =>
  conversion === 'Bytes' ? `\\x${Buffer.from(value as string, 'base64').toString('hex')}` : String(value)

/** `{"a","b",NULL}`: every element quoted, so no element text can be read as syntax. */
function arrayLiteral(values: readonly unknown[], kind: 'array' | 'json array', conversion: Conversion | undefined): string {
  const element = (v: unknown) =>
    v === null || v === undefined ? 'NULL' : `"${(kind === 'json array' ? JSON.stringify(v) : scalarText(v, conversion)).replace(/["\\]/g, '\\$&')}"`
  return `{${values.map(element).join(',')}}`
}

const COPY_SPECIAL = /[\\\t\n\r]/
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }
const escapeCopy = (text: string) => (COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text)

// ---------------------------------------------------------------------------------------------
// Errors

type PgError = { code?: string; detail?: string; where?: string }

/**
 * `seeding User (row 12) failed, nothing was written: …`. COPY names the line it failed on; a check
 * at the statement's end (a foreign key) and the INSERT of a re-run do not, so the message then
 * names the key the detail gives.
 */
function seedingError(model: Pick<ModelFixtures, 'model'>, e: PgError): Error {
  const line = e.where?.match(/\bCOPY [^,]+, line (\d+)/)?.[1]
  const detail = e.detail?.startsWith('Key (') ? ` (${e.detail.replace(/\.$/, '')})` : ''
  return new DatabaseSetupError(`seeding ${model.model}${line ? ` (row ${line})` : ''} failed, nothing was written: ${firstLine(e)}${detail}`)
}

// ---------------------------------------------------------------------------------------------
// One transaction on either driver

interface Session {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>
  /** Runs a statement; the rows it affected. */
  execute(sql: string): Promise<number>
  /** COPY `target` (`columns`) from the text pieces; the rows copied. */
  copy(target: string, columns: readonly string[], text: Iterable<string>): Promise<number>
}

/** The rows of one query on either driver (no Prisma client needed, so no query engine to start). */
export const queryDriver = <T = Record<string, unknown>>(driver: SeedDriver, sql: string): Promise<T[]> => inTransaction(driver, (session) => session.query<T>(sql))

async function inTransaction<T>(driver: SeedDriver, work: (session: Session) => Promise<T>): Promise<T> {
  if (!(driver instanceof pg.Pool)) return driver.transaction((tx) => work(pgliteSession(tx as PGliteTransaction))) // client.ts types it loosely, see EmbeddedDatabase
  const client = await driver.connect()
  try {
    await client.query('BEGIN')
    const result = await work(pgSession(client))
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

function pgSession(client: pg.PoolClient): Session {
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    execute: async (sql) => (await client.query(sql)).rowCount ?? 0,
    async copy(target, columns, text) {
      const stream = client.query(copyFrom(`COPY ${target} (${columns.join(', ')}) FROM STDIN`))
      await pipeline(Readable.from(text), stream)
      return stream.rowCount
    },
  }
}

/** PGlite reads COPY data from a Blob named /dev/blob; it is one process, so the whole text at once. */
function pgliteSession(tx: PGliteTransaction): Session {
  return {
    query: async (sql, params) => (await tx.query(sql, params)).rows as never,
    execute: async (sql) => (await tx.query(sql)).affectedRows ?? 0,
    copy: async (target, columns, text) =>
      (await tx.query(`COPY ${target} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([...text]) })).affectedRows ?? 0,
  }
}
