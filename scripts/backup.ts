// `npm run db:backup` and `npm run db:restore -- <file> [--force]` (node scripts/launch.mjs backup <command>).
// Backups go to BACKUP_DIR (default backups/), the newest BACKUP_KEEP (default 7) of each database are kept.
import { resolve } from 'node:path'
import { backupDatabase, countTables, restoreDatabase } from '../src/db/backup/backup.ts'
import { readBackupSettings } from '../src/db/backup/backup-files.ts'
import { loadDotenv, readDatabaseConfig } from '../src/db/config.ts'
import { DatabaseSetupError, runScript } from '../src/db/errors.ts'
import { displayPath } from '../src/db/open-pglite.ts'
import { describeTarget } from '../src/db/preflight.ts'
import { confirmDataLoss } from './confirm.ts'

async function backup(): Promise<void> {
  const config = readDatabaseConfig()
  const settings = readBackupSettings()
  const started = performance.now()
  const report = await backupDatabase(config, settings)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`Backed up ${describeTarget(config)} to ${displayPath(report.file)} (${(report.bytes / 1024).toFixed(0)} KiB, ${seconds} s).`)
  if (report.pruned.length) console.log(`Deleted ${report.pruned.length} older backup(s) beyond BACKUP_KEEP=${settings.keep}: ${report.pruned.join(', ')}`)
}

async function restore(args: readonly string[]): Promise<void> {
  const files = args.filter((a) => !a.startsWith('--'))
  if (files.length !== 1) throw new DatabaseSetupError('name one backup file: npm run db:restore -- backups/pika-….dump [--force]')
  const file = resolve(files[0]!)
  const config = readDatabaseConfig()
  const tables = await countTables(config)
  const replace = tables > 0
  if (replace && !args.includes('--force')) {
    await confirmDataLoss(`${describeTarget(config)} is not empty (${tables} tables): restoring deletes ALL its data`, ` and replaces it with ${displayPath(file)}.`, `npm run db:restore -- ${files[0]} --force`)
  }
  await restoreDatabase(config, file, replace)
  console.log(`Restored ${displayPath(file)} into ${describeTarget(config)}.`)
}

const [command, ...args] = process.argv.slice(2)
await runScript(`db:${command ?? ''}`, async () => {
  loadDotenv()
  if (command === 'backup') return backup()
  if (command === 'restore') return restore(args)
  throw new DatabaseSetupError(`unknown command "${command ?? ''}"; use backup or restore`)
})
