// The safe sequence for a generated migration that loses data or fails on a table holding rows:
// instead of one migration, three (expand → data step → contract), written by db:migrate on request.
//   required column without default  add it nullable            → backfill        → SET NOT NULL
//   column dropped (moved elsewhere)  create the new table/column → copy the values → DROP COLUMN
//   enum value removed                (nothing)                  → map the values  → rewrite the enum
//   new unique key                    (nothing)                  → fix duplicates  → CREATE UNIQUE INDEX
// The data step is a placeholder the author fills in; until its `-- pika:fill-in` lines are gone,
// deploy applies nothing from it on (so the contract waits for the backfill).
import { quoteIdentifier, quoteLiteral } from '../schema-sql.ts'
import { createdTables, IDENT, TABLE, unquote } from './data-loss.ts'
import { FILL_IN_MARKER } from './migration-files.ts'
import { splitSqlStatements } from './sql-statements.ts'

/** One thing the data step must do, and how to count the rows it concerns. */
export interface DataTask {
  /** What --accept-data-loss would name for the one-migration way: `table.column`, `table` or `Enum`. */
  readonly targets: readonly string[]
  /** The task, in words, for the plan and the placeholder. */
  readonly what: string
  /** What the contract step then does, in words. */
  readonly contract: string
  /** SELECT count(*) AS n of the rows the data step has to handle (on the database before the change). */
  readonly countSql: string
  /** Commented example SQL for the placeholder. */
  readonly example: readonly string[]
}

export interface MigrationScripts {
  readonly up: string
  readonly down: string
}

export interface ExpandContractPlan {
  /** Everything that keeps existing rows valid: new tables and columns (nullable), indexes, keys. */
  readonly expand: MigrationScripts
  /** What moves to after the data step: SET NOT NULL, DROP COLUMN, enum rewrites, unique keys on old tables. */
  readonly contract: MigrationScripts
  readonly tasks: readonly DataTask[]
}

const q = quoteIdentifier
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface AlterTable {
  readonly table: string
  readonly clauses: string[]
}

/** `ALTER TABLE "t" a, b, c` → table and clauses (split at top-level commas, outside quotes and brackets). */
function parseAlterTable(statement: string): AlterTable | undefined {
  const m = new RegExp(`^ALTER TABLE (?:ONLY )?${TABLE}\\s+`, 'i').exec(statement)
  if (!m) return undefined
  const body = statement.slice(m[0].length)
  const clauses: string[] = []
  let depth = 0
  let quote: string | undefined
  let start = 0
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quote) { if (c === quote) quote = undefined; continue }
    if (c === "'" || c === '"') quote = c
    else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === ',' && depth === 0) { clauses.push(body.slice(start, i).trim()); start = i + 1 }
  }
  clauses.push(body.slice(start).trim())
  return { table: unquote(m[1]!), clauses: clauses.filter(Boolean) }
}

const alterStatement = (table: string, clauses: readonly string[]) => `ALTER TABLE ${q(table)} ${clauses.join(',\n')};`

/** The statements of Prisma's enum rewrite for `Enum` (CREATE TYPE "Enum_new" … DROP TYPE "Enum_old", then restored defaults), by index. */
function enumBlocks(statements: readonly string[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>()
  for (const [i, st] of statements.entries()) {
    const m = new RegExp(`^CREATE TYPE ${TABLE} AS ENUM`, 'i').exec(st)
    if (!m || !m[1]!.endsWith('_new')) continue
    const name = unquote(m[1]!).slice(0, -4)
    const end = statements.findIndex((s, j) => j > i && new RegExp(`^DROP TYPE ${TABLE}$`, 'i').exec(s)?.[1] === `${name}_old`)
    if (end < 0) continue
    const indexes = Array.from({ length: end - i + 1 }, (_, k) => i + k)
    for (let j = end + 1; j < statements.length && /^ALTER TABLE .* ALTER COLUMN "(?:[^"]|"")+" SET DEFAULT /is.test(statements[j]!); j++) indexes.push(j)
    blocks.set(name, indexes)
  }
  return blocks
}

