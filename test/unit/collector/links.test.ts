import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signSurveyLink, verifySurveyLink, type SignSurveyLinkOptions } from '../../../src/collector/links'

const secret = 'correct horse battery staple, 32+ bytes long'
const day = 86_400_000
const now = Date.UTC(2026, 11, 6, 12, 0, 0)
const options: SignSurveyLinkOptions = {
  secret,
  baseUrl: 'https://nps.nordhandel.no/',
  orderId: 'NH-2026-1042',
  email: 'kari@example.no',
  userId: 'cust-1234',
  locale: 'nb',
  journeyPoint: 'order-delivered',
  expiresInDays: 30,
  now,
}
const { token } = signSurveyLink(options)

describe('signSurveyLink', () => {
  it('makes a versioned token, base64url payload and signature, and the landing page URLs', () => {
    const link = signSurveyLink(options)
    expect(link.token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(link.baseUrl).toBe('https://nps.nordhandel.no')
    expect(link.url(7)).toBe(`https://nps.nordhandel.no/r/${link.token}?score=7`)
    expect(link.url()).toBe(`https://nps.nordhandel.no/r/${link.token}`)
    expect(link.expiresAt).toEqual(new Date(now + 30 * day))
  })

  it('signs the same options into the same token, and a different secret into a different one', () => {
    expect(signSurveyLink(options).token).toBe(token)
    expect(signSurveyLink({ ...options, secret: secret + '!' }).token).not.toBe(token)
  })

  it('keeps only what was given', () => {
    const { token: bare } = signSurveyLink({ secret, baseUrl: 'https://nps.example.com', locale: 'pt-BR', journeyPoint: 'support', expiresInDays: 1, now })
    expect(verifySurveyLink(bare, secret, now)).toEqual({
      ok: true,
      link: { locale: 'pt-BR', journeyPoint: 'support', issuedAt: now, expiresAt: now + day },
    })
  })

  it('refuses a secret shorter than 32 bytes with a RangeError, counting bytes not characters', () => {
    expect(() => signSurveyLink({ ...options, secret: 'x'.repeat(31) })).toThrow(new RangeError('npskit/collector: option "secret" must be at least 32 bytes; got 31'))
    expect(() => signSurveyLink({ ...options, secret: new Uint8Array(16) })).toThrow(RangeError)
    expect(() => signSurveyLink({ ...options, secret: 'ø'.repeat(16) })).not.toThrow()
    expect(() => signSurveyLink({ ...options, secret: undefined as unknown as string })).toThrow(new TypeError('npskit/collector: option "secret" must be a string or a Uint8Array'))
  })

  it.each([
    ['baseUrl', 'nps.example.com', TypeError, 'an absolute http(s) URL without query or fragment'],
    ['baseUrl', 'https://nps.example.com/?x=1', TypeError, 'an absolute http(s) URL without query or fragment'],
    ['locale', 'norsk bokmål', TypeError, "a BCP 47 tag such as 'nb' or 'pt-BR'"],
    ['locale', undefined, TypeError, "a BCP 47 tag such as 'nb' or 'pt-BR'"],
    ['journeyPoint', '', TypeError, 'a non-empty string'],
    ['journeyPoint', 'x'.repeat(201), RangeError, 'at most 200 characters'],
    ['email', 'kari', TypeError, 'an email address'],
    ['orderId', 1042, TypeError, 'a non-empty string'],
    ['expiresInDays', '30', TypeError, 'a number of days'],
    ['expiresInDays', 0, RangeError, 'more than 0 and at most 366'],
    ['expiresInDays', 400, RangeError, 'more than 0 and at most 366'],
    ['expiresInDays', Infinity, RangeError, 'more than 0 and at most 366'],
    ['now', 'today', TypeError, 'a valid Date or a number of ms since the epoch'],
  ] as const)('refuses %s = %j, naming it', (name, value, Type, must) => {
    expect(() => signSurveyLink({ ...options, [name]: value })).toThrow(Type)
    expect(() => signSurveyLink({ ...options, [name]: value })).toThrow(`npskit/collector: option "${name}" must be ${must}`)
  })

  it('names an unknown option', () => {
    expect(() => signSurveyLink({ ...options, expiresIn: 3 } as SignSurveyLinkOptions)).toThrow(new TypeError('npskit/collector: unknown option "expiresIn"'))
  })

  it('makes URLs only for scores 0 to 10', () => {
    const link = signSurveyLink(options)
    expect(() => link.url(11)).toThrow(RangeError)
    expect(() => link.url(2.5)).toThrow(RangeError)
  })
})

describe('verifySurveyLink', () => {
  it('gives back what was signed', () => {
    expect(verifySurveyLink(token, secret, now + day)).toEqual({
      ok: true,
      link: {
        orderId: 'NH-2026-1042',
        email: 'kari@example.no',
        userId: 'cust-1234',
        locale: 'nb',
        journeyPoint: 'order-delivered',
        issuedAt: now,
        expiresAt: now + 30 * day,
      },
    })
  })

  it('answers until the expiry, and "expired" with the link’s data from then on', () => {
    expect(verifySurveyLink(token, secret, now + 30 * day - 1000).ok).toBe(true)
    const expired = verifySurveyLink(token, secret, new Date(now + 30 * day))
    expect(expired).toMatchObject({ ok: false, reason: 'expired', link: { locale: 'nb', orderId: 'NH-2026-1042' } })
  })

  it('uses the current time by default', () => {
    const fresh = signSurveyLink({ ...options, now: undefined as unknown as number })
    expect(verifySurveyLink(fresh.token, secret).ok).toBe(true)
    const old = signSurveyLink({ ...options, now: Date.now() - 31 * day })
    expect(verifySurveyLink(old.token, secret)).toMatchObject({ ok: false, reason: 'expired' })
  })

  it('refuses a token signed with another secret', () => {
    expect(verifySurveyLink(token, 'another secret that is 32 bytes long', now)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('accepts any of several secrets, for rotating LINK_SECRET', () => {
    expect(verifySurveyLink(token, ['the new secret, also 32 bytes long', secret], now).ok).toBe(true)
    expect(() => verifySurveyLink(token, [], now)).toThrow(TypeError)
    expect(() => verifySurveyLink(token, ['short'], now)).toThrow(new RangeError('npskit/collector: option "secret[0]" must be at least 32 bytes; got 5'))
  })

  it('refuses a payload changed and re-encoded, with the old signature', () => {
    const [, payload, signature] = token.split('.')
    const data = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>
    const changed = Buffer.from(JSON.stringify({ ...data, exp: data.exp as number + 365 * 86_400 })).toString('base64url')
    expect(verifySurveyLink(`v1.${changed}.${signature}`, secret, now)).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('tells a later version from a broken token', () => {
    expect(verifySurveyLink(token.replace(/^v1/, 'v2'), secret, now)).toEqual({ ok: false, reason: 'unsupported-version' })
    expect(verifySurveyLink('v2.anything.at.all', secret, now)).toEqual({ ok: false, reason: 'unsupported-version' })
    expect(verifySurveyLink(token.replace(/^v1/, 'x1'), secret, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it.each([
    ['not a string', 42],
    ['undefined', undefined],
    ['an object', { token }],
    ['empty', ''],
    ['two parts', token.split('.').slice(0, 2).join('.')],
    ['four parts', token + '.x'],
    ['padding', token + '='],
    ['a path', token.replace('.', '/')],
    ['huge', 'v1.' + 'a'.repeat(10_000) + '.b'],
  ])('answers "malformed" for a token that is %s, never throwing', (_, bad) => {
    expect(verifySurveyLink(bad, secret, now)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('never throws and never accepts a tampered token: any change to any character is refused', () => {
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.integer({ min: 0x20, max: 0x7e }), (at, code) => {
        const char = String.fromCharCode(code)
        fc.pre(token[at] !== char)
        const tampered = token.slice(0, at) + char + token.slice(at + 1)
        const check = verifySurveyLink(tampered, secret, now)
        expect(check.ok).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('never throws on any string, and accepts none but signed ones', () => {
    const refused = (input: string) => verifySurveyLink(input, secret, now).ok === false
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 })), refused), { numRuns: 300 })
    // Shaped like a token, to get past the format checks to the signature.
    const tokenLike = fc.array(fc.string({ unit: fc.constantFrom(...'ABCxyz019-_'), maxLength: 60 }), { minLength: 2, maxLength: 2 }).map((p) => 'v1.' + p.join('.'))
    fc.assert(fc.property(tokenLike, refused), { numRuns: 300 })
  })

  it('refuses a signed payload that is not the link’s shape', () => {
    // Signed with the right secret by hand, as another program sharing LINK_SECRET might.
    const { createHmac } = require('node:crypto') as typeof import('node:crypto')
    const make = (json: string) => {
      const signed = 'v1.' + Buffer.from(json).toString('base64url')
      return signed + '.' + createHmac('sha256', secret).update(signed).digest('base64url')
    }
    expect(verifySurveyLink(make('{"l":"nb","j":"x","iat":1,"exp":9999999999}'), secret, now).ok).toBe(true)
    for (const json of ['null', '[]', '"x"', '{not json', '{"l":"nb","j":"x","iat":1}', '{"l":"nb","j":"","iat":1,"exp":9999999999}', '{"l":"nb","j":"x","iat":1,"exp":9999999999,"o":7}']) {
      expect(verifySurveyLink(make(json), secret, now), json).toEqual({ ok: false, reason: 'malformed' })
    }
  })

  it('throws only for the caller’s own mistakes: a bad secret or time', () => {
    expect(() => verifySurveyLink(token, 'short', now)).toThrow(RangeError)
    expect(() => verifySurveyLink(token, secret, new Date('nonsense'))).toThrow(new TypeError('npskit/collector: option "now" must be a valid Date or a number of ms since the epoch'))
  })
})
