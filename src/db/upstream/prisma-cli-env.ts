// Upstream: the Prisma 6.19 CLI's environment handling (no issue filed; see docs/prisma-offline.md).
// Tested against the stock CLI by tests/db/upstream/prisma-cli.test.ts.

/**
 * Prisma 6's schema needs `url = env("DATABASE_URL")` to resolve to a postgresql:// URL even when the
 * adapter talks to PGlite: without one the CLI falls back to the native engines and tries to download
 * them (getaddrinfo ENOTFOUND binaries.prisma.sh). prisma.config.ts sets this placeholder for PGlite;
 * the adapter ignores it, the `.invalid` host can never resolve, and readDatabaseConfig() maps this
 * exact URL back to PGlite, so a child process that inherits it still picks the embedded database.
 */
export const PGLITE_PLACEHOLDER_URL = 'postgresql://pglite@pglite.invalid/pglite'

/**
 * With a prisma.config.ts, Prisma stops loading `.env` and says so on stderr. prisma.config.ts loads
 * it itself (loadDotenv() in config.ts), so the line is untrue here and runPrismaCli() drops it.
 */
export const DOTENV_SKIPPED_LINE = /Prisma config detected, skipping environment variable loading/
