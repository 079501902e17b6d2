// The lazily loaded half of npskit: everything that is only needed once a survey is about to
// show (the locale, the copy, the state machine, the response, Preact and the view). The loader
// (src/survey.ts) decides whether and when; this file runs one showing from start to end.
import { copyFor } from './core/copy'
import type { Locale } from './core/messages'
import { initialState, transition, type SurveyEvent } from './core/machine'
import { completeResponse, rescore, startResponse, type ResponseContext } from './core/response'
import type { Category } from './score/types'
import type { SurveyOptions, SurveyResponse, SurveyResult } from './types'
import { paint, parentOf, type Prepainted } from './paint'
import { whenNotTyping, type View } from './view/render'

export type { Prepainted } from './paint'

/** What the loader learns from a showing, in the order it happens. */
export interface SessionHooks {
  /** Once with the score (`complete: false`), once complete. */
  response(kind: 'score' | 'submit', response: SurveyResponse): void
  /** The customer closed it; `response` is null when no score was chosen. */
  dismissed(step: 'question' | 'followUp' | 'thanks', response: SurveyResponse | null): void
  /** The survey is on screen. */
  shown(): void
  /** The outcome is known: `show()` resolves with this (the thank-you may still be on screen). */
  done(result: SurveyResult): void
  /** The survey has left the screen. */
  gone(): void
  /** For errors of the page's own code (handlers), never thrown. */
  error(error: unknown): void
}

/** A survey on screen, as the loader holds it. */
export interface Session {
  /** Closes it as if by the host (`hide()`): reason `'hidden'`. */
  hide(): void
}

/** What a showing knows before it starts; the locale and question are filled in here. */
export type SessionContext = Omit<ResponseContext, 'locale' | 'question'> & { readonly score?: number | undefined }

/**
 * Waits (modal only) until the customer is not typing, then mounts the survey in the given
 * locale (the loader resolves and fetches it while this module loads, in parallel), or takes over
 * the question the script tag's first stage painted (`early`) when it was painted from the same
 * options and locale. Resolves to undefined when `cancelled()` turned true meanwhile (the host hid it).
 */
export async function startSession(
  doc: Document,
  o: SurveyOptions,
  locale: Locale,
  context: SessionContext,
  hooks: SessionHooks,
  cancelled: () => boolean,
  wait: Promise<void>,
  early?: PromiseLike<Prepainted | undefined>,
): Promise<Session | undefined> {
  if (o.placement === 'modal') await Promise.race([whenNotTyping(doc), wait])
  const found = await early
  // The question already on screen, drawn from these very inputs, is this showing's; any other goes.
  const painted = found?.drawnFrom(o, locale) && !cancelled() ? found : found?.remove()
  if (cancelled()) return undefined
  const parent = parentOf(doc, o)
  if (!parent) {
    hooks.done({ status: 'not-shown', reason: 'no-target' })
    return undefined
  }

  const copy = copyFor(o, locale)
  // (A chosen `score` rides along harmlessly: startResponse sets the score it is given.)
  const full: ResponseContext = { ...context, locale: copy.lang, question: copy.question }
  const hasFollowUp = (c: Category) => copy.prompt(c) !== null
  let state = transition(initialState, { type: 'show' }, hasFollowUp)
  let response: SurveyResponse | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let view: View | undefined
  let ended = false

  const guard =
    <A extends unknown[]>(run: (...args: A) => void) =>
    (...args: A) => {
      try {
        run(...args)
      } catch (error) {
        hooks.error(error)
      }
    }

  // show() resolves exactly once, with the first outcome known.
  function end(result: SurveyResult): void {
    if (!ended) hooks.done(result)
    ended = true
  }
  const answered = ({ score, category, comment }: SurveyResponse): SurveyResult =>
    comment === null ? { status: 'answered', score, category } : { status: 'answered', score, category, comment }

  function complete(comment = '', consent = false): void {
    if (!response || response.complete) return
    response = completeResponse(response, comment, consent, new Date())
    hooks.response('submit', response)
    end(answered(response))
  }

  // Every intent of the customer goes through the state machine; its consequences run here.
  function dispatch(event: SurveyEvent): void {
    const before = state
    state = transition(state, event, hasFollowUp)
    if (state === before) return
    if (event.type === 'score') {
      // A new score on the follow-up step updates the same response (same id, later updatedAt).
      response = response ? rescore(response, event.score, new Date()) : startResponse(full, event.score, new Date())
      hooks.response('score', response)
      if (state.step === 'thanks') complete()
    } else if (event.type === 'submit') complete(event.comment, event.contactConsent)
    else if (event.type === 'skip') complete()
    if (state.step === 'thanks') {
      const autoClose = o.autoCloseMs ?? 5000
      // A promoter with a call to action to read is not rushed.
      if (autoClose > 0 && !(o.promoterAction && state.category === 'promoter')) timer = setTimeout(guard(() => close('auto')), autoClose)
    }
    if (state.step === 'idle') teardown()
    else view?.update(state)
  }

  function close(reason: 'closed' | 'hidden' | 'auto'): void {
    const step = state.step
    if (step === 'question') {
      if (reason !== 'auto') hooks.dismissed(step, null)
      end({ status: 'dismissed', reason })
    } else if (step === 'followUp') {
      // The score was chosen and counts; closing the text box just means no comment.
      complete()
      if (reason === 'closed') hooks.dismissed(step, response ?? null)
    }
    dispatch({ type: 'close' })
  }

  function teardown(): void {
    clearTimeout(timer)
    const v = view
    view = undefined
    guard(() => v?.destroy())()
    // Whatever ended it, show() resolves exactly once.
    end(response ? answered(response) : { status: 'dismissed', reason: 'hidden' })
    hooks.gone()
  }

  const intents = {
    score: guard((score: number) => dispatch({ type: 'score', score })),
    submit: guard((comment: string, contactConsent: boolean) => dispatch({ type: 'submit', comment, contactConsent })),
    skip: guard(() => dispatch({ type: 'skip' })),
    close: guard(() => close('closed')),
  }
  view = painted?.view ?? paint(doc, parent, o, copy, state, intents)
  hooks.shown()
  // What the customer did in the painted question before this session (a quick score, a close) counts now.
  painted?.adopt(intents)
  // A score chosen before the survey showed (an email link's) is the customer's first intent.
  if (context.score !== undefined) dispatch({ type: 'score', score: context.score })
  return { hide: guard(() => (state.step === 'idle' ? teardown() : close('hidden'))) }
}
