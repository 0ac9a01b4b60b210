// db:backup and db:restore for whichever database the configuration names (server or embedded).
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseConfig } from '../config.ts'
import { DatabaseSetupError } from '../errors.ts'
import { displayPath } from '../open-pglite.ts'
import { describeTarget } from '../preflight.ts'
import { backupFileName, backupKindOf, type BackupSettings, pruneBackups, writeAtomically } from './backup-files.ts'
import { countPGliteTables, dumpPGlite, restorePGlite } from './pglite-backup.ts'
import { countServerTables, dumpServer, restoreServer } from './server-backup.ts'

export interface BackupReport {
  readonly file: string
  readonly bytes: number
  /** Older backups of the same database deleted by the retention setting. */
  readonly pruned: readonly string[]
}

/** What names a database's backups: the server database (and schema), or `pglite`. */
function backupLabel(config: DatabaseConfig): string {
  if (config.target.kind === 'pglite') return 'pglite'
  const database = decodeURIComponent(new URL(config.target.url).pathname.slice(1)) || 'postgres'
  return config.schema ? `${database}_${config.schema}` : database
}

/** Writes a timestamped backup into settings.dir, then prunes this database's older backups. */
export async function backupDatabase(config: DatabaseConfig, settings: BackupSettings, now = new Date()): Promise<BackupReport> {
  const { target } = config
  const label = backupLabel(config)
  const file = join(settings.dir, backupFileName(label, target.kind, now))
  await writeAtomically(file, (temporary) =>
    target.kind === 'pglite' ? dumpPGlite(target.dataDir, temporary) : dumpServer(target.url, config.schema, temporary))
  const pruned = pruneBackups(settings.dir, label, target.kind, settings.keep)
  return { file, bytes: statSync(file).size, pruned }
}

/** How many tables the configured database holds: restore wants 0 unless forced. */
export function countTables(config: DatabaseConfig): Promise<number> {
  const { target } = config
  return target.kind === 'pglite' ? countPGliteTables(target.dataDir) : countServerTables(target.url, config.schema)
}

/**
 * Restores `file` into the configured database. A database that has tables is refused unless
 * `replace` (the CLI asks first, or takes --force), which drops its contents.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string, replace: boolean): Promise<void> {
  if (!existsSync(file)) throw new DatabaseSetupError(`no backup file ${displayPath(file)}`)
  const kind = backupKindOf(file)
  const { target } = config
  if (kind !== target.kind) {
    throw new DatabaseSetupError(`${displayPath(file)} is a backup of ${kind === 'pglite' ? 'the embedded database' : 'a PostgreSQL server'}, but the configured database is ${target.kind === 'pglite' ? 'the embedded one' : 'a server'}; set or unset DATABASE_URL to match`)
  }
  const tables = await countTables(config)
  if (tables > 0 && !replace) throw new DatabaseSetupError(`${describeTarget(config)} is not empty (${tables} tables); restore into an empty database, or pass --force to replace its contents`)
  if (target.kind === 'pglite') return restorePGlite(target.dataDir, file)
  return restoreServer(target.url, config.schema, file, replace)
}
