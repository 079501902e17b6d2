import { recontactKeys } from '../core/recontactKeys'
import type { Rules } from '../core/eligibility'
import { sha256Hex } from '../lib/sha256'
import type { UserInfo } from '../types'

/** Why a collector says not to ask: this person answered, dismissed, or was asked (an email) lately. */
export type RecontactReason = 'answered' | 'dismissed' | 'asked'

// The days the collector accepts (0..3650, whole): a fractional wait is rounded up, never shortened.
const days = (value: number | undefined, fallback: number) => String(Math.min(3650, Math.ceil(value ?? fallback)))

/**
 * Asks an npskit collector (`base`, its URL without `/api/…`) whether an identified customer
 * answered, dismissed or was asked within the survey's waits somewhere else: another device, a
 * browser without this one's history, an email. It sends a salted SHA-256 of each of the user's
 * keys (see `recontactKeys`), with the collector's own salt, never the id or email itself.
 * Resolves with the reason not to ask, or undefined to ask (an anonymous user asks nothing).
 * Rejects on any failure, aborted by `signal` included: the caller asks then. A chunk of its own
 * (npskit-recontact.js), fetched only with the `recontactCheck` option.
 *
 * @example
 * await recontact('https://nps.example.com', { id: 'C-1042' }, { answeredWaitDays: 90 }, signal) // → 'answered'
 */
export async function recontact(base: string, user: UserInfo, rules: Rules, signal: AbortSignal): Promise<RecontactReason | undefined> {
  const keys = recontactKeys(user)
  if (!keys.length) return undefined
  const url = base.replace(/\/+$/, '') + '/api/recontact'
  const get = async (to: string): Promise<Record<string, unknown>> => {
    const r = await fetch(to, { signal, credentials: 'omit' })
    if (!r.ok) throw new Error(`npskit: option "recontactCheck": the collector answered ${r.status}`)
    return ((await r.json()) ?? {}) as Record<string, unknown>
  }
  const { salt } = await get(url + '/salt')
  if (typeof salt !== 'string' || salt.length < 16) throw new Error('npskit: option "recontactCheck": the collector sent no salt')
  const query = new URLSearchParams()
  for (const key of keys) query.append('h', await sha256Hex(salt + '\n' + key))
  query.set('answered', days(rules.answeredWaitDays, 90))
  query.set('dismissed', days(rules.dismissedWaitDays, 14))
  const answer = await get(url + '?' + query)
  return answer.ask === false ? ((['answered', 'dismissed', 'asked'].includes(answer.reason as string) ? answer.reason : 'asked') as RecontactReason) : undefined
}
