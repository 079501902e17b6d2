import type { Category } from './score/types'
import type { Locale, Messages } from './core/messages'
import type { Consent, Context, ReasonCode, Rules } from './core/eligibility'
import type { StorageOption } from './adapters/storage'
import type { TriggerSpec } from './triggers/index'

export type { Category } from './score/types'
export type { Locale, Messages } from './core/messages'
export type { Consent, Device, ReasonCode, Rules } from './core/eligibility'
export type { StorageAdapter, StorageOption } from './adapters/storage'
export type { TriggerSpec } from './triggers/index'

/** What `when` and the debug log see when a survey might show. */
export type TargetingContext = Context

/**
 * One point of the customer's journey (`'checkout-complete'`, `'support-closed'`): when it is
 * reached (`on`, or your own `survey.trigger(name)`), and what differs there from the survey's options.
 */
export interface JourneyPoint {
  /** Declarative triggers: any of them reaching this point calls `trigger(name)` for you. */
  readonly on?: TriggerSpec | readonly TriggerSpec[]
  /** Wait this long after the trigger before showing [0]. */
  readonly delayMs?: number
  readonly question?: string
  readonly followUp?: PerCategory<string | boolean>
  readonly thankYou?: PerCategory<string>
  readonly placement?: Placement
  /** Overrides the survey's `sampleRate` here. */
  readonly sampleRate?: number
  /** Overrides the survey's `priority` here. */
  readonly priority?: number
}

/** Where the survey appears. `'inline'` renders into the `target` element. */
export type Placement = 'modal' | 'bottom-right' | 'bottom-left' | 'top-bar' | 'bottom-bar' | 'inline'

/**
 * Colour scheme: fixed, or following the visitor's system setting (`prefers-color-scheme`,
 * `'auto'`). Without it the survey matches the page: dark on a dark page, light otherwise.
 */
export type Theme = 'light' | 'dark' | 'auto'

/** A value per answer category, or one value for all of them. */
export type PerCategory<T> = T | { readonly [C in Category]?: T }

/** A link offered to promoters on the thank-you step, e.g. to leave a review. */
export interface PromoterAction {
  readonly label: string
  /** An `http:` or `https:` URL (anything else is refused). Opens in a new tab. */
  readonly href: string
}

/** Options of {@link createSurvey}. Every one is optional. */
export interface SurveyOptions extends Rules {
  /** Names this survey in responses and in the visitor's history [`'nps'`]. */
  readonly surveyId?: string
  /** Fills `{brand}` in the question. Without it the question says "us". */
  readonly brand?: string
  /** The question; `{brand}` is replaced by `brand` [the locale's question]. */
  readonly question?: string
  /** A BCP 47 tag, or `'auto'` for the best match of `navigator.languages` [`'auto'`, falling back to English]. */
  readonly locale?: string
  /** Extra or replacement locales, e.g. your own translation. Built-in locales load on demand. */
  readonly locales?: readonly Locale[]
  /** Overrides any built-in string of the chosen locale. */
  readonly messages?: Partial<Messages>
  /**
   * The follow-up text box after the score: `false` for none, a string for one prompt for
   * everyone, or per category (`{ detractor: '…', promoter: false }`) [the locale's prompts].
   */
  readonly followUp?: PerCategory<string | boolean>
  /** The thank-you text, one for all or per category [the locale's texts]. */
  readonly thankYou?: PerCategory<string>
  /** A call to action on the promoters' thank-you, e.g. `{ label: 'Review us', href: 'https://…' }`. */
  readonly promoterAction?: PromoterAction
  /** Show "You may contact me about my answer" under the text box, for all or per category [false]. */
  readonly contactConsent?: PerCategory<boolean>
  /** Where the survey appears [`'bottom-right'`]. */
  readonly placement?: Placement
  /** With `placement: 'inline'`: the element (or a CSS selector for it) to render into. */
  readonly target?: Element | string
  /** [the page's: its background colour, read once when the survey shows, decides light or dark] */
  readonly theme?: Theme
  /**
   * Accent colour of buttons, the selected score and the focus ring, any CSS colour. Where it has
   * less than 3:1 against the card's background it is darkened (light card) or lightened (dark card)
   * just enough; the text on it is white or black, whichever is readable (4.5:1).
   */
  readonly accent?: string
  /** Background colour of the card. */
  readonly background?: string
  /** Text colour. */
  readonly text?: string
  /** Corner radius in px [12]. */
  readonly radius?: number
  /** Font family [the system UI font]. */
  readonly fontFamily?: string
  /** Base font size in px [16]; everything scales from it, never from the host's `rem`. */
  readonly fontSize?: number
  /** Stacking order of floating placements [2147483000]. */
  readonly zIndex?: number
  /**
   * Bars only: px between the bar and its edge of the viewport, e.g. the height of your fixed
   * header for a `'top-bar'` [the extent of the page's own fixed or sticky elements at that edge,
   * measured when it shows, so a bar never covers them; `0` to cover them].
   */
  readonly offset?: number
  /** A CSP nonce for the `<style>` fallback in browsers without constructable stylesheets. */
  readonly nonce?: string
  /** Longest comment accepted [2000]. */
  readonly maxCommentLength?: number
  /** Close the thank-you by itself after this many ms; 0 keeps it open [5000]. */
  readonly autoCloseMs?: number
  /** Extra data sent with every response: a flat object of strings, numbers and booleans. */
  readonly metadata?: Metadata
  /** Who answered, as your site knows them (an id, a segment); sent as is, or null. */
  readonly user?: UserInfo
  /** Called with the response each time it changes: once with the score, once complete. */
  readonly onResponse?: (response: SurveyResponse) => void

