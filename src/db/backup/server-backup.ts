// Backup and restore of a PostgreSQL server database with pg_dump's custom format: one consistent
// snapshot (pg_dump reads in one repeatable-read transaction), compressed, restorable table by table.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { quoteIdentifier } from '../schema-sql.ts'
import { connectServer } from '../server-connection.ts'
import { DatabaseSetupError, firstLine } from '../errors.ts'

const run = promisify(execFile)

/** libpq rejects parameters it does not know, such as Prisma's ?schema=; the schema is passed apart. */
export function libpqUrl(url: string): string {
  const u = new URL(url)
  for (const prismaOnly of ['schema', 'connection_limit', 'pool_timeout']) u.searchParams.delete(prismaOnly)
  return u.toString()
}

async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 })
  } catch (error: any) {
    if (error?.code === 'ENOENT') throw new DatabaseSetupError(`${tool} is not installed; install the PostgreSQL client tools (apt-get install postgresql-client), of the server's version or newer`)
    throw new DatabaseSetupError(`${tool} failed: ${firstLine(error?.stderr || error)}`)
  }
}

/** pg_dump -Fc of the database (of `schema` only, when DATABASE_SCHEMA is set) into `file`. */
export async function dumpServer(url: string, schema: string | undefined, file: string): Promise<void> {
  await runTool('pg_dump', ['--format=custom', `--file=${file}`, ...(schema ? [`--schema=${schema}`] : []), `--dbname=${libpqUrl(url)}`])
}

/** How many tables the database (or `schema`) holds outside PostgreSQL's own schemas. */
export async function countServerTables(url: string, schema: string | undefined): Promise<number> {
  const client = await connectServer(url, 'DATABASE_URL')
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%'
         AND ($1::text IS NULL OR s.nspname = $1)`,
      [schema ?? null],
    )
    return rows[0].n
  } finally {
    await client.end()
  }
}

/**
 * Restores `file` into the database, all or nothing (one transaction). `replace` first drops what is
 * there: `schema` when DATABASE_SCHEMA is set, else every non-system schema (public is made anew).
 */
export async function restoreServer(url: string, schema: string | undefined, file: string, replace: boolean): Promise<void> {
  if (replace) await dropServerContents(url, schema)
  // --no-owner: objects belong to whoever restores, so a dump moves between roles and servers.
  await runTool('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${libpqUrl(url)}`, file])
}

async function dropServerContents(url: string, schema: string | undefined): Promise<void> {
  const client = await connectServer(url, 'DATABASE_URL')
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%'
         AND ($1::text IS NULL OR nspname = $1)`,
      [schema ?? null],
    )
    const drops = rows.map((r) => `DROP SCHEMA ${quoteIdentifier(r.nspname)} CASCADE;`).join('\n')
    // pg_dump of a whole database expects public to exist (it is not in the dump); a -n dump creates its schema itself.
    await client.query(`BEGIN; ${drops} ${schema ? '' : 'CREATE SCHEMA public;'} COMMIT;`)
  } finally {
    await client.end()
  }
}
