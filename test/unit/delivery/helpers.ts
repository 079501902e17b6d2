import type { SurveyResponse } from '../../../src/types'

export const T0 = Date.UTC(2026, 10, 27, 12)
export const iso = (ms: number) => new Date(ms).toISOString()

/** A valid response with the given id, updatedAt and phase. */
export function response(id: string, at = T0, complete = false, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id,
    surveyId: 'nps',
    score: 9,
    category: 'promoter',
    comment: complete ? 'Fast delivery' : null,
    contactConsent: false,
    journeyPoint: null,
    locale: 'en',
    question: 'How likely…?',
    page: 'https://shop.example/done',
    user: null,
    metadata: {},
    createdAt: iso(T0),
    updatedAt: iso(at),
    complete,
    sdk: { name: 'npskit', version: '0.1.0' },
    ...extra,
  }
}
