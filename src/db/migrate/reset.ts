// `db:migrate:reset`: empties the schema and applies every migration again, each atomically.
import type { SqlSession } from './session.ts'

/** Drops and recreates the schema the session works in (tables, types, extensions created in it). */
export async function emptySchema(s: SqlSession): Promise<string> {
  const [row] = await s.query<{ schema: string }>('SELECT current_schema() AS schema')
  const schema = row?.schema ?? 'public'
  await s.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"; SET search_path TO "${schema}"`)
  return schema
}
