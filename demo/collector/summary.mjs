// GET /api/summary: every number the dashboard shows, computed by npskit/score from the rows.
// The package refers to itself by name here, exactly as a collector that installed npskit would.
import { compare, confidenceInterval, histogram, nps, segment, tally, trend } from 'npskit/score'
import { dimensions, scoresFor } from './store.mjs'

const DAY = 864e5
// JSON has no NaN: an NPS of no responses is null.
const num = (n) => (Number.isFinite(n) ? n : null)

function stats(t, level) {
  const ci = t.total ? confidenceInterval(t, { level }) : { low: NaN, high: NaN }
  return { tally: t, nps: num(nps(t)), low: num(ci.low), high: num(ci.high) }
}

function breakdown(rows, key, level) {
  return [...segment(rows, key)]
    .map(([value, t]) => ({ key: value ?? '(none)', ...stats(t, level) }))
    .sort((a, b) => b.tally.total - a.tally.total)
}

/**
 * @param filters { from?, to?, journeyPoint?, locale? } from the query string, checked.
 * The period is [from, to); without them the last 90 days. The comparison is with the period
 * of the same length just before it.
 */
export async function summary(db, filters, { level = 0.95, timeZone = 'Europe/Oslo', now = Date.now() } = {}) {
  const to = filters.to ? Date.parse(filters.to) : now
  const from = filters.from ? Date.parse(filters.from) : to - 90 * DAY
  const previousFrom = from - (to - from)
  const iso = (ms) => new Date(ms).toISOString()
  const segmentFilters = { journeyPoint: filters.journeyPoint, locale: filters.locale }
  const [rows, previousRows, dims] = await Promise.all([
    scoresFor(db, { ...segmentFilters, from: iso(from), to: iso(to) }),
    scoresFor(db, { ...segmentFilters, from: iso(previousFrom), to: iso(from) }),
    dimensions(db),
  ])
  const scores = rows.map((r) => r.score)
  const current = tally(scores)
  const previous = tally(previousRows.map((r) => r.score))
  const comparison = current.total && previous.total ? compare(current, previous, { level }) : null
  const ci = current.total ? confidenceInterval(current, { level }) : null
  return {
    period: { from: iso(from), to: iso(to), timeZone, level },
    tally: current,
    nps: num(nps(current)),
    interval: ci && { low: ci.low, high: ci.high, level: ci.level, method: ci.method },
    histogram: histogram(scores),
    trend: trend(rows, { interval: 'week', timeZone }).map((w) => ({ start: w.start, ...stats(w.tally, level) })),
    byJourneyPoint: breakdown(rows, (r) => r.journeyPoint, level),
    byLocale: breakdown(rows, (r) => r.locale, level),
    comparison: {
      current: { from: iso(from), to: iso(to), ...stats(current, level) },
      previous: { from: iso(previousFrom), to: iso(from), ...stats(previous, level) },
      test: comparison && {
        difference: comparison.difference,
        standardError: comparison.standardError,
        z: comparison.z,
        pValue: comparison.pValue,
        low: comparison.low,
        high: comparison.high,
        significant: comparison.significant,
      },
    },
    ...dims,
  }
}
