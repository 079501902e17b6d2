import { describe, expect, it } from 'vitest'
import { segment, tally } from '../../../src/score'

const responses = [
  { score: 10, journeyPoint: 'checkout' },
  { score: 3, journeyPoint: 'support' },
  { score: 8, journeyPoint: 'checkout' },
  { score: 9, journeyPoint: 'support' },
]

describe('segment', () => {
  it('tallies responses per key, in the order keys are first met', () => {
    const groups = segment(responses, (r) => r.journeyPoint)
    expect([...groups.keys()]).toEqual(['checkout', 'support'])
    expect(groups.get('checkout')).toEqual(tally([10, 8]))
    expect(groups.get('support')).toEqual(tally([3, 9]))
  })

  it('passes the index to the key function and takes any iterable', () => {
    const groups = segment(new Set(responses), (_, i) => i % 2)
    expect(groups.get(0)).toEqual(tally([10, 8]))
  })

  it('gives an empty Map for no responses', () => {
    expect(segment([], () => 'x').size).toBe(0)
  })

  it('refuses a bad score with a RangeError naming the index and the value', () => {
    expect(() => segment([{ score: 1 }, { score: 7.5 }], () => 'x')).toThrow(RangeError)
    expect(() => segment([{ score: 1 }, { score: 7.5 }], () => 'x')).toThrow('invalid score at index 1: 7.5')
    expect(() => segment([null as never], () => 'x')).toThrow('invalid score at index 0: undefined')
  })

  it('refuses a non-iterable or a key that is not a function with a TypeError naming it', () => {
    expect(() => segment(5 as never, () => 'x')).toThrow(TypeError)
    expect(() => segment(5 as never, () => 'x')).toThrow('invalid responses: 5')
    expect(() => segment(responses, 'journeyPoint' as never)).toThrow(TypeError)
    expect(() => segment(responses, 'journeyPoint' as never)).toThrow('invalid key: journeyPoint')
  })
})
