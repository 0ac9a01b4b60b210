// The package from a service's seat: `npm pack`, the tarball installed into a fresh project (one
// `npm install`, shared by every check below), and there plain node, tsc, esbuild and vitest.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
/** The lowest zod the peer range admits: the service installs it, so the floor is what is tested. */
const ZOD_FLOOR = String(manifest.peerDependencies.zod).replace(/^\^/, '')
const tools = (names: string[]) => Object.fromEntries(names.map((n) => [n, manifest.devDependencies[n]]))
/** The Fastify route example of docs/api-types.md, compiled as part of the service. */
const DOCS_EXAMPLE = readFileSync(join(ROOT, 'docs', 'api-types.md'), 'utf8').match(/<!-- type-checked: [^\n]*-->\n```ts\n([\s\S]*?)```/)![1]!
const FASTIFY = '5.12.8' // only the docs example needs it

let work = ''
let service = ''
let packed: { filename: string; files: { path: string }[] }

function run(command: string, args: readonly string[], cwd = service) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` }
}
/** What src/main.ts prints: the client's values decoded from JSON, and encoded back. */
const SERVICE_OUTPUT = { target: 'postgres', role: 'ADMIN', price: '39.99', createdAt: true, wire: '2026-01-31T08:00:00.250Z', valid: true, setupError: true, client: 'function' }
const bin = (name: string) => join(service, 'node_modules', '.bin', name)

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pika-db-service-'))
  const pack = run('npm', ['pack', '--json', '--pack-destination', work], ROOT) // prepack builds dist/
  expect(pack.status, pack.output).toBe(0)
  packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0]
  service = join(work, 'service')
  cpSync(join(import.meta.dirname, 'service'), service, { recursive: true })
  writeFileSync(join(service, 'src', 'docs-example.ts'), DOCS_EXAMPLE)
  writeFileSync(join(service, 'package.json'), JSON.stringify({
    name: 'pika-service',
    private: true,
    type: 'module',
    dependencies: { '@pika/db': `file:../${packed.filename}`, zod: ZOD_FLOOR },
    devDependencies: { ...tools(['@types/node', 'esbuild', 'typescript', 'vitest']), fastify: FASTIFY },
  }))
  // --ignore-scripts: @prisma/client's postinstall looks for a schema to generate from; ours is built in.
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'])
  expect(install.status, install.output).toBe(0)
}, 600_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the packed package, installed in a service', () => {
  it('holds the compiled Prisma client and the migrations, and needs no devDependency', () => {
    const files = packed.files.map((f) => f.path)
    expect(files).toEqual(expect.arrayContaining(['dist/src/generated/prisma/client.js', 'dist/src/generated/prisma/client.d.ts', 'prisma/migrations/migration_lock.toml', 'schema/pika-model.schema.json']))
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([])
    expect(existsSync(join(service, 'node_modules', 'prisma'))).toBe(false)
    expect(readdirZod()).toBe(ZOD_FLOOR) // one zod, the service's: a peer, not a copy of our own
  })

  it('imports every entry point with plain node', () => {
    const result = run('node', ['imports.mjs'])
    expect(result.status, result.output).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      db: ['PrismaClient', 'Prisma', 'createPrisma', 'getPrisma'], zod: 'function', testing: 'function',
      openapiJson: true, openapiYaml: true, modelSchema: 'string', schemaPrisma: true, fixtures: true,
    })
  })

  it('requires the entry points from CommonJS', () => {
    const result = run('node', ['require.cjs'])
    expect(result.status, result.output).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({ client: 'function', zod: 'function', testing: 'function' })
  })

  it('type-checks and builds the service with tsc (nodenext, strictest settings), and the output runs', () => {
    expect(DOCS_EXAMPLE).toContain("from '@pika/db/zod'") // src/docs-example.ts is part of the build
    const tsc = run(bin('tsc'), ['-p', 'tsconfig.nodenext.json'])
    expect(tsc.output.trim()).toBe('')
    const main = run('node', ['build/main.js'])
    expect(main.status, main.output).toBe(0)
    expect(JSON.parse(main.stdout)).toEqual(SERVICE_OUTPUT)
  })

  it('type-checks the service under bundler resolution', () => {
    expect(run(bin('tsc'), ['-p', 'tsconfig.bundler.json']).output.trim()).toBe('')
  })

  it('bundles the service with esbuild into one file that runs on its own', () => {
    const outfile = join(work, 'bundle', 'main.mjs') // outside the service: no node_modules beside it
    const bundle = run(bin('esbuild'), ['src/main.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${outfile}`, '--log-level=error',
      // CommonJS dependencies (pg) call require() for Node's modules; an ESM bundle provides it.
      "--banner:js=import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);"])
    expect(bundle.output.trim()).toBe('')
    const main = run('node', [outfile], work)
    expect(main.status, main.output).toBe(0)
    expect(JSON.parse(main.stdout)).toEqual(SERVICE_OUTPUT)
  })

  it('runs service tests that use createTestDatabase() under vitest (soft delete included)', () => {
    const result = run(bin('vitest'), ['run', '--reporter=dot'])
    expect(result.status, result.output).toBe(0)
    expect(result.output).toMatch(/2 passed/)
  })
})

function readdirZod(): string {
  const nested = join(service, 'node_modules', '@pika', 'db', 'node_modules', 'zod')
  if (existsSync(nested)) return 'a nested copy'
  return JSON.parse(readFileSync(join(service, 'node_modules', 'zod', 'package.json'), 'utf8')).version
}
