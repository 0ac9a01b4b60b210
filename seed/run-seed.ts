import { createPrisma, type DatabaseClient } from '../src/db/client.ts'
import type { DatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError } from '../src/db/errors.ts'
import { localMigrationNames, readAppliedMigrations } from '../src/db/migration-history.ts'
import { describeTarget } from '../src/db/preflight.ts'
import { readFixtures } from './read-fixtures.ts'
import { queryDriver, seedDatabase, type SeedDriver, type SeedReport } from './seed-database.ts'

/**
 * Seeds `config`'s database from generated/fixtures, printing a line per model and a summary; on
 * `open`, a client the caller keeps (and closes), else one of its own.
 */
export async function runSeed(config: DatabaseConfig, log: (line: string) => void = console.log, open?: DatabaseClient): Promise<SeedReport[]> {
  const started = performance.now()
  const fixtures = await readFixtures() // invalid fixtures fail here, before the database is opened
  const client = open ?? (await createPrisma({ ...config, migrateDeployOnStart: false }))
  try {
    await requireMigrated(client.driver, config)
    const width = Math.max(...fixtures.map((f) => f.model.length))
    const reports = await seedDatabase(client.driver, fixtures, (r) => log(`  ${r.model.padEnd(width)}  ${String(r.rows).padStart(5)} rows  ${r.inserted ? `${r.inserted} new` : 'already present'}`))
    const rows = reports.reduce((n, r) => n + r.rows, 0)
    const inserted = reports.reduce((n, r) => n + r.inserted, 0)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    log(inserted === 0
      ? `Nothing to do: all ${rows} fixture rows of ${reports.length} models are already in ${describeTarget(config)} (${seconds} s).`
      : `Seeded ${inserted} new rows (${rows - inserted} already present) of ${reports.length} models into ${describeTarget(config)} in ${seconds} s.`)
    return reports
  } finally {
    if (!open) await client.close()
  }
}

/** Seeding an unmigrated or half-migrated database would fail on a missing table; say what to run instead. */
async function requireMigrated(driver: SeedDriver, config: DatabaseConfig): Promise<void> {
  const applied = await readAppliedMigrations((sql) => queryDriver(driver, sql), config.schema)
  const done = new Set(applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name))
  const pending = localMigrationNames().filter((name) => !done.has(name))
  if (pending.length) {
    throw new DatabaseSetupError(`${describeTarget(config)} lacks ${pending.length} migration(s) (first: ${pending[0]}); run npm run db:migrate:deploy first`)
  }
}
