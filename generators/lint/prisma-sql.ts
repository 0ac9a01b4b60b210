// The SQL Prisma emits for a schema change: `prisma migrate diff --script`, exactly what
// `db:migrate` would write. One run takes seconds (the WebAssembly schema engine), so the result
// is cached by input in node_modules/.cache (git-ignored).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../../src/db/config.ts'
import { runPrismaOrThrow, sqlOnlyConfig } from '../../src/db/prisma-cli.ts'

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'pika-db')

/** The migration from the schema file `from` (or an empty database) to the schema file `to`. */
export async function prismaMigrationSql(from: string | undefined, to: string): Promise<string> {
  const key = createHash('sha256').update(`${from ? readFileSync(from, 'utf8') : '<empty>'}\0${readFileSync(to, 'utf8')}`).digest('hex').slice(0, 16)
  const cached = join(CACHE_DIR, `migration-${key}.sql`)
  if (existsSync(cached)) return readFileSync(cached, 'utf8')
  const source = from ? ['--from-schema-datamodel', from] : ['--from-empty']
  const sql = await runPrismaOrThrow(['migrate', 'diff', ...source, '--to-schema-datamodel', to, '--script'], sqlOnlyConfig(), { what: 'prisma migrate diff' })
  mkdirSync(CACHE_DIR, { recursive: true })
  const temporary = `${cached}.${process.pid}.tmp` // parallel runs may race: rename is atomic
  writeFileSync(temporary, sql)
  renameSync(temporary, cached)
  return sql
}
