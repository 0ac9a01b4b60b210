// Backup and restore of the embedded database with PGlite's own data-dir dump: a gzipped tarball of
// the whole cluster folder, taken by the one instance that owns the folder, so it is consistent.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { DatabaseSetupError, firstLine } from '../errors.ts'
import { displayPath, openPGlite } from '../open-pglite.ts'
import { writeBytes } from './backup-files.ts'

export async function dumpPGlite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir)) throw new DatabaseSetupError(`there is no embedded database in ${displayPath(dataDir)} to back up; run npm start or npm run db:migrate first`)
  const db = await openPGlite(dataDir)
  try {
    const tarball = await db.dumpDataDir('gzip')
    writeBytes(file, new Uint8Array(await tarball.arrayBuffer()))
  } finally {
    await db.close()
  }
}

/** How many tables the embedded database holds outside PostgreSQL's own schemas (0 when there is none yet). */
export async function countPGliteTables(dataDir: string): Promise<number> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) return 0
  const db = await openPGlite(dataDir)
  try {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'`,
    )
    return rows[0]!.n
  } finally {
    await db.close()
  }
}

/**
 * Replaces the folder with the backup's cluster. PGlite loads a data-dir dump only into a new folder,
 * so it is loaded beside the old one first and swapped in when it opened: a bad file changes nothing.
 */
export async function restorePGlite(dataDir: string, file: string): Promise<void> {
  const tarball = new Blob([readFileSync(file)], { type: 'application/x-gzip' })
  const incoming = `${dataDir}.restoring`
  rmSync(incoming, { recursive: true, force: true })
  try {
    const db = await PGlite.create(incoming, { loadDataDir: tarball })
    await db.query('SELECT 1')
    await db.close()
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true })
    throw new DatabaseSetupError(`${displayPath(file)} could not be loaded as an embedded database (${firstLine(error)}); is it a backup of the embedded database?`)
  }
  rmSync(dataDir, { recursive: true, force: true })
  renameSync(incoming, dataDir)
}
