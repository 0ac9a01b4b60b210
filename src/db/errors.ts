/**
 * A problem the user can fix (bad env value, unreachable server, damaged folder...).
 * The message is ONE line that says what is wrong and what to do; CLIs print it without a stack.
 */
export class DatabaseSetupError extends Error {
  override readonly name = 'DatabaseSetupError'
}

/** The first line of an error's message, for wrapping third-party errors into one-line messages. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'unknown error'
}
