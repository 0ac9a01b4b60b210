import type { DatabaseConfig } from './config.ts'
import { DatabaseSetupError } from './errors.ts'
import { checkAppliedChecksums, checkMigrationHistory, localMigrationNames, readAppliedMigrations, type SqlRows } from './migration-history.ts'
import { matchesChecksum, readLocalMigration } from './migrate/migration-files.ts'
import { displayPath, openPGlite } from './open-pglite.ts'
import { connectServer, describeUrl } from './server-connection.ts'
import type { SqlSession } from './migrate/session.ts'

export interface PreflightChecks {
  /** Refuse a database that is ahead of prisma/migrations or has a failed migration. */
  readonly migrationHistory: boolean
  /** `migrate dev` creates a shadow database, so a server role needs CREATEDB. */
  readonly createDatabase: boolean
}

/** "the embedded database in .pglite" / "postgres@host:5432/db", for messages. */
export function describeTarget(config: DatabaseConfig): string {
  const { target } = config
  return target.kind === 'pglite'
    ? `the embedded database in ${displayPath(target.dataDir)}`
    : `database ${describeUrl(target.url)}`
}

/**
 * Opens `config`'s database and checks it before the Prisma CLI gets it, so that common faults
 * become one-line DatabaseSetupErrors instead of CLI stack traces. `variable` names the env
 * variable the server URL came from. Writes nothing, except that PGlite creates a missing folder.
 * `open`: the embedded database the command already holds open (it cannot be opened twice).
 */
export async function preflightDatabase(config: DatabaseConfig, variable: string, checks: PreflightChecks, open?: SqlSession): Promise<void> {
  const { target } = config
  if (open?.kind === 'pglite') {
    if (checks.migrationHistory) await checkHistory((sql) => open.query(sql), config)
    return
  }
  if (target.kind === 'pglite') {
    const db = await openPGlite(target.dataDir, config.schema)
    try {
      if (checks.migrationHistory) await checkHistory((sql) => db.query(sql).then((r) => r.rows as never), config)
    } finally {
      await db.close()
    }
    return
  }
  const client = await connectServer(target.url, variable)
  try {
    const rows: SqlRows = (sql) => client.query(sql).then((r) => r.rows)
    if (checks.migrationHistory) await checkHistory(rows, config)
    if (checks.createDatabase) await checkCreateDatabase(rows, target.url)
  } finally {
    await client.end()
  }
}

async function checkHistory(rows: SqlRows, config: DatabaseConfig): Promise<void> {
  const applied = await readAppliedMigrations(rows, config.schema)
  const local = localMigrationNames()
  checkMigrationHistory(applied, local, describeTarget(config))
  const known = new Set(local)
  checkAppliedChecksums(applied, (m) => known.has(m.name) && m.checksum !== undefined && !matchesChecksum(readLocalMigration(m.name), m.checksum), describeTarget(config))
}

async function checkCreateDatabase(rows: SqlRows, url: string): Promise<void> {
  const [role] = await rows('SELECT rolname, rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user')
  if (role?.ok) return
  throw new DatabaseSetupError(
    `migrate dev needs a role that may create databases (for its shadow database), and ${describeUrl(url)} may not; ` +
      `run ALTER ROLE "${role?.rolname}" CREATEDB as a superuser, or create migrations elsewhere and use db:migrate:deploy here`,
  )
}
