// DATABASE_REPLICA_* settings: which read replicas to use and when one is too far behind to serve.
import { DatabaseSetupError } from '../errors.ts'

export interface ReplicaSettings {
  /** Streaming replicas of DATABASE_URL's server (DATABASE_REPLICA_URLS, comma-separated). */
  readonly urls: readonly string[]
  /** A replica more than this many seconds behind the primary is skipped (DATABASE_REPLICA_MAX_LAG, default 5). */
  readonly maxLagSeconds: number
  /** How often each replica's health and lag are checked (DATABASE_REPLICA_CHECK_INTERVAL, seconds, default 2). */
  readonly checkIntervalSeconds: number
}

type Env = Readonly<Record<string, string | undefined>>

/** undefined when DATABASE_REPLICA_URLS is unset or empty. */
export function readReplicaSettings(env: Env): ReplicaSettings | undefined {
  const urls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean)
  if (urls.length === 0) return undefined
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\/./.test(url)) throw new DatabaseSetupError(`DATABASE_REPLICA_URLS must be comma-separated postgresql:// URLs; "${url.replace(/:[^:@/]*@/, ':***@')}" is not one`)
  }
  return {
    urls,
    maxLagSeconds: seconds(env, 'DATABASE_REPLICA_MAX_LAG', 5),
    checkIntervalSeconds: seconds(env, 'DATABASE_REPLICA_CHECK_INTERVAL', 2),
  }
}

function seconds(env: Env, name: string, fallback: number): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  if (/^\d+(\.\d+)?$/.test(text) && Number(text) > 0) return Number(text)
  throw new DatabaseSetupError(`${name} must be a number of seconds > 0 (say 5 or 0.5), got "${text}"`)
}
