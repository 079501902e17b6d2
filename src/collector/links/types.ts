/** The options of {@link signSurveyLink}. */
export interface SignSurveyLinkOptions {
  /**
   * The collector's `LINK_SECRET`: at least 32 bytes (a string is counted in UTF-8), e.g. from
   * `openssl rand -base64 32`. Whoever has it can make links that the collector accepts.
   */
  readonly secret: string | Uint8Array
  /** Where the collector is reached, e.g. `'https://nps.example.com'`; the links lead to `${baseUrl}/r/<token>`. */
  readonly baseUrl: string
  /** The order the question is about; also what keeps one order from being counted twice. */
  readonly orderId?: string
  /**
   * The customer's email address, for the inbox to follow up on an unhappy answer. The token is signed,
   * not encrypted: anyone who sees the link can read it. Prefer `userId` where that is enough.
   */
  readonly email?: string
  /** Your id of the customer, for "never ask the same person twice". */
  readonly userId?: string
  /** The BCP 47 tag of the customer's language: the landing page asks in it. */
  readonly locale: string
  /** Where in the journey the question is asked, e.g. `'order-delivered'`. */
  readonly journeyPoint: string
  /** How long the link answers: more than 0 and at most 366 days. */
  readonly expiresInDays: number
  /** The time the link is made [now]; for tests and for links made ahead of sending. */
  readonly now?: Date | number
}

/** What a valid token says, as signed. */
export interface SurveyLinkData {
  readonly orderId?: string
  readonly email?: string
  readonly userId?: string
  readonly locale: string
  readonly journeyPoint: string
  /** When the link was made, in ms since the epoch (to the second). */
  readonly issuedAt: number
  /** When the link stops answering, in ms since the epoch (to the second). */
  readonly expiresAt: number
}

/** A signed link: pass it as `links` to `surveyEmail`, or put `url(score)` in any email template. */
export interface SignedSurveyLink {
  readonly baseUrl: string
  /** `v1.<payload>.<signature>`, base64url: safe in a URL path as it is. */
  readonly token: string
  readonly expiresAt: Date
  /** The landing page with the score chosen, or without a score to ask the question there. */
  url(score?: number): string
}

/** Why a token was refused. Only `expired` carries the link's data: its signature was valid. */
export type SurveyLinkProblem = 'malformed' | 'unsupported-version' | 'bad-signature' | 'expired'

/** What {@link verifySurveyLink} found: the link's data, or why not. */
export type SurveyLinkCheck =
  | { readonly ok: true; readonly link: SurveyLinkData }
  | { readonly ok: false; readonly reason: 'expired'; readonly link: SurveyLinkData }
  | { readonly ok: false; readonly reason: Exclude<SurveyLinkProblem, 'expired'> }
