// Checks an event (shown, dismissed, sent) against `$defs.event` of schema.json, with the same
// extra rules as a response: real dates, storable text, a canonical locale.
import { canonicalLocale } from './locale'
import type { EventInput } from './storage/index'
import { check, payloadSchema, type Problem, type SchemaRules } from './validateResponse'

/**
 * The event's JSON Schema (`$defs.event` of `npskit/schema.json`).
 *
 * @example
 * eventSchema.properties?.event?.enum // ['shown', 'dismissed', 'sent']
 */
export const eventSchema: SchemaRules = payloadSchema.$defs.event

/**
 * Checks a posted event. Returns the event to store (its `locale` in canonical form), or the
 * problem to answer with a 400.
 *
 * @example
 * const checked = validateEvent(JSON.parse(body))
 * if ('error' in checked) answer400(checked)
 * else await store.recordEvent(checked.event)
 */
export function validateEvent(value: unknown): Problem | { readonly event: EventInput } {
  const problem = check(value, eventSchema)
  if (problem) return problem
  const e = value as EventInput
  const locale = canonicalLocale(e.locale)
  if (locale === null) return { error: 'locale must be a BCP 47 language tag such as en or en-US', field: 'locale' }
  return { event: { ...e, locale } }
}
