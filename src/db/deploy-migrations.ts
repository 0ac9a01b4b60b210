import type { DatabaseConfig } from './config.ts'
import { deploy } from './migrate/deploy.ts'
import { preflightDatabase } from './preflight.ts'

/**
 * Applies pending prisma/migrations to `config`'s database, each in one transaction, after the same
 * checks as `npm run db:migrate:deploy`. Throws a one-line DatabaseSetupError on failure.
 * Must run while this process has NOT opened the PGlite folder (it opens and closes it).
 */
export async function deployMigrations(config: DatabaseConfig, variable = 'DATABASE_URL'): Promise<void> {
  await preflightDatabase(config, variable, { migrationHistory: true, createDatabase: false })
  await deploy(config, variable)
}
