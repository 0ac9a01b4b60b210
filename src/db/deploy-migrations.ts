import type { DatabaseConfig } from './config.ts'
import { DatabaseSetupError } from './errors.ts'
import { preflightDatabase } from './preflight.ts'
import { prismaErrorLine, runPrismaCli } from './prisma-cli.ts'

/**
 * Applies pending prisma/migrations to `config`'s database (`prisma migrate deploy`), after the same
 * checks as `npm run db:migrate:deploy`. Throws a one-line DatabaseSetupError on failure.
 * Must run while this process has NOT opened the PGlite folder (the CLI opens it).
 */
export async function deployMigrations(config: DatabaseConfig, variable = 'DATABASE_URL'): Promise<void> {
  await preflightDatabase(config, variable, { migrationHistory: true, createDatabase: false })
  const result = await runPrismaCli(['migrate', 'deploy'], config)
  if (result.exitCode !== 0) throw new DatabaseSetupError(`prisma migrate deploy failed: ${prismaErrorLine(result)}`)
}
