import { recontactKeys } from '../core/recontactKeys'
import type { Rules } from '../core/eligibility'
import { sha256Hex } from '../lib/sha256'
import type { SurveyOptions } from '../types'

// Why a collector says not to ask: this person answered, dismissed, or was asked (an email) lately.
const reasons = ['answered', 'dismissed', 'asked']

// The days the collector accepts (0..3650, whole): a fractional wait is rounded up, never shortened.
const days = (value: number | undefined, fallback: number) => String(Math.min(3650, Math.ceil(value ?? fallback)))

/**
 * Asks the npskit collector at `o.recontactCheck` (its base URL) whether the identified customer
 * in `o.user` answered, dismissed or was asked within the survey's waits somewhere else: another
 * device, a browser without this one's history, an email. It sends a salted SHA-256 of each of
 * the user's keys (see `recontactKeys`) with the collector's own salt, never the id or email
 * itself. Resolves with the reason not to show (`'recontact-answered'`, `'recontact-dismissed'`,
 * `'recontact-asked'`) and when that happened (epoch ms, NaN if the collector did not say), or
 * undefined to ask: also for an anonymous user (nothing is requested),
 * after 800 ms (the requests are aborted), and on any error (reported). Never rejects. A chunk of
 * its own (npskit-recontact.js), fetched only with the `recontactCheck` option.
 *
 * @example
 * await recontact({ recontactCheck: 'https://nps.example.com', user: { id: 'C-1042' } }, console.warn) // → ['recontact-answered', 1764583200000]
 */
export async function recontact(o: Rules & Pick<SurveyOptions, 'recontactCheck' | 'user'>, report: (error: unknown) => void): Promise<[reason: string, at: number] | undefined> {
  const keys = recontactKeys(o.user)
  if (!keys.length || !o.recontactCheck) return undefined
  const stop = new AbortController()
  const timer = setTimeout(() => stop.abort(), 800)
  const url = o.recontactCheck.replace(/\/+$/, '') + '/api/recontact'
  const get = async (to: string): Promise<Record<string, unknown>> => {
    const r = await fetch(to, { signal: stop.signal, credentials: 'omit' })
    if (!r.ok) throw new Error(`npskit: option "recontactCheck": the collector answered ${r.status}`)
    return ((await r.json()) ?? {}) as Record<string, unknown>
  }
  try {
    const { salt } = await get(url + '/salt')
    if (typeof salt !== 'string' || salt.length < 16) throw new Error('npskit: option "recontactCheck": the collector sent no salt')
    const query = new URLSearchParams()
    for (const key of keys) query.append('h', await sha256Hex(salt + '\n' + key))
    query.set('answered', days(o.answeredWaitDays, 90))
    query.set('dismissed', days(o.dismissedWaitDays, 14))
    const answer = await get(url + '?' + query)
    // A reason this version does not know is still a no; `at` is NaN when the collector sent no time.
    return answer.ask === false ? ['recontact-' + (reasons.includes(answer.reason as string) ? answer.reason : 'asked'), Date.parse(answer.at as string)] : undefined
  } catch (error) {
    // Too slow is no error: the customer is asked, as documented.
    if (!stop.signal.aborted) report(error)
    return undefined
  } finally {
    clearTimeout(timer)
  }
}
