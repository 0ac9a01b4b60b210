import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import type { ProcessSpec } from './measure-process.ts'
import { REPO_ROOT } from './workspace.ts'

const PRISMA_CLI = createRequire(import.meta.url).resolve('prisma/build/index.js')

/**
 * Prisma's generate offline: with `engine: 'js'` in a prisma.config.ts the CLI uses its WebAssembly
 * engines and downloads nothing (without a config it fetches the native schema engine and fails with
 * ENOTFOUND binaries.prisma.sh). `generate` never calls the adapter; `url = env("DATABASE_URL")`
 * must still resolve to a postgresql:// URL, so a placeholder is set.
 */
const GENERATE_CONFIG = `import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    throw new Error('prisma generate needs no database')
  },
})
`

/** For \`migrate diff\` (the benchmark database's tables): the same, with a real adapter, run untimed. */
const DDL_CONFIG = `import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'

// The WebAssembly engine arms long timers it never clears; without unref the CLI idles ~10 s.
const setTimeoutOrig = globalThis.setTimeout
globalThis.setTimeout = ((fn, ms, ...args) => {
  const timer = setTimeoutOrig(fn, ms, ...args)
  if (new Error().stack?.includes('wasm://')) timer.unref()
  return timer
}) as typeof setTimeout

export default defineConfig({
  schema: 'prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true }),
})
`

const ZOD_GENERATOR = `
generator zod {
  provider = "zod-prisma-types"
  output   = "../src/generated/zod"
}
`

export type PeerKind = 'prisma-client' | 'prisma-client+zod-prisma-types'
export const PEER_KINDS: readonly PeerKind[] = ['prisma-client+zod-prisma-types', 'prisma-client']

/**
 * A peer project in `dir`: a copy of the Prisma schema our generator emitted (its client generator
 * kept: output ../src/generated/prisma, engineType client), plus zod-prisma-types for that kind.
 */
export function preparePeer(dir: string, schemaPath: string, kind: PeerKind): ProcessSpec {
  mkdirSync(join(dir, 'prisma'), { recursive: true })
  const schema = readFileSync(schemaPath, 'utf8')
  writeFileSync(join(dir, 'prisma', 'schema.prisma'), kind === 'prisma-client' ? schema : schema + ZOD_GENERATOR)
  writeFileSync(join(dir, 'prisma.config.ts'), GENERATE_CONFIG)
  writeFileSync(join(dir, 'prisma.ddl.config.ts'), DDL_CONFIG)
  const generated = join(dir, 'src', 'generated')
  return {
    command: process.execPath,
    args: [PRISMA_CLI, 'generate'],
    cwd: dir,
    env: prismaEnv('postgresql://placeholder@localhost/placeholder'),
    before: () => rmSync(generated, { recursive: true, force: true }),
    verify: () => {
      const expected = [join(generated, 'prisma', 'client.ts'), ...(kind === 'prisma-client' ? [] : [join(generated, 'zod', 'index.ts')])]
      const missing = expected.filter((f) => !existsSync(f))
      return missing.length ? `prisma generate exited 0 but did not write ${missing.join(', ')}` : undefined
    },
  }
}

/**
 * As `npx prisma` would run: node_modules/.bin on PATH (Prisma starts the zod-prisma-types generator
 * by its bin name), no update-check or telemetry request (this machine is offline), the URL given.
 */
export function prismaEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' }
  env.PATH = [join(REPO_ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter)
  for (const name of ['PGLITE_DIR', 'DATABASE_SCHEMA', 'PRISMA_SCHEMA_ENGINE_BINARY', 'PRISMA_QUERY_ENGINE_LIBRARY']) delete env[name]
  return env
}

export const PRISMA_CLI_PATH = PRISMA_CLI
