import { describe, expect, it } from 'vitest'
import { category } from '../../../src/score'

describe('category', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('puts %i in %s', (score, expected) => {
    expect(category(score)).toBe(expected)
  })

  it('treats -0 as 0', () => {
    expect(category(-0)).toBe('detractor')
  })

  it.each([-1, 11, 7.5, NaN, Infinity])('refuses %s with a RangeError naming the value', (bad) => {
    expect(() => category(bad)).toThrow(RangeError)
    expect(() => category(bad)).toThrow(`npskit/score: invalid score: ${bad}`)
  })

  it('refuses a string score', () => {
    expect(() => category('9' as never)).toThrow(RangeError)
  })
})
