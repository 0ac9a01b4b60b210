// prisma/migrations/datamodel.lock: the Prisma schema the migrations in that folder produce, with the
// hash of those migrations. db:migrate diffs the next change from it (two schemas, no database)
// instead of replaying every migration to find out where they leave the database. It is written by
// db:migrate only, right after the migrations it describes; a migration edited, added by a merge or
// removed changes the hash, and the lock is then ignored until db:migrate has replayed them once.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomically } from '../file-lock.ts'
import { MIGRATIONS_DIR } from '../migration-history.ts'
import { migrationsVersion } from '../pglite-snapshot.ts'

export const DATAMODEL_LOCK = 'datamodel.lock'

const firstLine = (hash: string) => `// prisma/migrations ${hash}: the Prisma schema these migrations produce. Written by npm run db:migrate; do not edit.\n`

/** The Prisma schema the migrations in `dir` produce, or undefined when the lock is missing or names other migrations. */
export function readDatamodelLock(dir = MIGRATIONS_DIR): string | undefined {
  const file = join(dir, DATAMODEL_LOCK)
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  const head = firstLine(migrationsVersion(dir).hash)
  return text.startsWith(head) ? text.slice(head.length) : undefined
}

/** Records that the migrations now in `dir` produce the Prisma schema `datamodel`. */
export function writeDatamodelLock(datamodel: string, dir = MIGRATIONS_DIR): void {
  writeFileAtomically(join(dir, DATAMODEL_LOCK), firstLine(migrationsVersion(dir).hash) + datamodel)
}
