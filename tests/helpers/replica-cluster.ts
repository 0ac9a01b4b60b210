// A real primary and streaming replica, made with PostgreSQL 15's own tools in a temporary folder
// on free ports: initdb, pg_basebackup -R (which writes the standby settings), pg_ctl. PostgreSQL
// refuses to run as root, so as root the servers run as the `postgres` OS user.
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { applySchemaSql, readSchemaSql } from '../../src/db/schema-sql.ts'

export const PG_BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin'
export const hasPostgresTools = () => ['initdb', 'pg_basebackup', 'pg_ctl'].every((tool) => existsSync(join(PG_BIN, tool)))

export interface Server {
  readonly dataDir: string
  readonly port: number
  url(database: string): string
}

export interface ReplicaCluster {
  readonly primary: Server
  readonly replica: Server
  /** Stops the replica (to see it skipped as down). */
  stopReplica(): void
  /** Stops both servers and deletes the folder. */
  destroy(): void
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    }).on('error', reject)
  })
}

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const root = mkdtempSync(join(tmpdir(), 'pika-replica-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    chownSync(root, Number(execFileSync('id', ['-u', 'postgres'])), Number(execFileSync('id', ['-g', 'postgres'])))
  }
  chmodSync(root, 0o700)
  const pgTool = (tool: string, args: string[]) => {
    const [command, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]] : [join(PG_BIN, tool), args]
    execFileSync(command as string, full as string[], { stdio: 'pipe', cwd: root })
  }
  const server = (name: string, port: number): Server => ({ dataDir: join(root, name), port, url: (db) => `postgresql://postgres@127.0.0.1:${port}/${db}` })
  // Fast and small: no fsync (the folder is thrown away), sockets in the folder, TCP on localhost only.
  const start = (s: Server) => pgTool('pg_ctl', ['-D', s.dataDir, '-l', `${s.dataDir}.log`, '-w', '-t', '30', 'start', '-o',
    `-p ${s.port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c shared_buffers=16MB`])
  const stop = (s: Server) => {
    if (existsSync(join(s.dataDir, 'postmaster.pid'))) pgTool('pg_ctl', ['-D', s.dataDir, '-m', 'immediate', '-w', 'stop'])
  }
  const primary = server('primary', await freePort())
  const replica = server('replica', await freePort())
  try {
    pgTool('initdb', ['-D', primary.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
    start(primary)
    pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replica.dataDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'])
    start(replica)
  } catch (error) {
    for (const s of [replica, primary]) stop(s)
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  return {
    primary,
    replica,
    stopReplica: () => stop(replica),
    destroy: () => {
      for (const s of [replica, primary]) {
        try {
          stop(s)
        } catch {} // already stopped
      }
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Creates database `name` on the primary with every committed migration applied; returns a client connected to it. */
export async function createMigratedDatabase(primary: Server, name: string): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: primary.url('postgres') })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const app = new pg.Client({ connectionString: primary.url(name) })
  await app.connect()
  await applySchemaSql(app, await readSchemaSql('migrations'))
  return app
}
