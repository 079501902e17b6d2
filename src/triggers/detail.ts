import type { TriggerDetail } from './types'

/**
 * What a page handed over with a trigger (an event's detail, a dataLayer entry), cut down to
 * what a response can carry: a string dedupe key (numbers, such as order numbers, become
 * strings, an empty one is none) and flat metadata of strings, finite numbers and booleans. Anything else is dropped.
 */
export function detailOf(dedupeKey: unknown, metadata?: unknown): TriggerDetail | undefined {
  const detail: { dedupeKey?: string; metadata?: Record<string, string | number | boolean> } = {}
  if ((typeof dedupeKey == 'string' && dedupeKey) || Number.isFinite(dedupeKey)) detail.dedupeKey = '' + dedupeKey
  if (metadata && typeof metadata == 'object') {
    const flat: Record<string, string | number | boolean> = (detail.metadata = {})
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value == 'string' || typeof value == 'boolean' || Number.isFinite(value)) flat[key] = value as string | number | boolean
    }
  }
  return detail.dedupeKey != null || detail.metadata ? detail : undefined
}
