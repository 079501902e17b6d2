import { copyFor, type Copy } from './core/copy'
import { initialState, transition, type FollowUpFor, type SurveyEvent, type SurveyState } from './core/machine'
import { resolveLocale } from './core/locale'
import type { Locale } from './core/messages'
import { validateOptions } from './core/options'
import { completeResponse, pageOf, startResponse, type ResponseContext } from './core/response'
import { tokensCss } from './core/tokens'
import { builtInLocales, loadLocale } from './adapters/loadLocale'
import { createEmitter } from './lib/emitter'
import { randomId } from './lib/randomId'
import type { ShowOptions, Survey, SurveyEvents, SurveyOptions, SurveyResponse, SurveyResult } from './types'
import type { View } from './view/render'
import { version } from './version'

// Only one survey on screen per page, whichever instance shows it: two at once is pestering.
let onScreen: object | undefined

const notShown = (reason: string): SurveyResult => ({ status: 'not-shown', reason })

interface Showing {
  readonly context: ResponseContext
  readonly copy: Copy
  readonly followUp: FollowUpFor
  readonly resolve: (result: SurveyResult) => void
  response?: SurveyResponse
  view?: View
  timer?: ReturnType<typeof setTimeout>
}

/**
 * Creates a survey. Nothing is shown, stored or sent until you call `show()`; options are
 * checked at once, and a wrong one is a `TypeError` (or `RangeError`) that names it.
 * After creation the survey never throws into the page: errors go to the `'error'` event
 * and one `console.warn`.
 *
 * @example
 * const survey = createSurvey({ brand: 'Nordhandel', locale: 'auto', placement: 'bottom-right' })
 * survey.on('submit', (response) => console.log(response.score, response.comment))
 * const result = await survey.show({ journeyPoint: 'checkout-complete' })
 */
