import { dedupeHash, memoryOf } from './history'
import type { History } from './history'
import { inSample } from './sample'

/** The visitor's answer to the site's consent banner. */
export type Consent = 'granted' | 'denied' | 'pending'

/** The device classes a survey can be limited to; the adapter decides which one a visitor has. */
export type Device = 'mobile' | 'tablet' | 'desktop'

/** What the adapters know at the moment a survey might show. */
export interface Context {
  /** Epoch ms. */
  readonly now: number
  readonly consent: Consent
  /** `navigator.globalPrivacyControl`. */
  readonly gpc?: boolean
  /** `navigator.doNotTrack === '1'`. */
  readonly dnt?: boolean
  /** Whether GPC and DNT keep surveys away. Default true; a shop may opt out. */
  readonly honourPrivacySignals?: boolean
  readonly device?: Device
  /** A BCP 47 tag, e.g. `'nb-NO'`. */
  readonly locale?: string
  /** Where in the customer's journey this is, e.g. `'checkout-complete'`. */
  readonly journeyPoint?: string
  /** An order number or ticket id: one survey never asks about the same one twice. */
  readonly dedupeKey?: string
  readonly metadata?: Readonly<Record<string, unknown>>
  /** Whether some survey is already on screen. */
  readonly onScreen?: boolean
}

/** When one survey may show. Every field is optional; the defaults are in brackets. */
export interface Rules {
  /** Days to leave a visitor alone after they answered this survey [90]. */
  readonly answeredWaitDays?: number
  /** Days to leave a visitor alone after they closed this survey unanswered [14]. */
  readonly dismissedWaitDays?: number
  /**
   * Site-wide: at most `maxPrompts` prompts of any survey per `periodDays` [1 per 14 days],
   * so two surveys never take turns. Give every survey the same value. `periodDays: 0` turns it off.
   */
  readonly fatigue?: { readonly maxPrompts?: number; readonly periodDays?: number }
  /** The share of visitors who may ever see it, 0..1 [1]. Sticky per visitor. */
  readonly sampleRate?: number
  /** Visits before the first prompt, this one included [0]. */
  readonly minVisits?: number
  /** Days since the visitor was first seen [0]. */
  readonly minDaysSinceFirstSeen?: number
  /** Devices to show on [all]. */
  readonly devices?: readonly Device[]
  /** Language ranges to show for; `'en'` matches `'en-GB'` [all]. */
  readonly onlyLocales?: readonly string[]
  /**
   * The shop's own last word, given at once: `true` or `false`. Throwing counts as no, with the
   * reason `'when-error'`. createSurvey refuses an `async` function with a TypeError, and treats a
   * Promise returned at run time as a throw (decide what you need before triggering).
   */
  readonly when?: (context: Context) => boolean
}

/** Why a survey may not show. Stable: a shop's dashboards may count them. */
export type ReasonCode =
  | 'no-consent'
  | 'consent-pending'
  | 'privacy-signal'
  | 'survey-on-screen'
  | 'already-surveyed-key'
  | 'answered-recently'
  | 'dismissed-recently'
  | 'fatigue'
  | 'too-few-visits'
  | 'too-new'
  | 'wrong-device'
  | 'wrong-locale'
  | 'filtered'
  | 'when-error'
  | 'sampled-out'

/** The answer of {@link eligible}. */
export type Verdict = { readonly eligible: true; readonly reason: 'eligible' } | { readonly eligible: false; readonly reason: ReasonCode }

const DAY = 86_400_000

/**
 * Whether a survey may show now, and if not, why. The checks run in a fixed order and
 * the first that fails names the reason, so the same situation always gets the same one:
 * consent and privacy signals; another survey on screen; the dedupe key; the answered and
 * dismissed waits; site-wide fatigue; visits, age, device, locale and `when`; the sample.
 * Sampling comes last so a reason the shop can act on is never hidden behind it.
 *
 * `history` is a function that reads the visitor's history: it is called only once consent, privacy
 * signals and the survey on screen have had their say, so a visitor who said no (or whose browser
 * did) costs no storage access at all, not even the visit count.
 *
 * A wait ends exactly `days * 86 400 000` ms after the event. A timestamp in the future
 * (a clock set back) counts as recent: when unsure, do not ask.
 *
 * @example
 * eligible(() => history, 'post-purchase', { sampleRate: 0.2 }, { now: Date.now(), consent: 'granted' })
 * // → { eligible: true, reason: 'eligible' } for about 1 visitor in 5 (always the same ones);
 * //   { eligible: false, reason: 'sampled-out' } for the rest
 */
export function eligible(history: () => History, surveyId: string, rules: Rules, context: Context): Verdict {
  const reason = firstReason(history, surveyId, rules, context)
  return reason ? { eligible: false, reason } : { eligible: true, reason: 'eligible' }
}

function firstReason(read: () => History, surveyId: string, rules: Rules, context: Context): ReasonCode | undefined {
  const { now, consent, locale, dedupeKey } = context
  // days > 0 first: a wait of 0 means no wait, even for a timestamp from the future. No time at
  // all makes NaN, which is less than nothing.
  const within = (time: number | undefined, days: number) => days > 0 && now - time! < days * DAY

  if (consent === 'denied') return 'no-consent'
  if (consent !== 'granted') return 'consent-pending'
  if ((context.gpc || context.dnt) && context.honourPrivacySignals !== false) return 'privacy-signal'
  if (context.onScreen) return 'survey-on-screen'
  const history = read()
  if (dedupeKey !== undefined) {
    const hash = dedupeHash(surveyId, dedupeKey)
    if (history.keys.some((k) => k.hash === hash)) return 'already-surveyed-key'
  }
  const memory = memoryOf(history, surveyId)
  if (within(memory.answered, rules.answeredWaitDays ?? 90)) return 'answered-recently'
  if (within(memory.dismissed, rules.dismissedWaitDays ?? 14)) return 'dismissed-recently'
  const { maxPrompts = 1, periodDays = 14 } = rules.fatigue ?? {}
  if (history.prompts.filter((t) => within(t, periodDays)).length >= maxPrompts) return 'fatigue'
  if (history.visits < (rules.minVisits ?? 0)) return 'too-few-visits'
  if (within(history.firstSeen, rules.minDaysSinceFirstSeen ?? 0)) return 'too-new'
  if (rules.devices && !(context.device && rules.devices.includes(context.device))) return 'wrong-device'
  if (rules.onlyLocales && !(locale && rules.onlyLocales.some((range) => matchesRange(locale, range)))) return 'wrong-locale'
  if (rules.when) {
    try {
      if (!rules.when(context)) return 'filtered'
    } catch {
      return 'when-error'
    }
  }
  if (!inSample(history.visitorId, surveyId, rules.sampleRate ?? 1)) return 'sampled-out'
  return undefined
}

// RFC 4647 basic filtering: a range matches the tag itself or any tag it is a prefix of at a '-'.
// With a '-' after both, "the tag itself or a prefix at a '-'" is one startsWith.
function matchesRange(tag: string, range: string): boolean {
  return range === '*' || (tag + '-').toLowerCase().startsWith((range + '-').toLowerCase())
}
