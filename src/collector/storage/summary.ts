// GET /api/summary: every number the dashboard shows, from the counts table (readCounts.ts), in
// time that does not grow with the number of responses. The counts become tallies, which
// npskit/score merges and turns into NPS, intervals and the comparison, as for any user.
import { compare, confidenceInterval, merge, nps, tally } from '../../score'
import type { Tally } from '../../score'
import { dimensions } from './dimensions'
import { DAY } from './pieces'
import { readCounts, type CountRow, type Interval } from './readCounts'
import type { Queryable, Stats, Summary, SummaryFilters } from './types'
import { weeksOf } from './weeks'

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
// JSON has no NaN: an NPS of no responses is null.
const num = (n: number) => (Number.isFinite(n) ? n : null)

/** 11 counts (index = score) → a tally, checked by npskit/score like any tally from storage. */
const tallyOfCounts = (counts: number[]): Tally => tally(SCORES, counts)

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

/** Adds the rows' counts up per key: key → 11 counts. */
function countsBy(rows: CountRow[], key: (row: CountRow) => string | number | null): Map<string | number | null, number[]> {
  const map = new Map<string | number | null, number[]>()
  for (const row of rows) {
    const k = key(row)
    let counts = map.get(k)
    if (!counts) map.set(k, (counts = SCORES.map(() => 0)))
    counts[row.score]! += row.n
  }
  return map
}

/** Per journey point or locale, most responses first; ties by key, so the order never depends on the driver. */
function breakdown(rows: CountRow[], key: (row: CountRow) => string | null, level: number) {
  return [...countsBy(rows, key)]
    .map(([value, counts]) => ({ key: (value as string | null) ?? '(none)', ...stats(tallyOfCounts(counts), level) }))
    .sort((a, b) => b.tally.total - a.tally.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * The summary of [from, to) (without them the 90 days before `now`), compared with the period of
 * the same length just before it; optionally of one journey point and/or locale. The trend is per
 * ISO week in `timeZone`.
 *
 * @throws RangeError for a bad `from`, `to`, `timeZone` or `level`, naming it.
 */
export async function summary(db: Queryable, filters: SummaryFilters): Promise<Summary> {
  const { level = 0.95, timeZone = 'UTC', now = Date.now(), journeyPoint, locale } = filters
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`)
  const to = instant(filters.to, 'to') ?? now
  const from = instant(filters.from, 'from') ?? to - 90 * DAY
  if (!(from < to)) throw new RangeError('from must be before to')
  const previousFrom = from - (to - from)
  const weeks = weeksOf(from, to, timeZone)
  const intervals: Interval[] = [
    ...weeks.map((week, index) => ({ period: 0, index, from: week.from, to: week.to })),
    { period: 1, index: 0, from: previousFrom, to: from },
  ]
  const [rows, dims] = await Promise.all([
    readCounts(db, intervals, { ...(journeyPoint ? { journeyPoint } : {}), ...(locale ? { locale } : {}) }),
    dimensions(db),
  ])
  const current = rows.filter((r) => r.period === 0)
  const perWeek = countsBy(current.filter((r) => r.by === 'interval'), (r) => r.index)
  const weekTallies = weeks.map((_, i) => tallyOfCounts(perWeek.get(i) ?? SCORES.map(() => 0)))
  const total = merge(...weekTallies)
  const previous = tallyOfCounts(countsBy(rows.filter((r) => r.period === 1 && r.by === 'interval'), () => 0).get(0) ?? SCORES.map(() => 0))
  const histogram = SCORES.map((score) => weeks.reduce((sum, _, i) => sum + (perWeek.get(i)?.[score] ?? 0), 0))
  // As trend() does: from the first week with responses to the last, the empty ones between included.
  const used = weekTallies.flatMap((t, i) => (t.total ? [i] : []))
  const trend = used.length ? weeks.slice(used[0], used[used.length - 1]! + 1).map((week, i) => ({ start: week.start, ...stats(weekTallies[used[0]! + i]!, level) })) : []
  const comparison = total.total && previous.total ? compare(total, previous, { level }) : null
  const ci = total.total ? confidenceInterval(total, { level }) : null
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    period: { from: iso(from), to: iso(to), timeZone, level },
    tally: total,
    nps: num(nps(total)),
    interval: ci && { low: ci.low, high: ci.high, level: ci.level, method: ci.method },
    histogram,
    trend,
    byJourneyPoint: breakdown(current.filter((r) => r.by === 'journeyPoint'), (r) => r.journeyPoint, level),
    byLocale: breakdown(current.filter((r) => r.by === 'locale'), (r) => r.locale, level),
    comparison: {
      current: { from: iso(from), to: iso(to), ...stats(total, level) },
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
