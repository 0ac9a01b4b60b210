import type { DatabaseConfig } from './config.ts'
import { deploy, deployOnSession } from './migrate/deploy.ts'
import { openSession } from './migrate/session.ts'
import { describeTarget, preflightDatabase } from './preflight.ts'

/**
 * Applies pending prisma/migrations to `config`'s database, each in one transaction, after the same
 * checks as `npm run db:migrate:deploy`. Throws a one-line DatabaseSetupError on failure.
 * Must run while this process has NOT opened the PGlite folder (it opens and closes it).
 */
export async function deployMigrations(config: DatabaseConfig, variable = 'DATABASE_URL'): Promise<void> {
  const checks = { migrationHistory: true, createDatabase: false }
  if (config.target.kind !== 'pglite') {
    await preflightDatabase(config, variable, checks)
    await deploy(config, variable)
    return
  }
  // Opened once for the checks and the migrations: each start of the embedded database costs ~1 s.
  const session = await openSession(config, variable)
  try {
    await preflightDatabase(config, variable, checks, session)
    await deployOnSession(session, describeTarget(config))
  } finally {
    await session.close()
  }
}
