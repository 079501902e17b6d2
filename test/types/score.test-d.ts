import { describe, expectTypeOf, it } from 'vitest'
import {
  category,
  compare,
  confidenceInterval,
  histogram,
  isScore,
  merge,
  nps,
  parseScore,
  sampleSize,
  segment,
  standardError,
  tally,
  trend,
  type Category,
  type Comparison,
  type CompareOptions,
  type IntervalMethod,
  type ConfidenceInterval,
  type Score,
  type Tally,
  type TrendBucket,
} from '../../src/score'

describe('npskit/score types', () => {
  it('isScore narrows to Score', () => {
    const value: unknown = 9
    if (isScore(value)) expectTypeOf(value).toEqualTypeOf<Score>()
    expectTypeOf<Score>().toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10>()
  })

  it('category returns a Category', () => {
    expectTypeOf(category(9)).toEqualTypeOf<Category>()
    expectTypeOf<Category>().toEqualTypeOf<'detractor' | 'passive' | 'promoter'>()
  })

  it('parseScore returns a Score or undefined', () => {
    expectTypeOf(parseScore('9/10')).toEqualTypeOf<Score | undefined>()
  })

  it('tally takes arrays, typed arrays and iterables, and returns a Tally', () => {
    expectTypeOf(tally([1, 2])).toEqualTypeOf<Tally>()
    expectTypeOf(tally(new Uint8Array(2), new Float64Array(2))).toEqualTypeOf<Tally>()
    expectTypeOf(tally(new Set([1]))).toEqualTypeOf<Tally>()
    // @ts-expect-error strings are not scores
    tally(['9'])
  })

  it('histogram, nps, standardError and merge', () => {
    expectTypeOf(histogram([1])).toEqualTypeOf<number[]>()
    expectTypeOf(nps(tally([1]))).toEqualTypeOf<number>()
    expectTypeOf(nps([1, 2])).toEqualTypeOf<number>()
    expectTypeOf(standardError([1])).toEqualTypeOf<number>()
    expectTypeOf(merge()).toEqualTypeOf<Tally>()
  })

  it('merge takes tallies as arguments or one array or iterable of them', () => {
    expectTypeOf(merge(tally([1]), tally([9]))).toEqualTypeOf<Tally>()
    expectTypeOf(merge([tally([1]), tally([9])])).toEqualTypeOf<Tally>()
    expectTypeOf(merge(new Set([tally([1])]))).toEqualTypeOf<Tally>()
    // @ts-expect-error scores are not tallies
    merge([1, 2])
    // @ts-expect-error two lists are not tallies
    merge([tally([1])], [tally([2])])
  })

  it('a weighted tally may carry squaredWeights', () => {
    expectTypeOf<Tally['squaredWeights']>().toEqualTypeOf<number | undefined>()
    const t: Tally = { detractors: 1, passives: 0, promoters: 1, total: 2 }
    expectTypeOf(t).toMatchTypeOf<Tally>()
  })

  it('confidenceInterval returns low, high, level and method', () => {
    const ci = confidenceInterval([1], { level: 0.9, method: 'wald' })
    expectTypeOf(ci).toEqualTypeOf<ConfidenceInterval>()
    expectTypeOf(ci.low).toEqualTypeOf<number>()
    expectTypeOf(ci.method).toEqualTypeOf<'adjusted-wald' | 'wald'>()
    // @ts-expect-error unknown method
    confidenceInterval([1], { method: 'wilson' })
    // @ts-expect-error unknown option
    confidenceInterval([1], { confidence: 0.9 })
  })

  it('compare returns a Comparison', () => {
    const c = compare([1], tally([2]), { level: 0.99 })
    expectTypeOf(c).toEqualTypeOf<Comparison>()
    expectTypeOf(c.significant).toEqualTypeOf<boolean>()
    expectTypeOf(c.pValue).toEqualTypeOf<number>()
  })

  it('compare takes a target number and a method', () => {
    expectTypeOf(compare(tally([9]), 40)).toEqualTypeOf<Comparison>()
    expectTypeOf(compare([9], [3], { method: 'adjusted-wald' })).toEqualTypeOf<Comparison>()
    expectTypeOf<CompareOptions['method']>().toEqualTypeOf<IntervalMethod | undefined>()
    // @ts-expect-error unknown method
    compare([9], [3], { method: 'wilson' })
    // @ts-expect-error a target is a number, not text
    compare([9], '40')
  })

  it('sampleSize takes shares', () => {
    expectTypeOf(sampleSize(5, { promoters: 0.5, detractors: 0.2 })).toEqualTypeOf<number>()
    // @ts-expect-error shares are numbers
    sampleSize(5, { promoters: '50%' })
  })

  it('segment returns a Map from the key type to Tally', () => {
    const groups = segment([{ score: 9, locale: 'nb' }], (r) => r.locale)
    expectTypeOf(groups).toEqualTypeOf<Map<string, Tally>>()
    // @ts-expect-error responses need a score
    segment([{ locale: 'nb' }], () => 'x')
  })

  it('segment and trend take arrays, array-likes and iterables', () => {
    expectTypeOf(segment(new Set([{ score: 9, k: 1 }]), (r) => r.k)).toEqualTypeOf<Map<number, Tally>>()
    expectTypeOf(trend([{ score: 9, createdAt: 0 }].values(), { interval: 'day' })).toEqualTypeOf<TrendBucket[]>()
  })

  it('trend returns buckets and needs an interval', () => {
    expectTypeOf(trend([{ score: 9, createdAt: new Date() }], { interval: 'week', timeZone: 'Europe/Oslo' })).toEqualTypeOf<TrendBucket[]>()
    expectTypeOf<TrendBucket['start']>().toEqualTypeOf<string>()
    // @ts-expect-error interval is required
    trend([], {})
    // @ts-expect-error unknown interval
    trend([], { interval: 'year' })
  })
})
