import { describe, expect, it } from 'vitest'
import { fnv1a } from '../../../src/core/hash'

describe('fnv1a', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('matches the published FNV-1a 32-bit test vector for %j', (text, hash) => {
    expect(fnv1a(text)).toBe(hash)
  })

  it('returns an unsigned 32-bit integer', () => {
    for (const text of ['x', 'ørret', '🙂', 'a'.repeat(1000)]) {
      const hash = fnv1a(text)
      expect(hash >>> 0).toBe(hash)
    }
  })
})