  // Delivery

  /** Where responses are POSTed as JSON: an `http(s)` URL, absolute or relative to the page. */
  readonly endpoint?: string
  /**
   * Your own transport instead of `endpoint`: resolve to acknowledge, reject to retry later. It gets
   * the `shown`/`dismissed` events too only with `events: true` (tell them apart by `type === 'event'`).
   * A method, so a `send` written for responses alone still type-checks.
   */
  send?(payload: SurveyResponse | SurveyEvent): Promise<void>
  /** Extra request headers, e.g. an API key of the collector (not a secret: it is in the page). */
  readonly headers?: Readonly<Record<string, string>>
  /** Whether cookies go with the request [`'omit'`]. */
  readonly credentials?: 'omit' | 'same-origin' | 'include'
  /**
   * Reshapes the body for a collector that wants another format. Events pass through it only with
   * `events: true` (see `send`).
   */
  transform?(payload: SurveyResponse | SurveyEvent): unknown
  /** Keep the query string in `page` [false: it often holds order numbers and e-mail addresses]. */
  readonly includeQuery?: boolean
  /** Mask e-mail addresses and phone numbers in comments before they are stored or sent [false]. */
  readonly redact?: boolean
  /**
   * Report when the survey was shown and when it was closed without a score, as {@link SurveyEvent}s
   * through the same delivery as responses (queue, retries, consent), so a collector can count the
   * response rate [true with `endpoint`; with your own `send` or `transform`, false unless set].
   *
   * @example
   * createSurvey({ endpoint: '/api/responses', events: false }) // responses only
   */
  readonly events?: boolean
  /**
   * Where the customer is asked, copied into every response (as `channel`, when given) and event
   * [`'web'`]. The collector's email landing page sets `'email'`.
   *
   * @example
   * createSurvey({ endpoint: '/api/responses', channel: 'email' })
   */
  readonly channel?: Channel

  // Your analytics

