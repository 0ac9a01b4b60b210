// db:archive on the configured database: every model with an `archive:` policy, one after another.
import type { Ir } from '../../../generators/ir/types.ts'
import type { DatabaseConfig } from '../config.ts'
import { DatabaseSetupError } from '../errors.ts'
import { openPGlite } from '../open-pglite.ts'
import { connectServer } from '../server-connection.ts'
import { planArchive } from './archive-plan.ts'
import { archiveTable, type ArchiveOptions, type MovedReport, type Query } from './move-rows.ts'

type Env = Readonly<Record<string, string | undefined>>

/** ARCHIVE_BATCH_SIZE (rows per transaction, default 1000) and ARCHIVE_PAUSE_MS (between batches, default 0). */
export function readArchiveOptions(env: Env = process.env, now = new Date()): ArchiveOptions {
  const number = (name: string, fallback: number, min: number) => {
    const text = env[name]?.trim()
    if (!text) return fallback
    if (/^\d+$/.test(text) && Number(text) >= min) return Number(text)
    throw new DatabaseSetupError(`${name} must be a whole number >= ${min}, got "${text}"`)
  }
  return { batchSize: number('ARCHIVE_BATCH_SIZE', 1000, 1), pauseMs: number('ARCHIVE_PAUSE_MS', 0, 0), now }
}

async function withQuery<T>(config: DatabaseConfig, use: (query: Query) => Promise<T>): Promise<T> {
  const { target } = config
  if (target.kind === 'pglite') {
    const db = await openPGlite(target.dataDir, config.schema)
    try {
      return await use((sql, params) => db.query<Record<string, any>>(sql, params as unknown[]).then((r) => r.rows))
    } finally {
      await db.close()
    }
  }
  const client = await connectServer(target.url, 'DATABASE_URL', config.schema)
  try {
    return await use((sql, params) => client.query(sql, params as unknown[]).then((r) => r.rows))
  } finally {
    await client.end()
  }
}

/** Archives every model with a policy; `onMoved` hears of each model when it is done. */
export async function runArchive(ir: Ir, config: DatabaseConfig, options: ArchiveOptions, onMoved: (report: MovedReport) => void = () => {}): Promise<MovedReport[]> {
  const plan = planArchive(ir, config.schema)
  return withQuery(config, async (query) => {
    const reports: MovedReport[] = []
    for (const table of plan) {
      const report = await archiveTable(query, table, config.schema ?? 'public', options)
      onMoved(report)
      reports.push(report)
    }
    return reports
  })
}
