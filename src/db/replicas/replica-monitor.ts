// Which replicas may serve reads right now: each is checked every DATABASE_REPLICA_CHECK_INTERVAL
// for being reachable and for how far its replay is behind the primary's WAL position.
import pg from 'pg'
import { firstLine } from '../errors.ts'
import { describeUrl } from '../server-connection.ts'
import type { ReplicaSettings } from './replica-settings.ts'

interface Health {
  usable: boolean
  /** Why it is skipped, or its lag when usable; for the warning lines. */
  detail: string
}

/** "16/B374D848" as a number, so LSNs compare. */
const lsn = (text: string): bigint => {
  const [high, low] = text.split('/')
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`)
}

const REPLAY = `SELECT pg_last_wal_replay_lsn()::text AS replayed,
  extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS since`

export class ReplicaMonitor {
  readonly names: readonly string[]
  private readonly pools: pg.Pool[]
  private readonly health: (Health | undefined)[]
  private timer: NodeJS.Timeout | undefined
  private checking: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(private readonly primary: pg.Pool, private readonly settings: ReplicaSettings, private readonly warn: (line: string) => void = console.warn) {
    this.names = settings.urls.map(describeUrl)
    // One connection each, apart from the app's pools, so a check never waits behind queries.
    this.pools = settings.urls.map((url) => new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000, idleTimeoutMillis: 0 }))
    for (const pool of this.pools) pool.on('error', () => {}) // a replica going down must not crash the app
    this.health = settings.urls.map(() => undefined)
  }

  /** Checks now, then every interval until stop(). The timer does not keep the process alive. */
  async start(): Promise<void> {
    await this.checkAll()
    this.timer = setInterval(() => void this.checkAll().catch(() => {}), this.settings.checkIntervalSeconds * 1000)
    this.timer.unref()
  }

  /** Stops checking; a check under way finishes first, so it never runs on a closed pool. */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.checking
    await Promise.all(this.pools.map((p) => p.end()))
  }

  /** A usable replica's index, chosen at random to spread the load; undefined when none is usable. */
  pick(): number | undefined {
    const usable = this.health.flatMap((h, i) => (h?.usable ? [i] : []))
    return usable.length ? usable[Math.floor(Math.random() * usable.length)] : undefined
  }

  /** Checks every replica against the primary's current WAL position. */
  checkAll(): Promise<void> {
    if (!this.stopped) this.checking = this.checking.then(() => this.checkRound())
    return this.checking
  }

  private async checkRound(): Promise<void> {
    let primaryLsn: bigint
    try {
      primaryLsn = lsn((await this.primary.query('SELECT pg_current_wal_lsn()::text AS at')).rows[0].at)
    } catch {
      return // the primary itself is unreachable: the app's queries report that; keep the last verdicts
    }
    await Promise.all(this.pools.map((_, i) => this.check(i, primaryLsn)))
  }

  /** Re-checks replica `i` now (after a read on it failed); true when it is still usable. */
  async recheck(i: number): Promise<boolean> {
    await this.checkAll()
    return this.health[i]?.usable ?? false
  }

  private async check(i: number, primaryLsn: bigint): Promise<void> {
    this.record(i, await this.measure(i, primaryLsn).catch((error): Health => ({ usable: false, detail: `unreachable (${firstLine(error)})` })))
  }

  /**
   * Lag is 0 when the replica has replayed all the WAL the primary had at the check; otherwise the
   * time since its last replayed commit, which can only overstate the lag (so errs toward the primary).
   */
  private async measure(i: number, primaryLsn: bigint): Promise<Health> {
    const pool = this.pools[i]!
    let row = (await pool.query(REPLAY)).rows[0]
    if (row.replayed === null) return { usable: true, detail: 'not in recovery: a primary itself' }
    if (lsn(row.replayed) < primaryLsn) {
      await new Promise((resolve) => setTimeout(resolve, 50)) // WAL written a moment ago is in flight, not lag
      row = (await pool.query(REPLAY)).rows[0]
    }
    const lag = lsn(row.replayed) >= primaryLsn ? 0 : (row.since ?? Number.POSITIVE_INFINITY)
    const max = this.settings.maxLagSeconds
    return lag <= max
      ? { usable: true, detail: `${lag.toFixed(1)} s behind` }
      : { usable: false, detail: `${lag.toFixed(1)} s behind the primary (DATABASE_REPLICA_MAX_LAG=${max} s)` }
  }

  /** One warning line per change of state, not per check. */
  private record(i: number, now: Health): void {
    const before = this.health[i]
    this.health[i] = now
    if (!now.usable && before?.usable !== false) {
      const elsewhere = this.pick() === undefined ? 'the primary' : 'the other replicas'
      this.warn(`db: skipping read replica ${this.names[i]}: ${now.detail}; its reads go to ${elsewhere} until it recovers`)
    } else if (now.usable && before?.usable === false) {
      this.warn(`db: read replica ${this.names[i]} is back in use (${now.detail})`)
    }
  }
}
