// The script-tag entry (dist/npskit.iife.js). It is the only module with import-time side
// effects: it reads its own <script> tag, creates the survey, replays the command queue and
// puts the API on `window.npskit`. Everything else stays in the modules it wires together.
import { base } from './adapters/base'
import { optionChecks } from './core/options'
import { scriptConfig, type ScriptConfig } from './core/scriptConfig'
import { defineSurveyElement } from './element/NpsSurveyElement'
import { createSurvey } from './survey'
import type { Survey, SurveyOptions } from './types'
import { version } from './version'

type Api = ((command: string, ...args: unknown[]) => unknown) & Record<string, unknown>
const w = window as unknown as { npskit?: Api & { q?: ArrayLike<ArrayLike<unknown>> } }
const before = w.npskit

if (before && before.version) {
  // Two plugins, a theme and an app may all paste the snippet: one survey, not two.
  console.warn(`npskit: the script is on this page twice; using the first copy (${String(before.version)})`)
} else {
  const script = document.currentScript as HTMLScriptElement | null
  base.url = script ? new URL('.', script.src).href : ''
  let survey: Survey | undefined
  let config: ScriptConfig | undefined
  try {
    const block = document.querySelector('script[type="application/json"][data-npskit-config]')
    config = scriptConfig({ ...script?.dataset }, block ? (JSON.parse(block.textContent || '{}') as Record<string, unknown>) : {}, Object.keys(optionChecks))
    if (config.unknown.length) console.warn('npskit: ignoring unknown attributes ' + config.unknown.join(', '))
    // The script tag's own nonce also covers the styles it injects.
    survey = createSurvey({ ...(script?.nonce ? { nonce: script.nonce } : {}), ...config.options } as SurveyOptions)
  } catch (error) {
    // A configuration mistake must not break the shop's page: say what is wrong, then do nothing.
    console.error(error)
  }
  const api = ((command: string, ...args: unknown[]) => {
    try {
      const method = survey && command !== 'constructor' ? (survey as unknown as Record<string, unknown>)[command] : undefined
      if (typeof method !== 'function') throw new TypeError(`npskit: unknown command "${String(command)}"`)
      return (method as (...a: unknown[]) => unknown).apply(survey, args)
    } catch (error) {
      console.error(error)
      return undefined
    }
  }) as Api
  if (survey) for (const name of Object.keys(survey)) api[name] = (...args: unknown[]) => api(name, ...args)
  api.version = version
  w.npskit = api
  // Calls made before the script loaded, in the order they were made.
  for (const args of Array.from(before?.q ?? [])) api(...(Array.from(args) as [string, ...unknown[]]))
  if (survey && config?.journeyPoint !== undefined) {
    api('trigger', config.journeyPoint, config.dedupeKey === undefined ? {} : { dedupeKey: config.dedupeKey })
  }
  defineSurveyElement()
}
