// The script tag (dist/npskit.iife.js), first stage. The only module with import-time side
// effects. It is all that loads on a page where nothing is asked: it puts the API on
// `window.npskit`, listens for the always-on triggers and registers a light <nps-survey>.
// The moment there is something to do (a journey point, a queued call, a declared trigger,
// responses left queued by an earlier page, an element on the page) it fetches the second
// stage, npskit-engine.js, from beside itself, and hands everything over.
import { watchAlwaysOn } from './triggers/alwaysOn'
import type { Survey } from './types'
import { version } from './version'

type Engine = typeof import('./engine')
type Api = ((command: string, ...args: unknown[]) => Promise<unknown>) & Record<string, unknown>
const w = window as unknown as { npskit?: Api & { q?: ArrayLike<ArrayLike<unknown>> } }
const before = w.npskit

if (before && before.version) {
  // Two plugins, a theme and an app may all paste the snippet: one survey, not two.
  console.warn(`npskit: the script is on this page twice; using the first copy (${String(before.version)})`)
} else {
  const script = document.currentScript as HTMLScriptElement | null
  const data = { ...script?.dataset }
  const json = document.querySelector('script[type="application/json"][data-npskit-config]')?.textContent ?? null
  let booted: Promise<[Engine, Survey | undefined]> | undefined
  const load = () =>
    (booted ??= (import(new URL('npskit-engine.js', script?.src ?? location.href).href) as Promise<Engine>).then((engine) => {
      // The survey listens for itself from now on.
      stop()
      return [engine, engine.boot(data, json, script?.nonce ?? '')]
    }))
  const api = ((command: string, ...args: unknown[]) =>
    load()
      .then(([, survey]) => {
        const method = survey && command !== 'constructor' ? (survey as unknown as Record<string, unknown>)[command] : undefined
        if (typeof method !== 'function') throw new TypeError(`npskit: ${survey ? 'unknown command' : 'not configured, cannot run'} "${String(command)}"`)
        return (method as (...a: unknown[]) => unknown).apply(survey, args)
      })
      .catch((error: unknown) => console.error(error))) as Api
  for (const name of ['trigger', 'explain', 'setConsent', 'show', 'hide', 'destroy', 'on']) api[name] = (...args: unknown[]) => api(name, ...args)
  api.version = version
  w.npskit = api
  const stop = watchAlwaysOn((name, detail) => void api('trigger', name, detail ?? {}), console.error)

  // Calls made before the script loaded, in the order they were made.
  const queued = Array.from(before?.q ?? [])
  for (const args of queued) void api(...(Array.from(args) as [string, ...unknown[]]))

  let config: { journeyPoints?: Record<string, { on?: unknown } | null>; consent?: string; storage?: string; storagePrefix?: string } = {}
  try {
    config = { ...(JSON.parse(json ?? '{}') as object), ...data }
  } catch {
    // The engine reports a broken block when it loads; here it just means "nothing declared".
  }
  const declared = Object.values(config.journeyPoints ?? {}).some((p) => p?.on)
  // Until consent is granted nothing more is fetched by itself; a call such as
  // npskit('setConsent', 'granted') loads the rest, and the pending journey point is asked then.
  const granted = !config.consent || config.consent === 'granted'
  let leftovers = false
  if (granted) {
    try {
      const storage = config.storage === 'session' ? sessionStorage : config.storage === 'memory' || config.storage ? null : localStorage
      leftovers = !!storage?.getItem((config.storagePrefix ?? 'npskit:') + 'queue')
    } catch {
      // Blocked storage holds no queue.
    }
  }
  if (granted && (data.journeyPoint !== undefined || declared || leftovers)) void load()

  if (typeof customElements !== 'undefined' && !customElements.get('nps-survey')) {
    customElements.define(
      'nps-survey',
      class extends HTMLElement {
        connectedCallback() {
          void load().then(([engine]) => engine.connectSurveyElement(this))
        }
        disconnectedCallback() {
          void booted?.then(([engine]) => engine.disconnectSurveyElement(this))
        }
      },
    )
  }
}
