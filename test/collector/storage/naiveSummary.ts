// The summary as the demo collector computed it: every row of the period read into JavaScript and
// handed to npskit/score. Slow, obviously right: the reference the counts table is checked against.
import { compare, confidenceInterval, histogram, nps, segment, tally, trend, type Tally } from '../../../src/score'
import type { Queryable, Summary } from '../../../src/collector/storage/index'

const DAY = 864e5
const num = (n: number) => (Number.isFinite(n) ? n : null)

function stats(t: Tally, level: number) {
  const ci = t.total ? confidenceInterval(t, { level }) : { low: NaN, high: NaN }
  return { tally: t, nps: num(nps(t)), low: num(ci.low), high: num(ci.high) }
}

interface Row {
  score: number
  createdAt: Date
  journeyPoint: string | null
  locale: string
}

export async function naiveSummary(
  db: Queryable,
  filters: { from?: string; to?: string; journeyPoint?: string; locale?: string; timeZone: string; now: number; level?: number },
): Promise<Summary> {
  const { level = 0.95, timeZone, now } = filters
  const to = filters.to ? Date.parse(filters.to) : now
  const from = filters.from ? Date.parse(filters.from) : to - 90 * DAY
  const previousFrom = from - (to - from)
  const all = (await db.query<Row>('SELECT score, created_at AS "createdAt", journey_point AS "journeyPoint", locale FROM responses ORDER BY created_at')).rows
  const matches = (r: Row) => (!filters.journeyPoint || r.journeyPoint === filters.journeyPoint) && (!filters.locale || r.locale === filters.locale)
  const within = (a: number, b: number) => all.filter((r) => matches(r) && +r.createdAt >= a && +r.createdAt < b)
  const rows = within(from, to)
  const previousRows = within(previousFrom, from)
  const breakdown = (key: (r: Row) => string | null) =>
    [...segment(rows, key)]
      .map(([value, t]) => ({ key: value ?? '(none)', ...stats(t, level) }))
      .sort((a, b) => b.tally.total - a.tally.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const scores = rows.map((r) => r.score)
  const current = tally(scores)
  const previous = tally(previousRows.map((r) => r.score))
  const c = current.total && previous.total ? compare(current, previous, { level }) : null
  const ci = current.total ? confidenceInterval(current, { level }) : null
  const iso = (ms: number) => new Date(ms).toISOString()
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort()
  return {
    period: { from: iso(from), to: iso(to), timeZone, level },
    tally: current,
    nps: num(nps(current)),
    interval: ci && { low: ci.low, high: ci.high, level: ci.level, method: ci.method },
    histogram: histogram(scores),
    trend: trend(rows, { interval: 'week', timeZone }).map((w) => ({ start: w.start, ...stats(w.tally, level) })),
    byJourneyPoint: breakdown((r) => r.journeyPoint),
    byLocale: breakdown((r) => r.locale),
    comparison: {
      current: { from: iso(from), to: iso(to), ...stats(current, level) },
      previous: { from: iso(previousFrom), to: iso(from), ...stats(previous, level) },
      test: c && { difference: c.difference, standardError: c.standardError, z: c.z, pValue: c.pValue, low: c.low, high: c.high, significant: c.significant },
    },
    journeyPoints: distinct(all.map((r) => r.journeyPoint)),
    locales: distinct(all.map((r) => r.locale)),
  }
}
