import type { MachineInfo } from './machine.ts'
import type { ProcessMeasurement } from './measure-process.ts'
import type { ProfileSummary } from './profile-summary.ts'
import type { PlatformSeedingResult } from './platform-seeding.ts'
import type { SeedingResult } from './seeding.ts'
import type { TestDatabaseBench } from './test-databases.ts'
import type { DevLoopBench } from './dev-loop.ts'
import type { Summary } from './stats.ts'
import type { ValidationResult } from './validation.ts'
import type { CodecResult } from './codecs.ts'
import type { WatchResult } from './watch-latency.ts'

/** Tools timed as whole processes on one model set; `ours` is the reference for every ratio. */
export type Tool = 'ours' | 'ours: bundled launcher' | 'ours: cached' | 'npm run generate' | 'io floor' | 'prisma-client+zod-prisma-types' | 'prisma-client'

export interface SetResult {
  /** `platform` or `synthetic-<n>`. */
  readonly name: string
  readonly models: number
  readonly modelFiles: number
  readonly modelBytes: number
  /** Diagnostics of an in-process compile of the set; must be 0. */
  readonly diagnostics: number
  /** What our generator wrote, which the I/O floor reproduces. */
  readonly output: { readonly files: number; readonly bytes: number }
  readonly tools: Partial<Record<Tool, ProcessMeasurement>>
}

export interface Target {
  readonly name: string
  readonly goal: string
  readonly value: string
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined
}

export interface Results {
  readonly date: string
  readonly mode: 'full' | 'quick'
  readonly runs: number
  readonly machine: MachineInfo
  /** sourceFingerprint() at the start and the end of the run; equal when the code held still. */
  readonly fingerprint: { readonly start: string; readonly end: string }
  readonly sets: readonly SetResult[]
  readonly validation?: ValidationResult | { readonly error: string }
  readonly codecs?: CodecResult | { readonly error: string }
  /** In-process pipeline latency, and the real `generate --watch` process when it could be measured. */
  readonly watch: readonly (WatchResult & { readonly set: string; readonly process?: Summary | { readonly error: string } })[]
  readonly seeding?: SeedingResult
  /** The platform's fixtures with and without the managed constraints (#16's target). */
  readonly platformSeeding?: PlatformSeedingResult
  readonly testDatabases?: TestDatabaseBench | { readonly error: string }
  readonly devLoop?: DevLoopBench | { readonly error: string }
  readonly profile?: (ProfileSummary & { readonly set: string; readonly wallMs: number; readonly file: string }) | { readonly error: string }
  readonly targets: readonly Target[]
  readonly notes: readonly string[]
}
