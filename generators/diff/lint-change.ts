// The downtime lint as part of the pull-request report: the migrations the change adds, linted on
// top of those the base revision already had, with the base models saying what the deployed
// service reads.
import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { isStoredField, type Ir } from '../ir/types.ts'
import type { LintFinding } from '../lint/lint-migrations.ts'
import { lintMigrationFolders } from '../lint/migration-files.ts'
import { localMigrationNames } from '../../src/db/migration-history.ts'
import type { Change } from './changes.ts'
import { migrationNamesAt } from './load-base.ts'

export interface LintSection {
  /** The migrations this change adds (linted). */
  readonly migrations: readonly string[]
  readonly findings: readonly LintFinding[]
  /** What could not be linted, in words. */
  readonly problems: readonly string[]
}

export async function lintChange(ref: string, migrationsDir: string, baseIr: Ir, changes: readonly Change[]): Promise<LintSection> {
  const touchesDatabase = changes.some((c) => c.database !== 'none')
  if (!existsSync(migrationsDir)) return { migrations: [], findings: [], problems: touchesDatabase ? [`no migrations folder \`${relative(process.cwd(), migrationsDir)}\`: the SQL of this change could not be linted`] : [] }
  const atBase = new Set(migrationNamesAt(ref, migrationsDir))
  const local = localMigrationNames(migrationsDir)
  const added = local.filter((name) => !atBase.has(name))
  if (added.length === 0) return { migrations: [], findings: [], problems: touchesDatabase ? ['the models change the database but this change adds no migration: run `npm run db:migrate -- --create-only`, commit it, and the lint reads it'] : [] }
  const result = await lintMigrationFolders(migrationsDir, local.filter((name) => atBase.has(name)), added, readersOf(baseIr))
  return { migrations: added, ...result }
}

/** `table` → model and `table.column` → field, as the deployed (base) service's client reads them. */
function readersOf(ir: Ir): Map<string, string> {
  const readers = new Map<string, string>()
  for (const model of ir.models) {
    readers.set(model.table, model.name)
    for (const field of model.fields) if (isStoredField(field)) readers.set(`${model.table}.${field.column}`, `${model.name}.${field.name}`)
  }
  return readers
}
