import { validateOptions } from './core/options'
import { pageOf } from './core/page'
import { loadUi } from './adapters/loadUi'
import { createEmitter } from './lib/emitter'
import { randomId } from './lib/randomId'
import type { ShowOptions, Survey, SurveyEvents, SurveyOptions, SurveyResponse, SurveyResult } from './types'
import type { Session } from './ui'
import { version } from './version'

// Only one survey on screen per page, whichever instance shows it: two at once is pestering.
let onScreen: object | undefined

const notShown = (reason: string): SurveyResult => ({ status: 'not-shown', reason })

/** One showing, from the moment it is claimed (before the UI has loaded) until it is gone. */
interface Showing {
  session?: Session
  cancel: () => void
  cancelled: boolean
}

/**
 * Creates a survey. Nothing is shown, stored or sent until you call `show()`; options are
 * checked at once, and a wrong one is a `TypeError` (or `RangeError`) that names it.
 * After creation the survey never throws into the page: errors go to the `'error'` event
 * and one `console.warn`.
 *
 * This is the loader half of npskit: small, and always on the page. The survey itself
 * (Preact, the view, the locale) loads only when one is about to show.
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
  // The showing in progress: claimed before the UI has loaded, so two quick calls cannot both show.
  let current: Showing | undefined
  let destroyed = false

  function report(error: unknown, emit = true): void {
    const e = error instanceof Error ? error : new Error(String(error))
    if (emit) events.emit('error', e)
    if (!warned) {
      warned = true
      console.warn('npskit:', e)
    }
  }

  function published(kind: 'score' | 'submit', response: SurveyResponse): void {
    try {
      o.onResponse?.(response)
    } catch (error) {
      report(error)
    }
    events.emit(kind, response)
  }

  async function present(show: ShowOptions, mine: Showing): Promise<SurveyResult> {
    const ui = await loadUi()
    let resolve!: (result: SurveyResult) => void
    const result = new Promise<SurveyResult>((r) => (resolve = r))
    const journeyPoint = show.journeyPoint ?? null
    const session = await ui.startSession(
      document,
      o,
      {
        id: randomId(),
        surveyId: o.surveyId ?? 'nps',
        journeyPoint,
        page: pageOf(location.href),
        user: o.user ?? null,
        metadata: { ...o.metadata, ...show.metadata },
        version,
      },
      {
        response: published,
        dismissed: (step, response) => events.emit('dismiss', { step, response }),
        shown: () => events.emit('show', { journeyPoint }),
        done: resolve,
        gone: () => {
          if (current === mine) current = undefined
          if (onScreen === mine) onScreen = undefined
        },
        error: report,
      },
      () => mine.cancelled,
      new Promise<void>((r) => (mine.cancel = r)),
    )
    if (!session) {
      if (current === mine) current = undefined
      if (onScreen === mine) onScreen = undefined
      return mine.cancelled ? notShown('hidden') : Promise.race([result, notShown('no-target')])
    }
    mine.session = session
    return result
  }

  function hide(): void {
    const c = current
    if (!c) return
    try {
      if (c.session) c.session.hide()
      else {
        c.cancelled = true
        c.cancel()
        current = undefined
        if (onScreen === c) onScreen = undefined
      }
    } catch (error) {
      report(error)
    }
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
      if (onScreen || current) return Promise.resolve(notShown('survey-on-screen'))
      const mine: Showing = { cancel: () => {}, cancelled: false }
      current = mine
      onScreen = mine
      return present(show, mine).catch((error: unknown) => {
        report(error)
        if (current === mine) current = undefined
        if (onScreen === mine) onScreen = undefined
        return notShown('error')
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
