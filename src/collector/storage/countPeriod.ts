// The counts a summary is made of: its weeks, the breakdowns of the whole period and the previous
// period, read as stretches (see readCounts.ts).
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

// How many stretches one query reads on PGlite (see readStretches).
const PGLITE_STRETCHES_PER_QUERY = 3

/**
 * PostgreSQL: every stretch in one query, one round trip. PGlite runs one query at a time for the
 * whole process, on its main thread: at most a few stretches of one kind per query (weeks of the
 * trend; the breakdowns; the previous period), one query after the other, so that a POST (which
 * goes first, see pglite.ts) never waits behind more than one short query.
 */
async function readStretches(db: Database, stretches: Stretch[], filter: CountFilter): Promise<StretchCounts[]> {
  if (db.driver === 'postgres') return readCounts(db, stretches, filter)
  const kind = (s: Stretch) => s.questions.join()
  const counted: StretchCounts[] = []
  for (let i = 0, j = 1; i < stretches.length; i = j, j = i + 1) {
    while (j < stretches.length && j - i < PGLITE_STRETCHES_PER_QUERY && kind(stretches[j]!) === kind(stretches[i]!)) j++
    counted.push(...(await readCounts(db, stretches.slice(i, j), filter)))
  }
  return counted
}

/**
 * Counts [from, to) per ISO week of `timeZone` and per journey point and locale, and [previousFrom, from) in all.
 *
 * @example
 * const { weeks, perWeek } = await countPeriod(db, { from, to, previousFrom, timeZone: 'Europe/Oslo', filter: {} })
 */
export async function countPeriod(
  db: Database,
  { from, to, previousFrom, timeZone, filter }: { from: number; to: number; previousFrom: number; timeZone: string; filter: CountFilter },
): Promise<PeriodCounts> {
  const weeks = weeksOf(from, to, timeZone)
  // Only the trend follows the time zone's weeks; the breakdowns and the previous period are
  // counted whole, so they read UTC weeks and days in the middle and finer counts only at their ends.
  // (Two stretches for the breakdowns, one per question: on PGlite two shorter queries.)
  const stretches: Stretch[] = [
    ...weeks.map((week): Stretch => ({ from: week.from, to: week.to, questions: ['total'] })),
    { from, to, questions: ['point'] },
    { from, to, questions: ['locale'] },
    { from: previousFrom, to: from, questions: ['total'] },
  ]
  const counted = await readStretches(db, stretches, filter)
  return {
    weeks,
    perWeek: counted.slice(0, weeks.length).map((c) => c.total),
    previousCounts: counted[weeks.length + 2]!.total,
    byPoint: counted[weeks.length]!.byJourneyPoint,
    byLocale: counted[weeks.length + 1]!.byLocale,
  }
}
