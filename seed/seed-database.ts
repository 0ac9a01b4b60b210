import type { PrismaClient } from '../src/generated/prisma/client.ts'
import { DatabaseSetupError, firstLine } from '../src/db/errors.ts'
import type { Conversion, ModelFixtures } from './read-fixtures.ts'

/** Rows per statement: large enough to amortise round trips, small enough to keep one parameter modest. */
export const BATCH_SIZE = 5000

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
 * Each batch is one INSERT … SELECT FROM json_populate_recordset($1): the server turns a JSON array
 * into rows of the table's own type, so a batch costs one round trip and no per-row client work —
 * the client's createMany builds every row in JavaScript and is ~20× slower. Columns a row leaves
 * out take their defaults from a template row built from the table's column defaults.
 */
export async function seedDatabase(prisma: PrismaClient, fixtures: readonly ModelFixtures[], onModel: (report: SeedReport) => void = () => {}): Promise<SeedReport[]> {
  const reports: SeedReport[] = []
  await prisma.$transaction(
    async (tx) => {
      for (const model of fixtures) {
        const statement = await insertStatement(tx, model.table)
        const rows = model.rows.map((row) => columnRow(row, model))
        let inserted = 0
        for (let start = 0; start < rows.length; start += BATCH_SIZE) {
          try {
            inserted += await tx.$executeRawUnsafe(statement, JSON.stringify(rows.slice(start, start + BATCH_SIZE)))
          } catch (error) {
            throw new DatabaseSetupError(`seeding ${model.model} (rows ${start + 1}-${Math.min(rows.length, start + BATCH_SIZE)}) failed, nothing was written: ${describeError(error)}`)
          }
        }
        for (const column of model.sequences) {
          await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('${quote(model.table)}', '${column}'), coalesce((SELECT max(${quote(column)}) FROM ${quote(model.table)}), 0) + 1, false)`)
        }
        const report = { model: model.model, rows: rows.length, inserted }
        reports.push(report)
        onModel(report)
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  )
  return reports
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

interface ColumnInfo {
  column_name: string
  column_default: string | null
  is_nullable: string
  data_type: string
}

/**
 * `INSERT INTO t (all columns) SELECT … FROM json_populate_recordset(<template row>, $1)`. The
 * template holds each column's default (or now() for a NOT NULL timestamp without one, which is how
 * Prisma's @updatedAt columns are declared), so a key missing from a row means "use the default",
 * as it does for Prisma.
 */
async function insertStatement(tx: Transaction, table: string): Promise<string> {
  const columns = await tx.$queryRawUnsafe<ColumnInfo[]>(
    `SELECT column_name, column_default, is_nullable, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    table,
  )
  if (columns.length === 0) throw new DatabaseSetupError(`seeding: table ${table} does not exist; run npm run db:migrate:deploy first`)
  const names = columns.map((c) => quote(c.column_name)).join(', ')
  const template = columns
    .map((c) => c.column_default ?? (c.is_nullable === 'NO' && c.data_type.startsWith('timestamp') ? 'now()' : 'NULL'))
    .map((expression) => (/nextval\(/.test(expression) ? 'NULL' : expression)) // keys are always given
    .join(', ')
  return `INSERT INTO ${quote(table)} (${names}) SELECT ${names} FROM json_populate_recordset(ROW(${template})::${quote(table)}, $1::json) ON CONFLICT DO NOTHING`
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
