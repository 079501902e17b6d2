import { describe, expectTypeOf, it } from 'vitest'
import {
  createSurvey,
  version,
  type AnalyticsDetail,
  type AnalyticsEventName,
  type Channel,
  type Explanation,
  type ReasonCode,
  type Survey,
  type SurveyEvent,
  type SurveyOptions,
  type SurveyResponse,
  type SurveyResult,
  type TriggerSpec,
} from '../../src/index'
import { NpsSurveyElement, defineSurveyElement } from '../../src/element'

describe('the npskit entry types', () => {
  it("types issue #19's options: events, channel, dataLayer, onEvent, recontactCheck", () => {
    createSurvey({ events: false, channel: 'email', dataLayer: true, recontactCheck: 'https://nps.example.com' })
    createSurvey({ dataLayer: 'myLayer', onEvent: (name, detail) => {
      expectTypeOf(name).toEqualTypeOf<AnalyticsEventName>()
      expectTypeOf(detail).toEqualTypeOf<AnalyticsDetail>()
      expectTypeOf(detail.channel).toEqualTypeOf<Channel>()
      expectTypeOf(detail.score).toEqualTypeOf<number | null>()
    } })
    // @ts-expect-error a channel is 'web' or 'email'
    createSurvey({ channel: 'sms' })
    // A transport written for responses alone still type-checks; one that takes both can tell them apart.
    createSurvey({ send: async (response: SurveyResponse) => void response.score })
    createSurvey({
      events: true,
      send: async (payload) => {
        if ('type' in payload) expectTypeOf(payload).toEqualTypeOf<SurveyEvent>()
        else expectTypeOf(payload).toEqualTypeOf<SurveyResponse>()
      },
    })
    expectTypeOf<SurveyResponse['channel']>().toEqualTypeOf<Channel | undefined>()
    expectTypeOf<SurveyEvent['event']>().toEqualTypeOf<'shown' | 'dismissed' | 'sent'>()
  })

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
