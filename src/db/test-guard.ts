import { type DatabaseConfig, readDatabaseConfig } from './config.ts'
import { DatabaseSetupError } from './errors.ts'
import { describeTarget } from './preflight.ts'
import { sameDatabase } from './same-database.ts'

/**
 * The test commands reset and seed their database without asking, so they refuse one that is also
 * the development database (same server and database, or the same folder).
 */
export function refuseDevelopmentAsTest(test: DatabaseConfig, development: DatabaseConfig = readDatabaseConfig()): void {
  if (!sameDatabase(test.target, development.target)) return
  const fix = test.target.kind === 'pglite' ? 'set PGLITE_DIR to another folder than the test one' : 'point TEST_DATABASE_URL at another database'
  throw new DatabaseSetupError(`the test database is the development database (${describeTarget(test)}); test commands wipe and seed it, so ${fix}`)
}
