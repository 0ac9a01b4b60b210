// Whether two targets are one database, so that test commands and a redirected getPrisma() can
// refuse to touch the development database.
import { realpathSync } from 'node:fs'
import type { DatabaseTarget } from './config.ts'

const LOCAL_HOSTS = new Set(['', 'localhost', '127.0.0.1', '::1', '[::1]'])

/** Host, port and database of a server URL; local names count as one host, the default database is the user's. */
function serverKey(url: string): string {
  const u = new URL(url)
  const host = LOCAL_HOSTS.has(u.hostname) ? 'localhost' : u.hostname.toLowerCase()
  const database = decodeURIComponent(u.pathname.slice(1)) || decodeURIComponent(u.username) || 'postgres'
  return `${host}:${u.port || '5432'}/${database}`
}

function folderKey(dir: string): string {
  try {
    return realpathSync(dir) // a symlink to the same folder is the same database
  } catch {
    return dir
  }
}

export function sameDatabase(a: DatabaseTarget, b: DatabaseTarget): boolean {
  if (a.kind === 'pglite' && b.kind === 'pglite') return folderKey(a.dataDir) === folderKey(b.dataDir)
  if (a.kind === 'postgres' && b.kind === 'postgres') return serverKey(a.url) === serverKey(b.url)
  return false
}
