// Migrations on disk: which ones a change adds, and what their authors acknowledged. An
// acknowledgement lives beside migration.sql in `lint-acknowledged.yaml` (rule: reason), not in the
// SQL itself: editing an applied migration.sql changes its checksum and Prisma then asks to reset.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { type LintResult, lintMigrations, type MigrationInput } from './lint-migrations.ts'
import { loadSqlParser } from './parse-sql.ts'

export const ACKNOWLEDGEMENTS_FILE = 'lint-acknowledged.yaml'

/** Reads `<migration>/lint-acknowledged.yaml`: a map from rule to the reason its lock is acceptable. */
export function readAcknowledgements(folder: string): { acknowledged: Map<string, string>; problem?: string } {
  const file = join(folder, ACKNOWLEDGEMENTS_FILE)
  if (!existsSync(file)) return { acknowledged: new Map() }
  let data: unknown
  try {
    data = parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return { acknowledged: new Map(), problem: `${file}: not valid YAML (${(error as Error).message.split('\n')[0]})` }
  }
  if (data === null || data === undefined) return { acknowledged: new Map() }
  if (typeof data !== 'object' || Array.isArray(data)) return { acknowledged: new Map(), problem: `${file}: expected a map of rule: reason` }
  return { acknowledged: new Map(Object.entries(data).map(([rule, reason]) => [rule, typeof reason === 'string' ? reason : ''])) }
}

/**
 * Lints the migration folders `added` (in order) on top of the folders `existing` (in order).
 * `readers`: `table` / `table.column` → what the deployed service reads it as.
 */
export async function lintMigrationFolders(migrationsDir: string, existing: readonly string[], added: readonly string[], readers?: ReadonlyMap<string, string>): Promise<LintResult> {
  await loadSqlParser()
  const sqlOf = (name: string) => readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8')
  const problems: string[] = []
  const inputs: MigrationInput[] = added.map((name) => {
    const { acknowledged, problem } = readAcknowledgements(join(migrationsDir, name))
    if (problem) problems.push(problem)
    return { name, sql: sqlOf(name), acknowledged }
  })
  const result = lintMigrations(existing.map(sqlOf), inputs, readers)
  return { findings: result.findings, problems: [...problems, ...result.problems] }
}

/**
 * db:migrate's hook: prints the lint of the migration folders that appeared since `before` was
 * listed (to stderr; the command's result does not depend on it).
 */
export async function printLintOfNewMigrations(migrationsDir: string, before: readonly string[], now: readonly string[], display = 'prisma/migrations'): Promise<void> {
  const known = new Set(before)
  const added = now.filter((name) => !known.has(name))
  if (added.length === 0) return
  try {
    const { renderLintText } = await import('./render.ts')
    const result = await lintMigrationFolders(migrationsDir, before, added)
    process.stderr.write(renderLintText(result, display) || `migration lint: no lock or rewrite found in ${added.join(', ')}\n`)
  } catch (error) {
    process.stderr.write(`migration lint: could not run (${(error as Error).message})\n`)
  }
}