/** Statements of `down` that belong to `Enum` (Prisma re-adds values with ADD VALUE, or rewrites the type). */
function enumStatements(statements: readonly string[], name: string): number[] {
  const block = enumBlocks(statements).get(name) ?? []
  const added = statements.flatMap((s, i) => (new RegExp(`^ALTER TYPE ${TABLE} ADD VALUE`, 'i').exec(s)?.[1] === name ? [i] : []))
  return [...block, ...added]
}

const statementsOf = (sql: string) => splitSqlStatements(sql).map((s) => s.sql.trim())

/**
 * The expand → data → contract split of a generated migration (`up`, and `down` its reverse), or
 * undefined when none of its steps needs one. Steps on tables the same script creates stay in expand.
 */
export function planExpandContract(up: string, down: string): ExpandContractPlan | undefined {
  const statements = statementsOf(up)
  const created = createdTables(statements)
  const downStatements = statementsOf(down)
  const downAlters = downStatements.map(parseAlterTable)
  const takenFromDown = new Set<string>() // `index` or `index:clause`
  /** Removes and returns the clause of down's ALTER TABLE `table` matching `pattern`. */
  const takeDownClause = (table: string, pattern: RegExp): string | undefined => {
    for (const [i, alter] of downAlters.entries()) {
      if (alter?.table !== table) continue
      const at = alter.clauses.findIndex((c, k) => !takenFromDown.has(`${i}:${k}`) && pattern.test(c))
      if (at >= 0) { takenFromDown.add(`${i}:${at}`); return alter.clauses[at] }
    }
    return undefined
  }
  const takeDownStatements = (indexes: readonly number[]) => indexes.filter((i) => !takenFromDown.has(`${i}`)).map((i) => { takenFromDown.add(`${i}`); return `${downStatements[i]!};` })

  const expand: string[] = []
  const contract: string[] = []
  const contractDown: string[] = []
  const tasks: DataTask[] = []
  const enumRewrites = enumBlocks(statements)
  const inEnumBlock = new Map([...enumRewrites].flatMap(([name, indexes]) => indexes.map((i) => [i, name] as const)))
  const expandDownExtra: string[] = [] // SET NOT NULL for re-added required columns, after the data step's reverse
  const dropped = new Map<string, string[]>() // table → columns moved out

  for (const [i, st] of statements.entries()) {
    const enumName = inEnumBlock.get(i)
    if (enumName !== undefined) {
      contract.push(`${st};`)
      if (enumRewrites.get(enumName)![0] !== i) continue
      contractDown.push(...takeDownStatements(enumStatements(downStatements, enumName)))
      tasks.push(...enumTasks(enumName, enumRewrites.get(enumName)!.map((k) => statements[k]!)))
      continue
    }
    const unique = new RegExp(`^CREATE UNIQUE INDEX ${IDENT} ON ${TABLE}\\s*\\(([^)]*)\\)`, 'i').exec(st)
    if (unique && !created.has(unquote(unique[2]!))) {
      const [index, table, columns] = [unquote(unique[1]!), unquote(unique[2]!), unique[3]!]
      contract.push(`${st};`)
      contractDown.push(...takeDownStatements(downStatements.flatMap((s, k) => (new RegExp(`^DROP INDEX ${TABLE}$`, 'i').exec(s)?.[1] === index ? [k] : []))))
      tasks.push({
        targets: [table],
        what: `make ${table}(${columns.replaceAll('"', '')}) unique: change or remove the rows that share a value`,
        contract: `adds unique key ${index}`,
        countSql: `SELECT coalesce(sum(n), 0) AS n FROM (SELECT count(*) AS n FROM ${q(table)} GROUP BY ${columns} HAVING count(*) > 1) AS duplicated`,
        example: [
          `-- The rows in question: SELECT ${columns}, count(*) FROM ${q(table)} GROUP BY ${columns} HAVING count(*) > 1;`,
          `-- e.g. keep the oldest of each group: DELETE FROM ${q(table)} a USING ${q(table)} b WHERE ${columns.split(',').map((c) => `a.${c.trim()} = b.${c.trim()}`).join(' AND ')} AND a.ctid > b.ctid;`,
        ],
      })
      continue
    }
    const alter = parseAlterTable(st)
    if (!alter || created.has(alter.table)) { expand.push(`${st};`); continue }
    const keep: string[] = []
    for (const clause of alter.clauses) {
      const table = alter.table
      let m = new RegExp(`^ADD COLUMN\\s+${IDENT}\\s+(.*)$`, 'is').exec(clause)
      if (m && /\bNOT NULL\b/i.test(m[2]!) && !/\bDEFAULT\b/i.test(m[2]!)) {
        const column = unquote(m[1]!)
        keep.push(clause.replace(/\s+NOT NULL\b/i, ''))
        contract.push(`ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} SET NOT NULL;`)
        contractDown.push(`ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} DROP NOT NULL;`)
        tasks.push(backfillTask(table, column, `SELECT count(*) AS n FROM ${q(table)}`))
        continue
      }
      m = new RegExp(`^ALTER COLUMN ${IDENT} SET NOT NULL$`, 'i').exec(clause)
      if (m) {
        const column = unquote(m[1]!)
        contract.push(`ALTER TABLE ${q(table)} ${clause};`)
        takeDownClause(table, new RegExp(`^ALTER COLUMN "${escapeRegExp(m[1]!)}" DROP NOT NULL$`, 'i'))
        contractDown.push(`ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} DROP NOT NULL;`)
        tasks.push(backfillTask(table, column, `SELECT count(*) AS n FROM ${q(table)} WHERE ${q(column)} IS NULL`))
        continue
      }
      m = new RegExp(`^DROP COLUMN ${IDENT}$`, 'i').exec(clause)
      if (m) {
        const column = unquote(m[1]!)
        contract.push(`ALTER TABLE ${q(table)} ${clause};`)
        // Back as it was, but nullable until the data step's reverse has put the values back.
        const readd = takeDownClause(table, new RegExp(`^ADD COLUMN\\s+"${escapeRegExp(m[1]!)}"\\s`, 'i'))
        if (readd) contractDown.push(`ALTER TABLE ${q(table)} ${readd.replace(/\s+NOT NULL\b/i, '')};`)
        if (readd && /\bNOT NULL\b/i.test(readd)) expandDownExtra.push(`ALTER TABLE ${q(table)} ALTER COLUMN ${q(column)} SET NOT NULL;`)
        dropped.set(table, [...(dropped.get(table) ?? []), column])
        continue
      }
      keep.push(clause)
    }
    if (keep.length) expand.push(alterStatement(alter.table, keep))
  }
  tasks.push(...copyTasks(dropped, createdTableColumns(statements), foreignKeysOf(statements)))
  if (tasks.length === 0) return undefined

  const expandDown = [
    ...expandDownExtra,
    ...downStatements.flatMap((st, i) => {
      if (takenFromDown.has(`${i}`)) return []
      const alter = downAlters[i]
      if (!alter) return [`${st};`]
      const left = alter.clauses.filter((_, k) => !takenFromDown.has(`${i}:${k}`))
      return left.length ? [alterStatement(alter.table, left)] : []
    }),
  ]
  return {
    expand: { up: expand.join('\n'), down: expandDown.join('\n') },
    contract: { up: contract.join('\n'), down: contractDown.join('\n') },
    tasks,
  }
}

