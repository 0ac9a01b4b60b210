import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { type DatabaseConfig, PACKAGE_ROOT, readDatabaseConfig } from './config.ts'
import { DatabaseSetupError } from './errors.ts'
import { DOTENV_SKIPPED_LINE } from './upstream/prisma-cli-env.ts'

/**
 * The Prisma CLI's script, resolved on first use: `prisma` is a devDependency (an optional peer of
 * the package), so a service that never migrates from its own process need not install it.
 */
function prismaCliPath(): string {
  try {
    return createRequire(import.meta.url).resolve('prisma/build/index.js')
  } catch {
    throw new DatabaseSetupError('The prisma CLI is not installed; a service that applies migrations itself (MIGRATE_DEPLOY_ON_START) must add it: npm install prisma@6.19.3')
  }
}

/** The environment that makes a child process (prisma.config.ts) select the same database as `config`. */
export function databaseEnv(config: DatabaseConfig, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // Delete rather than set undefined: spawn() would pass the string "undefined".
  const env = { ...base }
  for (const name of ['DATABASE_URL', 'PGLITE_DIR', 'DATABASE_SCHEMA', 'MIGRATE_DEPLOY_ON_START']) delete env[name]
  if (config.target.kind === 'pglite') env.PGLITE_DIR = config.target.dataDir
  else env.DATABASE_URL = config.target.url
  if (config.schema) env.DATABASE_SCHEMA = config.schema
  return env
}

export interface PrismaCliResult {
  readonly exitCode: number
  /** Captured stdout; empty when it went to the terminal. */
  readonly stdout: string
  /** Captured stderr (also when it was forwarded to the terminal). */
  readonly stderr: string
}

// The schema engine's span trace ("   0: sql_schema_connector::..." / "with migration_name=...").
const SPAN_TRACE = /^\s*\d+: \w+::|^\s*with \w+=/
// JS stack lines and span traces (kept with DEBUG), and a line that is untrue here: prisma.config.ts loads .env.
const STDERR_NOISE = new RegExp(`^\\s+at |${SPAN_TRACE.source}|${DOTENV_SKIPPED_LINE.source}`)

/**
 * The config for a CLI run that only computes SQL (migrate diff): an empty in-memory PGlite, for
 * every target. The CLI connects its adapter even then, and on the embedded database it must not
 * open the folder (one process at a time may hold it). On a server, `--from-migrations` would
 * replay the migrations in a shadow database there, and the WebAssembly schema engine of Prisma
 * 6.19 crashes ("RuntimeError: unreachable") describing a shadow database through the pg adapter
 * once it holds a CHECK constraint, leaving the shadow database behind; PGlite gives the same SQL
 * (tests/db/upstream/prisma-cli.test.ts and adapter-pg.test.ts keep both facts checked).
 */
export const sqlOnlyConfig = (config: DatabaseConfig = readDatabaseConfig({})): DatabaseConfig => ({ ...config, target: { kind: 'pglite', dataDir: 'memory://' } })

export interface PrismaCliExtras {
  /** Variables added to the child's environment. */
  readonly env?: NodeJS.ProcessEnv
}

/**
 * Runs the Prisma CLI in the package root against `config`'s database. `terminal` hands it stdin
 * and stdout (its prompts need them) and forwards stderr without the noise above; otherwise all
 * output is captured and returned.
 */
export function runPrismaCli(args: readonly string[], config: DatabaseConfig, terminal = false, extra: PrismaCliExtras = {}): Promise<PrismaCliResult> {
  const child = spawn(process.execPath, [prismaCliPath(), ...args], {
    cwd: PACKAGE_ROOT,
    env: { ...databaseEnv(config), ...extra.env },
    stdio: [terminal ? 'inherit' : 'ignore', terminal ? 'inherit' : 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr += `${line}\n`
    if (terminal && (process.env.DEBUG || !STDERR_NOISE.test(line))) process.stderr.write(`${line}\n`)
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }))
  })
}

/**
 * One line from Prisma's output that explains a failure: its "Error: ..." line (plus the next line
 * when that one is only a P-code or "external connector error") and the migration it names, else
 * the last line.
 */
export function prismaErrorLine(result: PrismaCliResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean)
  const at = lines.findIndex((l) => /^Error:/.test(l))
  if (at < 0) return lines.at(-1) ?? `prisma exited with code ${result.exitCode}`
  let message = lines[at]!.replace(/^Error:\s*/, '')
  const next = lines[at + 1]
  const saysNothing = message === '' || /^P\d{4}$/.test(message) || /connector error$/i.test(message)
  if (saysNothing && next && !SPAN_TRACE.test(next)) message += `: ${next}`
  const migration = lines.slice(at).join('\n').match(/migration_name="([^"]+)"/)?.[1]
  return migration ? `${message} (in migration ${migration})` : message
}

/**
 * Runs the Prisma CLI and returns its stdout; a non-zero exit becomes a one-line DatabaseSetupError
 * naming the command (`what`, default `prisma <args>`) and Prisma's own reason.
 */
export async function runPrismaOrThrow(args: readonly string[], config: DatabaseConfig, options: PrismaCliExtras & { terminal?: boolean; what?: string } = {}): Promise<string> {
  const result = await runPrismaCli(args, config, options.terminal, options)
  if (result.exitCode === 0) return result.stdout
  throw new DatabaseSetupError(`${options.what ?? `prisma ${args.join(' ')}`} failed (exit code ${result.exitCode}): ${prismaErrorLine(result)}`)
}

// The generated client (the schema's `output`) and a note of what it was generated from.
const CLIENT_DIR = join(PACKAGE_ROOT, 'src', 'generated', 'prisma')
const CLIENT_STAMP = join(CLIENT_DIR, '.pika-generated-from')

/** The schema's text and Prisma's version: all the generated client depends on. */
function clientSource(): string {
  const version = createRequire(import.meta.url)('prisma/package.json').version
  return createHash('sha256').update(`prisma ${version}\n${readFileSync(join(PACKAGE_ROOT, 'prisma', 'schema.prisma'), 'utf8')}`).digest('hex')
}

/** `prisma generate` (src/generated/prisma), noting what the client was generated from. */
export async function generatePrismaClient(config: DatabaseConfig, options: { terminal?: boolean } = {}): Promise<void> {
  const source = clientSource()
  await runPrismaOrThrow(['generate'], config, { ...options, what: 'prisma generate' })
  writeFileSync(CLIENT_STAMP, source)
}

/** True when the client was generated (by generatePrismaClient) from the current schema and Prisma. */
export function prismaClientIsCurrent(): boolean {
  return existsSync(CLIENT_STAMP) && readFileSync(CLIENT_STAMP, 'utf8') === clientSource()
}
