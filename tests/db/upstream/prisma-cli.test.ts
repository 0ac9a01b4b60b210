// What prisma.config.ts, src/db/upstream/wasm-timers.ts, prisma-cli-env.ts, annotate-null-types.ts
// and the migrate adapters' allowExitOnIdle work around, checked against the stock Prisma CLI (run
// with tests/db/upstream/cli-probe.config.ts). When a "still so upstream" test fails, Prisma has
// changed and the workaround can go (see the inventory in docs/prisma-offline.md).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../../src/db/config.ts'
import { annotateNullTypes } from '../../../src/db/upstream/annotate-null-types.ts'
import { DOTENV_SKIPPED_LINE, PGLITE_PLACEHOLDER_URL } from '../../../src/db/upstream/prisma-cli-env.ts'
import type { ProbeReport } from './cli-probe.config.ts'

const PRISMA_CLI = createRequire(import.meta.url).resolve('prisma/build/index.js')
const PROBE_CONFIG = join(PACKAGE_ROOT, 'tests', 'db', 'upstream', 'cli-probe.config.ts')
// A Json field: the generated client then exports DbNull, JsonNull and AnyNull.
const SCHEMA = `generator client {
  provider   = "prisma-client"
  output     = "../generated"
  engineType = "client"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Probe {
  id   Int  @id
  data Json
}
`

let project: string
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'pika-prisma-cli-'))
  mkdirSync(join(project, 'prisma'))
  writeFileSync(join(project, 'prisma', 'schema.prisma'), SCHEMA)
  writeFileSync(join(project, '.env'), 'PROBE_DOTENV=loaded\n')
})
afterAll(() => rmSync(project, { recursive: true, force: true }))

/** The stock CLI in `project` (where its .env is), with `env` on top of a clean environment. */
function prisma(args: string[], env: Record<string, string>): { status: number | null; stdout: string; stderr: string; report: ProbeReport } {
  const reportFile = join(project, `report-${args[0]}.json`)
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DATABASE_|PGLITE_|PRISMA_|DEBUG$)/.test(name)))
  const run = spawnSync(process.execPath, [PRISMA_CLI, ...args, '--config', PROBE_CONFIG], {
    cwd: project,
    env: { ...base, PROBE_SCHEMA: join(project, 'prisma', 'schema.prisma'), PROBE_REPORT: reportFile, ...env },
    encoding: 'utf8',
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, report: JSON.parse(readFileSync(reportFile, 'utf8')) as ProbeReport }
}

describe('migrate diff, the only Migrate command db:* still runs through the CLI', () => {
  let run: ReturnType<typeof prisma>
  beforeAll(() => {
    run = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', join(project, 'prisma', 'schema.prisma'), '--script'], { DATABASE_URL: PGLITE_PLACEHOLDER_URL })
  })

  it('works on the WebAssembly engine with the placeholder URL', () => {
    expect(run.stderr).not.toMatch(/binaries\.prisma\.sh|Error/)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('CREATE TABLE "Probe"')
  })

  it('still so upstream: with a config file the CLI does not load .env (loadDotenv() in prisma.config.ts)', () => {
    expect(run.report.dotenv).toBeNull()
  })

  it('still so upstream: the WebAssembly engine leaves timers of 10 s or more pending (unrefWasmTimers)', () => {
    expect(run.report.wasmTimers.filter((t) => t.state === 'pending' && t.ms >= 10_000)).not.toEqual([])
  })

  it('still so upstream: the CLI connects its adapter even to compute SQL (sqlOnlyConfig: memory://)', () => {
    expect(run.report.connects).toBeGreaterThan(0)
  })

  it('still so upstream: the CLI never disposes the adapter it connected (allowExitOnIdle on the migrate pool)', () => {
    expect(run.report.disposes).toBe(0)
  })
})

it('still so upstream: without a postgresql:// DATABASE_URL the CLI fetches native engines (PGLITE_PLACEHOLDER_URL)', () => {
  // The mirror refuses at once, so the test never downloads anything even on a networked machine.
  const run = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', join(project, 'prisma', 'schema.prisma'), '--script'], { PRISMA_ENGINES_MIRROR: 'http://127.0.0.1:9' })
  expect(run.status).not.toBe(0)
  expect(run.stderr).toMatch(/request to http:\/\/127\.0\.0\.1:9\/.*(query_engine|schema-engine)/)
  expect(run.report.adapterCalls).toBe(0)
})

describe('generate', () => {
  let run: ReturnType<typeof prisma>
  const namespaceFile = () => join(project, 'generated', 'internal', 'prismaNamespace.ts')
  const declarationErrors = () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2023', module: 'nodenext', types: ['node'], strict: true, skipLibCheck: true, declaration: true, emitDeclarationOnly: true, rootDir: 'generated', outDir: 'out', allowImportingTsExtensions: true, rewriteRelativeImportExtensions: true },
      files: ['generated/client.ts'],
    }))
    const tsc = spawnSync(join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' })
    return { status: tsc.status, codes: new Set([...tsc.stdout.matchAll(/error (TS\d+)/g)].map((m) => m[1])) }
  }
  beforeAll(() => {
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(project, 'node_modules')) // for tsc: the client imports @prisma/client
    run = prisma(['generate'], { DATABASE_URL: PGLITE_PLACEHOLDER_URL })
  })

  it('still so upstream: it says it skipped .env, which prisma.config.ts loads itself (the line runPrismaCli drops)', () => {
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(DOTENV_SKIPPED_LINE)
  })

  it('still so upstream: its client cannot be compiled to .d.ts, TS4094 on DbNull/JsonNull/AnyNull (prisma/prisma#29549)', () => {
    const { status, codes } = declarationErrors()
    expect(status).not.toBe(0)
    expect(codes).toEqual(new Set(['TS4094']))
  })

  it('patched (annotateNullTypes): the annotated client compiles to .d.ts', () => {
    writeFileSync(namespaceFile(), annotateNullTypes(readFileSync(namespaceFile(), 'utf8')))
    expect(declarationErrors()).toEqual({ status: 0, codes: new Set() })
  })
})
