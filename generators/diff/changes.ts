import type { SourceLocation } from '../ir/types.ts'

/** How a change affects one audience: existing data and migrations, or API clients. */
export type Impact = 'breaking' | 'safe' | 'none'

/** One difference between two versions of the models, classified for the database and the API. */
export interface Change {
  /** A stable identifier of the class of change, e.g. `field-removed`, `enum-value-added`. */
  readonly kind: string
  /** What changed, e.g. `User.email`. */
  readonly subject: string
  readonly message: string
  readonly database: Impact
  readonly api: Impact
  /** Where to look: the new declaration, or the old one for removals (`side: 'base'`). */
  readonly location: SourceLocation
  readonly side: 'head' | 'base'
}

export const isBreaking = (change: Change): boolean => change.database === 'breaking' || change.api === 'breaking'
