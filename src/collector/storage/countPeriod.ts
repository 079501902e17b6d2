// The counts a summary is made of: its weeks, the breakdowns of the whole period and the previous
// period, read as stretches (see readCounts.ts).
import { noCounts, planCounts, readCounts, withoutEmpty, type CountFilter, type Counts, type Stretch, type StretchCounts } from './readCounts'
import { packPieces, readPack, responsesPerMinute, type Density } from './shortQueries'
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

/** The journey points and locales stored (see dimensions.ts): how many values the counts hold. */
export interface Dimensions {
  journeyPoints: readonly string[]
  locales: readonly string[]
}

/**
 * PostgreSQL: every stretch in one query, one round trip. PGlite runs one query at a time for the
 * whole process, on its main thread: the pieces of every stretch in short queries, one after the
 * other (shortQueries.ts), so that a POST (which goes first, see pglite.ts) never waits behind more
 * than one short query.
 */
async function readStretches(db: Database, stretches: Stretch[], filter: CountFilter, dims: Dimensions, now: number): Promise<StretchCounts[]> {
  if (db.driver === 'postgres') return readCounts(db, stretches, filter, now)
  const from = Math.min(...stretches.map((s) => s.from))
  const to = Math.max(...stretches.map((s) => s.to))
  const density: Density = {
    // Responses after now are none unless a clock runs ahead: a period that ends later is measured up to now.
    perMinute: await responsesPerMinute(db, from, Math.min(to, now)),
    // A response may have no journey point: one more value.
    points: filter.journeyPoint !== undefined ? 1 : dims.journeyPoints.length + 1,
    locales: filter.locale !== undefined ? 1 : dims.locales.length,
  }
  const results = noCounts(stretches)
  for (const pack of packPieces(planCounts(stretches, filter, now), density)) await readPack(db, pack, filter, results)
  return withoutEmpty(results)
}

/**
 * Counts [from, to) per ISO week of `timeZone` and per journey point and locale, and [previousFrom, from) in all.
 * `dims`: the stored journey points and locales, which size PGlite's queries; `now`: when the
 * responses end, as far as anyone knows (see planCounts).
 *
 * @example
 * const { weeks, perWeek } = await countPeriod(db, { from, to, previousFrom, timeZone: 'Europe/Oslo', filter: {}, dims: await dimensions(db), now: Date.now() })
 */
export async function countPeriod(
  db: Database,
  {
    from,
    to,
    previousFrom,
    timeZone,
    filter,
    dims,
    now,
  }: { from: number; to: number; previousFrom: number; timeZone: string; filter: CountFilter; dims: Dimensions; now: number },
): Promise<PeriodCounts> {
  const weeks = weeksOf(from, to, timeZone)
  // Only the trend follows the time zone's weeks; the breakdowns and the previous period are
  // counted whole, so they read UTC weeks and days in the middle and finer counts only at their ends
  // (one stretch for both breakdowns: their quarter hours are read once).
  const stretches: Stretch[] = [
    ...weeks.map((week): Stretch => ({ from: week.from, to: week.to, questions: ['total'] })),
    { from, to, questions: ['point', 'locale'] },
    { from: previousFrom, to: from, questions: ['total'] },
  ]
  const counted = await readStretches(db, stretches, filter, dims, now)
  return {
    weeks,
    perWeek: counted.slice(0, weeks.length).map((c) => c.total),
    previousCounts: counted[weeks.length + 1]!.total,
    byPoint: counted[weeks.length]!.byJourneyPoint,
    byLocale: counted[weeks.length]!.byLocale,
  }
}
