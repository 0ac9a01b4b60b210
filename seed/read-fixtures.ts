import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ZodObject, ZodType } from 'zod'
import type { Conversion } from '../generators/emit/fixtures/emit-fixtures.ts'
import { PACKAGE_ROOT } from '../src/db/config.ts'
import { DatabaseSetupError } from '../src/db/errors.ts'

export const FIXTURES_DIR = join(PACKAGE_ROOT, 'generated', 'fixtures')

/** How a JSON value becomes the value Prisma expects for the column: declared where the fixtures are written. */
export type { Conversion }

export interface ModelFixtures {
  readonly model: string
  readonly table: string
  /** The fixture file the rows come from, named in errors. */
  readonly file?: string
  readonly conversions: Readonly<Record<string, Conversion>>
  /** Column names of fields mapped to another name (`map:`); other fields' columns are their names. */
  readonly columns?: Readonly<Record<string, string>>
  /** Columns of autoincrement keys whose sequences must move past the seeded values. */
  readonly sequences: readonly string[]
  /** Each row's create input merged with its internal (read-only, private) values. */
  readonly rows: readonly Record<string, unknown>[]
  /** Rows of implicit many-to-many join tables, by relation field (generators/emit/fixtures/build-fixtures.ts). */
  readonly links?: Readonly<Record<string, JoinRows>>
}

export interface JoinRows {
  readonly table: string
  /** This model's id column, then the other model's. */
  readonly columns: readonly [string, string]
  readonly pairs: readonly (readonly [unknown, unknown])[]
}

interface FixtureFile {
  readonly models: Record<string, { table: string; conversions?: Record<string, Conversion>; columns?: Record<string, string>; sequences?: string[]; rows: { data: Record<string, unknown>; internal: Record<string, unknown> }[]; links?: Record<string, JoinRows> }>
}

/**
 * Reads generated/fixtures in load order and checks every row against the generated zod schemas
 * before anything touches the database, so a hand-edited fixture fails naming model, row and field.
 */
export async function readFixtures(dir = FIXTURES_DIR): Promise<ModelFixtures[]> {
  const index = readJson<{ order: { model: string; file: string }[] }>(join(dir, 'index.json'))
  const zod = (await import('../generated/zod/index.ts')) as unknown as Record<string, ZodType>
  const files = new Map<string, FixtureFile>()
  return index.order.map(({ model, file }) => {
    if (!files.has(file)) files.set(file, readJson<FixtureFile>(join(dir, file)))
    const block = files.get(file)!.models?.[model]
    if (!block || !Array.isArray(block.rows)) throw new DatabaseSetupError(`fixtures: ${file} has no rows for model ${model}; run npm run generate`)
    block.rows.forEach((row, i) => checkRow(zod, model, file, i, row))
    return { model, table: block.table, file, conversions: block.conversions ?? {}, columns: block.columns ?? {}, sequences: block.sequences ?? [], rows: block.rows.map((r) => ({ ...r.internal, ...r.data })), ...(block.links ? { links: block.links } : {}) }
  })
}

function checkRow(zod: Record<string, ZodType>, model: string, file: string, index: number, row: { data?: unknown; internal?: unknown }): void {
  const where = `fixtures: ${file}, ${model} row ${index + 1}`
  const create = zod[`${model}CreateSchema`]
  const read = zod[`${model}Schema`] as ZodObject | undefined
  if (!create || !read) throw new DatabaseSetupError(`${where}: no generated schema for ${model}; run npm run generate`)
  const data = create.safeParse(row.data)
  if (!data.success) throw new DatabaseSetupError(`${where}: ${describeIssue(data.error.issues[0]!)}`)
  // Internal values are read-only fields (checked by the read schema) and private ones (not in any API schema).
  const internal = (row.internal ?? {}) as Record<string, unknown>
  const visible = Object.keys(internal).filter((k) => k in read.shape)
  const checked = read.pick(Object.fromEntries(visible.map((k) => [k, true])) as never).safeParse(internal)
  if (!checked.success) throw new DatabaseSetupError(`${where}: ${describeIssue(checked.error.issues[0]!)}`)
}

function describeIssue(issue: { path: PropertyKey[]; message: string; code: string; keys?: string[] }): string {
  const field = issue.path.map(String).join('.')
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys?.join(', ')}`
  return `field ${field || '(row)'} ${issue.message.replace(/^Invalid input: /, '').toLowerCase()}`
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing; run npm run generate' : `is not valid JSON (${(error as Error).message.split('\n')[0]})`
    throw new DatabaseSetupError(`fixtures: ${path} ${reason}`)
  }
}
