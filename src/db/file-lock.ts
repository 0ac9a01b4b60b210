// An exclusive lock held as a file (created with O_EXCL) that names its holder: pid, host, what it
// is doing and since when. A lock whose holder is gone (its pid no longer runs on this host) is
// taken over; nothing here trusts a lock file's age on this host, only whether its process lives.
import { linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { DatabaseSetupError } from './errors.ts'

/**
 * Writes `path` under a name of this process's own and renames it into place: processes that write
 * the same file at once (test workers, two commands) never leave, nor read, half of one.
 */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, data)
  renameSync(temporary, path)
}

export interface LockHolder {
  readonly pid: number
  readonly host: string
  readonly purpose: string
  readonly since: string
}

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when the holder certainly is gone: its pid is not running here (or, on another host, too old). */
export function holderIsGone(holder: LockHolder, otherHostAfterMs = 60 * 60 * 1000): boolean {
  if (holder.host === hostname()) return !processIsRunning(holder.pid)
  return Date.now() - Date.parse(holder.since) > otherHostAfterMs
}

export const describeHolder = (h: LockHolder): string => `process ${h.pid} on ${h.host} (${h.purpose}, since ${h.since})`

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    // Half-written by a holder that died between open and write: treat as gone.
    return { pid: -1, host: hostname(), purpose: 'unknown', since: new Date(0).toISOString() }
  }
}

/** Tries once: the release function, or the live holder that has it. Stale locks are taken over. */
export function tryLock(path: string, purpose: string): { release: () => void } | { holder: LockHolder } {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      const me: LockHolder = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() }
      writeSync(fd, JSON.stringify(me))
      closeSync(fd)
      let released = false
      return { release: () => void (released || ((released = true), rmSync(path, { force: true }))) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readHolder(path)
    if (holder === undefined) continue // released between our open and read
    if (!holderIsGone(holder)) return { holder }
    takeOver(path, holder)
  }
  throw new DatabaseSetupError(`could not take the lock ${path}; several processes keep racing for it, retry`)
}

/**
 * Moves a stale lock aside. Another process may have replaced it with a live lock meanwhile: then
 * the moved file is not the one judged stale, and it is put back (link fails if a third one exists).
 */
function takeOver(path: string, stale: LockHolder): void {
  const aside = `${path}.stale.${process.pid}.${Date.now()}`
  try {
    renameSync(path, aside)
  } catch {
    return // already gone: retry
  }
  const moved = readHolder(aside)
  if (moved && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      linkSync(aside, path)
    } catch {
      // someone else holds it now; the retry sees them
    }
  }
  rmSync(aside, { force: true })
}

/** Waits (polling) until the lock is free, runs `work`, releases it. */
export async function withFileLock<T>(path: string, purpose: string, work: () => Promise<T>): Promise<T> {
  let lock = tryLock(path, purpose)
  while ('holder' in lock) {
    await sleep(100)
    lock = tryLock(path, purpose)
  }
  try {
    return await work()
  } finally {
    lock.release()
  }
}
