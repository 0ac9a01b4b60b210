import type { PGlite } from '@electric-sql/pglite'

/** Everything about a database schema that a migration can change, as sorted text rows. */
export async function describeSchema(db: PGlite): Promise<Record<string, string[]>> {
  const rows = async (sql: string) => (await db.query<Record<string, unknown>>(sql)).rows.map((r) => Object.values(r).map(String).join(' | '))
  return {
    columns: await rows(`SELECT table_name, column_name, udt_name, is_nullable, coalesce(column_default, ''), coalesce(character_maximum_length, 0), coalesce(numeric_precision, 0), coalesce(numeric_scale, 0)
      FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2`),
    indexes: await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`),
    // NOT NULL is compared through is_nullable above; PostgreSQL 18 also lists it as a named constraint
    // whose name a column rename does not change, and which Prisma neither creates by name nor reads.
    constraints: await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND contype <> 'n' ORDER BY 1, 2`),
    // Managed by the generator (prisma/managed.sql), not by Prisma: descriptions on tables and columns.
    comments: await rows(`SELECT c.relname, coalesce(a.attname, ''), d.description FROM pg_description d
      JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
      WHERE c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2`),
    enums: await rows(`SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`),
  }
}
