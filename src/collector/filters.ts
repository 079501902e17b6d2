import { parseDateOrDateTime } from './dateTime'
import { HttpError } from './httpError'
import { canonicalLocale } from './locale'
import { followUpStates, type CustomerKey, type FollowUpState, type ResponseFilters } from './storage/index'
import { textProblem } from './text'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
const categories = ['detractor', 'passive', 'promoter'] as const

function text(params: URLSearchParams, name: string, maxLength: number): string | undefined {
  const value = params.get(name)
  if (value === null || value === '') return undefined
  const problem = textProblem(value)
  if (problem) throw new HttpError(400, `${name} ${problem}`, name)
  if ([...value].length > maxLength) throw new HttpError(400, `${name} must be at most ${maxLength} characters`, name)
  return value
}

function flag(params: URLSearchParams, name: string): boolean | undefined {
  const value = params.get(name)
  if (value === null || value === '') return undefined
  if (value !== 'true' && value !== 'false') throw new HttpError(400, `${name} must be true or false`, name)
  return value === 'true'
}

/**
 * Reads the dashboard's filters from a query string: `from`, `to` (a day such as 2026-11-27, or an
 * RFC 3339 date-time, years 2000–2099), `journeyPoint`, `locale`, `category`, `hasComment`,
 * `contactConsent`, `followedUp`, `followUpState` (new, contacted, resolved; several separated by commas). A bad one is a 400 naming it.
 *
 * @example
 * filtersFrom(new URLSearchParams('from=2026-11-01&locale=en_US')) // { from: '2026-11-01T00:00:00.000Z', locale: 'en-US' }
 */
export function filtersFrom(params: URLSearchParams): ResponseFilters {
  const filters: Mutable<ResponseFilters> = {}
  for (const name of ['from', 'to'] as const) {
    const value = text(params, name, 40)
    if (value === undefined) continue
    const ms = parseDateOrDateTime(value)
    if (Number.isNaN(ms)) throw new HttpError(400, `${name} must be a date such as 2026-11-27 or an RFC 3339 date-time, between 2000 and 2099`, name)
    filters[name] = new Date(ms).toISOString()
  }
  if (filters.from && filters.to && filters.from >= filters.to) throw new HttpError(400, 'from must be before to', 'from')
  const journeyPoint = text(params, 'journeyPoint', 200)
  if (journeyPoint !== undefined) filters.journeyPoint = journeyPoint
  const locale = text(params, 'locale', 35)
  if (locale !== undefined) {
    const canonical = canonicalLocale(locale)
    if (canonical === null) throw new HttpError(400, 'locale must be a BCP 47 language tag such as en or en-US', 'locale')
    filters.locale = canonical
  }
  const category = params.get('category')
  if (category !== null && category !== '') {
    if (!(categories as readonly string[]).includes(category)) throw new HttpError(400, 'category must be detractor, passive or promoter', 'category')
    filters.category = category as ResponseFilters['category'] & string
  }
  if (flag(params, 'hasComment')) filters.hasComment = true
  if (flag(params, 'contactConsent')) filters.contactConsent = true
  const followedUp = flag(params, 'followedUp')
  if (followedUp !== undefined) filters.followedUp = followedUp
  const states = params.get('followUpState')
  if (states !== null && states !== '') {
    const list = states.split(',')
    if (!list.every((s) => (followUpStates as readonly string[]).includes(s))) {
      throw new HttpError(400, 'followUpState must be new, contacted or resolved, or several of them separated by commas', 'followUpState')
    }
    filters.followUpState = [...new Set(list)] as FollowUpState[]
  }
  return filters
}

/** An integer query parameter within [min, max], or `fallback` when absent; otherwise a 400. */
export function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  const value = /^-?\d{1,10}$/.test(raw) ? Number(raw) : NaN
  if (!Number.isInteger(value) || value < min || value > max) throw new HttpError(400, `${name} must be an integer from ${min} to ${max}`, name)
  return value
}

/** Reads `user=…` or `email=…` (exactly one) for the erasure and access routes. */
export function customerFrom(params: URLSearchParams): CustomerKey {
  const user = text(params, 'user', 200)
  const email = text(params, 'email', 320)
  if ((user === undefined) === (email === undefined)) throw new HttpError(400, 'Give exactly one of user or email', user === undefined ? 'user' : 'email')
  return user !== undefined ? { user } : { email: email! }
}
