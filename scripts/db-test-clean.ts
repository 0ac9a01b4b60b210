// `npm run db:test:clean`: drops the test databases that processes left on the TEST_DATABASE_URL
// server when they died before drop() (see src/testing/server-test-databases.ts for the rules).
import { loadDotenv } from '../src/db/config.ts'
import { runScript } from '../src/db/errors.ts'
import { describeUrl } from '../src/db/server-connection.ts'
import { cleanTestDatabases, testDatabasePrefix } from '../src/testing/server-test-databases.ts'

async function main(): Promise<void> {
  loadDotenv()
  const url = process.env.TEST_DATABASE_URL?.trim()
  if (!url) {
    console.log('db:test:clean: no TEST_DATABASE_URL; embedded test databases live in memory and leave nothing behind')
    return
  }
  const dropped = await cleanTestDatabases(url)
  const where = `${describeUrl(url)} (prefix ${testDatabasePrefix()}_)`
  console.log(dropped.length ? `db:test:clean: dropped ${dropped.length} leftover test database(s) on ${where}: ${dropped.join(', ')}` : `db:test:clean: nothing left over on ${where}`)
}

await runScript('db:test:clean', main)
