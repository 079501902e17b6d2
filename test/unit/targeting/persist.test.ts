import { describe, expect, it } from 'vitest'
import { createStore, type StorageAdapter } from '../../../src/adapters/storage'
import { emptyHistory, recordAnswer, recordPrompt, recordVisit } from '../../../src/core/history'
import { countVisit, loadHistory, saveHistory, VISIT_GAP_MS } from '../../../src/targeting/persist'

const T0 = Date.UTC(2026, 0, 1)
const MIN = 60_000

function mapStorage(): StorageAdapter & { data: Map<string, string>; writes: string[] } {
  const data = new Map<string, string>()
  const writes: string[] = []
  return {
    data,
    writes,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void (writes.push(k), data.set(k, v)),
    removeItem: (k) => void data.delete(k),
  }
}

const ids = () => {
  let n = 0
  return () => `visitor-${++n}`
}

describe('loadHistory', () => {
  it.each([
    ['nothing stored', undefined],
    ['not JSON', '{"visitorId":'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[1,2]'],
    ['a string', '"history"'],
  ])('gives a fresh history for %s, and writes nothing', (_, stored) => {
    const s = mapStorage()
    if (stored !== undefined) s.data.set('npskit:history', stored)
    expect(loadHistory(createStore(s), T0, ids())).toEqual(emptyHistory('visitor-1', T0))
    expect(s.writes).toEqual([])
  })

  it('reads back what saveHistory wrote', () => {
    const store = createStore(mapStorage(), 'shop:')
    const history = recordAnswer(recordPrompt(recordVisit(emptyHistory('v', T0)), 'nps', T0 + MIN, 'A-1'), 'nps', T0 + 2 * MIN)
    saveHistory(store, history)
    expect(loadHistory(store, T0 + 5 * MIN, ids())).toEqual(history)
  })

  it('keeps the fields that check out of a damaged history', () => {
    const s = mapStorage()
    s.data.set('npskit:history', JSON.stringify({ visitorId: 'kept', firstSeen: 'yesterday', visits: 3, prompts: 'x' }))
    expect(loadHistory(createStore(s), T0, ids())).toMatchObject({ visitorId: 'kept', firstSeen: T0, visits: 3, prompts: [] })
  })

  it('works on storage that throws', () => {
    const broken: StorageAdapter = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const store = createStore(broken)
    expect(loadHistory(store, T0, ids()).visitorId).toBe('visitor-1')
    expect(() => saveHistory(store, emptyHistory('v', T0))).not.toThrow()
  })
})

describe('countVisit', () => {
  // Page views at these minutes after T0 → the visit count after each.
  it.each([
    ['one page view', [0], [1]],
    ['views within 30 minutes of each other', [0, 10, 29, 58], [1, 1, 1, 1]],
    ['a gap of exactly 30 minutes starts a visit', [0, 30], [1, 2]],
    ['a gap of 29:59 does not', [0, 29.99], [1, 1]],
    ['a day later', [0, 5, 24 * 60], [1, 1, 2]],
    ['activity keeps a visit alive past 30 minutes in total', [0, 20, 40, 60, 80], [1, 1, 1, 1, 1]],
    ['a clock set back starts a visit once', [60, 0, 10], [1, 2, 2]],
  ])('%s', (_, minutes, expected) => {
    const store = createStore(mapStorage())
    const counts: number[] = []
    for (const m of minutes) {
      const now = T0 + m * MIN
      counts.push(countVisit(store, loadHistory(store, now, ids()), now).visits)
    }
    expect(counts).toEqual(expected)
  })

  it('saves the history when a visit starts, and only the last-seen time otherwise', () => {
    const s = mapStorage()
    const store = createStore(s)
    const first = countVisit(store, loadHistory(store, T0, ids()), T0)
    expect(s.writes).toEqual(['npskit:seen', 'npskit:history'])
    expect(JSON.parse(s.data.get('npskit:history')!)).toEqual(first)
    s.writes.length = 0
    const same = countVisit(store, first, T0 + MIN)
    expect(same).toBe(first)
    expect(s.writes).toEqual(['npskit:seen'])
    expect(s.data.get('npskit:seen')).toBe(String(T0 + MIN))
  })

  it('treats a garbage last-seen time as no visit running', () => {
    const s = mapStorage()
    s.data.set('npskit:seen', 'soon')
    expect(countVisit(createStore(s), emptyHistory('v', T0), T0).visits).toBe(1)
  })

  it('counts every page view as a visit with memory storage (each page is a new store)', () => {
    expect(countVisit(createStore('memory'), emptyHistory('v', T0), T0).visits).toBe(1)
    expect(countVisit(createStore('memory'), emptyHistory('v', T0), T0 + MIN).visits).toBe(1)
  })

  it('uses a 30-minute gap', () => {
    expect(VISIT_GAP_MS).toBe(30 * MIN)
  })
})
