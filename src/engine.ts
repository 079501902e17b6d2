// The script tag's second stage (dist/npskit-engine.js): everything createSurvey is made of
// (options, targeting rules, delivery, triggers), loaded by the first stage (src/iife.ts) only
// once there is something to do on the page. It has no side effects of its own.
import { optionChecks } from './core/options'
import { scriptConfig } from './core/scriptConfig'
import { surveyWith, type Known } from './survey'
import type { Survey, SurveyOptions } from './types'
import { alwaysOnTrigger } from './triggers/alwaysOn'
import { take } from 'virtual:handover'

/**
 * Wires (`connected`) or unwires a `<nps-survey>` the first stage registered. The wiring is a chunk
 * of its own (npskit-connect.js): most pages have no element.
 */
export const element = (el: HTMLElement, connected?: boolean): Promise<void> =>
  import('./element/connect').then((m) => (connected ? m.connectSurveyElement(el) : m.disconnectSurveyElement(el)))

/**
 * Runs a command of the global `npskit(command, ...args)` on the script tag's survey: one of its
 * methods, or a TypeError naming the command (for the first stage to report).
 */
export function run(survey: Survey | undefined, command: string, args: unknown[]): unknown {
  const method = survey && command !== 'constructor' ? (survey as unknown as Record<string, unknown>)[command] : undefined
  if (typeof method !== 'function') throw new TypeError(`npskit: cannot run "${command}"`)
  return (method as (...a: unknown[]) => unknown).apply(survey, args)
}

/**
 * An always-on trigger the first stage caught before the survey listened itself: a clicked
 * `[data-npskit-trigger]` element, or the `npskit:trigger` event's detail. A detail without a
 * journey point throws, for the first stage to report.
 */
export function fire(survey: Survey, el?: Element, detail?: unknown): void {
  const t = alwaysOnTrigger(el, detail)
  if (t) void survey.trigger(t[0], t[1] ?? {})
}

/**
 * Creates the script tag's survey from its `data-*` attributes and JSON block, and triggers
 * its journey point. A configuration mistake is reported on the console, never thrown: the
 * shop's page must carry on. `known` is what the first stage has read and resolved already (the
 * store with the visitor's history, the locale): the engine takes it over instead of doing it again.
 */
export function boot(dataset: Readonly<Record<string, string | undefined>>, json: string | null, nonce: string | undefined, handover: readonly unknown[], known: Known = {}): Survey | undefined {
  try {
    // The first stage's own copies of the functions both stages need (rollup.config.mjs, `handover`).
    take(handover)
    const config = scriptConfig(dataset, json ? (JSON.parse(json) as Record<string, unknown>) : {}, Object.keys(optionChecks))
    if (config.unknown.length) console.warn('npskit: ignoring unknown attributes ' + config.unknown.join(', '))
    // The script tag's own nonce also covers the styles it injects.
    // A question the first stage painted is its journey point's.
    const survey = surveyWith({ ...(nonce ? { nonce } : {}), ...config.options } as SurveyOptions, { ...known, paintedAt: config.journeyPoint })
    if (config.journeyPoint !== undefined) void survey.trigger(config.journeyPoint, config.dedupeKey === undefined ? {} : { dedupeKey: config.dedupeKey })
    return survey
  } catch (error) {
    // The first stage takes its painted question away when there is no survey (src/prepaint.ts).
    console.error(error)
    return undefined
  }
}
