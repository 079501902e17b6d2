import type { EventInput, ResponseInput } from './storage/index'
import { validateEvent } from './validateEvent'
import { validateResponse, type Problem } from './validateResponse'

/**
 * Checks what was POSTed to /api/responses: an event when it has a `type` (schema.json's
 * discriminator), a response otherwise. Choosing the branch first names the wrong field of the
 * payload the sender meant, instead of "matches neither".
 *
 * @example
 * const checked = validatePayload(JSON.parse(body))
 * if ('error' in checked) answer400(checked)
 * else if ('event' in checked) await store.recordEvent(checked.event)
 * else await store.upsertResponse(checked.response)
 */
export function validatePayload(value: unknown): Problem | { readonly response: ResponseInput } | { readonly event: EventInput } {
  const isEvent = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'type')
  return isEvent ? validateEvent(value) : validateResponse(value)
}