  /**
   * Push `npskit_shown`, `npskit_score`, `npskit_answered` and `npskit_dismissed` to Google Tag
   * Manager's `window.dataLayer` (`true`) or to the array of that name, each as
   * `{ event, journeyPoint, score, category, channel }`: never the comment or who answered
   * [false]. The array is created if the page has none yet.
   *
   * @example
   * createSurvey({ endpoint: '/api/responses', dataLayer: true })
   * // window.dataLayer: [{ event: 'npskit_shown', journeyPoint: 'checkout', score: null, category: null, channel: 'web' }, …]
   */
  readonly dataLayer?: boolean | string
  /**
   * Called with the same four events as `dataLayer`, for any analytics tool (Segment, Amplitude,
   * Plausible). A throw is reported as an `'error'` event, never into the survey.
   *
   * @example
   * createSurvey({ onEvent: (name, detail) => analytics.track(name, detail) })
   */
  readonly onEvent?: (name: AnalyticsEventName, detail: AnalyticsDetail) => void
  /**
   * An npskit collector's base URL: before showing to an identified customer (`user` with an
   * `id` or `email`), ask it whether they answered, dismissed or were asked elsewhere (another
   * device, an email) within `answeredWaitDays`/`dismissedWaitDays`. Only a salted SHA-256 of
   * the id or email is sent, never the id or email itself, and only after consent. The two
   * requests have 800 ms in all; on a timeout or any error (an http: page, where browsers offer no
   * `crypto.subtle`, included) the survey goes on as if the collector said "ask". When it says no,
   * `trigger()` resolves as not shown with reason `'recontact-answered'`, `'recontact-dismissed'` or
   * `'recontact-asked'`. `show()` skips the check, like the other rules.
   *
   * @example
   * createSurvey({ endpoint: 'https://nps.example.com/api/responses', recontactCheck: 'https://nps.example.com', user: { id: 'C-1042' } })
   */
  readonly recontactCheck?: string

  // Targeting

  /** Named points of the customer's journey with their triggers and overrides. */
  readonly journeyPoints?: Readonly<Record<string, JourneyPoint>>
  // The targeting rules (answeredWaitDays, dismissedWaitDays, fatigue, sampleRate, minVisits,
  // minDaysSinceFirstSeen, devices, onlyLocales, when) come from `Rules`.
  /** With several surveys triggered at once, the highest priority shows [0]. */
  readonly priority?: number
  /** The visitor's consent: nothing is stored or sent, and nothing shows, until `'granted'` [`'granted'`]. */
  readonly consent?: Consent
  /** Respect Global Privacy Control and Do Not Track by not asking [true]. */
  readonly honourPrivacySignals?: boolean
  /** Where the visitor's history and the delivery queue are kept [`'local'`]. */
  readonly storage?: StorageOption
  /** Prefix of every storage key [`'npskit:'`]. */
  readonly storagePrefix?: string
  /** Log every decision (and its reason) to the console [false]. */
  readonly debug?: boolean
}

/** Where a customer is asked: on the site, or through a link in an email. */
export type Channel = 'web' | 'email'

/** The names `dataLayer` and `onEvent` receive, in the order they can happen. */
export type AnalyticsEventName = 'npskit_shown' | 'npskit_score' | 'npskit_answered' | 'npskit_dismissed'

/**
 * What `dataLayer` and `onEvent` receive with each event: never the comment, the user or the page.
 * `score` and `category` are null until a score is chosen (`npskit_shown`, `npskit_dismissed`).
 */
export interface AnalyticsDetail {
  readonly journeyPoint: string | null
  readonly score: number | null
  readonly category: Category | null
  readonly channel: Channel
}

/**
 * An event as it is delivered to a collector (with `events`, on by default with `endpoint`):
 * the survey was shown, or closed before a score was chosen. Posted to the same endpoint as the
 * responses; `type: 'event'` tells them apart (responses have no `type`).
 */
export interface SurveyEvent {
  readonly type: 'event'
  /** A UUID made on the client; collectors count each once (a retry sends it again). */
  readonly id: string
  /**
   * `'shown'`: on screen. `'dismissed'`: closed before a score was chosen, by the customer or by the
   * page (`hide()`, `destroy()`), as the visitor's own history counts it (closing at the follow-up
   * or thank-you is no dismissal: the response exists). `'sent'` is never made by the widget: the
   * shop posts it when it emails a survey link.
   */
  readonly event: 'shown' | 'dismissed' | 'sent'
  readonly surveyId: string
  /** The id the response of this showing has or will have. */
  readonly responseId: string | null
  readonly journeyPoint: string | null
  readonly channel: Channel
  /** The locale the question was shown in. */
  readonly locale: string
  /** The page URL as in responses (`''` for `sent`). */
  readonly page: string
  readonly user: UserInfo | null
  /** ISO 8601. */
  readonly at: string
  readonly sdk: { readonly name: 'npskit'; readonly version: string }
}

