import type { IrLocation } from '../ir/types.ts'

/** How a change affects one audience: existing data and migrations, or API clients. */
export type Impact = 'breaking' | 'safe' | 'none'

/**
 * The API verdict in both directions, as oasdiff judges them: a change can be harmless for what
 * clients send (a new enum value is one more accepted input) and breaking for what they read (a
 * response may now carry a value their schema rejects).
 */
export interface ApiVerdict {
  /** Clients sending data: the create and update inputs. */
  readonly request: Impact
  /** Clients reading data: the read schema of responses. */
  readonly response: Impact
  /** Why, in words, for whichever direction is affected. */
  readonly why: string
}

/** One difference between two versions of the models, classified for the database and the API. */
export interface Change {
  /** A stable identifier of the class of change, e.g. `field-removed`, `enum-value-added`. */
  readonly kind: string
  /** What changed, e.g. `User.email`. */
  readonly subject: string
  readonly message: string
  readonly database: Impact
  /** The worse of `request` and `response`. */
  readonly api: Impact
  readonly request: Impact
  readonly response: Impact
  /** Why the API verdict is what it is; empty when the API is not affected. */
  readonly apiWhy: string
  /** A suggestion, e.g. "did you mean `renamedFrom`?" for a drop and add of the same type. */
  readonly hint?: string
  /** Where to look: the new declaration, or the old one for removals (`side: 'base'`). */
  readonly location: IrLocation
  readonly side: 'head' | 'base'
}

export const verdict = (request: Impact, response: Impact, why: string): ApiVerdict => ({ request, response, why })
export const NO_API: ApiVerdict = verdict('none', 'none', '')

const worst = (a: Impact, b: Impact): Impact => (a === 'breaking' || b === 'breaking' ? 'breaking' : a === 'safe' || b === 'safe' ? 'safe' : 'none')

export function makeChange(kind: string, subject: string, message: string, database: Impact, api: ApiVerdict, at: { location: IrLocation }, side: Change['side'] = 'head'): Change {
  return { kind, subject, message, database, api: worst(api.request, api.response), request: api.request, response: api.response, apiWhy: api.why, location: at.location, side }
}

export const isBreaking = (change: Change): boolean => change.database === 'breaking' || change.api === 'breaking'
