import type { AlertKind, AlertResponse } from './types'
import type { AlertWording } from './wording'

/** What every alert format shows, worded once so Slack, Teams and email say the same. */
export interface AlertContent {
  readonly kind: AlertKind
  readonly response: AlertResponse
  /** `"Detractor: 3 out of 10"`, or for an update `"Comment added · Detractor: 3 out of 10"`. */
  readonly title: string
  /** The customer's email, only when they agreed to be contacted. */
  readonly email: string | null
  /** `"May be contacted: anna@example.com"` or `"Did not agree to be contacted"`. */
  readonly contact: string
  /** Labelled lines of an alert: journey point, page, survey, each metadata entry (none in an update). */
  readonly facts: readonly (readonly [label: string, value: string])[]
  /** The response in the inbox, when the collector's public URL is known. */
  readonly url: string | null
  readonly wording: AlertWording
}

/**
 * Words one alert. An update carries only what it is about: the comment and the score it belongs to.
 *
 * @example
 * alertContent(response, 'alert', resolveWording('en', 'locale'), null).title // → 'Detractor: 3 out of 10'
 */
export function alertContent(response: AlertResponse, kind: AlertKind, wording: AlertWording, url: string | null): AlertContent {
  const score = wording.category[response.category] + ': ' + wording.scoreLabel.replace('{score}', String(response.score))
  const email = response.contactConsent && typeof response.user?.email === 'string' ? response.user.email : null
  const facts: [string, string][] = []
  if (kind === 'alert') {
    if (response.journeyPoint) facts.push([wording.journeyPoint, response.journeyPoint])
    facts.push([wording.page, response.page], [wording.survey, response.surveyId])
    for (const [key, value] of Object.entries(response.metadata)) if (value !== null) facts.push([key, String(value)])
  }
  const contact = !response.contactConsent ? wording.noContact : email ? `${wording.contact}: ${email}` : wording.contact
  return { kind, response, title: kind === 'update' ? `${wording.update} · ${score}` : score, email, contact, facts, url, wording }
}
