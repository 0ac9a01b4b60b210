/**
 * A problem the user can fix (bad env value, unreachable server, damaged folder...).
 * The message is ONE line that says what is wrong and what to do; CLIs print it without a stack.
 */
export class DatabaseSetupError extends Error {
  override readonly name = 'DatabaseSetupError'
}

/**
 * No pooled connection could be had within DATABASE_POOL_TIMEOUT (pg's bare "timeout exceeded when
 * trying to connect"): the pool is too small for the load, or the server does not answer. `code` is
 * the one Prisma's own pool gives the same case: the client reports it as a
 * PrismaClientKnownRequestError with code P2024, so a service can answer it (say, with a 503).
 */
export class DatabasePoolTimeoutError extends Error {
  override readonly name = 'DatabasePoolTimeoutError'
  readonly code = 'P2024'
}

/** The first line of an error's message, for wrapping third-party errors into one-line messages. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'unknown error'
}

/**
 * Runs a command-line script's work and exits: 0 when it succeeds; 1 with one line on stderr when
 * it fails (a DatabaseSetupError's message as it is; anything else as an unexpected error, with its
 * trace only under DEBUG=1).
 */
export async function runScript(label: string, main: () => Promise<void>): Promise<never> {
  try {
    await main()
    process.exit(0)
  } catch (error) {
    const known = error instanceof DatabaseSetupError
    console.error(`${label}: ${known ? error.message : `unexpected error: ${firstLine(error)} (set DEBUG=1 for details)`}`)
    if (!known && process.env.DEBUG) console.error(error)
    process.exit(1)
  }
}
