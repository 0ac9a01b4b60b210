// db:migrate's scratch database: an in-memory copy of the migrated snapshot (what prisma/migrations
// build, the one createTestDatabase() copies), opened once per run. The rename step reads its
// catalog, the schema engine asks it for the server version, and the managed-objects step applies
// the migrations written since and compares what they leave with the models. Each of those used to
// start a PostgreSQL of its own and replay every migration into it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { localMigrationNames, MIGRATIONS_DIR } from '../migration-history.ts'
import { ensurePGliteSnapshot, keepAsPGliteSnapshot, openSnapshotCopy } from '../pglite-snapshot.ts'
import { forOneScript } from './migration-files.ts'

export interface MigratedCopy {
  readonly db: PGlite
  /** DATABASE_SCHEMA, which the snapshot's key holds. */
  readonly schema: string | undefined
  /** The migrations it holds, by folder name. */
  readonly applied: Set<string>
}

/** A copy of the database the migrations now in prisma/migrations build, in `schema` (DATABASE_SCHEMA). */
export async function openMigratedCopy(schema: string | undefined): Promise<MigratedCopy> {
  const applied = new Set(localMigrationNames())
  return { db: await openSnapshotCopy(await ensurePGliteSnapshot({ schema }), schema), schema, applied }
}

/** Applies the migrations written since the copy was opened (in folder order, as deploy does). */
export async function applyNewMigrations(copy: MigratedCopy): Promise<void> {
  for (const name of localMigrationNames()) {
    if (copy.applied.has(name)) continue
    await copy.db.exec(forOneScript(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8')))
    copy.applied.add(name)
  }
}

/**
 * At the end of a db:migrate that wrote migrations: the copy, with them applied, becomes the
 * snapshot of the new migrations version, so the next db:migrate (and createTestDatabase()) need
 * not build it (~1 s).
 */
export async function keepAsSnapshot(copy: MigratedCopy): Promise<void> {
  await applyNewMigrations(copy)
  await keepAsPGliteSnapshot(copy.db, { schema: copy.schema })
}
