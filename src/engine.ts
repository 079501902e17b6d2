// The script tag's second stage (dist/npskit-engine.js): everything createSurvey is made of
// (options, targeting rules, delivery, triggers), loaded by the first stage (src/iife.ts) only
// once there is something to do on the page. It has no side effects of its own.
import { optionChecks } from './core/options'
import { scriptConfig } from './core/scriptConfig'
import { createSurvey } from './survey'
import type { Survey, SurveyOptions } from './types'
import { take } from 'virtual:handover'

/** The `<nps-survey>` wiring, a chunk of its own (npskit-connect.js): most pages have no element. */
export const loadElement = () => import('./element/connect')

/**
 * Creates the script tag's survey from its `data-*` attributes and JSON block, and triggers
 * its journey point. A configuration mistake is reported on the console, never thrown: the
 * shop's page must carry on.
 */
export function boot(dataset: Readonly<Record<string, string | undefined>>, json: string | null, nonce: string, handover: readonly unknown[]): Survey | undefined {
  try {
    // The first stage's own copies of the functions both stages need (rollup.config.mjs, `handover`).
    take(handover)
    const config = scriptConfig(dataset, json ? (JSON.parse(json) as Record<string, unknown>) : {}, Object.keys(optionChecks))
    if (config.unknown.length) console.warn('npskit: ignoring unknown attributes ' + config.unknown.join(', '))
    // The script tag's own nonce also covers the styles it injects.
    const survey = createSurvey({ ...(nonce ? { nonce } : {}), ...config.options } as SurveyOptions)
    if (config.journeyPoint !== undefined) void survey.trigger(config.journeyPoint, config.dedupeKey === undefined ? {} : { dedupeKey: config.dedupeKey })
    return survey
  } catch (error) {
    console.error(error)
    return undefined
  }
}
