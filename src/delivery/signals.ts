import { surveyEvent, type EventContext } from '../core/event'
import type { Payload } from '../core/queue'
import type { AnalyticsEventName, SurveyOptions, SurveyResponse } from '../types'
import { randomId } from '../lib/randomId'
import { tell } from './analytics'

/** The moments of a showing that the collector (two of them) and the page's analytics hear of. */
export type Moment = 'shown' | 'score' | 'answered' | 'dismissed'

/**
 * Passes one moment of a showing on: `shown` and `dismissed` as {@link surveyEvent}s to the delivery
 * queue (with `events`, by default whenever responses go to an `endpoint`; a `send` or `transform`
 * of the shop's own gets them only with `events: true`, since it may not know them), and all four
 * to `dataLayer` and `onEvent`. Lives in the delivery chunk, which comes after the first paint:
 * the caller has checked consent and privacy signals.
 *
 * @example
 * signal(options, delivery.enqueue, report, 'shown', context)
 */
export function signal(
  o: SurveyOptions,
  enqueue: (payload: Payload) => void,
  report: (error: unknown) => void,
  moment: Moment,
  about: EventContext,
  response?: SurveyResponse,
): void {
  if ((moment === 'shown' || moment === 'dismissed') && (o.events ?? !(o.send || o.transform))) enqueue(surveyEvent(moment, about, randomId(), new Date()))
  if (o.dataLayer || o.onEvent) tell(o, ('npskit_' + moment) as AnalyticsEventName, about.journeyPoint, response, report)
}
