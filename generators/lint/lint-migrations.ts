import { applyStatement, type Catalog, emptyCatalog } from './catalog.ts'
import { checkStatement } from './check-statement.ts'
import { parseSql } from './parse-sql.ts'
import { LINT_RULES, type LintRuleId } from './rules.ts'

/** A migration to lint, with the findings its authors acknowledged (rule → written reason). */
export interface MigrationInput {
  /** Its folder name, e.g. `20261130120000_add_gym_index`. */
  readonly name: string
  readonly sql: string
  readonly acknowledged?: ReadonlyMap<string, string>
}

export interface LintFinding {
  readonly rule: LintRuleId
  readonly migration: string
  /** 1-based line of the statement in migration.sql. */
  readonly line: number
  readonly statement: string
  readonly table: string
  readonly problem: string
  readonly lock: string
  readonly safe: string
  /** The written reason when the migration acknowledges this rule. */
  readonly acknowledged?: string
}

export interface LintResult {
  readonly findings: readonly LintFinding[]
  /** What stopped part of the lint (unparsable SQL, an acknowledgement without a reason), in words. */
  readonly problems: readonly string[]
}

/**
 * Lints the migrations a change adds, in order, against the database the earlier migrations built
 * (`history`: their SQL, in order). Call `loadSqlParser()` first.
 */
export function lintMigrations(history: readonly string[], migrations: readonly MigrationInput[], readers: ReadonlyMap<string, string> = new Map()): LintResult {
  const problems: string[] = []
  const base = emptyCatalog()
  for (const sql of history) replay(base, sql)
  const now = structuredClone(base)
  const findings: LintFinding[] = []
  for (const migration of migrations) {
    const parsed = parseSql(migration.sql)
    if ('error' in parsed) {
      problems.push(`${migration.name}/migration.sql:${parsed.line} does not parse (${parsed.error}); it was not linted`)
      continue
    }
    const own = parsed.statements.filter((s) => !('TransactionStmt' in s.node))
    for (const statement of parsed.statements) {
      for (const hit of checkStatement(statement.node, { base, now, readers, shared: own.length > 1 || own.length < parsed.statements.length })) {
        const { lock, safe } = LINT_RULES[hit.rule]
        const reason = migration.acknowledged?.get(hit.rule)?.trim()
        findings.push({ ...hit, migration: migration.name, line: statement.line, statement: statement.text, lock, safe, ...(reason ? { acknowledged: reason } : {}) })
      }
      applyStatement(now, statement.node)
    }
    for (const [rule, reason] of migration.acknowledged ?? []) {
      if (!(rule in LINT_RULES)) problems.push(`${migration.name}: acknowledges unknown rule \`${rule}\` (known: ${Object.keys(LINT_RULES).join(', ')})`)
      else if (!reason.trim()) problems.push(`${migration.name}: acknowledges \`${rule}\` without a reason; write why the lock is acceptable`)
    }
  }
  return { findings, problems }
}

function replay(catalog: Catalog, sql: string): void {
  const parsed = parseSql(sql)
  if ('statements' in parsed) for (const s of parsed.statements) applyStatement(catalog, s.node)
}

export const isOpen = (finding: LintFinding): boolean => finding.acknowledged === undefined