function backfillTask(table: string, column: string, countSql: string): DataTask {
  return {
    targets: [`${table}.${column}`],
    what: `backfill ${table}.${column}: give every row a value`,
    contract: `makes ${table}.${column} required (SET NOT NULL)`,
    countSql,
    example: [`-- UPDATE ${q(table)} SET ${q(column)} = … WHERE ${q(column)} IS NULL;`],
  }
}

/** Columns of the tables the script creates. */
function createdTableColumns(statements: readonly string[]): Map<string, string[]> {
  const tables = new Map<string, string[]>()
  for (const st of statements) {
    const m = new RegExp(`^CREATE TABLE ${TABLE}\\s*\\(([\\s\\S]*)\\)$`, 'i').exec(st)
    if (m) tables.set(unquote(m[1]!), [...m[2]!.matchAll(/^\s*"((?:[^"]|"")+)"/gm)].map((c) => unquote(c[1]!)))
  }
  return tables
}

interface ForeignKey { readonly table: string; readonly columns: string; readonly references: string; readonly referenced: string }

function foreignKeysOf(statements: readonly string[]): ForeignKey[] {
  return statements.flatMap((st) => {
    const m = new RegExp(`^ALTER TABLE ${TABLE} ADD CONSTRAINT ${IDENT} FOREIGN KEY \\(([^)]*)\\) REFERENCES ${TABLE}\\(([^)]*)\\)`, 'i').exec(st)
    return m ? [{ table: unquote(m[1]!), columns: m[3]!, references: unquote(m[4]!), referenced: m[5]! }] : []
  })
}

