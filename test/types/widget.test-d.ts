import { describe, expectTypeOf, it } from 'vitest'
import {
  createSurvey,
  version,
  type Explanation,
  type ReasonCode,
  type Survey,
  type SurveyOptions,
  type SurveyResponse,
  type SurveyResult,
  type TriggerSpec,
} from '../../src/index'
import { NpsSurveyElement, defineSurveyElement } from '../../src/element'

describe('the npskit entry types', () => {
  it('types createSurvey and the survey object', () => {
    const survey = createSurvey({ brand: 'Nordhandel', placement: 'modal' })
    expectTypeOf(survey).toEqualTypeOf<Survey>()
    expectTypeOf(survey.show).returns.resolves.toEqualTypeOf<SurveyResult>()
    // A score chosen before it shows, as from an email link.
    void survey.show({ journeyPoint: 'order-delivered', score: 9 })
    // @ts-expect-error a score is a number
    void survey.show({ score: '9' })
    expectTypeOf(version).toBeString()
  })

  it('gives each event handler its own payload', () => {
    const survey = createSurvey()
    survey.on('submit', (response) => expectTypeOf(response).toEqualTypeOf<SurveyResponse>())
    survey.on('error', (error) => expectTypeOf(error).toEqualTypeOf<Error>())
    survey.on('dismiss', (detail) => expectTypeOf(detail.step).toEqualTypeOf<'question' | 'followUp' | 'thanks'>())
    // @ts-expect-error there is no such event
    survey.on('clicked', () => {})
  })

  it('refuses wrong options at compile time', () => {
    // @ts-expect-error not a placement
    createSurvey({ placement: 'center' })
    // @ts-expect-error metadata is flat
    createSurvey({ metadata: { nested: { a: 1 } } })
    // @ts-expect-error unknown option
    createSurvey({ placment: 'modal' })
    expectTypeOf<SurveyOptions['followUp']>().toEqualTypeOf<
      string | boolean | { readonly detractor?: string | boolean; readonly passive?: string | boolean; readonly promoter?: string | boolean } | undefined
    >()
  })

  it('describes the response a collector receives', () => {
    expectTypeOf<SurveyResponse['category']>().toEqualTypeOf<'detractor' | 'passive' | 'promoter'>()
    expectTypeOf<SurveyResponse['comment']>().toEqualTypeOf<string | null>()
    expectTypeOf<SurveyResponse['sdk']>().toEqualTypeOf<{ readonly name: 'npskit'; readonly version: string }>()
  })

  it('types triggers, targeting, consent and delivery', () => {
    const survey = createSurvey({
      endpoint: '/api/nps',
      consent: 'pending',
      sampleRate: 0.1,
      journeyPoints: { 'checkout-complete': { delayMs: 1500, on: [{ url: '/order/*' }, { dataLayer: 'purchase' }] } },
      when: (context) => context.device !== 'tablet',
      storage: { getItem: () => null, setItem() {}, removeItem() {} },
    })
    expectTypeOf(survey.trigger('checkout-complete', { dedupeKey: 'A-1' })).resolves.toEqualTypeOf<SurveyResult>()
    expectTypeOf(survey.explain()).toEqualTypeOf<Explanation>()
    expectTypeOf<Explanation['reason']>().toEqualTypeOf<'eligible' | ReasonCode>()
    expectTypeOf<ReasonCode>().toExtend<string>()
    survey.setConsent('granted')
    // @ts-expect-error not a consent value
    survey.setConsent('yes')
    // @ts-expect-error a dedupe key is a string
    void survey.trigger('x', { dedupeKey: 1 })
    // @ts-expect-error `when` answers at once: a Promise is refused (TypeError for an async function)
    createSurvey({ when: async () => true })
    // @ts-expect-error credentials are fetch's
    createSurvey({ credentials: 'always' })
    expectTypeOf<TriggerSpec['scrollDepth']>().toEqualTypeOf<number | undefined>()
  })

  it('types the element entry', () => {
    expectTypeOf(defineSurveyElement).toBeCallableWith()
    expectTypeOf(defineSurveyElement).toBeCallableWith('my-nps')
    expectTypeOf<NpsSurveyElement['survey']>().toEqualTypeOf<Survey | undefined>()
  })
})
