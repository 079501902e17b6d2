import { category } from '../score/category'
import type { SurveyResponse } from '../types'

/** What a response is made of besides the score: known when the survey is shown. */
export type ResponseContext = Pick<
  SurveyResponse,
  'id' | 'surveyId' | 'journeyPoint' | 'locale' | 'question' | 'page' | 'user' | 'metadata'
> & { readonly version: string }

/**
 * The first version of a response, made the moment a score is chosen (`complete: false`),
 * so a customer who leaves before writing a comment still counts.
 *
 * @example
 * const response = startResponse(context, 9, new Date())
 * response.category // → 'promoter'
 */
export function startResponse(context: ResponseContext, score: number, now: Date): SurveyResponse {
  const at = now.toISOString()
  return {
    id: context.id,
    surveyId: context.surveyId,
    score,
    category: category(score),
    comment: null,
    contactConsent: false,
    journeyPoint: context.journeyPoint,
    locale: context.locale,
    question: context.question,
    page: context.page,
    user: context.user,
    metadata: context.metadata,
    createdAt: at,
    updatedAt: at,
    complete: false,
    sdk: { name: 'npskit', version: context.version },
  }
}

/**
 * The final version of a response, under the same `id` so a collector updates rather than adds.
 * An empty comment is `null`: "said nothing" is one value, not two.
 */
export function completeResponse(response: SurveyResponse, comment: string, contactConsent: boolean, now: Date): SurveyResponse {
  const trimmed = comment.trim()
  return { ...response, comment: trimmed === '' ? null : trimmed, contactConsent, updatedAt: now.toISOString(), complete: true }
}
