import { describe, expect, it } from 'vitest'
import { parseScore } from '../../../src/score'

describe('parseScore', () => {
  it.each([
    [7, 7],
    [7.0, 7],
    [-0, 0],
    ['7', 7],
    [' 10 ', 10],
    ['0', 0],
    ['07', 7],
    ['10 - Extremely likely', 10],
    ['0 - Not at all likely', 0],
    ['10 – Extremely likely', 10],
    ['8: Likely', 8],
    ['0 (Not at all likely)', 0],
    ['9/10', 9],
    ['9 / 10', 9],
    ['10/10', 10],
    ['5 of 10', 5],
    ['10\n(Extremely likely)', 10],
  ] as const)('reads %j as %i', (input, expected) => {
    expect(parseScore(input)).toBe(expected)
    expect(Object.is(parseScore(input), expected)).toBe(true)
  })

  it.each([
    '11',
    '-1',
    '+7',
    '7.5',
    '7.0',
    '7,5',
    '1e1',
    '0x7',
    '007',
    '9 - 10',
    '5/7',
    '11/10',
    '',
    '   ',
    'abc',
    'ten',
    '7 -',
    null,
    undefined,
    true,
    false,
    NaN,
    Infinity,
    11,
    -1,
    7.5,
    [9],
    {},
  ])('does not read %j', (input) => {
    expect(parseScore(input)).toBeUndefined()
  })

  it('does not read a BigInt (and does not throw on it)', () => {
    expect(parseScore(9n)).toBeUndefined()
  })

  it('returns 0, not -0, for -0', () => {
    expect(Object.is(parseScore(-0), 0)).toBe(true)
  })
})