export function createSurvey(options?: SurveyOptions): Survey {
  const o = validateOptions(options)
  let warned = false
  const events = createEmitter<SurveyEvents>((error) => report(error, false))
  let state: SurveyState = initialState
  let showing: Showing | undefined
  let token: object | undefined
  let destroyed = false
  let cancelWait: (() => void) | undefined

  function report(error: unknown, emit = true): void {
    const e = error instanceof Error ? error : new Error(String(error))
    if (emit) events.emit('error', e)
    if (!warned) {
      warned = true
      console.warn('npskit:', e)
    }
  }

  function publish(kind: 'score' | 'submit', response: SurveyResponse): void {
    if (!showing) return
    showing.response = response
    try {
      o.onResponse?.(response)
    } catch (error) {
      report(error)
    }
    events.emit(kind, response)
  }

  function finish(result: SurveyResult): void {
    showing?.resolve(result)
  }

  function answered(response: SurveyResponse): SurveyResult {
    const { score, category, comment } = response
    return comment === null ? { status: 'answered', score, category } : { status: 'answered', score, category, comment }
  }

  // Every intent of the customer goes through the state machine, then its consequences run here.
  function dispatch(event: SurveyEvent): void {
    const s = showing
    if (!s) return
    const before = state
    state = transition(state, event, s.followUp)
    if (state === before) return
    const now = new Date()
    if (event.type === 'score') {
      publish('score', startResponse(s.context, event.score, now))
      if (state.step === 'thanks') complete('', false)
    } else if (event.type === 'submit') complete(event.comment, event.contactConsent)
    else if (event.type === 'skip') complete('', false)
    if (state.step === 'thanks') {
      const autoClose = o.autoCloseMs ?? 5000
      // A promoter with a call to action to read is not rushed.
      const action = o.promoterAction && state.category === 'promoter'
      if (autoClose > 0 && !action) s.timer = setTimeout(() => close('auto'), autoClose)
    }
    if (state.step === 'idle') teardown()
    else s.view?.update(state)
  }

  function complete(comment: string, consent: boolean): void {
    const response = showing?.response
    if (!response) return
    const done = completeResponse(response, comment, consent, new Date())
    publish('submit', done)
    finish(answered(done))
  }

  function close(reason: 'closed' | 'hidden' | 'auto'): void {
    const s = showing
    if (!s) return
    const step = state.step
    if (step === 'question') {
      if (reason !== 'auto') events.emit('dismiss', { step, response: null })
      finish({ status: 'dismissed', reason })
    } else if (step === 'followUp') {
      // The score was chosen and counts; closing the text box just means no comment.
      complete('', false)
      if (reason === 'closed') events.emit('dismiss', { step, response: s.response ?? null })
    }
    dispatch({ type: 'close' })
  }

  function teardown(): void {
    const s = showing
    showing = undefined
    token = undefined
    if (onScreen === s) onScreen = undefined
    state = initialState
    if (!s) return
    clearTimeout(s.timer)
    try {
      s.view?.destroy()
    } catch (error) {
      report(error)
    }
  }

  async function present(show: ShowOptions, mine: object): Promise<SurveyResult> {
    const languages = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]
    const custom = o.locales ?? []
    const code = resolveLocale(o.locale ?? 'auto', languages, [...custom.map((l) => l.code), ...builtInLocales])
    const [render, locale] = await Promise.all([
      import('./view/render'),
      custom.find((l) => l.code === code) ?? loadLocale(code),
    ])
    if (o.placement === 'modal') await Promise.race([render.whenNotTyping(document), new Promise<void>((r) => (cancelWait = r))])
    if (token !== mine) return notShown('hidden')
    const parent = o.placement === 'inline' ? findTarget() : document.body
    if (!parent) return notShown('no-target')
    return new Promise<SurveyResult>((resolve) => {
      const copy = copyFor(o, locale as Locale)
      const s: Showing = {
        copy,
        followUp: { detractor: !!copy.followUp.detractor, passive: !!copy.followUp.passive, promoter: !!copy.followUp.promoter },
        resolve,
        context: {
          id: randomId(),
          surveyId: o.surveyId ?? 'nps',
          journeyPoint: show.journeyPoint ?? null,
          locale: copy.lang,
          question: copy.question,
          page: pageOf(location.href),
          user: o.user ?? null,
          metadata: { ...o.metadata, ...show.metadata },
          version,
        },
      }
      showing = s
      onScreen = s
      state = transition(initialState, { type: 'show' }, s.followUp)
      s.view = render.mountView(
        document,
        { parent, tokens: tokensCss(o), nonce: o.nonce },
        { copy, placement: o.placement ?? 'bottom-right', theme: o.theme ?? 'auto', maxCommentLength: o.maxCommentLength ?? 2000, promoterAction: o.promoterAction },
        state,
        {
          score: (score) => guard(() => dispatch({ type: 'score', score })),
          submit: (comment, contactConsent) => guard(() => dispatch({ type: 'submit', comment, contactConsent })),
          skip: () => guard(() => dispatch({ type: 'skip' })),
          close: () => guard(() => close('closed')),
        },
      )
      events.emit('show', { journeyPoint: s.context.journeyPoint })
    })
  }

  function findTarget(): Element | null {
    const t = o.target
    return typeof t === 'string' ? document.querySelector(t) : (t ?? null)
  }

  function guard(run: () => void): void {
    try {
      run()
    } catch (error) {
      report(error)
    }
  }

  function hide(): void {
    guard(() => {
      if (showing) close('hidden')
      else if (token) {
        if (onScreen === token) onScreen = undefined
        token = undefined
        cancelWait?.()
      }
    })
  }

  return {
    show(show = {}) {
      if (show === null || typeof show !== 'object') throw new TypeError('npskit: show() takes an options object')
      validateOptions({ metadata: show.metadata })
      if (show.journeyPoint !== undefined && typeof show.journeyPoint !== 'string') {
        throw new TypeError('npskit: show option "journeyPoint" must be a string')
      }
      if (destroyed) return Promise.resolve(notShown('destroyed'))
      if (typeof document === 'undefined') return Promise.resolve(notShown('no-dom'))
      if (onScreen || token) return Promise.resolve(notShown('survey-on-screen'))
      const mine = {}
      token = mine
      // Claim the screen before the view has loaded, so two quick calls cannot both show.
      onScreen = mine
      return present(show, mine).catch((error: unknown) => {
        report(error)
        teardown()
        return notShown('error')
      }).finally(() => {
        if (onScreen === mine) onScreen = showing
      })
    },
    hide,
    destroy() {
      hide()
      destroyed = true
      events.clear()
    },
    on(event, handler) {
      if (typeof handler !== 'function') throw new TypeError(`npskit: on("${String(event)}") needs a handler function`)
      return events.on(event, handler)
    },
  }
}
