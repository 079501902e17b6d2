import { describe, expect, it } from 'vitest'
import {
  boundSurveys,
  dedupeHash,
  emptyHistory,
  LIMITS,
  memoryOf,
  recordAnswer,
  recordDismiss,
  recordPrompt,
  recordVisit,
} from '../../../src/core/history'
import type { History } from '../../../src/core/history'

const T0 = Date.UTC(2025, 0, 1)

// Deep-freezing proves the updaters never write to what they were given.
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) frozen(v)
    Object.freeze(value)
  }
  return value
}

describe('emptyHistory', () => {
  it('starts a visitor with nothing remembered', () => {
    expect(emptyHistory('v1', T0)).toEqual({ v: 1, visitorId: 'v1', firstSeen: T0, visits: 0, surveys: {}, prompts: [], keys: [] })
  })
})

describe('the updaters', () => {
  const base = frozen(recordAnswer(recordPrompt(emptyHistory('v1', T0), 'a', T0 + 1, 'order-1'), 'a', T0 + 2))

  it.each([
    ['recordVisit', (h: History) => recordVisit(h)],
    ['recordPrompt', (h: History) => recordPrompt(h, 'b', T0 + 9, 'order-2')],
    ['recordAnswer', (h: History) => recordAnswer(h, 'b', T0 + 9)],
    ['recordDismiss', (h: History) => recordDismiss(h, 'a', T0 + 9)],
  ])('%s returns a new history and leaves the old one as it was', (_, update) => {
    const before = structuredClone(base)
    const after = update(base)
    expect(after).not.toBe(base)
    expect(base).toEqual(before)
  })

  it('recordVisit counts visits', () => {
    expect(recordVisit(recordVisit(emptyHistory('v1', T0))).visits).toBe(2)
  })

  it('recordPrompt logs the time site-wide and spends the dedupe key', () => {
    const h = recordPrompt(emptyHistory('v1', T0), 'a', T0 + 5, 'order-1')
    expect(h.prompts).toEqual([T0 + 5])
    expect(h.keys).toEqual([{ hash: dedupeHash('a', 'order-1'), at: T0 + 5 }])
    expect(recordPrompt(h, 'b', T0 + 6).keys).toBe(h.keys)
  })

  it('recordAnswer and recordDismiss keep each other’s timestamps', () => {
    const h = recordDismiss(recordAnswer(emptyHistory('v1', T0), 'a', T0 + 1), 'a', T0 + 2)
    expect(memoryOf(h, 'a')).toEqual({ answered: T0 + 1, dismissed: T0 + 2 })
    expect(memoryOf(recordAnswer(h, 'a', T0 + 3), 'a')).toEqual({ answered: T0 + 3, dismissed: T0 + 2 })
  })

  it('bounds the prompt and key lists, dropping the oldest', () => {
    let h = emptyHistory('v1', T0)
    for (let i = 0; i < 200; i++) h = recordPrompt(h, 'a', T0 + i, `order-${i}`)
    expect(h.prompts).toHaveLength(LIMITS.prompts)
    expect(h.prompts.at(-1)).toBe(T0 + 199)
    expect(h.prompts[0]).toBe(T0 + 200 - LIMITS.prompts)
    expect(h.keys).toHaveLength(LIMITS.keys)
    expect(h.keys.at(-1)?.hash).toBe(dedupeHash('a', 'order-199'))
  })

  it('bounds the surveys, keeping the most recently active', () => {
    let h = emptyHistory('v1', T0)
    for (let i = 0; i < 120; i++) h = recordDismiss(h, `s${i}`, T0 + i)
    expect(Object.keys(h.surveys)).toHaveLength(LIMITS.surveys)
    expect(memoryOf(h, 's119').dismissed).toBe(T0 + 119)
    expect(memoryOf(h, 's0')).toEqual({})
  })

  it('stays plain JSON', () => {
    const h = recordDismiss(recordPrompt(recordVisit(emptyHistory('v1', T0)), 'a', T0, 'k'), 'a', T0)
    expect(JSON.parse(JSON.stringify(h))).toEqual(h)
  })

  it('stores survey ids like __proto__ and constructor as data', () => {
    const h = recordAnswer(recordAnswer(emptyHistory('v1', T0), '__proto__', T0 + 1), 'constructor', T0 + 2)
    expect(Object.getPrototypeOf(h.surveys)).toBe(Object.prototype)
    expect(memoryOf(h, '__proto__')).toEqual({ answered: T0 + 1 })
    expect(memoryOf(h, 'constructor')).toEqual({ answered: T0 + 2 })
    expect(memoryOf(emptyHistory('v1', T0), 'toString')).toEqual({})
    expect(JSON.parse(JSON.stringify(h)).surveys).toEqual({ ['__proto__']: { answered: T0 + 1 }, constructor: { answered: T0 + 2 } })
  })
})

describe('dedupeHash', () => {
  it('keeps keys of different surveys apart', () => {
    expect(dedupeHash('a', 'order-1')).not.toBe(dedupeHash('b', 'order-1'))
    expect(dedupeHash('ab', 'c')).not.toBe(dedupeHash('a', 'bc'))
  })
})

describe('boundSurveys', () => {
  it('returns a copy when within bounds', () => {
    const surveys = { a: { answered: 1 } }
    expect(boundSurveys(surveys)).toEqual(surveys)
    expect(boundSurveys(surveys)).not.toBe(surveys)
  })
})
