// `npm start`: the whole job for a newcomer, on a fresh clone and no server — generate the outputs,
// generate the Prisma client while applying the migrations, seed, and say what is where. With DATABASE_URL
// set, the same steps target that server.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { generateOnce } from '../generators/generate.ts'
import { compileModels } from '../generators/pipeline.ts'
import { loadDotenv, PACKAGE_ROOT, readDatabaseConfig, type DatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError, runScript } from '../src/db/errors.ts'
import { describeTarget } from '../src/db/preflight.ts'
import { databaseEnv, generatePrismaClient, prismaClientIsCurrent } from '../src/db/prisma-cli.ts'
import { step as runStep } from '../src/db/progress.ts'
import { quoteIdentifier } from '../src/db/schema-sql.ts'
import type { DatabaseClient } from '../src/db/client.ts'

// Each step shows that it runs (a spinner and elapsed time on a terminal, a line otherwise): the
// first run of a fresh clone takes seconds per step.
const step = (title: string, work: () => Promise<unknown> | unknown) => runStep(title, work, { stream: process.stdout })

async function main(): Promise<void> {
  loadDotenv()
  const config = readDatabaseConfig()
  const modelsDir = join(PACKAGE_ROOT, 'models')
  // The committed migrations need nothing the other steps write, and applying them is the longest
  // step on a fresh clone (PostgreSQL's initdb for the embedded folder): it starts first, in a
  // process of its own (npm run db:migrate:deploy), while this one generates.
  const deploying = deployInBackground(config)
  deploying.catch(() => {}) // a failure is reported where it is awaited, after generating
  await step('generate the Prisma schema, zod, OpenAPI, fixtures and docs from models/', async () => {
    const outcome = await generateOnce({ modelsDir, outRoot: PACKAGE_ROOT, check: false, color: Boolean(process.stderr.isTTY) })
    if (outcome.report) process.stderr.write(outcome.report)
    if (outcome.exitCode !== 0) {
      await deploying.catch(() => {}) // not left running behind the message
      throw new DatabaseSetupError('the models are invalid; fix the problems above and rerun npm start')
    }
  })
  // `prisma generate` is a process of its own too, mostly start-up; a client generated from the
  // current schema is kept.
  const clientIsCurrent = prismaClientIsCurrent()
  const title = clientIsCurrent
    ? `apply the migrations to ${describeTarget(config)} (the Prisma client is up to date)`
    : `generate the Prisma client and apply the migrations to ${describeTarget(config)}, at once`
  await step(title, () => Promise.all([clientIsCurrent || generatePrismaClient(config), deploying]))
  // One connection for the seed and the summary; neither needs Prisma's query engine (~0.5 s to start).
  let client: DatabaseClient | undefined
  try {
    let seeded = 0
    await step('seed the fixtures', async () => {
      // Imported only now: they need the Prisma client generated above.
      const [{ createPrisma }, { runSeed }] = await Promise.all([import('../src/db/client.ts'), import('../seed/run-seed.ts')])
      client = await createPrisma({ ...config, migrateDeployOnStart: false })
      const reports = await runSeed(config, () => {}, client)
      seeded = reports.reduce((n, r) => n + r.inserted, 0)
    })
    await printSummary(config, client!, modelsDir, seeded)
  } finally {
    await client?.close()
  }
}

/**
 * `npm run db:migrate:deploy` for `config`'s database, as a child process; its output is shown only
 * when it fails, as the reason npm start stops.
 */
function deployInBackground(config: DatabaseConfig): Promise<void> {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'launch.mjs'), 'db', 'migrate:deploy'], {
    cwd: PACKAGE_ROOT,
    env: databaseEnv(config),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stdout.resume()
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) return resolve()
      // Its one-line reason, without its own "db migrate:deploy: " prefix.
      const reason = stderr.trim().split('\n').at(-1)?.replace(/^db migrate:deploy: /, '') || `npm run db:migrate:deploy exited with code ${code}`
      reject(new DatabaseSetupError(reason))
    })
  })
}

async function printSummary(config: DatabaseConfig, client: DatabaseClient, modelsDir: string, seeded: number): Promise<void> {
  const { ir } = compileModels(modelsDir, PACKAGE_ROOT)
  const { queryDriver } = await import('../seed/seed-database.ts')
  const rows: [string, string, number][] = []
  for (const model of ir!.models) {
    const [row] = await queryDriver<{ n: bigint | number | string }>(client.driver, `SELECT count(*) AS n FROM ${quoteIdentifier(model.table)}`)
    rows.push([model.name, model.table, Number(row!.n)])
  }
  const total = rows.reduce((n, [, , count]) => n + count, 0)
  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`\nPika database ready: ${describeTarget(config)}`)
  console.log(`${ir!.models.length} models (${rows.length} tables) and ${ir!.enums.length} enums from ${ir!.domains.length} model files; ${total} rows, ${seeded} of them seeded just now.\n`)
  for (const [name, table, count] of rows) console.log(`  ${name.padEnd(width)}  ${table.padEnd(28)} ${String(count).padStart(6)} rows`)
  console.log("\nNext: import { getPrisma } from '@pika/db' and the zod schemas from '@pika/db/zod'; docs/models.md is the catalog.")
}

await runScript('npm start', main)
