// The counts a summary is made of: its weeks (with the breakdowns) and the previous period, read
// by stretches (see readCounts.ts) and added up.
import { DAY } from './pieces'
import { readCounts, type CountFilter, type Counts, type Stretch, type StretchCounts } from './readCounts'
import type { Database } from './types'
import { weeksOf, type Week } from './weeks'

export interface PeriodCounts {
  weeks: Week[]
  /** Per week of the current period, by score. */
  perWeek: Counts[]
  /** The previous period, by score. */
  previousCounts: Counts
  /** The current period per journey point and per locale, by score. */
  byPoint: Map<string | null, Counts>
  byLocale: Map<string | null, Counts>
}

const zero = (): Counts => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
const add = (into: Counts, counts: Counts) => counts.forEach((n, score) => (into[score]! += n))
const addTo = <K>(map: Map<K, Counts>, key: K, counts: Counts) => add(map.get(key) ?? map.set(key, zero()).get(key)!, counts)

/** [from, to) cut at UTC midnights into stretches of at most a week, for short queries. */
function byWeekOfDays(from: number, to: number): [number, number][] {
  const stretches: [number, number][] = []
  for (let start = from; start < to; ) {
    const end = Math.min(to, Math.floor(start / DAY) * DAY + 7 * DAY)
    stretches.push([start, end])
    start = end
  }
  return stretches
}

// How many stretches (weeks) one query reads on PGlite: fewer queries cost less in all, shorter
// ones keep a POST from waiting long behind them.
const PGLITE_STRETCHES_PER_QUERY = 4

/**
 * PostgreSQL: every stretch in one query, one round trip. PGlite runs one query at a time for the
 * whole process, on its main thread: a few weeks per query, one query after the other, so that a
 * POST never waits behind more than one short query.
 */
async function readStretches(db: Database, stretches: Stretch[], filter: CountFilter): Promise<StretchCounts[]> {
  if (db.driver === 'postgres') return readCounts(db, stretches, filter)
  const counted: StretchCounts[] = []
  for (let i = 0; i < stretches.length; i += PGLITE_STRETCHES_PER_QUERY) {
    counted.push(...(await readCounts(db, stretches.slice(i, i + PGLITE_STRETCHES_PER_QUERY), filter)))
  }
  return counted
}

/**
 * Counts [from, to) per ISO week of `timeZone`, with the breakdowns, and [previousFrom, from) in all.
 *
 * @example
 * const { weeks, perWeek } = await countPeriod(db, { from, to, previousFrom, timeZone: 'Europe/Oslo', filter: {} })
 */
export async function countPeriod(
  db: Database,
  { from, to, previousFrom, timeZone, filter }: { from: number; to: number; previousFrom: number; timeZone: string; filter: CountFilter },
): Promise<PeriodCounts> {
  const weeks = weeksOf(from, to, timeZone)
  const stretches: Stretch[] = [
    ...weeks.map((week) => ({ from: week.from, to: week.to, breakdowns: true })),
    ...byWeekOfDays(previousFrom, from).map(([a, b]) => ({ from: a, to: b, breakdowns: false })),
  ]
  const counted = await readStretches(db, stretches, filter)
  const previousCounts = zero()
  for (const c of counted.slice(weeks.length)) add(previousCounts, c.total)
  const byPoint = new Map<string | null, Counts>()
  const byLocale = new Map<string | null, Counts>()
  for (const c of counted) {
    for (const [key, counts] of c.byJourneyPoint) addTo(byPoint, key, counts)
    for (const [key, counts] of c.byLocale) addTo(byLocale, key, counts)
  }
  return { weeks, perWeek: counted.slice(0, weeks.length).map((c) => c.total), previousCounts, byPoint, byLocale }
}
