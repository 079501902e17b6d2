// How the dashboard says a time to first contact.
import { describe, expect, it } from 'vitest'
// @ts-expect-error: the dashboard's scripts are plain JavaScript, bundled for the browser
import { duration } from '../../src/collector/dashboard/contactTimes.js'

describe('duration', () => {
  it('says seconds, minutes, hours and minutes, then days and hours', () => {
    expect(duration(null)).toBe('–')
    expect(duration(0)).toBe('0 s')
    expect(duration(59)).toBe('59 s')
    expect(duration(60)).toBe('1 min')
    expect(duration(89)).toBe('1 min')
    expect(duration(3599)).toBe('1 h')
    expect(duration(7200)).toBe('2 h')
    expect(duration(12_000)).toBe('3 h 20 min')
    expect(duration(47 * 3600 + 60)).toBe('47 h 1 min')
    expect(duration(48 * 3600)).toBe('2 d')
    expect(duration(52 * 3600 + 1800)).toBe('2 d 4 h')
  })
})
