import { describe, expectTypeOf, it } from 'vitest'
import { surveyEmail, type EmailLocale, type Score, type SurveyEmail, type SurveyEmailOptions, type SurveyLinks } from '../../src/email'
import { signSurveyLink, verifySurveyLink, type SignedSurveyLink, type SurveyLinkData } from '../../src/collector/links'
import { en } from '../../src/locales'

describe('npskit/email types', () => {
  it('returns the subject, both parts and the locale used', () => {
    const email = surveyEmail({ brand: 'Nordhandel', locale: 'nb', links: (score) => `https://x.example/${score}` })
    expectTypeOf(email).toEqualTypeOf<SurveyEmail>()
    expectTypeOf(email.html).toEqualTypeOf<string>()
    expectTypeOf<SurveyEmail>().toHaveProperty('text')
  })

  it('calls a links function with a Score', () => {
    expectTypeOf<Extract<SurveyLinks, (score: never) => string>>().parameter(0).toEqualTypeOf<Score>()
  })

  it('requires brand, locale and links', () => {
    // @ts-expect-error links is required
    surveyEmail({ brand: 'Nordhandel', locale: 'nb' })
    // @ts-expect-error brand is required
    surveyEmail({ locale: 'nb', links: () => 'https://x.example' })
    // @ts-expect-error accent is a string
    surveyEmail({ brand: 'N', locale: 'nb', accent: 0x2456c9, links: () => 'https://x.example' })
  })

  it('takes a widget locale, a locale with only the email’s wording, and the widget’s messages', () => {
    surveyEmail({ brand: 'N', locale: en, links: () => 'https://x.example' })
    const own: EmailLocale = { code: 'se', dir: 'ltr', messages: { question: 'Q', questionNoBrand: 'Q', low: 'L', high: 'H', scoreLabel: '{score}' } }
    surveyEmail({ brand: 'N', locale: own, messages: { ...en.messages, subject: 'S' }, links: () => 'https://x.example' })
    // @ts-expect-error a locale of one's own needs the anchors
    const partial: EmailLocale = { code: 'se', dir: 'ltr', messages: { question: 'Q', questionNoBrand: 'Q', scoreLabel: '{score}' } }
    expectTypeOf(partial).toEqualTypeOf<EmailLocale>()
  })

  it('takes a signed link as links', () => {
    const links = signSurveyLink({ secret: 's'.repeat(32), baseUrl: 'https://nps.example.com', locale: 'nb', journeyPoint: 'x', expiresInDays: 30 })
    expectTypeOf(links).toEqualTypeOf<SignedSurveyLink>()
    expectTypeOf(links).toExtend<SurveyEmailOptions['links']>()
  })

  it('narrows a verified link by ok and reason', () => {
    const check = verifySurveyLink('token', 's'.repeat(32))
    if (check.ok) expectTypeOf(check.link).toEqualTypeOf<SurveyLinkData>()
    else if (check.reason === 'expired') expectTypeOf(check.link).toEqualTypeOf<SurveyLinkData>()
    else expectTypeOf(check).not.toHaveProperty('link')
  })
})
