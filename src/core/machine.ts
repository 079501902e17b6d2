import type { Category } from '../score/types'
import { category } from '../score/category'

/** Where the survey is. `idle` before it shows and after it closed. */
export type Step = 'idle' | 'question' | 'followUp' | 'thanks'

/** Everything the view needs to draw the survey, and nothing it may change itself. */
export interface SurveyState {
  readonly step: Step
  readonly score?: number
  readonly category?: Category
  readonly comment: string
  readonly contactConsent: boolean
  /** Set once the customer has chosen a score: from then on the answer counts. */
  readonly answered: boolean
}

/** What can happen to a survey: the customer's intents and the host's commands. */
export type SurveyEvent =
  | { readonly type: 'show' }
  | { readonly type: 'score'; readonly score: number }
  | { readonly type: 'submit'; readonly comment: string; readonly contactConsent: boolean }
  | { readonly type: 'skip' }
  | { readonly type: 'close' }

/** Which categories get the follow-up text box (from the `followUp` option). */
export type FollowUpFor = Readonly<Record<Category, boolean>>

export const initialState: SurveyState = { step: 'idle', comment: '', contactConsent: false, answered: false }

/**
 * The survey's only transition function: idle → question → follow-up → thanks → idle.
 * Pure, so every path is a table test; an event that makes no sense in a step leaves the
 * state as it is (the view may send a stray click while it animates out).
 *
 * @example
 * let state = transition(initialState, { type: 'show' }, followUpForAll)
 * state = transition(state, { type: 'score', score: 3 }, followUpForAll) // step: 'followUp'
 */
export function transition(state: SurveyState, event: SurveyEvent, followUp: FollowUpFor): SurveyState {
  switch (event.type) {
    case 'show':
      return state.step === 'idle' ? { ...initialState, step: 'question' } : state
    case 'score': {
      if (state.step !== 'question') return state
      const c = category(event.score)
      return { ...state, step: followUp[c] ? 'followUp' : 'thanks', score: event.score, category: c, answered: true }
    }
    case 'submit':
      return state.step === 'followUp'
        ? { ...state, step: 'thanks', comment: event.comment, contactConsent: event.contactConsent }
        : state
    case 'skip':
      return state.step === 'followUp' ? { ...state, step: 'thanks' } : state
    case 'close':
      return state.step === 'idle' ? state : { ...state, step: 'idle' }
  }
}
