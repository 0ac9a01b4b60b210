import type { PrismaClient } from '../src/generated/prisma/client.ts'
import { DatabaseSetupError, firstLine } from '../src/db/errors.ts'
import { quoteIdentifier } from '../src/db/schema-sql.ts'
import type { Conversion, ModelFixtures } from './read-fixtures.ts'

/**
 * Rows per statement. Small enough that the server soon has work (it idles while the client prepares
 * a model's first batch, see insertRows), large enough that the fixed cost of a request stays small.
 * Seeding 10,000 and 20,000 rows, 1,000 to 2,000 did best; 500 or fewer and 5,000 were slower.
 */
export const BATCH_SIZE = 1000

export interface SeedReport {
  readonly model: string
  /** Rows in the fixtures. */
  readonly rows: number
  /** Rows this run inserted; the rest were already there. */
  readonly inserted: number
}

type Transaction = Pick<PrismaClient, '$executeRawUnsafe' | '$queryRawUnsafe'>

/**
 * Loads the fixtures in order, in one transaction through the Prisma client: a failure leaves the
 * database as it was. Every row has its key, so a row already present is skipped (ON CONFLICT DO
 * NOTHING): running twice inserts nothing the second time.
 *
 * Each batch is one INSERT … SELECT FROM json_populate_recordset(<JSON array>): the server turns a
 * JSON array into rows of the table's own type, so a batch costs one round trip and no per-row client
 * work — the client's createMany builds every row in JavaScript and is ~20× slower. Columns a row leaves
 * out take their defaults from a template row built from the table's column defaults.
 */
