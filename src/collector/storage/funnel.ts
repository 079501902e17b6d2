// The response rate: how many were asked (emails sent, surveys shown), how many dismissed, answered
// and commented, per journey point and channel and per week, read from funnel_counts (hourly counts
// that migration 006's triggers keep), never from the events and responses themselves.
import { DAY } from './pieces'
import type { Channel, Database, Funnel, FunnelFilters, FunnelSteps } from './types'

const steps = ['sent', 'shown', 'dismissed', 'answered', 'commented'] as const
type Step = (typeof steps)[number]

function instant(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const ms = typeof value === 'string' ? Date.parse(value) : NaN
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 date, not ${JSON.stringify(value)}`)
  return ms
}

const empty = (): Record<Step, number> => ({ sent: 0, shown: 0, dismissed: 0, answered: 0, commented: 0 })

/** The steps with their rate: answered per email sent (or per landing page shown, when no send was counted), per survey shown on the web. */
function withRate(channel: Channel, counts: Record<Step, number>): FunnelSteps {
  const asked = channel === 'email' && counts.sent > 0 ? counts.sent : counts.shown
  return { ...counts, rate: asked > 0 ? counts.answered / asked : null }
}

/** Adds `n` of `step` to the group of `key`, made with `make` when new. */
function tally<G extends { counts: Record<Step, number> }>(groups: Map<string, G>, key: string, make: () => G, step: string, n: number): void {
  let group = groups.get(key)
  if (!group) groups.set(key, (group = make()))
  if ((steps as readonly string[]).includes(step)) group.counts[step as Step] += n
}

/**
 * See Store.funnel. Without from/to, the 90 days before `now`. Periods are read in whole UTC
 * hours (the counts' slots): a `from` inside an hour counts that hour.
 *
 * @throws RangeError for a bad from, to, now, channel or timeZone, naming it.
 */
export async function funnel(db: Database, filters: FunnelFilters): Promise<Funnel> {
  const { timeZone = 'UTC', now = Date.now(), journeyPoint, channel } = filters
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`)
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new RangeError(`timeZone must be an IANA time zone such as Europe/Oslo, not ${JSON.stringify(timeZone)}`)
  }
  if (channel !== undefined && channel !== 'web' && channel !== 'email') throw new RangeError('channel must be web or email')
  const to = instant(filters.to, 'to') ?? now
  const from = instant(filters.from, 'from') ?? to - 90 * DAY
  if (!(from < to)) throw new RangeError('from must be before to')
  const values: unknown[] = [new Date(from).toISOString(), new Date(to).toISOString(), timeZone]
  let scope = "slot >= date_trunc('hour', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND slot < $2"
  if (journeyPoint !== undefined) scope += ` AND journey_point = $${values.push(journeyPoint)}`
  if (channel !== undefined) scope += ` AND channel = $${values.push(channel)}`
  const { rows } = await db.query<{ start: string; journeyPoint: string | null; channel: Channel; step: string; n: number }>(
    `SELECT to_char(date_trunc('week', slot AT TIME ZONE $3), 'YYYY-MM-DD') AS start, journey_point AS "journeyPoint", channel, step,
       sum(n)::int AS n
     FROM funnel_counts WHERE ${scope} GROUP BY 1, 2, 3, 4`,
    values,
  )
  type ByPoint = { journeyPoint: string | null; channel: Channel; counts: Record<Step, number> }
  type ByWeek = { start: string; channel: Channel; counts: Record<Step, number> }
  const points = new Map<string, ByPoint>()
  const weeks = new Map<string, ByWeek>()
  const channels = new Map<string, { channel: Channel; counts: Record<Step, number> }>()
  for (const r of rows) {
    tally(points, JSON.stringify([r.journeyPoint, r.channel]), () => ({ journeyPoint: r.journeyPoint, channel: r.channel, counts: empty() }), r.step, r.n)
    tally(weeks, JSON.stringify([r.start, r.channel]), () => ({ start: r.start, channel: r.channel, counts: empty() }), r.step, r.n)
    tally(channels, r.channel, () => ({ channel: r.channel, counts: empty() }), r.step, r.n)
  }
  const asked = (s: FunnelSteps) => s.sent + s.shown
  return {
    period: { from: values[0] as string, to: values[1] as string, timeZone },
    channels: [...channels.values()].map((c) => ({ channel: c.channel, ...withRate(c.channel, c.counts) })).sort((a, b) => a.channel.localeCompare(b.channel)),
    rows: [...points.values()]
      .map((p) => ({ journeyPoint: p.journeyPoint, channel: p.channel, ...withRate(p.channel, p.counts) }))
      .sort((a, b) => asked(b) - asked(a) || b.answered - a.answered || String(a.journeyPoint).localeCompare(String(b.journeyPoint)) || a.channel.localeCompare(b.channel)),
    weeks: [...weeks.values()]
      .map((w) => ({ start: w.start, channel: w.channel, ...withRate(w.channel, w.counts) }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.channel.localeCompare(b.channel)),
  }
}
