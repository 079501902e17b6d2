import type { AlertContent } from './content'
import type { AlertKind } from './types'

/**
 * The body of an `ALERT_FORMAT=json` webhook. `response` is the answer as the widget sent it,
 * less `user` and `question`; `email` is there only when the customer agreed to be contacted.
 */
export interface AlertJsonBody {
  /** Bumped only for a change a receiver must know about. */
  readonly version: 1
  readonly type: AlertKind
  /** The same for every attempt of one alert: a receiver that must never act twice keys on it. */
  readonly deliveryId: string
  readonly text: string
  readonly url: string | null
  readonly response: {
    readonly id: string
    readonly surveyId: string
    readonly score: number
    readonly category: string
    readonly comment: string | null
    readonly journeyPoint: string | null
    readonly locale: string
    readonly page: string
    readonly metadata: Readonly<Record<string, string | number | boolean | null>>
    readonly contactConsent: boolean
    readonly email: string | null
    readonly createdAt: string
    readonly updatedAt: string
    readonly complete: boolean
  }
}

/**
 * The JSON body of one alert.
 *
 * @example
 * JSON.stringify(jsonBody(content)) // → '{"version":1,"type":"alert",…}'
 */
export function jsonBody(content: AlertContent): AlertJsonBody {
  const r = content.response
  return {
    version: 1,
    type: content.kind,
    deliveryId: deliveryId(r.id, content.kind),
    text: content.title,
    url: content.url,
    response: {
      id: r.id, surveyId: r.surveyId, score: r.score, category: r.category, comment: r.comment,
      journeyPoint: r.journeyPoint, locale: r.locale, page: r.page, metadata: r.metadata,
      contactConsent: r.contactConsent, email: content.email, createdAt: r.createdAt, updatedAt: r.updatedAt, complete: r.complete,
    },
  }
}

/** `<response id>.alert` or `<response id>.update`: also sent as the `X-Npskit-Delivery` header. */
export function deliveryId(responseId: string, kind: AlertKind): string {
  return `${responseId}.${kind}`
}
