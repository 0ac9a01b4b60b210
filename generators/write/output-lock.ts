import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * One run at a time per output folder. Two runs that plan and write at once crash on each other's
 * staging folder, or one reports success after planning against files the other then overwrites.
 * The lock is a folder (mkdir is atomic) holding who took it; a lock whose process is gone (a
 * killed run) is taken over. A run that finds the folder locked waits for it, and says so.
 */
const LOCK_DIR = '.pika-generate.lock'
const OWNER = 'owner.json'
const POLL_MS = 50
export const LOCK_WAIT_MS = 60_000

interface Owner {
  readonly pid: number
  readonly host: string
}

export class OutputLockTimeout extends Error {}

/** Runs `work` holding the output folder's lock; `onWait` is told once if another run holds it. */
export async function withOutputLock<T>(outRoot: string, work: () => T | Promise<T>, onWait?: (owner: string) => void, waitMs = LOCK_WAIT_MS): Promise<T> {
  mkdirSync(outRoot, { recursive: true })
  const lock = join(outRoot, LOCK_DIR)
  const deadline = Date.now() + waitMs
  let told = false
  while (!tryLock(lock)) {
    const owner = readOwner(lock)
    if (owner ? !isAlive(owner) : isAbandoned(lock)) {
      // The run that took it was killed: its journal, if any, is recovered under our lock.
      rmSync(lock, { recursive: true, force: true })
      continue
    }
    if (Date.now() > deadline) throw new OutputLockTimeout(`another generate run (${describe(owner)}) has held ${lock} for over ${Math.round(waitMs / 1000)} s; if none is running, delete that folder`)
    if (!told) onWait?.(describe(owner))
    told = true
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  writeFileSync(join(lock, OWNER), JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner))
  return true
}

/** The owner, or undefined while the lock is being created (its owner file not yet written). */
function readOwner(lock: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(join(lock, OWNER), 'utf8')) as Owner
  } catch {
    return undefined
  }
}

/** A lock without an owner a second after it was made: its run died between the two steps. */
function isAbandoned(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > 1000
  } catch {
    return false
  }
}

/** A process on another host cannot be checked: its lock is assumed live until the wait runs out. */
function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const describe = (owner: Owner | undefined) => (owner ? `pid ${owner.pid} on ${owner.host}` : 'starting')