export async function seedDatabase(prisma: PrismaClient, fixtures: readonly ModelFixtures[], onModel: (report: SeedReport) => void = () => {}): Promise<SeedReport[]> {
  const reports: SeedReport[] = []
  await prisma.$transaction(
    async (tx) => {
      for (const model of fixtures) {
        const insert = await insertStatement(tx, model.table)
        // The server limits seeding, and ON CONFLICT DO NOTHING costs it ~20% more per row (it probes
        // every unique index first and inserts speculatively). So try without it: if no row
        // conflicts, the result is the same. If anything fails (a row already there, or any other
        // error), undo this model and insert it again with ON CONFLICT DO NOTHING, which skips what
        // is there and reports a real error. A re-run pays for one failed batch per model.
        await tx.$executeRawUnsafe('SAVEPOINT seed_model')
        let inserted = await insertRows(tx, model, (json) => insert(json, false)).catch(() => undefined)
        if (inserted === undefined) {
          await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT seed_model')
          inserted = await insertRows(tx, model, (json) => insert(json, true))
        }
        await tx.$executeRawUnsafe('RELEASE SAVEPOINT seed_model')
        for (const column of model.sequences) {
          await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('${quoteIdentifier(model.table)}', '${column}'), coalesce((SELECT max(${quoteIdentifier(column)}) FROM ${quoteIdentifier(model.table)}), 0) + 1, false)`)
        }
        const report = { model: model.model, rows: model.rows.length, inserted }
        reports.push(report)
        onModel(report)
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
  return reports
}

/**
 * Sends a model's batches so that Prisma's client work on a batch (~7 µs a row, mostly its
 * WebAssembly query compiler reading the request) overlaps the server inserting the batch before
 * it: awaited one by one, the two costs add up, and that alone kept seeding below ~0.4× the rows/s
 * of COPY. The connection still runs the statements one at a time, in order.
 *
 * After sending a batch we yield a whole event-loop turn (setImmediate), so that Prisma compiles and
 * sends it before we build the next: Prisma merges the requests a transaction makes in the same tick
 * into one batch request, compiled as a whole and run to the end before any of them returns, which
 * would undo the overlap. At most one batch waits behind the one the server is inserting, which
 * bounds memory and keeps within what pg allows (it deprecates queueing a query behind a waiting one).
 */
async function insertRows(tx: Transaction, model: ModelFixtures, statement: (json: string) => string): Promise<number> {
  const batches: Promise<number>[] = []
  for (let start = 0; start < model.rows.length; start += BATCH_SIZE) {
    const end = Math.min(model.rows.length, start + BATCH_SIZE)
    const rows = model.rows.slice(start, end).map((row) => columnRow(row, model))
    const batch = tx.$executeRawUnsafe(statement(JSON.stringify(rows))).catch((error: unknown) => {
      throw new DatabaseSetupError(`seeding ${model.model} (rows ${start + 1}-${end}) failed, nothing was written: ${describeError(error)}`)
    })
    batch.catch(() => {}) // awaited below, but may fail before that (once a batch fails, the transaction is aborted)
    batches.push(batch)
    await new Promise((resolve) => setImmediate(resolve))
    const previous = batches.at(-2)
    if (previous && !(await succeeds(previous))) break
  }
  // Every batch has settled before anything is thrown, so no statement is in flight when the caller
  // rolls back; the first failure is the cause, later ones only say the transaction was aborted.
  const results = await Promise.allSettled(batches)
  const failure = results.find((r) => r.status === 'rejected')
  if (failure) throw failure.reason
  return results.reduce((sum, r) => sum + (r as PromiseFulfilledResult<number>).value, 0)
}

const succeeds = (promise: Promise<unknown>) => promise.then(() => true, () => false)

/**
 * `text` as a dollar-quoted SQL literal, $seed$…$seed$, for a place where a literal may start. Such
 * a literal has no escapes: it ends at the first `$seed$` after the opening one, so it is exactly
 * `text` unless a `$seed$` starts inside `text`, either wholly inside it or as `text` ending in
 * `$seed` plus the closing delimiter's `$`. Both need `$seed` in `text`, so the tag grows (seed1,
 * seed2, …) until `$<tag>` occurs nowhere in `text`: then nothing in the data can end the literal
 * early, and so nothing in it can be read as SQL.
 */
export function dollarQuote(text: string): string {
  let tag = 'seed'
  for (let n = 1; text.includes(`$${tag}`); n++) tag = `seed${n}`
  return `$${tag}$${text}$${tag}$`
}

interface ColumnInfo {
  column_name: string
  column_default: string | null
  is_nullable: string
  data_type: string
}

/**
 * `INSERT INTO t (all columns) SELECT … FROM json_populate_recordset(<template row>, <rows>)`. The
 * template holds each column's default (or now() for a NOT NULL timestamp without one, which is how
 * Prisma's @updatedAt columns are declared), so a key missing from a row means "use the default",
 * as it does for Prisma.
 *
 * The rows' JSON is written into the SQL as a dollar-quoted literal (see dollarQuote), not bound as
 * a parameter. Prisma runs a raw query's parameters through its client: JSON-encodes them, encodes
 * that text again inside the request to its WebAssembly query compiler, which parses both and hands
 * the values back. A 1,000-row batch (340 KB) cost the client 11 ms of CPU as a parameter and 7 ms
 * inline; lexing the literal costs the server ~0.8 ms (~7% of its work on the batch). `json`, not
 * `jsonb`: jsonb was slower, its input builds a binary value that is read once and thrown away.
 */
async function insertStatement(tx: Transaction, table: string): Promise<(json: string, skipConflicts: boolean) => string> {
  const columns = await tx.$queryRawUnsafe<ColumnInfo[]>(
    `SELECT column_name, column_default, is_nullable, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    table,
  )
  if (columns.length === 0) throw new DatabaseSetupError(`seeding: table ${table} does not exist; run npm run db:migrate:deploy first`)
  const names = columns.map((c) => quoteIdentifier(c.column_name)).join(', ')
  const template = columns
    .map((c) => c.column_default ?? (c.is_nullable === 'NO' && c.data_type.startsWith('timestamp') ? 'now()' : 'NULL'))
    .map((expression) => (/nextval\(/.test(expression) ? 'NULL' : expression)) // keys are always given
    .join(', ')
  return (json, skipConflicts) =>
    `INSERT INTO ${quoteIdentifier(table)} (${names}) SELECT ${names} FROM json_populate_recordset(ROW(${template})::${quoteIdentifier(table)}, ${dollarQuote(json)}::json)${skipConflicts ? ' ON CONFLICT DO NOTHING' : ''}`
}

/** A fixture row keyed by column, with each value in the text form PostgreSQL reads from JSON. */
function columnRow(row: Record<string, unknown>, model: ModelFixtures): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(row)) {
    const conversion = model.conversions[field]
    out[model.columns?.[field] ?? field] = conversion && value !== null && value !== undefined ? toColumnValue(value, conversion) : value
  }
  return out
}

function toColumnValue(value: unknown, conversion: Conversion): unknown {
  if (Array.isArray(value)) return value.map((v) => toColumnValue(v, conversion))
  // bytea reads hex text; dates, decimals and big integers read their JSON text as they are.
  return conversion === 'Bytes' ? `\\x${Buffer.from(value as string, 'base64').toString('hex')}` : value
}

/** Prisma wraps driver errors in several lines; keep the line that says what failed. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  const reasons = lines.filter((l) => !/^Invalid `.*` invocation/.test(l) && !/^→?\s*\d+\s/.test(l))
  return reasons.find((l) => /constraint|violat|unique|foreign key|null value|does not exist|invalid/i.test(l)) ?? reasons.at(-1) ?? firstLine(error)
}
