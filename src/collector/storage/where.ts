import type { ResponseFilters } from './types'

/** A WHERE clause and its parameters, numbered from `$first`. */
export interface Where {
  sql: string
  values: unknown[]
}

/**
 * Builds the WHERE clause of the dashboard's filters. `from` is inclusive, `to` exclusive. Values
 * always go in as parameters; `first` is the number of the first one, for queries that have more.
 *
 * @example
 * where({ from: '2026-01-01T00:00:00.000Z', category: 'detractor' })
 * // → { sql: 'WHERE created_at >= $1 AND category = $2', values: ['2026-01-01T00:00:00.000Z', 'detractor'] }
 */
export function where(filters: ResponseFilters, first = 1): Where {
  const clauses: string[] = []
  const values: unknown[] = []
  const add = (sql: string, value: unknown) => {
    values.push(value)
    clauses.push(sql.replace('?', '$' + (first + values.length - 1)))
  }
  if (filters.from) add('created_at >= ?', filters.from)
  if (filters.to) add('created_at < ?', filters.to)
  if (filters.journeyPoint) add('journey_point = ?', filters.journeyPoint)
  if (filters.locale) add('locale = ?', filters.locale)
  if (filters.category) add('category = ?', filters.category)
  if (filters.hasComment) clauses.push("comment IS NOT NULL AND comment <> ''")
  if (filters.contactConsent) clauses.push('contact_consent')
  if (filters.followedUp === true) clauses.push('followed_up_at IS NOT NULL')
  if (filters.followedUp === false) clauses.push('followed_up_at IS NULL')
  if (filters.followUpState) add("follow_up_state = ANY (string_to_array(?, ','))", filters.followUpState.join(','))
  return { sql: clauses.length ? 'WHERE ' + clauses.join(' AND ') : '', values }
}
