// GET /api/summary: every number the dashboard shows, from the counts table (readCounts.ts), in
// time that does not grow with the number of responses. The counts become tallies, which
// npskit/score merges and turns into NPS, intervals and the comparison, as for any user.
import { compare, confidenceInterval, merge, nps } from '../../score'
import type { Tally } from '../../score'
import { dimensions } from './dimensions'
import { DAY } from './pieces'
import { countPeriod } from './countPeriod'
import type { Counts, CountFilter } from './readCounts'
import type { Database, Stats, Summary, SummaryFilters } from './types'

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
// JSON has no NaN: an NPS of no responses is null.
const num = (n: number) => (Number.isFinite(n) ? n : null)

const sum = (counts: Counts, from: number, to: number) => counts.slice(from, to + 1).reduce((a, b) => a + b, 0)

/**
 * Eleven counts (index = score) → a tally, checked by npskit/score's merge like any tally from
 * storage. Counts of responses, not weights: an unweighted tally (tally(scores, counts) would be a
 * weighted one, and its intervals would use a much smaller effective sample size).
 */
const tallyOf = (counts: Counts): Tally =>
  merge({ detractors: sum(counts, 0, 6), passives: sum(counts, 7, 8), promoters: sum(counts, 9, 10), total: sum(counts, 0, 10) })

function stats(t: Tally, level: number): Stats {
  const ci = t.total ? confidenceInterval(t, { level }) : { low: NaN, high: NaN }
  return { tally: t, nps: num(nps(t)), low: num(ci.low), high: num(ci.high) }
}

function instant(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const ms = typeof value === 'string' ? Date.parse(value) : NaN
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 date, not ${JSON.stringify(value)}`)
  return ms
}

/** Per journey point or locale, most responses first; ties by key, so the order never depends on the driver. */
function breakdown(counts: Map<string | null, Counts>, level: number) {
  return [...counts]
    .map(([value, c]) => ({ key: value ?? '(none)', ...stats(tallyOf(c), level) }))
    .sort((a, b) => b.tally.total - a.tally.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * The summary of [from, to) (without them the 90 days before `now`), compared with the period of
 * the same length just before it; optionally of one journey point and/or locale. The trend is per
 * ISO week in `timeZone`.
 *
 * @throws RangeError for a bad `from`, `to`, `timeZone` or `level`, naming it.
 */
export async function summary(db: Database, filters: SummaryFilters): Promise<Summary> {
  const { level = 0.95, timeZone = 'UTC', now = Date.now(), journeyPoint, locale } = filters
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`)
  const to = instant(filters.to, 'to') ?? now
  const from = instant(filters.from, 'from') ?? to - 90 * DAY
  if (!(from < to)) throw new RangeError('from must be before to')
  const previousFrom = from - (to - from)
  const filter: CountFilter = { ...(journeyPoint ? { journeyPoint } : {}), ...(locale ? { locale } : {}) }
  const dims = await dimensions(db)
  const { weeks, perWeek, previousCounts, byPoint, byLocale } = await countPeriod(db, { from, to, previousFrom, timeZone, filter, dims, now })

  const weekTallies = perWeek.map(tallyOf)
  const current = merge(...weekTallies)
  const previous = tallyOf(previousCounts)
  const histogram = SCORES.map((score) => perWeek.reduce((sum, counts) => sum + counts[score]!, 0))
  // As trend() does: from the first week with responses to the last, the empty ones between included.
  const used = weekTallies.flatMap((t, i) => (t.total ? [i] : []))
  const trend = used.length
    ? weeks.slice(used[0], used[used.length - 1]! + 1).map((week, i) => ({ start: week.start, ...stats(weekTallies[used[0]! + i]!, level) }))
    : []
  const comparison = current.total && previous.total ? compare(current, previous, { level }) : null
  const ci = current.total ? confidenceInterval(current, { level }) : null
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    period: { from: iso(from), to: iso(to), timeZone, level },
    tally: current,
    nps: num(nps(current)),
    interval: ci && { low: ci.low, high: ci.high, level: ci.level, method: ci.method },
    histogram,
    trend,
    byJourneyPoint: breakdown(byPoint, level),
    byLocale: breakdown(byLocale, level),
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
