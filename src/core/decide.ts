import { eligible, type Consent, type Context, type Rules, type Verdict } from './eligibility'
import type { History } from './history'
import type { JourneyPoint, SurveyOptions } from '../types'

/** What the page knows at the moment of asking (see `targeting/environment.ts`). */
export interface Moment {
  readonly now: number
  readonly consent: Consent
  readonly gpc: boolean
  readonly dnt: boolean
  readonly device: Context['device']
  readonly languages: readonly string[]
  readonly onScreen: boolean
}

/** The journey point's own options, or `{}`; never a name from Object.prototype. */
export const pointOf = (o: SurveyOptions, name: string | undefined): JourneyPoint =>
  (name !== undefined && o.journeyPoints && Object.hasOwn(o.journeyPoints, name) && o.journeyPoints[name]) || {}

/**
 * The targeting rules applied to the survey's options at one journey point: the one mapping
 * from options to {@link eligible}, shared by createSurvey and the script tag's first stage
 * (which answers the common "not now" without loading the rest of npskit). The history is a
 * function that reads it (and counts the visit): it runs only after consent and privacy signals allow.
 *
 * @example
 * decide({ sampleRate: 0 }, () => history, moment, 'checkout-complete') // → { eligible: false, reason: 'sampled-out' }
 */
export function decide(
  o: SurveyOptions,
  history: () => History,
  moment: Moment,
  journeyPoint?: string,
  dedupeKey?: string,
  metadata?: Readonly<Record<string, unknown>>,
): Verdict {
  // The survey's options are the rules (the names are the same), with the journey point's sample rate.
  const rules = { ...o, sampleRate: pointOf(o, journeyPoint).sampleRate ?? o.sampleRate } as Rules
  const context: Context = {
    ...moment,
    honourPrivacySignals: o.honourPrivacySignals,
    locale: moment.languages[0],
    journeyPoint,
    dedupeKey,
    metadata: { ...o.metadata, ...metadata },
  } as Context
  return eligible(history, o.surveyId ?? 'nps', rules, context)
}
