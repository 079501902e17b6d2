import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { keyOf, parseQueue, QUEUE_LIMITS, reviveQueue, upsert } from '../../../src/core/queue'
import type { SurveyEvent, SurveyResponse } from '../../../src/types'
import type { Payload } from '../../../src/core/queue'
import { iso, response, T0 } from './helpers'


describe('upsert', () => {
  it('adds new ids at the end', () => {
    expect(upsert(upsert([], response('a')), response('b')).map((r) => r.id)).toEqual(['a', 'b'])
  })

  it('replaces the queued version of the same id with a newer one', () => {
    const q = upsert(upsert([response('a'), response('b')], response('a', T0 + 5000, true)), response('c'))
    expect(q.map((r) => [r.id, r.complete])).toEqual([
      ['b', false],
      ['a', true],
      ['c', false],
    ])
  })

  it('never lets an older version replace a newer one', () => {
    const done = response('a', T0 + 5000, true)
    expect(upsert([done], response('a', T0))).toEqual([done])
  })

  it('on equal updatedAt, keeps the complete version', () => {
    const done = response('a', T0, true)
    expect(upsert([done], response('a', T0, false))).toEqual([done])
    expect(upsert([response('a', T0, false)], done)).toEqual([done])
  })

  it(`keeps at most ${QUEUE_LIMITS.items}, dropping the oldest`, () => {
    let q: SurveyResponse[] = []
    for (let i = 0; i < 130; i++) q = upsert(q, response('r' + i))
    expect(q).toHaveLength(QUEUE_LIMITS.items)
    expect(q[0]!.id).toBe('r30')
    expect(q.at(-1)!.id).toBe('r129')
  })

  it('does not change its input', () => {
    const q = Object.freeze([response('a')])
    expect(() => upsert(q, response('a', T0 + 1))).not.toThrow()
    expect(q[0]!.updatedAt).toBe(iso(T0))
  })
})

describe('keyOf', () => {
  it('tells versions of one response apart, and responses apart', () => {
    const keys = [response('a'), response('a', T0 + 1), response('a', T0, true), response('b')].map(keyOf)
    expect(new Set(keys).size).toBe(4)
    expect(keyOf(response('a'))).toBe(keyOf(response('a', T0, false, { comment: 'same version' })))
  })
})

describe('reviveQueue / parseQueue', () => {
  it.each([[null], [undefined], [42], ['queue'], [{}], [{ 0: response('a') }], [true]])('reads %j as an empty queue', (raw) => {
    expect(reviveQueue(raw, T0)).toEqual([])
  })

  it('keeps the good entries of a list with garbage in it', () => {
    const good = response('a')
    const raw = [null, 1, 'x', [], { id: 5, updatedAt: iso(T0) }, { id: '', updatedAt: iso(T0) }, { id: 'b' }, { id: 'c', updatedAt: 'yesterday' }, good]
    expect(reviveQueue(raw, T0)).toEqual([good])
  })

  it('drops entries older than seven days', () => {
    const old = response('old', T0 - QUEUE_LIMITS.ageMs - 1)
    const fresh = response('fresh', T0 - QUEUE_LIMITS.ageMs + 60_000)
    expect(reviveQueue([old, fresh], T0).map((r) => r.id)).toEqual(['fresh'])
  })

  it('merges duplicate ids, newest wins', () => {
    const done = response('a', T0 + 1, true)
    expect(reviveQueue([done, response('a')], T0)).toEqual([done])
  })

  it('reads no more of a huge list than of a full one', () => {
    const huge = Array.from({ length: 1_000_000 }, (_, i) => (i % 2 ? null : { id: 'x' + i, updatedAt: iso(T0) }))
    let reads = 0
    const counted = new Proxy(huge, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      },
    })
    expect(reviveQueue(counted, T0)).toHaveLength(QUEUE_LIMITS.items)
    expect(reads).toBeLessThanOrEqual(2 * QUEUE_LIMITS.items)
  })

  it.each([[null], [''], ['{'], ['[1,2'], ['"text"'], ['[{"id":"a","updatedAt":"2026-11-27T12:00:00.000Z"}]']])('parses %j without throwing', (text) => {
    expect(Array.isArray(parseQueue(text, T0))).toBe(true)
  })

  it('never throws and always yields a bounded list of string ids, whatever is stored', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const q = reviveQueue(raw, T0)
        expect(q.length).toBeLessThanOrEqual(QUEUE_LIMITS.items)
        for (const r of q) expect(typeof r.id).toBe('string')
        expect(new Set(q.map((r) => r.id)).size).toBe(q.length)
      }),
    )
  })
})

describe('the queue with events', () => {
  const event = (id: string, at = T0): SurveyEvent => ({
    type: 'event',
    id,
    event: 'shown',
    surveyId: 'nps',
    responseId: 'r',
    journeyPoint: null,
    channel: 'web',
    locale: 'en',
    page: '',
    user: null,
    at: iso(at),
    sdk: { name: 'npskit', version: '0.1.0' },
  })

  it('holds events beside responses, each once, an event named by its id and time', () => {
    const q = upsert(upsert(upsert([] as Payload[], response('a')), event('e1')), event('e1'))
    expect(q.map((p) => p.id)).toEqual(['a', 'e1'])
    expect(keyOf(event('e1'))).not.toBe(keyOf(event('e1', T0 + 1)))
  })

  it('revives stored events by their `at`, and ages them out like responses', () => {
    const stored = JSON.stringify([event('old', T0 - QUEUE_LIMITS.ageMs - 1000), event('e1'), response('a'), { type: 'event', id: 'no-time' }])
    expect(parseQueue(stored, T0).map((p) => p.id)).toEqual(['e1', 'a'])
  })
})
