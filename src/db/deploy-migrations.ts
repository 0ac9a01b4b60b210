import type { DatabaseConfig } from './config.ts'
import { preflightDatabase } from './preflight.ts'
import { runPrismaOrThrow } from './prisma-cli.ts'

/**
 * Applies pending prisma/migrations to `config`'s database (`prisma migrate deploy`), after the same
 * checks as `npm run db:migrate:deploy`. Throws a one-line DatabaseSetupError on failure.
 * Must run while this process has NOT opened the PGlite folder (the CLI opens it).
 */
export async function deployMigrations(config: DatabaseConfig, variable = 'DATABASE_URL'): Promise<void> {
  await preflightDatabase(config, variable, { migrationHistory: true, createDatabase: false })
  await runPrismaOrThrow(['migrate', 'deploy'], config)
}
