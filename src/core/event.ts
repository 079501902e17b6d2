import type { SurveyEvent } from '../types'
import type { ResponseContext } from './response'

/** What an event tells about its showing: the response's context, of which it keeps no text or metadata. */
export type EventContext = Pick<ResponseContext, 'id' | 'surveyId' | 'journeyPoint' | 'locale' | 'page' | 'user' | 'channel' | 'version'>

/**
 * The `shown` or `dismissed` event of one showing, as delivered to a collector beside its response
 * (`responseId` is the id that response has or will have). Nothing of the question, the comment or
 * the metadata: a collector counts showings with it, no more.
 *
 * @example
 * surveyEvent('shown', context, randomId(), new Date())
 * // → { type: 'event', event: 'shown', responseId: context.id, channel: 'web', … }
 */
export function surveyEvent(event: 'shown' | 'dismissed', c: EventContext, id: string, now: Date): SurveyEvent {
  return {
    type: 'event',
    id,
    event,
    surveyId: c.surveyId,
    responseId: c.id,
    journeyPoint: c.journeyPoint,
    channel: c.channel ?? 'web',
    locale: c.locale,
    page: c.page,
    user: c.user,
    at: now.toISOString(),
    sdk: { name: 'npskit', version: c.version },
  }
}
