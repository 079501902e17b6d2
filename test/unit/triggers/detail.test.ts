import { describe, expect, it } from 'vitest'
import { detailOf } from '../../../src/triggers/detail'

describe('detailOf', () => {
  it.each([
    [undefined, undefined, undefined],
    [null, null, undefined],
    ['', undefined, undefined],
    ['A-1001', undefined, { dedupeKey: 'A-1001' }],
    [1001, undefined, { dedupeKey: '1001' }],
    [NaN, undefined, undefined],
    [{ toString: () => 'x' }, undefined, undefined],
    [undefined, 'not an object', undefined],
    [undefined, {}, { metadata: {} }],
    [
      'k',
      { plan: 'pro', seats: 3, trial: false, bad: NaN, inf: Infinity, nested: { a: 1 }, list: [1], nil: null, fn: () => 1, big: 1n },
      { dedupeKey: 'k', metadata: { plan: 'pro', seats: 3, trial: false } },
    ],
  ] as const)('case %#', (key, metadata, expected) => {
    expect(detailOf(key, metadata)).toEqual(expected)
  })
})
