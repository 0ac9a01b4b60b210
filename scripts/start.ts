// `npm start`: the whole job for a newcomer, on a fresh clone and no server — generate the outputs,
// generate the Prisma client while applying the migrations, seed, and say what is where. With DATABASE_URL
// set, the same steps target that server.
import { join } from 'node:path'
import { generateOnce } from '../generators/generate.ts'
import { compileModels } from '../generators/pipeline.ts'
import { loadDotenv, PACKAGE_ROOT, readDatabaseConfig, type DatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError, runScript } from '../src/db/errors.ts'
import { deployMigrations } from '../src/db/deploy-migrations.ts'
import { describeTarget } from '../src/db/preflight.ts'
import { generatePrismaClient, prismaClientIsCurrent } from '../src/db/prisma-cli.ts'
import { step as runStep } from '../src/db/progress.ts'

// Each step shows that it runs (a spinner and elapsed time on a terminal, a line otherwise): the
// first run of a fresh clone takes seconds per step.
const step = (title: string, work: () => Promise<unknown> | unknown) => runStep(title, work, { stream: process.stdout })

async function main(): Promise<void> {
  loadDotenv()
  const config = readDatabaseConfig()
  const modelsDir = join(PACKAGE_ROOT, 'models')
  await step('generate the Prisma schema, zod, OpenAPI, fixtures and docs from models/', async () => {
    const outcome = await generateOnce({ modelsDir, outRoot: PACKAGE_ROOT, check: false, color: Boolean(process.stderr.isTTY) })
    if (outcome.report) process.stderr.write(outcome.report)
    if (outcome.exitCode !== 0) throw new DatabaseSetupError('the models are invalid; fix the problems above and rerun npm start')
  })
  // Applying the migrations needs no client (it is this package's own SQL), so the two run at once:
  // `prisma generate` is a process of its own, mostly start-up. A client generated from the current
  // schema is kept.
  const clientIsCurrent = prismaClientIsCurrent()
  const title = clientIsCurrent
    ? `apply the migrations to ${describeTarget(config)} (the Prisma client is up to date)`
    : `generate the Prisma client and apply the migrations to ${describeTarget(config)}, at once`
  await step(title, () => Promise.all([clientIsCurrent || generatePrismaClient(config), deployMigrations(config)]))
  let seeded = 0
  await step('seed the fixtures', async () => {
    // Imported only now: the seeder and the client need the Prisma client generated above.
    const { runSeed } = await import('../seed/run-seed.ts')
    const reports = await runSeed(config, () => {})
    seeded = reports.reduce((n, r) => n + r.inserted, 0)
  })
  await printSummary(config, modelsDir, seeded)
}

async function printSummary(config: DatabaseConfig, modelsDir: string, seeded: number): Promise<void> {
  const { ir } = compileModels(modelsDir, PACKAGE_ROOT)
  const { createPrisma } = await import('../src/db/client.ts')
  const client = await createPrisma({ ...config, migrateDeployOnStart: false })
  try {
    const rows: [string, string, number][] = []
    for (const model of ir!.models) {
      const [row] = await client.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${model.table}"`)
      rows.push([model.name, model.table, Number(row!.n)])
    }
    const total = rows.reduce((n, [, , count]) => n + count, 0)
    const width = Math.max(...rows.map(([name]) => name.length))
    console.log(`\nPika database ready: ${describeTarget(config)}`)
    console.log(`${ir!.models.length} models (${rows.length} tables) and ${ir!.enums.length} enums from ${ir!.domains.length} model files; ${total} rows, ${seeded} of them seeded just now.\n`)
    for (const [name, table, count] of rows) console.log(`  ${name.padEnd(width)}  ${table.padEnd(28)} ${String(count).padStart(6)} rows`)
    console.log("\nNext: import { getPrisma } from '@pika/db' and the zod schemas from '@pika/db/zod'; docs/models.md is the catalog.")
  } finally {
    await client.close()
  }
}

await runScript('npm start', main)
