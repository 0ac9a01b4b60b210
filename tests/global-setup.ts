// Builds the test-database templates once, before vitest starts its workers: otherwise the first
// test file of every worker waits on the build inside its own hook timeout.
import { prepareTestDatabases } from '../src/testing/test-database.ts'

export default async function setup(): Promise<void> {
  await prepareTestDatabases({ kind: 'pglite' })
  if (process.env.TEST_DATABASE_URL?.trim()) await prepareTestDatabases({ kind: 'postgres' })
}
