import { describe, expect, it } from 'vitest'
import { urlMatcher } from '../../../src/triggers/url'

const at = (href: string) => new URL(href) as unknown as Location

describe('urlMatcher', () => {
  it.each([
    // pattern, href, matches
    ['/checkout/complete', 'https://shop.test/checkout/complete', true],
    ['/checkout/complete', 'https://shop.test/checkout/complete/', true],
    ['/checkout/complete/', 'https://shop.test/checkout/complete', true],
    ['/checkout/complete', 'https://shop.test/checkout/complete?order=1#top', true],
    ['/checkout/complete', 'https://shop.test/checkout/completed', false],
    ['/checkout/complete', 'https://shop.test/en/checkout/complete', false],
    ['/checkout', 'https://shop.test/CHECKOUT', false],
    ['/order/*/thanks', 'https://shop.test/order/A-1001/thanks', true],
    ['/order/*/thanks', 'https://shop.test/order/a/b/thanks', true],
    ['/order/*/thanks', 'https://shop.test/order/A-1001/thanks/more', false],
    ['/blog/*', 'https://shop.test/blog/post', true],
    ['/blog/*', 'https://shop.test/blog', false],
    ['*', 'https://shop.test/anything', true],
    ['/', 'https://shop.test/', true],
    ['/', 'https://shop.test/x', false],
    // Regex metacharacters in a string pattern are literal.
    ['/a.b/(x)+', 'https://shop.test/a.b/(x)+', true],
    ['/a.b', 'https://shop.test/aXb', false],
    // With a scheme: origin + path, never the query.
    ['https://shop.test/thanks', 'https://shop.test/thanks?x=1', true],
    ['https://shop.test/thanks', 'https://other.test/thanks', false],
    ['https://*.shop.test/thanks', 'https://eu.shop.test/thanks', true],
    ['http://shop.test/thanks', 'https://shop.test/thanks', false],
  ] as const)('%s on %s → %s', (pattern, href, expected) => {
    expect(urlMatcher(pattern)(at(href))).toBe(expected)
  })

  it.each([
    [/^\/order\/\d+$/, 'https://shop.test/order/42', true],
    [/^\/order\/\d+$/, 'https://shop.test/order/x', false],
    [/[?&]step=done/, 'https://shop.test/checkout?step=done', true],
    [/^https:\/\/shop\.test\//, 'https://shop.test/x', true],
    [/THANKS/i, 'https://shop.test/thanks', true],
  ] as const)('RegExp %s on %s → %s (tried on path and full URL)', (re, href, expected) => {
    expect(urlMatcher(re)(at(href))).toBe(expected)
  })

  it('gives the same answer every time for a global RegExp', () => {
    const match = urlMatcher(/thanks/g)
    const l = at('https://shop.test/thanks')
    expect([match(l), match(l), match(l)]).toEqual([true, true, true])
  })

  it('without a pattern matches everywhere', () => {
    expect(urlMatcher(undefined)(at('https://shop.test/x'))).toBe(true)
  })
})
