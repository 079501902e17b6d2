import type { AdminAccess } from './adminAccess'
import type { ResolvedLinks } from './landing/options'
import type { ResolvedOptions } from './options'
import type { RateDecision } from './rateLimit'
import type { Store } from './storage/index'

/** What every route of one collector shares. */
export interface Context {
  readonly store: Store
  readonly options: ResolvedOptions
  readonly access: AdminAccess
  /** The rate limit of POST /api/responses, per client address. */
  readonly takeResponse: (key: string) => RateDecision
  /** The rate limit of the recontact check (GET /api/recontact and its salt), per client address. */
  readonly takeRecontact: (key: string) => RateDecision
  /** The rate limit of sign-in attempts, per client address. */
  readonly takeLogin: (key: string) => RateDecision
  /** The body cap of POST /api/responses, from the schema. */
  readonly maxBodyBytes: number
  /** The email links' landing page (GET /r/<token>), or null without a link secret. */
  readonly links: ResolvedLinks | null
}

/** What a request did that the last-resort error log may name: the response or event id, never its content. */
export interface Trace {
  responseId?: string
  eventId?: string
  /** The route, as a pattern (`/api/responses/:id/followed-up`), never the raw path. */
  route?: string
}
