import { describe, expect, it } from 'vitest'
import { surveyEmail, type SurveyEmailOptions } from '../../../src/email'

const valid = { brand: 'Nordhandel', locale: 'nb', links: { baseUrl: 'https://nps.example.com', token: 'v1.a.b' } }
const withOption = (change: Record<string, unknown>) => () => surveyEmail({ ...valid, ...change } as unknown as SurveyEmailOptions)

describe('surveyEmail options', () => {
  it('refuses a missing or non-object options argument', () => {
    expect(() => surveyEmail(undefined as unknown as SurveyEmailOptions)).toThrow(new TypeError('npskit/email: option "options" must be an object; got undefined'))
    expect(() => surveyEmail([] as unknown as SurveyEmailOptions)).toThrow(TypeError)
  })

  it('names an unknown option, so a typo is not ignored', () => {
    expect(withOption({ acent: '#000' })).toThrow(new TypeError('npskit/email: unknown option "acent"'))
  })

  it.each([
    ['brand', undefined, 'a non-empty string'],
    ['brand', '  ', 'a non-empty string'],
    ['brand', 42, 'a non-empty string'],
    ['locale', undefined, "a BCP 47 tag such as 'nb', or { code, dir, messages }"],
    ['locale', '', 'a non-empty string'],
    ['question', '', 'a non-empty string'],
    ['messages', 'Hei', 'an object of strings'],
    ['accent', 'blue', "a hex colour such as '#2456c9' or '#26c'"],
    ['accent', '#12345', "a hex colour such as '#2456c9' or '#26c'"],
    ['accent', 'rgb(0,0,0)', "a hex colour such as '#2456c9' or '#26c'"],
    ['links', undefined, 'a function (score) => URL, or { baseUrl, token }'],
    ['links', 'https://nps.example.com', 'a function (score) => URL, or { baseUrl, token }'],
  ])('refuses %s = %j with a TypeError naming it', (name, value, must) => {
    expect(withOption({ [name]: value })).toThrow(new TypeError(`npskit/email: option "${name}" must be ${must}; got ${value === undefined ? 'undefined' : JSON.stringify(value)}`))
  })

  it('names a wrong key or value inside messages', () => {
    expect(withOption({ messages: { lwo: 'x' } })).toThrow(/option "messages" has no key "lwo"; it takes question, questionNoBrand, low, high/)
    expect(withOption({ messages: { low: 3 } })).toThrow(new TypeError('npskit/email: option "messages.low" must be a string; got 3'))
  })

  it('names what is missing from a locale of the shop’s own', () => {
    const messages = { question: 'Q {brand}', questionNoBrand: 'Q', low: 'L', high: 'H', scoreLabel: '{score}' }
    expect(withOption({ locale: { code: 'x y', dir: 'ltr', messages } })).toThrow(/option "locale.code" must be a BCP 47 tag/)
    expect(withOption({ locale: { code: 'se', dir: 'up', messages } })).toThrow(/option "locale.dir" must be 'ltr' or 'rtl'/)
    expect(withOption({ locale: { code: 'se', dir: 'ltr', messages: { ...messages, high: undefined } } })).toThrow(
      /option "locale.messages.high" must be a non-empty string/,
    )
  })

  it.each([
    ['a relative URL', '/nps?score=1'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a URL with a space', 'https://shop.example/nps?x=a b'],
    ['a URL with a quote', 'https://shop.example/"onmouseover="x'],
    ['a URL with credentials', 'https://shop.example@evil.example/'],
    ['no string', 7],
  ])('refuses links that return %s, naming the score', (_, url) => {
    expect(withOption({ links: () => url })).toThrow(/option "links" must be a function that returns an absolute http\(s\) URL \(for score 0\)/)
  })

  it('refuses a base URL or token that would not make a link', () => {
    expect(withOption({ links: { baseUrl: 'nps.example.com', token: 'v1.a.b' } })).toThrow(/option "links.baseUrl" must be an absolute http\(s\) URL without query or fragment/)
    expect(withOption({ links: { baseUrl: 'https://nps.example.com/?a=1', token: 'v1.a.b' } })).toThrow(/option "links.baseUrl"/)
    expect(withOption({ links: { baseUrl: 'https://nps.example.com', token: 'v1.a/b?score=10' } })).toThrow(/option "links.token" must be a token made by signSurveyLink/)
    expect(withOption({ links: { baseUrl: 'https://nps.example.com' } })).toThrow(/option "links.token"/)
  })

  it('takes the result of signSurveyLink as links, extra fields and all', () => {
    const links = { baseUrl: 'https://nps.example.com', token: 'v1.a.b', expiresAt: new Date(), url: () => '' }
    expect(surveyEmail({ ...valid, links }).html).toContain('href="https://nps.example.com/r/v1.a.b?score=5"')
  })

  it('calls a links function once per score, with each score from 0 to 10', () => {
    const asked: number[] = []
    surveyEmail({ ...valid, links: (score) => (asked.push(score), `https://shop.example/nps/${score}`) })
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })
})
