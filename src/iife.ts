// The script tag (dist/npskit.iife.js), first stage. The only module with import-time side
// effects. It is all that loads on a page where nothing is asked: it puts the API on
// `window.npskit`, listens for the always-on triggers and registers a light <nps-survey>.
// The moment there is something to do (a journey point, a queued call, a declared trigger,
// responses left queued by an earlier page, an element on the page) it fetches the second
// stage, npskit-engine.js, from beside itself, and hands everything over. When a survey is about
// to show, it fetches the UI and the locale in the same moment, and paints the question with
// them alone: the survey is on screen two round trips from the script tag, without the engine.
import { builtInLocales } from './adapters/loadLocale'
import { createStore } from './adapters/storage'
import { decide, pointOf } from './core/decide'
import type { History } from './core/history'
import { quickLocale } from './core/quickLocale'
import { readEnvironment } from './targeting/environment'
import { countVisit, loadHistory } from './targeting/persist'
import { catchAlwaysOn } from './triggers/catchAlwaysOn'
import type { Known } from './survey'
import type { Survey, SurveyOptions } from './types'
import { version } from './version'
import { handover } from 'virtual:handover'

type Engine = typeof import('./engine')
type Ui = typeof import('./scriptUi')
// A new visitor's id only seeds sampling (it is never sent): any unguessable string will do, and
// this one costs less than a UUID with its fallback for plain-http pages.
const visitorId = () => crypto.getRandomValues(new Uint32Array(4)).join('-')
type Api = ((command: string, ...args: unknown[]) => Promise<unknown>) & Record<string, unknown>
const w = window as unknown as { npskit?: Api & { q?: ArrayLike<ArrayLike<unknown>> } }
const before = w.npskit

