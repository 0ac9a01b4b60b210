import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts', 'tests/helpers/temp-cache-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Most test files wait on child processes (tsx, the Prisma CLI, pg_ctl) and on the database
    // rather than on their own CPU, so one worker per core leaves cores idle: vitest's default
    // (cores - 1) is a single worker on a 2-core machine. Three workers there took the suite
    // from 478 s to 211 s of wall time with the same result.
    maxWorkers: Math.max(3, availableParallelism()),
  },
})
