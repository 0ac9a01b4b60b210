// Prisma CLI configuration: Rust-free, so nothing is downloaded (see docs/prisma-offline.md).
import { defineConfig } from 'prisma/config'
// Every workaround used here lives in src/db/upstream/ (inventory: docs/prisma-offline.md).
import { loadDotenv, readDatabaseConfig } from './src/db/config.ts'
import { migrateAdapter } from './src/db/upstream/migrate-adapters.ts'
import { PGLITE_PLACEHOLDER_URL } from './src/db/upstream/prisma-cli-env.ts'
import { unrefWasmTimers } from './src/db/upstream/wasm-timers.ts'

unrefWasmTimers()
loadDotenv() // with a config file, Prisma no longer loads .env itself

const config = readDatabaseConfig()
// The datasource URL must be postgresql:// even for PGlite, or the CLI fetches native engines.
if (config.target.kind === 'pglite') process.env.DATABASE_URL = PGLITE_PLACEHOLDER_URL

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js', // the WebAssembly schema engine, driven through the adapter below
  adapter: async () => migrateAdapter(config),
})
