import type { AlertKind, AlertResponse, AlertWhen } from './types'
import { matches } from './when'

/** An outbox row as enqueue sees it. */
export interface OutboxRow {
  readonly kind: AlertKind
  readonly state: 'pending' | 'sent' | 'failed' | 'cancelled'
  /** Whether what was sent had a comment; null until sent. */
  readonly sentComment: boolean | null
}

/** What one new version of an answer does to the outbox of one destination. */
export type Step =
  | { readonly do: 'nothing' }
  /** A first alert: now for a complete answer, after the window for a bare score. */
  | { readonly do: 'insert'; readonly dueNow: boolean }
  /** A newer version of an alert not sent yet: send this one instead (now, if complete). */
  | { readonly do: 'revise'; readonly dueNow: boolean }
  /** The answer no longer alerts (its score changed) before the alert went out. */
  | { readonly do: 'cancel' }
  /** The comment came after the alert for the bare score went out: one short update. */
  | { readonly do: 'update' }

const hasComment = (r: Pick<AlertResponse, 'comment'>): boolean => r.comment !== null && r.comment !== ''

/**
 * Decides what a new version of an answer does to one destination's outbox rows: the heart of
 * "one alert per answer, with the comment when there is one".
 *
 * @example
 * planStep(undefined, bareDetractor, ['detractor']) // → { do: 'insert', dueNow: false }
 */
export function planStep(alert: OutboxRow | undefined, response: AlertResponse, when: readonly AlertWhen[]): Step {
  const alerting = matches(when, response)
  // Nothing more is coming after a complete answer, and under `when: 'comment'` a bare score
  // never alerts, so there is nothing to wait for.
  const dueNow = response.complete
  if (!alert) return alerting ? { do: 'insert', dueNow } : { do: 'nothing' }
  if (alert.state === 'pending' || alert.state === 'cancelled') {
    if (alerting) return { do: 'revise', dueNow }
    return alert.state === 'pending' ? { do: 'cancel' } : { do: 'nothing' }
  }
  if (alert.state === 'sent' && alerting && hasComment(response) && alert.sentComment === false) return { do: 'update' }
  return { do: 'nothing' }
}
