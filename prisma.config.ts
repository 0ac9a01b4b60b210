// Prisma CLI configuration: Rust-free, so nothing is downloaded (see docs/prisma-offline.md).
import { defineConfig } from 'prisma/config'
import { migrateAdapter, unrefWasmTimers } from './src/db/upstream/migrate-adapters.ts'
import { loadDotenv, PGLITE_PLACEHOLDER_URL, readDatabaseConfig } from './src/db/config.ts'

unrefWasmTimers()
loadDotenv() // with a config file, Prisma no longer loads .env itself

const config = readDatabaseConfig()
// schema.prisma's `url = env("DATABASE_URL")` must be a postgresql:// URL even for PGlite, or the
// CLI falls back to the native engine and tries to download it. The adapter ignores the value.
if (config.target.kind === 'pglite') process.env.DATABASE_URL = PGLITE_PLACEHOLDER_URL

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js', // the WebAssembly schema engine, driven through the adapter below
  adapter: async () => migrateAdapter(config),
})
