// Migration SQL is read with libpg-query: PostgreSQL's own parser compiled to WebAssembly, so a
// statement means to the lint exactly what it means to the server (comments, quoting, several
// commands in one ALTER TABLE), which regular expressions over Prisma's text could not promise.
import { loadModule, parseSync, type Node } from 'libpg-query'

/** One statement of a migration file, with where it starts. */
export interface SqlStatement {
  readonly node: Node
  /** The statement's text without leading comments, on one line. */
  readonly text: string
  /** 1-based line of its first word in the file. */
  readonly line: number
}

export type ParsedSql = { readonly statements: readonly SqlStatement[] } | { readonly error: string; readonly line: number }

let loaded: Promise<void> | undefined
/** Loads the WebAssembly parser once (about half a second); parseSql needs it. */
export const loadSqlParser = (): Promise<void> => (loaded ??= loadModule())

/** Splits and parses a migration file. Call `loadSqlParser()` first. */
export function parseSql(sql: string): ParsedSql {
  const bytes = Buffer.from(sql, 'utf8') // the parser's locations are byte offsets
  const lineAt = (offset: number) => bytes.subarray(0, offset).toString('utf8').split('\n').length
  let result: { stmts?: { stmt?: Node; stmt_location?: number; stmt_len?: number }[] }
  try {
    result = parseSync(sql)
  } catch (error) {
    const position = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition ?? 0
    return { error: (error as Error).message, line: lineAt(position) }
  }
  const statements: SqlStatement[] = []
  for (const { stmt, stmt_location = 0, stmt_len } of result.stmts ?? []) {
    if (!stmt) continue
    const raw = bytes.subarray(stmt_location, stmt_len === undefined || stmt_len === 0 ? undefined : stmt_location + stmt_len).toString('utf8')
    const leading = raw.match(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/)![0]
    const text = raw.slice(leading.length).replace(/\s+/g, ' ').trim()
    statements.push({ node: stmt, text, line: lineAt(stmt_location + Buffer.byteLength(leading)) })
  }
  return { statements }
}
