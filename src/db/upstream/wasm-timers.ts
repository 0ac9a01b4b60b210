// Upstream: the WebAssembly schema engine (@prisma/schema-engine-wasm, run by the Prisma 6.19 CLI with
// `engine: 'js'`) arms 10 s timers that it never clears (no issue filed). Tested against the stock CLI
// by tests/db/upstream/prisma-cli.test.ts.

/**
 * A finished command would sit idle until those timers fire, so Node would exit up to a minute late.
 * Wraps `setTimeout` in the CLI process (prisma.config.ts only; the app closes PGlite explicitly
 * instead) and unrefs only the timers armed from a `wasm://` stack frame.
 */
export function unrefWasmTimers(): void {
  const setTimeoutOrig = globalThis.setTimeout
  globalThis.setTimeout = ((fn: (...a: any[]) => void, ms?: number, ...args: any[]) => {
    const timer = setTimeoutOrig(fn, ms, ...args)
    if (new Error().stack?.includes('wasm://')) timer.unref()
    return timer
  }) as typeof setTimeout
}
