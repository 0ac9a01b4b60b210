// The PostgreSQL extensions the schema lists (`extensions = [...]` in prisma/schema.prisma's
// datasource, generated from the models) as PGlite's own builds, so that every embedded database the
// package opens (the app's, the CLI's, shadows, test and rename-check databases) can CREATE them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Extension, PGliteOptions } from '@electric-sql/pglite'
import { PACKAGE_ROOT } from './config.ts'

const SCHEMA_FILE = join(PACKAGE_ROOT, 'prisma', 'schema.prisma')

/** The names in the datasource's `extensions = [a, b]`; none when the schema lists none. */
export function schemaExtensions(schemaText: string = readFileSync(SCHEMA_FILE, 'utf8')): string[] {
  const list = /^datasource\s+\w+\s*\{[^}]*?^\s*extensions\s*=\s*\[([^\]]*)\]/m.exec(schemaText)?.[1]
  return list ? list.split(',').map((e) => e.trim().replace(/\(.*\)$/, '')).filter(Boolean) : []
}

/** The extensions a script creates (`CREATE EXTENSION [IF NOT EXISTS] "name"`), e.g. migrations to replay. */
export function extensionsCreatedBy(sql: string): string[] {
  return [...new Set([...sql.matchAll(/CREATE EXTENSION\s+(?:IF NOT EXISTS\s+)?"?([\w-]+)"?/gi)].map((m) => m[1]!))]
}

/** PGlite.create() options that load `names` (default: the schema's) from @electric-sql/pglite/contrib. */
export async function pgliteExtensionOptions(names: readonly string[] = schemaExtensions()): Promise<PGliteOptions> {
  if (names.length === 0) return {}
  const entries = await Promise.all(names.map(async (name) => {
    const module = (await import(`@electric-sql/pglite/contrib/${name}`)) as Record<string, Extension>
    return [name, module[name]!] as const
  }))
  return { extensions: Object.fromEntries(entries) }
}
