import { category } from '../score/category'
import type { SurveyResponse } from '../types'

/** What a response is made of besides the score: known when the survey is shown. */
export type ResponseContext = Pick<
  SurveyResponse,
  'id' | 'surveyId' | 'journeyPoint' | 'locale' | 'question' | 'page' | 'user' | 'metadata' | 'channel'
> & { readonly version: string }

/**
 * The first version of a response, made the moment a score is chosen (`complete: false`),
 * so a customer who leaves before writing a comment still counts.
 *
 * @example
 * const response = startResponse(context, 9, new Date())
 * response.category // → 'promoter'
 */
export function startResponse({ version, ...context }: ResponseContext, score: number, now: Date): SurveyResponse {
  const at = now.toISOString()
  return {
    ...context,
    score,
    category: category(score),
    comment: null,
    contactConsent: false,
    createdAt: at,
    updatedAt: at,
    complete: false,
    sdk: { name: 'npskit', version },
  }
}

/**
 * The response with another score, chosen on the follow-up step: the same `id` and `createdAt`,
 * so a collector replaces the earlier score rather than counting two.
 *
 * @example
 * rescore(response, 8, new Date()).category // → 'passive'
 */
export function rescore(response: SurveyResponse, score: number, now: Date): SurveyResponse {
  return { ...response, score, category: category(score), updatedAt: now.toISOString() }
}

/**
 * The final version of a response, under the same `id` so a collector updates rather than adds.
 * An empty comment is `null`: "said nothing" is one value, not two.
 */
export function completeResponse(response: SurveyResponse, comment: string, contactConsent: boolean, now: Date): SurveyResponse {
  return { ...response, comment: comment.trim() || null, contactConsent, updatedAt: now.toISOString(), complete: true }
}
