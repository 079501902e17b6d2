import { describe, expect, it } from 'vitest'
import { fill } from '../../../src/core/locale'

describe('fill', () => {
  it('replaces each placeholder by its value', () => {
    expect(fill('{score} av 10', { score: 7 })).toBe('7 av 10')
    expect(fill('Anbefale {brand}?', { brand: 'Nordhandel' })).toBe('Anbefale Nordhandel?')
  })

  it('replaces a placeholder every time it occurs', () => {
    expect(fill('{a}-{a}-{b}', { a: 1, b: 'x' })).toBe('1-1-x')
  })

  it('prints numbers as Western digits, 0 included', () => {
    expect(fill('{count}', { count: 0 })).toBe('0')
    expect(fill('{score} من 10', { score: 10 })).toBe('10 من 10')
  })

  it('leaves unknown placeholders as they are', () => {
    expect(fill('Hi {name}, {score}', { score: 3 })).toBe('Hi {name}, 3')
  })

  it('leaves text without placeholders, and braces that are no placeholder, alone', () => {
    expect(fill('No braces', { a: 1 })).toBe('No braces')
    expect(fill('{} { brand } {a-b}', { brand: 'x' })).toBe('{} { brand } {a-b}')
  })

  it('does not fill in values again', () => {
    expect(fill('{brand}: {score}', { brand: '{score} Shop', score: 9 })).toBe('{score} Shop: 9')
  })

  it('takes values as plain text, with no replacement patterns', () => {
    expect(fill('Buy at {brand}', { brand: "$& $1 $$ $' <b>" })).toBe("Buy at $& $1 $$ $' <b>")
  })

  it('does not read inherited properties', () => {
    expect(fill('{constructor} {toString} {__proto__}', {})).toBe('{constructor} {toString} {__proto__}')
  })
})
