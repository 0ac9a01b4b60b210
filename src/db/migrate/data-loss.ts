// The steps of a generated migration that lose data or fail on a table that holds rows, read from
// Prisma's SQL (its `migrate diff --script` prints no warnings), with how many rows each one touches.
import { quoteIdentifier } from '../schema-sql.ts'
import type { SqlSession } from './session.ts'
import { splitSqlStatements } from './sql-statements.ts'

export interface DataLossRisk {
  /** What an explicit --accept-data-loss names: `table`, `table.column` or `Enum`. */
  readonly target: string
  /** What the step does to existing rows, in words. */
  readonly what: string
  /** SQL counting the rows the step touches (on the database before the migration), if there is one. */
  readonly countSql?: string
}

/** A quoted identifier in Prisma's SQL; group 1 is its text. */
export const IDENT = String.raw`"((?:[^"]|"")+)"`
/** A table name, maybe schema-qualified ("public"."users"): group 1 is the table, the last part. */
export const TABLE = String.raw`(?:"(?:[^"]|"")+"\.)?"((?:[^"]|"")+)"`
export const unquote = (q: string) => q.replaceAll('""', '"')

/** The tables `statements` create: steps on them touch no existing row. */
export const createdTables = (statements: readonly string[]): Set<string> => new Set(statements.flatMap((st) => {
  const m = new RegExp(`^CREATE TABLE ${TABLE}`, 'i').exec(st.replace(/--[^\n]*/g, '').trim())
  return m ? [unquote(m[1]!)] : []
}))

/** Every risky step in `sql`, in order; steps on a table the same script creates touch no existing row. */
export function dataLossRisks(sql: string): DataLossRisk[] {
  const statements = splitSqlStatements(sql).map((s) => s.sql)
  const created = createdTables(statements)
  return risksOf(statements).filter((r) => !created.has(r.target.split('.')[0]!))
}

function risksOf(statements: readonly string[]): DataLossRisk[] {
  const risks: DataLossRisk[] = []
  for (const statement of statements) {
    const text = statement.replace(/--[^\n]*/g, '')
    let m = new RegExp(`^DROP TABLE ${TABLE}`, 'i').exec(text.trim())
    if (m) {
      const t = unquote(m[1]!)
      risks.push({ target: t, what: `drops table ${t} and every row in it`, countSql: `SELECT count(*) AS n FROM ${quoteIdentifier(t)}` })
      continue
    }
    m = new RegExp(`^ALTER TABLE ${TABLE}`, 'i').exec(text.trim())
    if (m) risks.push(...alterTableRisks(unquote(m[1]!), text))
    m = new RegExp(`^CREATE UNIQUE INDEX ${IDENT} ON ${TABLE}\\s*\\(([^)]*)\\)`, 'i').exec(text.trim())
    if (m) {
      const t = unquote(m[2]!)
      const columns = m[3]!
      risks.push({
        target: t,
        what: `adds unique key ${unquote(m[1]!)} on ${t}(${columns.replaceAll('"', '')}), which fails while rows share a value`,
        countSql: `SELECT count(*) AS n FROM (SELECT 1 FROM ${quoteIdentifier(t)} GROUP BY ${columns} HAVING count(*) > 1) AS duplicated`,
      })
    }
    m = new RegExp(`^CREATE TYPE ${TABLE} AS ENUM`, 'i').exec(text.trim())
    if (m && m[1]!.endsWith('_new')) {
      const e = unquote(m[1]!).slice(0, -4)
      risks.push({ target: e, what: `recreates enum ${e} without some of its values; rows holding a removed value make it fail` })
    }
  }
  return risks
}

function alterTableRisks(t: string, text: string): DataLossRisk[] {
  const risks: DataLossRisk[] = []
  const table = quoteIdentifier(t)
  for (const m of text.matchAll(new RegExp(`DROP COLUMN ${IDENT}`, 'gi'))) {
    const c = unquote(m[1]!)
    risks.push({ target: `${t}.${c}`, what: `drops column ${t}.${c} and its values`, countSql: `SELECT count(*) AS n FROM ${table} WHERE ${quoteIdentifier(c)} IS NOT NULL` })
  }
  for (const m of text.matchAll(new RegExp(`ADD COLUMN\\s+${IDENT}([^,]*)`, 'gi'))) {
    if (!/NOT NULL/i.test(m[2]!) || /DEFAULT/i.test(m[2]!)) continue
    const c = unquote(m[1]!)
    risks.push({ target: `${t}.${c}`, what: `adds required column ${t}.${c} without a default, which fails while ${t} has rows`, countSql: `SELECT count(*) AS n FROM ${table}` })
  }
  for (const m of text.matchAll(new RegExp(`ALTER COLUMN ${IDENT} SET NOT NULL`, 'gi'))) {
    const c = unquote(m[1]!)
    risks.push({ target: `${t}.${c}`, what: `makes ${t}.${c} required, which fails while rows hold NULL there`, countSql: `SELECT count(*) AS n FROM ${table} WHERE ${quoteIdentifier(c)} IS NULL` })
  }
  for (const m of text.matchAll(new RegExp(`ALTER COLUMN ${IDENT} SET DATA TYPE ([^,;]+)`, 'gi'))) {
    const c = unquote(m[1]!)
    risks.push({ target: `${t}.${c}`, what: `changes the type of ${t}.${c} to ${m[2]!.trim()}, which may fail or cut values`, countSql: `SELECT count(*) AS n FROM ${table} WHERE ${quoteIdentifier(c)} IS NOT NULL` })
  }
  return risks
}

/** Each risk with the number of rows it touches in the database now (undefined where not countable). */
export async function countRisks<T extends { readonly countSql?: string }>(s: SqlSession, risks: readonly T[]): Promise<{ risk: T; rows: number | undefined }[]> {
  // One query at a time: a pg client runs them in turn anyway (and warns when asked to overlap them).
  const counted: { risk: T; rows: number | undefined }[] = []
  for (const risk of risks) {
    const rows = risk.countSql ? await s.query<{ n: unknown }>(risk.countSql).catch(() => undefined) : undefined // the table may not exist yet
    counted.push({ risk, rows: rows ? Number(rows[0]?.n) : undefined })
  }
  return counted
}
