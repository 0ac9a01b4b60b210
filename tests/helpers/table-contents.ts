// Every table's rows and every sequence's position, in a canonical order, to compare a database
// with itself at another moment (say before a backup and after its restore).
export type SqlRows = (sql: string) => Promise<Record<string, unknown>[]>

const USER_SCHEMAS = `schemaname NOT IN ('pg_catalog', 'information_schema')`

export async function tableContents(rows: SqlRows): Promise<Record<string, unknown>> {
  const tables = await rows(`SELECT schemaname AS s, tablename AS t FROM pg_tables WHERE ${USER_SCHEMAS} ORDER BY 1, 2`)
  const out: Record<string, unknown> = {}
  for (const { s, t } of tables as { s: string; t: string }[]) {
    const name = `"${s}"."${t}"`
    // jsonb text is canonical (sorted keys), so ordering by it orders rows whatever the table's columns.
    const [row] = await rows(`SELECT coalesce(jsonb_agg(r ORDER BY r::text), '[]')::text AS j FROM (SELECT to_jsonb(x) AS r FROM ${name} x) q`)
    out[name] = JSON.parse(String(row!.j))
  }
  const sequences = await rows(`SELECT schemaname AS s, sequencename AS q, last_value::text AS v FROM pg_sequences WHERE ${USER_SCHEMAS} ORDER BY 1, 2`)
  for (const { s, q, v } of sequences as { s: string; q: string; v: string | null }[]) out[`sequence "${s}"."${q}"`] = v
  return out
}
