// The storage layer's types: what goes in (a validated response), what comes out (a stored row),
// and the filters every read takes. Nothing here imports a driver.

/** Anything that runs SQL: the database, or a transaction inside it. */
export interface Queryable {
  /** Runs one statement with `$1, $2, …` parameters. */
  query<Row = Record<string, any>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>
}

/** An open database: PGlite in a folder (or memory) or PostgreSQL through `pg`. */
export interface Database extends Queryable {
  readonly driver: 'pglite' | 'postgres'
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Closes the connections (and releases the PGlite directory's lock). Safe to call twice. */
  close(): Promise<void>
}

export interface OpenOptions {
  /** `postgres://…`: use that PostgreSQL server through `pg`. */
  readonly url?: string
  /** Without `url`: a folder for PGlite (created if missing), or `'memory://'` [memory]. */
  readonly dataDir?: string
  /** Run everything in this schema, created if missing (tests use one per run). A plain identifier. */
  readonly schema?: string
}

/** A response as the widget sends it, already checked against schema.json. */
export interface ResponseInput {
  readonly id: string
  readonly surveyId: string
  readonly score: number
  readonly category: 'detractor' | 'passive' | 'promoter'
  readonly comment: string | null
  readonly contactConsent: boolean
  readonly journeyPoint: string | null
  /** Where it was asked: on the site, or on the landing page of an email's link [absent: 'web']. */
  readonly channel?: Channel
  readonly locale: string
  readonly question: string
  readonly page: string
  readonly user: Readonly<Record<string, string | number | boolean | null>> | null
  readonly metadata: Readonly<Record<string, string | number | boolean | null>>
  readonly createdAt: string
  readonly updatedAt: string
  readonly complete: boolean
  readonly sdk: { readonly name: string; readonly version: string }
}

/** Where a survey was asked: on the site, or by email (the landing page of a signed link). */
export type Channel = 'web' | 'email'

/** What happened to a survey besides the answer: the question appeared, was closed without a score, or an email with it went out. */
export type EventKind = 'shown' | 'dismissed' | 'sent'

/** An event as the widget (or a shop, for `sent`) posts it, already checked against schema.json's `$defs.event`. */
export interface EventInput {
  readonly type: 'event'
  /** Unique per event: retries repeat it, and the collector counts it once. */
  readonly id: string
  readonly event: EventKind
  readonly surveyId: string
  /** The response this showing has or will have, when known. */
  readonly responseId: string | null
  readonly journeyPoint: string | null
  readonly channel: Channel
  readonly locale: string
  readonly page: string
  readonly user: Readonly<Record<string, string | number | boolean | null>> | null
  /** ISO 8601. */
  readonly at: string
  readonly sdk: { readonly name: string; readonly version: string }
}

/** What storing an event did: a new id, or one already stored (a retry), which changes nothing. */
export type EventOutcome = 'created' | 'duplicate'

/** A stored response, as the dashboard, the inbox and the exports read it. Times are ISO 8601 (UTC). */
export interface StoredResponse {
  id: string
  surveyId: string
  score: number
  category: 'detractor' | 'passive' | 'promoter'
  comment: string | null
  contactConsent: boolean
  journeyPoint: string | null
  /** 'web', or 'email' for an answer on the landing page of an email's link. */
  channel: Channel
  locale: string
  question: string
  page: string
  user: Record<string, string | number | boolean | null> | null
  metadata: Record<string, string | number | boolean | null>
  createdAt: string
  updatedAt: string
  complete: boolean
  sdkVersion: string
  receivedAt: string
  /** When it left the inbox's 'new' state (it is null again after a reopen to 'new'), as before states existed. */
  followedUpAt: string | null
  /** Where the inbox's follow-up stands. */
  followUpState: FollowUpState
  /** Who made the last change of state, when, and their note (null before the first change). */
  followUpBy: string | null
  followUpAt: string | null
  followUpNote: string | null
  /** When it first left 'new' (contacted, or resolved at once); a reopen keeps it. */
  firstContactAt: string | null
}

/** The inbox's follow-up of a response: nobody has replied yet, somebody has, the matter is closed. */
export type FollowUpState = 'new' | 'contacted' | 'resolved'

/** What an upsert did: a new id, a newer version of a known id, or nothing (a newer version is stored). */
export type UpsertOutcome = 'created' | 'updated' | 'stale'

export interface UpsertOptions {
  /**
   * Runs inside the upsert's transaction, after the response and its counts are written, unless
   * the outcome is 'stale'. What it writes (an alerts outbox row, say) commits with the response
   * or not at all; when it throws, nothing is stored and the upsert rejects.
   */
  readonly inTransaction?: (tx: Queryable, outcome: Exclude<UpsertOutcome, 'stale'>) => Promise<void>
}

/** The dashboard's filters, already checked. `from` is inclusive, `to` exclusive (ISO 8601 instants). */
export interface ResponseFilters {
  readonly from?: string
  readonly to?: string
  readonly journeyPoint?: string
  readonly locale?: string
  readonly category?: 'detractor' | 'passive' | 'promoter'
  readonly hasComment?: boolean
  readonly contactConsent?: boolean
  readonly followedUp?: boolean
  /** Only responses in one of these follow-up states. */
  readonly followUpState?: readonly FollowUpState[]
}

export interface PageOptions {
  /** 1-based. */
  readonly page: number
  readonly pageSize: number
}

export interface SummaryFilters {
  readonly from?: string
  readonly to?: string
  readonly journeyPoint?: string
  readonly locale?: string
  /** IANA zone of the weekly trend's weeks ['UTC']. */
  readonly timeZone?: string
  /** Confidence level of the intervals [0.95]. */
  readonly level?: number
  /** The end of the default period, epoch ms [Date.now()]. */
  readonly now?: number
}

/** Who an erasure or access request is about: the `id` in the response's `user`, or its `email`. */
export type CustomerKey = { readonly user: string; readonly email?: never } | { readonly email: string; readonly user?: never }

export interface TallyJson {
  detractors: number
  passives: number
  promoters: number
  total: number
}

export interface Stats {
  tally: TallyJson
  /** null when there are no responses (JSON has no NaN). */
  nps: number | null
  low: number | null
  high: number | null
}

/** GET /api/summary: every number the dashboard shows. */
export interface Summary {
  period: { from: string; to: string; timeZone: string; level: number }
  tally: TallyJson
  nps: number | null
  interval: { low: number; high: number; level: number; method: string } | null
  /** 11 counts, index = score. */
  histogram: number[]
  /** ISO weeks (Monday) in `timeZone`, from the first with responses to the last, gaps included. */
  trend: ({ start: string } & Stats)[]
  byJourneyPoint: ({ key: string } & Stats)[]
  byLocale: ({ key: string } & Stats)[]
  comparison: {
    current: { from: string; to: string } & Stats
    previous: { from: string; to: string } & Stats
    test: {
      difference: number
      standardError: number
      z: number
      pValue: number
      low: number
      high: number
      significant: boolean
    } | null
  }
  /** Every journey point and locale ever stored, for the filters. */
  journeyPoints: string[]
  locales: string[]
}

/** The collector's storage: every read and write the server does, in SQL on either driver. */
export interface Store {
  upsertResponse(response: ResponseInput, options?: UpsertOptions): Promise<UpsertOutcome>
  /**
   * Many responses in one transaction (an import, a seed): all or none, the newest version of
   * each id winning as with upsertResponse. How many were created, updated and stale.
   */
  upsertMany(responses: readonly ResponseInput[]): Promise<Record<UpsertOutcome, number>>
  /** One response by its id (a uuid), with its follow-up; null when there is none (never stored, or erased). */
  getResponse(id: string): Promise<StoredResponse | null>
  /** Stores an event once per id: 'duplicate' for an id already stored (a retry). */
  recordEvent(event: EventInput): Promise<EventOutcome>
  /** The dashboard's funnel: sent → shown → answered → commented per journey point and channel, and the response rate by week. */
  funnel(filters: FunnelFilters): Promise<Funnel>
  /** The collector's recontact salt (made once, kept in the database). */
  recontactSalt(): Promise<string>
  /** Whether to ask the person with these hashes, from their responses and events; see RecontactQuery. */
  recontact(query: RecontactQuery): Promise<RecontactAnswer>
  /** A page of responses, newest first, and how many match in all. */
  listResponses(filters: ResponseFilters, page: PageOptions): Promise<{ items: StoredResponse[]; total: number }>
  /** Every matching response, newest first, read in batches: memory stays flat for any count. */
  streamResponses(filters: ResponseFilters, options?: { batchSize?: number }): AsyncIterable<StoredResponse>
  summary(filters: SummaryFilters): Promise<Summary>
  /**
   * The follow-up before states: true moves a 'new' response to 'contacted' (a contacted or
   * resolved one stays), false reopens it as 'new'; audited like setFollowUpState, signed `by`
   * ['(followed-up route)']. The row, or null for an unknown id.
   */
  setFollowedUp(id: string, followedUp: boolean, options?: { by?: string; via?: string }): Promise<StoredResponse | null>
  /**
   * Moves a response to a follow-up state, with who did it and an optional note, and writes the
   * change to the audit trail in the same transaction. Null for an unknown id.
   */
  setFollowUpState(id: string, change: FollowUpChange): Promise<{ response: StoredResponse; event: FollowUpEvent } | null>
  /** Every follow-up change of a response, oldest first; null for an unknown id. */
  followUpHistory(id: string): Promise<FollowUpEvent[] | null>
  /** The inbox: a page of responses, those who may be contacted first, then newest first; and how many per state. */
  listInbox(filters: ResponseFilters, page: PageOptions): Promise<{ items: StoredResponse[]; total: number; states: Record<FollowUpState, number> }>
  /** Time from answer to first contact, median and 90th percentile, per week of the answer and in all. */
  timeToContact(filters: TimeToContactFilters): Promise<TimeToContact>
  /** Deletes every response of a customer, and their events; how many responses. */
  eraseCustomer(who: CustomerKey): Promise<number>
  /** Every response of a customer, oldest first. */
  exportCustomer(who: CustomerKey, options?: { batchSize?: number }): AsyncIterable<StoredResponse>
  /** Deletes responses created (and events that happened) more than `days` days before `now`; how many responses. */
  deleteOlderThan(days: number, now?: number): Promise<number>
  /**
   * An email link's answer that its landing page made by itself: held for `windowMs`, then recorded
   * by commitLinkAnswers unless another score for the same link arrived meanwhile ('scanner').
   */
  holdLinkAnswer(response: ResponseInput, windowMs: number, now?: number): Promise<'pending' | 'scanner'>
  /** An email link's answer that a human made: recorded at once (a held one is dropped). */
  takeLinkAnswer(response: ResponseInput, options?: UpsertOptions): Promise<UpsertOutcome>
  /** Records the held link answers whose window has passed; how many. */
  commitLinkAnswers(options?: { readonly inTransaction?: (tx: Queryable, response: ResponseInput, outcome: Exclude<UpsertOutcome, 'stale'>) => Promise<void> }, now?: number): Promise<number>
}

/** A change of follow-up state, as an admin makes it. */
export interface FollowUpChange {
  readonly state: FollowUpState
  /** The admin's name or label: 1–100 characters. */
  readonly by: string
  /** A short note: at most 500 characters. */
  readonly note?: string | null
  /** How the admin was admitted (token, session, loopback), for the audit trail ['api']. */
  readonly via?: string
  /** When, epoch ms [the database's now()]. */
  readonly at?: number
}

/** One row of the follow-up audit trail. */
export interface FollowUpEvent {
  id: number
  responseId: string
  from: FollowUpState
  to: FollowUpState
  by: string
  via: string
  note: string | null
  at: string
}

export interface TimeToContactFilters {
  readonly from?: string
  readonly to?: string
  readonly journeyPoint?: string
  readonly locale?: string
  readonly category?: 'detractor' | 'passive' | 'promoter'
  /** IANA zone of the weeks ['UTC']. */
  readonly timeZone?: string
  /** The end of the default period (90 days), epoch ms [Date.now()]. */
  readonly now?: number
}

/** How long answers waited for their first contact; seconds, null when none was contacted. */
export interface ContactTimes {
  contacted: number
  medianSeconds: number | null
  p90Seconds: number | null
}

/** GET /api/time-to-contact. */
export interface TimeToContact {
  period: { from: string; to: string; timeZone: string }
  /** Of all answers in the period that were contacted. */
  overall: ContactTimes
  /** Detractors of the period who may be contacted and are still 'new'. */
  waiting: number
  /** Per ISO week (Monday, in timeZone) of the answer, weeks with a contact only. */
  weeks: ({ start: string } & ContactTimes)[]
}

/** The funnel's filters. `from` inclusive, `to` exclusive (ISO 8601 instants). */
export interface FunnelFilters {
  readonly from?: string
  readonly to?: string
  readonly journeyPoint?: string
  readonly channel?: Channel
  /** IANA zone of the weeks ['UTC']. */
  readonly timeZone?: string
  /** The end of the default period (90 days), epoch ms [Date.now()]. */
  readonly now?: number
}

/** How many of each step: emails sent, surveys shown, dismissed, answered, answered with a comment. */
export interface FunnelSteps {
  sent: number
  shown: number
  dismissed: number
  answered: number
  commented: number
  /**
   * answered ÷ asked, where asked is `sent` for email (`shown` when no email was counted as sent)
   * and `shown` for the web; null when nothing was asked. Above 1 when answers come from widgets
   * that send no events (`events: false`, or a version before events).
   */
  rate: number | null
}

/** GET /api/funnel: the response rate, per journey point and channel and by week. */
export interface Funnel {
  period: { from: string; to: string; timeZone: string }
  /** Per channel, over every journey point. */
  channels: ({ channel: Channel } & FunnelSteps)[]
  /** Per journey point (null: none) and channel, most asked first. */
  rows: ({ journeyPoint: string | null; channel: Channel } & FunnelSteps)[]
  /** Per ISO week (Monday, in timeZone) and channel, weeks with anything counted. */
  weeks: ({ start: string; channel: Channel } & FunnelSteps)[]
}

/** GET /api/recontact: the person's hashes (1 or 2) and the survey's waits in days. */
export interface RecontactQuery {
  readonly hashes: readonly string[]
  /** Days after an answer during which the person is not asked again. */
  readonly answeredDays: number
  /** Days after a dismissal, an email sent or a survey shown (unanswered) during which the person is not asked again. */
  readonly dismissedDays: number
  /** Epoch ms [Date.now()]. */
  readonly now?: number
}

/** Ask, or why not and since when (ISO 8601). */
export type RecontactAnswer = { ask: true } | { ask: false; reason: 'answered' | 'dismissed' | 'asked'; at: string }
