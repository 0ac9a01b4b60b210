// `npm run db:archive`: moves rows past their model's `archive:` policy into the archive tables,
// in batches of ARCHIVE_BATCH_SIZE rows, each its own transaction; safe to stop and re-run.
import { join } from 'node:path'
import { compileModels } from '../generators/pipeline.ts'
import { runArchive, readArchiveOptions } from '../src/db/archive/run-archive.ts'
import { archiveSchemaFor } from '../src/db/archive/archive-plan.ts'
import { loadDotenv, PACKAGE_ROOT, readDatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError, runScript } from '../src/db/errors.ts'
import { describeTarget } from '../src/db/preflight.ts'

await runScript('db:archive', async () => {
  loadDotenv()
  const config = readDatabaseConfig()
  const options = readArchiveOptions()
  const { ir } = compileModels(join(PACKAGE_ROOT, 'models'), PACKAGE_ROOT)
  if (!ir) throw new DatabaseSetupError('the models are invalid; run npm run generate to see why')
  const started = performance.now()
  const reports = await runArchive(ir, config, options, (r) =>
    console.log(`  ${r.model}: moved ${r.rows} rows older than ${r.cutoff.toISOString()} in ${r.batches} batch(es)`))
  const total = reports.reduce((n, r) => n + r.rows, 0)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (reports.length === 0) console.log('No model has an archive policy (archive: in models/*.yaml); nothing to do.')
  else console.log(`Archived ${total} rows of ${reports.length} model(s) from ${describeTarget(config)} into schema ${archiveSchemaFor(config.schema)} in ${seconds} s.`)
})
