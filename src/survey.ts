import { createStore, type Store } from './adapters/storage'
import { loadLocale } from './adapters/loadLocale'
import { loadUi } from './adapters/loadUi'
import { decide, pointOf } from './core/decide'
import type { EventContext } from './core/event'
import type { Consent } from './core/eligibility'
import { recordAnswer, recordDismiss, recordPrompt, type History } from './core/history'
import { validateOptions } from './core/options'
import { pageOf } from './core/page'
import { pickCandidate } from './core/pickCandidate'
import { laterDelivery } from './delivery/later'
import type { Moment } from './delivery/signals'
import { createEmitter } from './lib/emitter'
import { randomId } from './lib/randomId'
import { countVisit, loadHistory, readEnvironment, saveHistory } from './targeting/index'
import { localeOf } from './targeting/locale'
import { watchAlwaysOn } from './triggers/alwaysOn'
import { stopAll } from './triggers/guard'
import type { Explanation, JourneyPoint, ShowOptions, Survey, SurveyEvents, SurveyOptions, SurveyResponse, SurveyResult, TriggerOptions } from './types'
import type { Locale } from './core/messages'
import type { Prepainted, Session } from './ui'

type Ui = typeof import('./ui')
import { version } from './version'

// Only one survey on screen per page, whichever instance shows it: two at once is pestering.
let onScreen: object | undefined
// Surveys triggered in the same moment; the highest priority wins (see contend()).
interface Contender {
  readonly priority: number
  readonly settle: (won: boolean) => void
}
let contenders: Contender[] | undefined

const notShown = (reason: string): SurveyResult => ({ status: 'not-shown', reason })

/** One showing, from the moment it is claimed (before the UI has loaded) until it is gone. */
interface Showing {
  session?: Session
  cancel: () => void
  cancelled: boolean
}

const consents = ['granted', 'denied', 'pending']

function checkShowOptions(show: unknown, method: string): asserts show is ShowOptions & TriggerOptions {
  if (show === null || typeof show !== 'object') throw new TypeError(`npskit: ${method}() takes an options object`)
  const { metadata, journeyPoint, dedupeKey, score } = show as Record<string, unknown>
  validateOptions({ metadata })
  if (score !== undefined && !(Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 10)) {
    throw new (typeof score === 'number' ? RangeError : TypeError)(`npskit: ${method} option "score" must be an integer from 0 to 10`)
  }
  if (journeyPoint !== undefined && typeof journeyPoint !== 'string') throw new TypeError(`npskit: ${method} option "journeyPoint" must be a string`)
  if (dedupeKey !== undefined && (typeof dedupeKey !== 'string' || dedupeKey === '')) {
    throw new TypeError(`npskit: ${method} option "dedupeKey" must be a non-empty string`)
  }
}

// When several surveys are triggered by one event (the always-on triggers reach them all),
// wait one task for the others, then let the highest priority show and tell the rest.
function contend(priority: number): Promise<boolean> {
  return new Promise((settle) => {
    let round = contenders
    if (!round) {
      const fresh: Contender[] = []
      round = contenders = fresh
      setTimeout(() => {
        contenders = undefined
        const winner = pickCandidate(fresh)
        for (const c of fresh) c.settle(c === winner)
      })
    }
    round.push({ priority, settle })
  })
}

/**
 * What the script tag's first stage (src/iife.ts) already found out before the engine arrived, so
 * that nothing on the way to the first paint is done twice.
 */
export interface Known {
  /** The store it read the visitor's history from: one storage read for all the rules. */
  store?: Store
  /** That history, with this page view counted. */
  history?: History
  /** The locale it resolved, and whose file it is already fetching. */
  locale?: string | undefined
  /** The question it painted (src/prepaint.ts) once the UI and the locale were here, or none. */
  painted?: PromiseLike<Prepainted | undefined>
  /** The journey point that question was painted for: the script tag's own. */
  paintedAt?: string | undefined
}

