import type { Category } from '../../types'
import type { AlertWhen } from './types'

const whens: readonly AlertWhen[] = ['detractor', 'passive', 'promoter', 'all', 'comment']

/**
 * Checks `alerts.when`: one condition or several, combined with "or".
 *
 * @example
 * resolveWhen('detractor') // → ['detractor']
 */
export function resolveWhen(value: AlertWhen | readonly AlertWhen[]): readonly AlertWhen[] {
  const values = typeof value === 'string' ? [value] : value
  if (!Array.isArray(values) || values.length === 0) throw new TypeError('alerts.when: expected a condition or a non-empty array of them')
  for (const v of values as unknown[]) {
    if (!whens.includes(v as AlertWhen)) throw new RangeError(`alerts.when: expected ${whens.join(', ')}, got ${String(v)}`)
  }
  return values
}

/**
 * Whether an answer alerts under `when`: any one condition is enough.
 *
 * @example
 * matches(['detractor', 'comment'], { category: 'promoter', comment: 'Fast delivery' }) // → true
 */
export function matches(when: readonly AlertWhen[], response: { category: Category; comment: string | null }): boolean {
  return when.some((w) => (w === 'all' ? true : w === 'comment' ? response.comment !== null && response.comment !== '' : w === response.category))
}

