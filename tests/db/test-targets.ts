// The targets the package's own database tests run on: PGlite always, plus PostgreSQL when
// TEST_DATABASE_URL is set. Each create() is createTestDatabase(), the helper services use.
import { createTestDatabase, disposeTestTemplates, type TestDatabase, type TestDatabaseOptions } from '../../src/testing/test-database.ts'

export type { TestDatabase, TestDatabaseOptions }

export interface TestTarget {
  readonly name: 'pglite' | 'postgres'
  /** A new migrated database (in `schema` if given) and a client with `log` levels. */
  create(options?: TestDatabaseOptions): Promise<TestDatabase>
  /** Releases what the target keeps between create() calls. */
  dispose(): Promise<void>
}

export function testTargets(): TestTarget[] {
  const url = process.env.TEST_DATABASE_URL?.trim()
  const pglite: TestTarget = { name: 'pglite', create: (options = {}) => createTestDatabase({ ...options, kind: 'pglite' }), dispose: disposeTestTemplates }
  if (!url) return [pglite]
  return [pglite, { name: 'postgres', create: (options = {}) => createTestDatabase({ ...options, kind: 'postgres', serverUrl: url }), dispose: async () => {} }]
}
