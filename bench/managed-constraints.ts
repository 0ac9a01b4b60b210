// The CHECK constraints and indexes of a prisma/managed.sql, as the seeding benchmarks add and drop
// them around their runs (its COMMENTs cost a write nothing and are left out).

export interface ManagedStatement {
  readonly kind: 'check' | 'index'
  readonly table: string
  /** Quoted, as in the statement. */
  readonly name: string
  /** The CHECK's expression; for an index, the whole statement. */
  readonly expression: string
  readonly add: string
  readonly drop: string
}

const CHECK = /^ALTER TABLE ("([^"]+)") ADD CONSTRAINT ("[^"]+") CHECK \((.*)\);$/
const INDEX = /^CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?("[^"]+") ON "([^"]+)"/

export function managedStatements(sql: string): ManagedStatement[] {
  const statements: ManagedStatement[] = []
  for (const line of sql.split('\n')) {
    const check = CHECK.exec(line)
    if (check) statements.push({ kind: 'check', table: check[2]!, name: check[3]!, expression: check[4]!, add: line, drop: `ALTER TABLE ${check[1]} DROP CONSTRAINT ${check[3]};` })
    const index = INDEX.exec(line)
    if (index) statements.push({ kind: 'index', table: index[2]!, name: index[1]!, expression: line, add: line, drop: `DROP INDEX ${index[1]};` })
  }
  return statements
}

/** One script that adds the statements and one that drops them. */
export function addAndDrop(statements: readonly ManagedStatement[]): { add: string; drop: string } {
  return { add: statements.map((s) => s.add).join('\n'), drop: statements.map((s) => s.drop).join('\n') }
}
