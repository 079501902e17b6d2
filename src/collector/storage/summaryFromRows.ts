// TEMPORARY port of demo/collector/summary.mjs (reads every row); replaced by the counts table.
import { compare, confidenceInterval, histogram, nps, segment, tally, trend } from '../../score'
import type { Tally } from '../../score'
import type { Database, Summary, SummaryFilters } from './types'
import { where } from './where'

const DAY = 864e5
const num = (n: number) => (Number.isFinite(n) ? n : null)

function stats(t: Tally, level: number) {
  const ci = t.total ? confidenceInterval(t, { level }) : { low: NaN, high: NaN }
  return { tally: t, nps: num(nps(t)), low: num(ci.low), high: num(ci.high) }
}

export async function summary(db: Database, filters: SummaryFilters): Promise<Summary> {
  const { level = 0.95, timeZone = 'UTC', now = Date.now() } = filters
  const to = filters.to ? Date.parse(filters.to) : now
  const from = filters.from ? Date.parse(filters.from) : to - 90 * DAY
  const previousFrom = from - (to - from)
  const iso = (ms: number) => new Date(ms).toISOString()
  const seg = { ...(filters.journeyPoint ? { journeyPoint: filters.journeyPoint } : {}), ...(filters.locale ? { locale: filters.locale } : {}) }
  const read = async (a: number, b: number) => {
    const w = where({ ...seg, from: iso(a), to: iso(b) })
    return (await db.query<{ score: number; createdAt: Date; journeyPoint: string | null; locale: string }>(
      `SELECT score, created_at AS "createdAt", journey_point AS "journeyPoint", locale FROM responses ${w.sql} ORDER BY created_at`, w.values)).rows
  }
  const [rows, previousRows, points, locales] = await Promise.all([
    read(from, to), read(previousFrom, from),
    db.query('SELECT DISTINCT journey_point AS v FROM responses WHERE journey_point IS NOT NULL ORDER BY 1'),
    db.query('SELECT DISTINCT locale AS v FROM responses ORDER BY 1'),
  ])
  const breakdown = (key: (r: (typeof rows)[number]) => string | null) =>
    [...segment(rows, key)].map(([value, t]) => ({ key: value ?? '(none)', ...stats(t, level) })).sort((a, b) => b.tally.total - a.tally.total)
  const scores = rows.map((r) => r.score)
  const current = tally(scores)
  const previous = tally(previousRows.map((r) => r.score))
  const c = current.total && previous.total ? compare(current, previous, { level }) : null
  const ci = current.total ? confidenceInterval(current, { level }) : null
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
    journeyPoints: points.rows.map((r) => r.v),
    locales: locales.rows.map((r) => r.v),
  }
}
