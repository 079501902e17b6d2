import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyHistory, LIMITS, recordAnswer, recordPrompt, recordVisit } from '../../../src/core/history'
import { reviveHistory } from '../../../src/core/reviveHistory'

const T0 = Date.UTC(2025, 0, 1)
const empty = emptyHistory('fresh', T0)
const revive = (raw: unknown) => reviveHistory(raw, 'fresh', T0)

describe('reviveHistory', () => {
  it.each([[null], [undefined], ['garbage'], [42], [true], [[]], [[1, 2, 3]], [{}], [() => 1]])(
    'treats %j as a first visit',
    (raw) => {
      expect(revive(raw)).toEqual(empty)
    },
  )

  it('gives back a valid history unchanged, through JSON', () => {
    const h = recordAnswer(recordPrompt(recordVisit(emptyHistory('v1', T0 - 1000)), 'a', T0 - 500, 'order-1'), 'a', T0 - 100)
    expect(revive(JSON.parse(JSON.stringify(h)))).toEqual(h)
  })

  it('keeps the good fields of a partly broken history', () => {
    const h = revive({ visitorId: 'v1', firstSeen: 'yesterday', visits: 'x', surveys: [], prompts: 'no', keys: {} })
    expect(h).toEqual({ ...empty, visitorId: 'v1' })
    expect(revive({ visitorId: '', visits: 3, firstSeen: 5 })).toEqual({ ...empty, visits: 3, firstSeen: 5 })
  })

  it.each([[-1], [1.5], [Number.NaN], [Infinity], ['3'], [2 ** 60]])('resets visits %j to 0', (visits) => {
    expect(revive({ visits }).visits).toBe(0)
  })

  it('refuses an absurdly long visitor id', () => {
    expect(revive({ visitorId: 'x'.repeat(1000) }).visitorId).toBe('fresh')
  })

  it('drops bad entries from lists and surveys', () => {
    const h = revive({
      prompts: [T0, -5, 'x', null, Infinity, -0, T0 + 1],
      keys: [{ hash: 7, at: T0 }, { hash: -1, at: T0 }, { hash: 2 ** 32, at: T0 }, { hash: 1.5, at: T0 }, { hash: 8 }, 'k', { hash: 9, at: T0, extra: 'dropped' }],
      surveys: { a: { answered: T0, dismissed: 'x' }, b: 'x', c: null, d: { dismissed: T0 } },
    })
    expect(h.prompts).toEqual([T0, T0 + 1])
    expect(h.keys).toEqual([{ hash: 7, at: T0 }, { hash: 9, at: T0 }])
    expect(h.surveys).toEqual({ a: { answered: T0 }, d: { dismissed: T0 } })
  })

  it('cuts huge lists to their limits, keeping the newest', () => {
    const prompts = Array.from({ length: 1_000_000 }, (_, i) => i)
    const keys = Array.from({ length: 100_000 }, (_, i) => ({ hash: i, at: i }))
    const surveys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`s${i}`, { answered: i }]))
    const h = revive({ prompts, keys, surveys })
    expect(h.prompts).toEqual(prompts.slice(-LIMITS.prompts))
    expect(h.keys).toEqual(keys.slice(-LIMITS.keys))
    expect(Object.keys(h.surveys)).toHaveLength(LIMITS.surveys)
    expect(h.surveys['s9999']).toEqual({ answered: 9999 })
  })

  it('stores a stored __proto__ survey as data, not as a prototype', () => {
    const h = revive(JSON.parse('{"surveys":{"__proto__":{"answered":5}}}'))
    expect(Object.getPrototypeOf(h.surveys)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(h.surveys, '__proto__')?.value).toEqual({ answered: 5 })
  })

  it('never throws and always returns a valid history (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.record({ visits: fc.anything(), prompts: fc.anything(), surveys: fc.anything(), keys: fc.anything() })), (raw) => {
        const h = revive(raw)
        expect(h.v).toBe(1)
        expect(typeof h.visitorId).toBe('string')
        expect(Number.isSafeInteger(h.visits) && h.visits >= 0).toBe(true)
        expect(h.prompts.every((t) => Number.isFinite(t) && t >= 0)).toBe(true)
        expect(h.keys.every((k) => k.hash >>> 0 === k.hash && Number.isFinite(k.at))).toBe(true)
        expect(revive(JSON.parse(JSON.stringify(h)))).toEqual(h)
      }),
    )
  })
})
