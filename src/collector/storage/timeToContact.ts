// The figure a manager watches: how long an unhappy customer waits before somebody replies.
// Seconds from the answer (created_at) to the first time its follow-up left 'new', as median and
// 90th percentile (percentile_cont: interpolated, as a spreadsheet's PERCENTILE.INC), per ISO
// week of the answer in the dashboard's time zone and over the whole period.
import { DAY } from './pieces'
import { where } from './where'
import type { ContactTimes, Database, TimeToContact, TimeToContactFilters } from './types'

function instant(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const ms = typeof value === 'string' ? Date.parse(value) : NaN
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 date, not ${JSON.stringify(value)}`)
  return ms
}

const seconds = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value)))
const times = (row: Record<string, any> | undefined): ContactTimes => ({
  contacted: row?.contacted ?? 0,
  medianSeconds: seconds(row?.median),
  p90Seconds: seconds(row?.p90),
})

/**
 * See Store.timeToContact. Without from/to, the 90 days before `now`.
 *
 * @throws RangeError for a bad from, to, now or timeZone, naming it.
 */
export async function timeToContact(db: Database, filters: TimeToContactFilters): Promise<TimeToContact> {
  const { timeZone = 'UTC', now = Date.now(), journeyPoint, locale, category } = filters
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, not ${now}`)
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new RangeError(`timeZone must be an IANA time zone such as Europe/Oslo, not ${JSON.stringify(timeZone)}`)
  }
  const to = instant(filters.to, 'to') ?? now
  const from = instant(filters.from, 'from') ?? to - 90 * DAY
  if (!(from < to)) throw new RangeError('from must be before to')
  const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
  const scope = { ...period, ...(journeyPoint ? { journeyPoint } : {}), ...(locale ? { locale } : {}), ...(category ? { category } : {}) }
  // A widget's clock can run ahead of the server's: a contact never counts as before the answer.
  const waited = (first: number) => {
    const w = where(scope, first)
    return {
      sql: `SELECT created_at, greatest(0, extract(epoch FROM first_contact_at - created_at))::float8 AS s
        FROM responses ${w.sql ? `${w.sql} AND` : 'WHERE'} first_contact_at IS NOT NULL`,
      values: w.values,
    }
  }
  const aggregates = `count(*)::int AS contacted, percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS median,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY s) AS p90`
  const perWeek = waited(2)
  const all = waited(1)
  const week = "to_char(date_trunc('week', created_at AT TIME ZONE $1), 'YYYY-MM-DD')"
  const waitingWhere = where({ ...period, ...(journeyPoint ? { journeyPoint } : {}), ...(locale ? { locale } : {}), category: 'detractor', contactConsent: true, followUpState: ['new'] })
  // One after the other: PGlite runs one query at a time anyway.
  const weeks = await db.query(`SELECT ${week} AS start, ${aggregates} FROM (${perWeek.sql}) r GROUP BY 1 ORDER BY 1`, [timeZone, ...perWeek.values])
  const overall = await db.query(`SELECT ${aggregates} FROM (${all.sql}) r`, all.values)
  const waiting = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM responses ${waitingWhere.sql}`, waitingWhere.values)
  return {
    period: { ...period, timeZone },
    overall: times(overall.rows[0]),
    waiting: waiting.rows[0]!.n,
    weeks: weeks.rows.map((row) => ({ start: row.start as string, ...times(row) })),
  }
}