/** Options of {@link Survey.trigger}. */
export interface TriggerOptions {
  /** An order number or ticket id: the same one is never surveyed twice. */
  readonly dedupeKey?: string
  /** Merged over the survey's `metadata` for this showing. */
  readonly metadata?: Metadata
}

/** Why a survey would or would not show now: {@link Survey.explain}. */
export type Explanation = { readonly eligible: true; readonly reason: 'eligible' } | { readonly eligible: false; readonly reason: ReasonCode }

/** Flat metadata: what a collector can store in columns without parsing. */
export type Metadata = Readonly<Record<string, string | number | boolean>>

/** What the site tells about the customer; `null` when nothing. */
export type UserInfo = Readonly<Record<string, string | number | boolean | null>>

/** Options of one `show()`. */
export interface ShowOptions {
  /** Where in the customer's journey this is, e.g. `'checkout-complete'`. */
  readonly journeyPoint?: string
  /** Merged over the survey's `metadata` for this showing. */
  readonly metadata?: Metadata
  /**
   * Shows the survey with this score (0–10) already chosen, as when the customer clicked it in an
   * email: the response is made at once and the customer may still change it.
   */
  readonly score?: number
}

/** How a `show()` ended. */
export interface SurveyResult {
  readonly status: 'answered' | 'dismissed' | 'not-shown'
  readonly score?: number
  readonly category?: Category
  readonly comment?: string
  /** Why it was not shown or how it was closed, e.g. `'survey-on-screen'`, `'no-dom'`, `'hidden'`. */
  readonly reason?: string
}

/**
 * One response, exactly as it is delivered to a collector. It is made when the score is chosen
 * (`complete: false`) and updated, under the same `id`, when the customer finishes (`complete: true`).
 */
export interface SurveyResponse {
  /** A UUID made on the client; collectors upsert by it. */
  readonly id: string
  readonly surveyId: string
  readonly score: number
  readonly category: Category
  readonly comment: string | null
  readonly contactConsent: boolean
  readonly journeyPoint: string | null
  /** The locale the question was shown in. */
  readonly locale: string
  /** The question text as the customer saw it. */
  readonly question: string
  /** The page URL without query string and fragment. */
  readonly page: string
  readonly user: UserInfo | null
  readonly metadata: Metadata
  /** ISO 8601. */
  readonly createdAt: string
  /** ISO 8601. */
  readonly updatedAt: string
  readonly complete: boolean
  /** Where it was asked, when the survey's `channel` option is given (absent means `'web'`). */
  readonly channel?: Channel
  readonly sdk: { readonly name: 'npskit'; readonly version: string }
}

/** The events of a survey and what their handlers receive. */
export interface SurveyEvents {
  show: { readonly journeyPoint: string | null }
  score: SurveyResponse
  submit: SurveyResponse
  dismiss: { readonly step: 'question' | 'followUp' | 'thanks'; readonly response: SurveyResponse | null }
  error: Error
}

/** The object {@link createSurvey} returns. */
export interface Survey {
  /**
   * "The customer has reached this journey point": shows the survey if the rules allow it
   * (consent, waits, fatigue, sampling, dedupe key, …), after the point's `delayMs`.
   * Resolves like `show()`; when it does not show, `reason` says why (see `explain`).
   */
  trigger(journeyPoint: string, options?: TriggerOptions): Promise<SurveyResult>
  /** Would the survey show at this journey point now, and if not, why? Stores nothing. */
  explain(journeyPoint?: string, options?: TriggerOptions): Explanation
  /** Tells the survey the visitor's consent; `'granted'` also sends what earlier pages left queued. */
  setConsent(consent: Consent): void
  /** Shows the survey now, without the targeting rules (but never without consent). Never rejects. */
  show(options?: ShowOptions): Promise<SurveyResult>
  /** Closes the survey if it is on screen (its `show()` resolves with reason `'hidden'`). */
  hide(): void
  /** Closes it and removes everything it added to the page. The survey can't be used afterwards. */
  destroy(): void
  /** Listens to an event; returns a function that stops listening. */
  on<K extends keyof SurveyEvents>(event: K, handler: (detail: SurveyEvents[K]) => void): () => void
}
