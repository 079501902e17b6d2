import type { Category } from '../score/types'
import { category } from '../score/category'

/** Where the survey is. `idle` before it shows and after it closed. */
export type Step = 'idle' | 'question' | 'followUp' | 'thanks'

/** Everything the view needs to draw the survey, and nothing it may change itself. */
export interface SurveyState {
  readonly step: Step
  /** Set once the customer has chosen a score: from then on the answer counts. */
  readonly score?: number
  readonly category?: Category
}

/** What can happen to a survey: the customer's intents and the host's commands. */
export type SurveyEvent =
  | { readonly type: 'show' }
  | { readonly type: 'score'; readonly score: number }
  | { readonly type: 'submit'; readonly comment: string; readonly contactConsent: boolean }
  | { readonly type: 'skip' }
  | { readonly type: 'close' }

export const initialState: SurveyState = { step: 'idle' }

/**
 * The survey's only transition function: idle → question → follow-up → thanks → idle, and a new
 * score on the follow-up step (whose category may bring another prompt, or none).
 * `followUp` says which categories get the text box. Pure, so every path is a table test; an
 * event that makes no sense in a step returns the same state (the view may send a stray click
 * while it animates out).
 *
 * @example
 * let state = transition(initialState, { type: 'show' }, () => true) // step: 'question'
 * state = transition(state, { type: 'score', score: 3 }, () => true) // step: 'followUp', category: 'detractor'
 */
export function transition(state: SurveyState, event: SurveyEvent, followUp: (c: Category) => boolean): SurveyState {
  const { step } = state
  switch (event.type) {
    case 'show':
      return step === 'idle' ? { step: 'question' } : state
    case 'score': {
      // On the follow-up step the customer may change the score (the same response, updated).
      if (!(step === 'question' || (step === 'followUp' && event.score !== state.score))) return state
      const c = category(event.score)
      return { step: followUp(c) ? 'followUp' : 'thanks', score: event.score, category: c }
    }
    case 'close':
      return step === 'idle' ? state : { ...state, step: 'idle' }
    default:
      // submit and skip: the comment itself is the response's business, not the screen's.
      return step === 'followUp' ? { ...state, step: 'thanks' } : state
  }
}
