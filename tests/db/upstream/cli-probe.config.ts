// The Prisma CLI configuration tests/db/upstream/prisma-cli.test.ts runs the stock CLI with: none of
// prisma.config.ts's workarounds (no .env loading, no placeholder URL, timers left alone apart from
// unref), and a record of what they work around, written to PROBE_REPORT when the process exits.
import { writeFileSync } from 'node:fs'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { defineConfig } from 'prisma/config'
import { openEmptyPGlite } from '../../../src/db/pglite-snapshot.ts'
import { pgliteAdapter } from '../../../src/db/upstream/pglite-adapter.ts'

export interface ProbeReport {
  /** PROBE_DOTENV as the config saw it: the test's .env sets it. */
  readonly dotenv: string | null
  adapterCalls: number
  connects: number
  disposes: number
  /** Timers armed from a wasm:// frame, and whether they fired or were cleared before the process exited. */
  readonly wasmTimers: { ms: number; state: 'pending' | 'fired' | 'cleared' }[]
}

const report: ProbeReport = { dotenv: process.env.PROBE_DOTENV ?? null, adapterCalls: 0, connects: 0, disposes: 0, wasmTimers: [] }
process.on('exit', () => writeFileSync(process.env.PROBE_REPORT!, JSON.stringify(report)))

const setTimeoutOrig = globalThis.setTimeout
const clearTimeoutOrig = globalThis.clearTimeout
const armed = new WeakMap<object, ProbeReport['wasmTimers'][number]>()
globalThis.setTimeout = ((fn: (...a: any[]) => void, ms?: number, ...args: any[]) => {
  if (!new Error().stack?.includes('wasm://')) return setTimeoutOrig(fn, ms, ...args)
  const entry: ProbeReport['wasmTimers'][number] = { ms: ms ?? 0, state: 'pending' }
  report.wasmTimers.push(entry)
  const timer = setTimeoutOrig((...a: any[]) => {
    entry.state = 'fired'
    fn(...a)
  }, ms, ...args)
  armed.set(timer, entry)
  return timer.unref() // recorded, not waited for: the test reads what was still pending at exit
}) as typeof setTimeout
globalThis.clearTimeout = ((timer?: NodeJS.Timeout | string | number) => {
  const entry = typeof timer === 'object' ? armed.get(timer) : undefined
  if (entry?.state === 'pending') entry.state = 'cleared'
  return clearTimeoutOrig(timer)
}) as typeof clearTimeout

async function countingAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  report.adapterCalls++
  const factory = pgliteAdapter(await openEmptyPGlite([]))
  return {
    ...factory,
    connect: async () => {
      report.connects++
      const adapter = await factory.connect()
      const dispose = adapter.dispose.bind(adapter)
      adapter.dispose = () => {
        report.disposes++
        return dispose()
      }
      return adapter
    },
    connectToShadowDb: () => Promise.reject(new Error('the probed commands need no shadow database')),
  }
}

export default defineConfig({
  schema: process.env.PROBE_SCHEMA!,
  experimental: { adapter: true },
  engine: 'js',
  adapter: countingAdapter,
})