/**
 * Creates a survey. Nothing is shown, stored or sent until a survey shows, and nothing at
 * all before consent is `'granted'`; options are checked at once, and a wrong one is a
 * `TypeError` (or `RangeError`) that names it. After creation the survey never throws into
 * the page: errors go to the `'error'` event and one `console.warn`.
 *
 * This is the loader half of npskit: triggers, targeting rules and delivery, small and on
 * every page. The survey itself (Preact, the view, the locale) loads only when one shows.
 *
 * @example
 * const survey = createSurvey({ brand: 'Nordhandel', endpoint: '/api/nps' })
 * survey.on('submit', (response) => console.log(response.score, response.comment))
 * const result = await survey.trigger('checkout-complete', { dedupeKey: 'ORDER-1042' })
 */
export function createSurvey(options?: SurveyOptions): Survey {
  return surveyWith(options, {})
}

/**
 * {@link createSurvey} taking over what the script tag's first stage already knows. Not part of the
 * package's API: only the script tag's engine calls it.
 */
export function surveyWith(options: SurveyOptions | undefined, known: Known): Survey {
  const o = validateOptions(options)
  const surveyId = o.surveyId ?? 'nps'
  const store = known.store ?? createStore(o.storage, o.storagePrefix)
  const events = createEmitter<SurveyEvents>((error) => report(error, false))
  let consent: Consent = o.consent ?? 'granted'
  let history: History | undefined = known.history
  // Not needed to show the question: a chunk of its own, after the first paint.
  const delivery = laterDelivery(o, store, (error) => report(error))
  // The showing in progress: claimed before the UI has loaded, so two quick calls cannot both show.
  let current: Showing | undefined
  // The last journey point reached while consent was pending: it is tried again once granted,
  // so a customer who accepts the banner on the confirmation page is still asked there.
  let deferred: [string, TriggerOptions] | undefined
  let destroyed = false
  let warned = false
  // Loaded beside the UI, and only with `redact: true`.
  let redact: ((text: string) => string) | undefined
  // The question the first stage painted before this engine arrived: the first showing of its
  // journey point takes it over; anything else that comes first takes it off the page.
  let painted = known.painted
  function takePainted(journeyPoint?: string | null): PromiseLike<Prepainted | undefined> | undefined {
    const p = painted
    painted = undefined
    if (journeyPoint != null && journeyPoint === known.paintedAt) return p
    p?.then((q) => q?.remove())
    return undefined
  }

  function report(error: unknown, emit = true): void {
    const e = error instanceof Error ? error : new Error(String(error))
    if (emit) events.emit('error', e)
    if (!warned) {
      warned = true
      console.warn('npskit:', e)
    }
  }

  function guard<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        run(...args)
      } catch (error) {
        report(error)
      }
    }
  }

  // Storage is first read when it is needed and consent allows it; this page counts as a visit.
  function memory(): History {
    const now = Date.now()
    return (history ??= countVisit(store, loadHistory(store, now, randomId), now))
  }
  function remember(change: (h: History, now: number) => History): void {
    saveHistory(store, (history = change(memory(), Date.now())))
  }

  function granted(): void {
    // After a survey that is loading has shown or failed to, when the browser is idle.
    if (!destroyed) delivery.start(() => assets)
  }
  if (consent === 'granted' && typeof window !== 'undefined') granted()

  const point = (name: string | undefined): JourneyPoint => pointOf(o, name)
  // `when` answers at once. A Promise would read as yes before it settles, so it is refused: the
  // page gets an error naming the option, and the rules a throw (any throw is 'when-error').
  const when = o.when
  const rules: SurveyOptions = when
    ? {
        ...o,
        when: (context) => {
          const yes = when(context)
          if ((yes as unknown as PromiseLike<boolean> | null)?.then) throw report(new TypeError('npskit: option "when" must return true or false, not a Promise'))
          return yes
        },
      }
    : o

  function explain(journeyPoint?: string, extra: TriggerOptions = {}): Explanation {
    const env = readEnvironment()
    const now = Date.now()
    // Before consent, and under an honoured privacy signal, nothing is read or counted: the
    // rules ask for the history only once those have said yes.
    const verdict = decide(rules, memory, { ...env, now, consent, onScreen: !!onScreen }, journeyPoint, extra.dedupeKey, extra.metadata)
    if (o.debug) console.info(`npskit: ${surveyId} at ${journeyPoint ?? '(none)'}: ${verdict.reason}`)
    return verdict
  }

  function published(kind: 'score' | 'submit', response: SurveyResponse): void {
    const r = redact && response.comment ? { ...response, comment: redact(response.comment) } : response
    if (kind === 'score') remember((h, now) => recordAnswer(h, surveyId, now))
    delivery.enqueue(r)
    try {
      o.onResponse?.(r)
    } catch (error) {
      report(error)
    }
    events.emit(kind, r)
  }

  // What a showing tells the collector (events) and the page's analytics (delivery/signals.ts), by
  // the rules of a response: only with consent, and nothing under an honoured privacy signal
  // (show() skips the targeting rules, not these).
  function signal(moment: Moment, about: EventContext, response?: SurveyResponse): void {
    const env = readEnvironment()
    if (consent === 'granted' && !((env.gpc || env.dnt) && o.honourPrivacySignals !== false)) delivery.tell(moment, about, response)
  }

  // Answered, dismissed or asked lately on another device or by email? Only the collector knows
  // (`recontactCheck`, identified customers only). 800 ms in all, the chunk's loading included;
  // then, or on any error, ask.
  const recontacted = (): Promise<[string, number] | void> | undefined =>
    o.recontactCheck && (o.user?.id ?? o.user?.email) != null
      ? Promise.race([import('./targeting/recontact').then((m) => m.recontact(o, report), report), new Promise<void>((r) => setTimeout(r, 800))])
      : undefined

  // The UI, the locale it will speak and (with `redact: true`) redaction, side by side and once. A
  // journey point the rules allow starts this before its delay and the priority round, so the survey
  // is ready when its moment comes; a load that failed is tried again by the next showing.
  let assets: Promise<[Ui, Locale, unknown]> | undefined
  function load(): Promise<[Ui, Locale, unknown]> {
    if (!assets) {
      const custom = o.locales ?? []
      // The script tag's first stage has resolved it (and is fetching its file) already.
      const code = known.locale ?? localeOf(o, readEnvironment().languages)
      assets = Promise.all([
        loadUi(),
        custom.find((l) => l.code === code) ?? loadLocale(code),
        o.redact && import('./core/redact').then((m) => (redact = m.redact)),
      ]).catch((error: unknown) => {
        assets = undefined
        throw error
      })
    }
    return assets
  }

  async function present(show: ShowOptions & TriggerOptions, mine: Showing, p: JourneyPoint): Promise<SurveyResult> {
    const [ui, locale] = await load()
    let resolve!: (result: SurveyResult) => void
    const result = new Promise<SurveyResult>((r) => (resolve = r))
    const journeyPoint = show.journeyPoint ?? null
    const { on: _on, delayMs: _delay, sampleRate: _rate, priority: _priority, ...overrides } = p
    const gone = () => release(mine)
    const context = {
      id: randomId(),
      surveyId,
      journeyPoint,
      page: pageOf(location.href, o.includeQuery),
      user: o.user ?? null,
      metadata: { ...o.metadata, ...show.metadata },
      version,
      score: show.score,
      ...(o.channel && { channel: o.channel }),
    }
    const about = { ...context, locale: locale.code }
    const session = await ui.startSession(
      document,
      { ...o, ...overrides },
      locale,
      context,
      {
        response: (kind, response) => {
          published(kind, response)
          signal(kind === 'score' ? kind : 'answered', about, response)
        },
        dismissed: (step, response) => {
          if (step === 'question') {
            remember((h, now) => recordDismiss(h, surveyId, now))
            signal('dismissed', about)
          }
          events.emit('dismiss', { step, response })
        },
        shown: () => {
          remember((h, now) => recordPrompt(h, surveyId, now, show.dedupeKey))
          signal('shown', about)
          events.emit('show', { journeyPoint })
        },
        done: resolve,
        gone,
        error: report,
      },
      () => mine.cancelled,
      new Promise<void>((r) => (mine.cancel = r)),
      takePainted(journeyPoint),
    )
    if (!session) {
      gone()
      return mine.cancelled ? notShown('hidden') : Promise.race([result, notShown('no-target')])
    }
    mine.session = session
    return result
  }

  /** Lets go of a showing: another may claim the screen. */
  function release(mine: Showing): void {
    if (current === mine) current = undefined
    if (onScreen === mine) onScreen = undefined
  }

  async function open(show: ShowOptions & TriggerOptions, p: JourneyPoint): Promise<SurveyResult> {
    if (destroyed) return notShown('destroyed')
    if (typeof document === 'undefined') return notShown('no-dom')
    if (consent !== 'granted') return notShown(consent === 'denied' ? 'no-consent' : 'consent-pending')
    if (onScreen || current) return notShown('survey-on-screen')
    const mine: Showing = { cancel: () => {}, cancelled: false }
    current = mine
    onScreen = mine
    return present(show, mine, p).catch((error: unknown) => {
      report(error)
      release(mine)
      return notShown('error')
    })
  }

  async function trigger(journeyPoint: string, extra: TriggerOptions): Promise<SurveyResult> {
    if (destroyed) return notShown('destroyed')
    if (typeof document === 'undefined') return notShown('no-dom')
    const p = point(journeyPoint)
    const verdict = explain(journeyPoint, extra)
    if (verdict.reason === 'consent-pending') deferred = [journeyPoint, extra]
    if (!verdict.eligible) return notShown(verdict.reason)
    // Most likely it shows: fetch what it needs while the collector is asked, the others contend and the delay runs.
    load().catch(() => {})
    const no = await recontacted()
    if (no) {
      // Kept as if it had happened here (an answer as answered, a dismissal or an ask as dismissed,
      // at the collector's time): the rules of every later page leave this person be for the rest
      // of the wait without asking the collector again.
      if (no[1] <= Date.now()) remember((h) => (no[0] === 'recontact-answered' ? recordAnswer : recordDismiss)(h, surveyId, no[1]))
      return notShown(no[0])
    }
    if (!(await contend(p.priority ?? o.priority ?? 0))) return notShown('lower-priority')
    if (p.delayMs) await new Promise((r) => setTimeout(r, p.delayMs))
    return open({ ...extra, journeyPoint }, p)
  }

  function hide(): void {
    const c = current
    if (!c) return
    try {
      if (c.session) c.session.hide()
      else {
        c.cancelled = true
        c.cancel()
        release(c)
      }
    } catch (error) {
      report(error)
    }
  }

  // The always-on triggers, and the journey points' declared ones (loaded only when some point has `on`).
  const triggers: unknown[] = []
  if (typeof window !== 'undefined') {
    const points = o.journeyPoints ?? {}
    const fire = guard((name: string, detail: TriggerOptions = {}) => void survey.trigger(name, detail))
    guard(() => triggers.push(watchAlwaysOn(fire, report)))()
    if (Object.values(points).some((p) => p?.on)) {
      import('./triggers/specs').then(({ watchSpecs }) => destroyed || guard(() => triggers.push(watchSpecs(points, fire, report)))(), report)
    }
  }

  const survey: Survey = {
    trigger(journeyPoint, extra = {}) {
      if (typeof journeyPoint !== 'string' || journeyPoint === '') throw new TypeError('npskit: trigger() needs a journey point name')
      checkShowOptions(extra, 'trigger')
      return trigger(journeyPoint, extra)
        .catch((error: unknown) => {
          report(error)
          return notShown('error')
        })
        .then((result) => {
          // The painted question's own journey point will not show it after all.
          if (painted && journeyPoint === known.paintedAt && result.status === 'not-shown') takePainted()
          return result
        })
    },
    explain(journeyPoint, extra = {}) {
      if (journeyPoint !== undefined && typeof journeyPoint !== 'string') throw new TypeError('npskit: explain() takes a journey point name')
      checkShowOptions(extra, 'explain')
      return explain(journeyPoint, extra)
    },
    setConsent(value) {
      if (!consents.includes(value)) throw new TypeError(`npskit: setConsent() takes 'granted', 'denied' or 'pending'; got ${String(value)}`)
      consent = value
      if (value === 'granted') {
        guard(granted)()
        const again = deferred
        deferred = undefined
        if (again) void survey.trigger(...again)
      } else {
        if (value === 'denied') deferred = undefined
        hide()
      }
    },
    show(show = {}) {
      checkShowOptions(show, 'show')
      return open(show, point(show.journeyPoint))
    },
    hide,
    destroy() {
      hide()
      destroyed = true
      takePainted()
      stopAll(triggers)
      delivery.destroy()
      events.clear()
    },
    on(event, handler) {
      if (typeof handler !== 'function') throw new TypeError(`npskit: on("${String(event)}") needs a handler function`)
      return events.on(event, handler)
    },
  }
  return survey
}