if (before && before.version) {
  // Two plugins, a theme and an app may all paste the snippet: one survey, not two.
  console.warn('npskit: loaded twice; the first copy stays')
} else {
  const script = document.currentScript as HTMLScriptElement | null
  const data = { ...script?.dataset }
  const jsonText = document.querySelector('script[type="application/json"][data-npskit-config]')?.textContent ?? null
  // From a CDN by version range (npskit@0.1), the rest comes from this file's exact version:
  // a cached first stage must never meet the next release's engine, nor that engine an older UI.
  // A plain import(): the page's import map checks each file's integrity, and the script's nonce
  // carries over. The engine's own import() of a file fetched here waits for this same fetch.
  const fetchFile = (file: string) => import(new URL(file, (script?.src ?? location.href).replace(/(\/npskit@)[^/]+/, '$1' + version)).href)
  let booted: Promise<[Engine, Survey | undefined]> | undefined
  // What the rules below already read and worked out, for the engine to take over.
  let known: Known = {}
  const load = () =>
    (booted ??= (fetchFile('npskit-engine.js') as Promise<Engine>).then(async (engine) => {
      // Fetched beside the UI, the engine boots only once the question the first stage paints
      // (below) is on screen: none of its work may delay that frame.
      await known.painted
      // The survey listens for itself from now on.
      stop()
      return [engine, engine.boot(data, jsonText, script?.nonce, handover, known)] as [Engine, Survey | undefined]
    }))
  const api = ((command: string, ...args: unknown[]) =>
    load()
      .then(([engine, survey]) => engine.run(survey, command, args))
      .catch(console.error)) as Api
  for (const name of 'trigger explain setConsent show hide destroy on'.split(' ')) api[name] = (...args: unknown[]) => api(name, ...args)
  api.version = version
  w.npskit = api
  // The always-on triggers are only caught here: the first one loads the engine, which reads it
  // (engine.ts, fire) with the same code that listens from then on.
  const stop = catchAlwaysOn((el, detail) => void load().then(([engine, survey]) => survey && engine.fire(survey, el, detail)).catch(console.error))

  // Calls made before the script loaded, in the order they were made.
  const queued = Array.from(before?.q ?? [])
  for (const args of queued) void api(...(Array.from(args) as [string, ...unknown[]]))

  let json: Record<string, unknown> = {}
  try {
    json = JSON.parse(jsonText ?? '{}') as Record<string, unknown>
  } catch {
    // The engine reports a broken block when it loads; here it just means "nothing declared".
  }
  // The options the rules read, roughly converted: numbers, true/false, and the two flags that
  // may stand alone (`data-debug`). The engine converts and checks every attribute properly.
  const o = { ...json } as Record<string, unknown> & SurveyOptions
  for (const [k, v = ''] of Object.entries(data)) {
    o[k] = v === 'true' || (v === '' && /^(debug|honourPrivacySignals)$/.test(k)) ? true : v === 'false' ? false : v.trim() !== '' && !isNaN(+v) ? +v : v
  }
  const declared = Object.values(o.journeyPoints ?? {}).some((p) => p?.on)
  // Until consent is granted nothing more is fetched by itself; a call such as
  // npskit('setConsent', 'granted') loads the rest, and the pending journey point is asked then.
  const granted = !o.consent || o.consent === 'granted'
  // A queued show() will show (a journey point's rules say so below).
  let shows = granted && queued.some((args) => args[0] === 'show')
  let needed = granted && (declared || queued.length > 0)
  let languages: readonly string[] | undefined
  try {
    if (granted && !needed) {
      const store = createStore(o.storage, o.storagePrefix)
      // Responses an earlier page could not deliver: the engine sends them.
      needed = store.get('queue') !== null
      // The journey point: answer the common "not now" here (this order already asked about,
      // answered or dismissed lately, fatigue, a privacy signal, outside the sample) with the same
      // rules the engine runs, so a returning customer's page never loads the rest. Any other
      // answer, or a sample rate that is not a number (a mistake the engine reports), loads it.
      if (data.journeyPoint !== undefined && !needed) {
        const now = Date.now()
        const env = readEnvironment()
        // Read (and this page view counted) only once consent and privacy signals allow: under an
        // honoured GPC or DNT it stays unset, nothing is stored, and the engine reads nothing either.
        let history!: History
        const { reason } = decide(o, () => (history = countVisit(store, loadHistory(store, now, visitorId), now)), { ...env, now, consent: 'granted', onScreen: false }, data.journeyPoint, data.dedupeKey)
        needed = !/^(al|an|di|fa|pr)/.test(reason) && !(reason === 'sampled-out' && typeof (pointOf(o, data.journeyPoint).sampleRate ?? o.sampleRate) === 'number')
        shows = reason === 'eligible'
        languages = env.languages
        // The engine runs its rules on this history in this store: storage is read once per page.
        known = { store, history }
        if (o.debug) console.info('npskit:', data.journeyPoint, reason)
      }
    }
    // The shop's own locales, or a language that is not simply one of ours: the engine resolves it.
    if (shows && !o.locales) known.locale = quickLocale(o.locale ?? 'auto', languages ?? readEnvironment().languages, builtInLocales)
  } catch {
    needed = true
  }
  if (shows) {
    // A survey is about to show: what its first paint needs comes side by side with the engine,
    // the UI and the locale. The engine imports the same files when it gets there and reports a
    // failure; here it would only be a duplicate. When the rules above said so (no queued call
    // did), the question is painted as soon as the UI and the locale are here, without waiting
    // for the engine, which takes it over (src/prepaint.ts).
    known.painted = Promise.all([fetchFile('npskit-ui.js') as Promise<Ui>, known.locale && fetchFile(`locales/${known.locale}.js`)]).then(
      ([ui, l]) => l && !queued.length && ui.prepaint(o, pointOf(o, data.journeyPoint), l.default, script?.nonce, load()),
      () => undefined,
    )
  }

  // After the UI and the locale: the first import() of a page costs the most (the browser sets up
  // its module loading), and the first paint waits for those two, not for the engine. A CDN that
  // fails to serve the engine is reported, never thrown into the page.
  if (needed) load().catch(console.error)

  if (typeof customElements !== 'undefined' && !customElements.get('nps-survey')) {
    customElements.define(
      'nps-survey',
      class extends HTMLElement {
        connectedCallback() {
          load().then(([engine]) => engine.element(this, true)).catch(console.error)
        }
        disconnectedCallback() {
          booted?.then(([engine]) => engine.element(this)).catch(() => {})
        }
      },
    )
  }
}