/**
 * One copy task per table and destination: a new table with columns of the same names and a foreign
 * key to the table is where the values most likely move (a model split off, 1:1 or 1:n).
 */
function copyTasks(dropped: ReadonlyMap<string, string[]>, newTables: ReadonlyMap<string, string[]>, foreignKeys: readonly ForeignKey[]): DataTask[] {
  const tasks: DataTask[] = []
  for (const [table, columns] of dropped) {
    const byDestination = new Map<ForeignKey | undefined, string[]>()
    for (const column of columns) {
      const fk = foreignKeys.find((k) => k.references === table && newTables.get(k.table)?.includes(column))
      byDestination.set(fk, [...(byDestination.get(fk) ?? []), column])
    }
    for (const [fk, moved] of byDestination) {
      const list = moved.map(q).join(', ')
      tasks.push({
        targets: moved.map((c) => `${table}.${c}`),
        what: `copy ${moved.map((c) => `${table}.${c}`).join(', ')} to where ${moved.length > 1 ? 'they move' : 'it moves'}${fk ? ` (${fk.table})` : ''}`,
        contract: `drops ${moved.map((c) => `${table}.${c}`).join(', ')}`,
        countSql: `SELECT count(*) AS n FROM ${q(table)} WHERE ${moved.map((c) => `${q(c)} IS NOT NULL`).join(' OR ')}`,
        example: fk
          ? [`-- INSERT INTO ${q(fk.table)} (${fk.columns}, ${list}) SELECT ${fk.referenced}, ${list} FROM ${q(table)};`]
          : [`-- e.g. INSERT INTO … SELECT …, ${list} FROM ${q(table)}; or UPDATE … SET … FROM ${q(table)} WHERE …;`],
      })
    }
  }
  return tasks
}

function enumTasks(name: string, block: readonly string[]): DataTask[] {
  const values = /AS ENUM \((.*)\)$/is.exec(block[0]!)?.[1] ?? ''
  return block.flatMap((st) => {
    const m = new RegExp(`^ALTER TABLE ${TABLE} ALTER COLUMN ${IDENT} TYPE "(?:[^"]|"")+"(\\[\\])? USING`, 'i').exec(st)
    if (!m) return []
    const [table, column, list] = [unquote(m[1]!), unquote(m[2]!), m[3] !== undefined]
    const outside = list ? `EXISTS (SELECT 1 FROM unnest(${q(column)}) AS v WHERE v::text NOT IN (${values}))` : `${q(column)}::text NOT IN (${values})`
    return [{
      targets: [name],
      what: `map the values of ${table}.${column} that enum ${name} loses to ones it keeps (${values})`,
      contract: `rewrites enum ${name} without the removed values`,
      countSql: `SELECT count(*) AS n FROM ${q(table)} WHERE ${outside}`,
      example: [list
        ? `-- UPDATE ${q(table)} SET ${q(column)} = array_replace(${q(column)}, ${quoteLiteral('OLD')}, ${quoteLiteral('NEW')});`
        : `-- UPDATE ${q(table)} SET ${q(column)} = ${quoteLiteral('NEW')} WHERE ${outside};`],
    }]
  })
}

/** The data step's migration.sql: one `-- pika:fill-in` placeholder per task, with its row count. */
export function dataStepSql(tasks: readonly DataTask[], rows: readonly (number | undefined)[], between: { expand: string; contract: string }, where: string): string {
  return [
    `-- Data step, applied after ${between.expand} and before ${between.contract}.`,
    `-- Write the SQL for each task below and delete its "${FILL_IN_MARKER}" line: db:migrate and db:migrate:deploy`,
    `-- apply nothing from this migration on while one is left. It runs in one transaction, is checksummed like`,
    `-- any migration, and down.sql beside it is where its reverse goes (for db:migrate:rollback).`,
    ...tasks.flatMap((task, i) => [
      '',
      `${FILL_IN_MARKER} ${task.what}${rows[i] === undefined ? '' : `: ${rows[i]} row(s) in ${where} now`}`,
      ...task.example,
    ]),
    '',
  ].join('\n')
}
