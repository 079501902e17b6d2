import { optionChecks } from '../core/options'
import { scriptConfig } from '../core/scriptConfig'
import { createSurvey } from '../survey'
import type { Survey, SurveyEvents } from '../types'

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
const forwarded = ['show', 'score', 'submit', 'dismiss', 'error'] as const

interface Connected {
  readonly survey: Survey | undefined
  readonly observer: MutationObserver
}
const connected = new WeakMap<Element, Connected>()

/** The survey behind a connected `<nps-survey>`, if its attributes made a valid one. */
export const surveyOf = (el: Element): Survey | undefined => connected.get(el)?.survey

/**
 * Gives a connected `<nps-survey>` element its survey, from its attributes (options in
 * kebab-case, plus `journey-point` and `dedupe-key`), re-creating it whenever an attribute
 * changes. The survey's events bubble out as `nps-show`, `nps-score`, `nps-submit`,
 * `nps-dismiss` and `nps-error`. A wrong attribute is reported on the console and as
 * `nps-error`, never thrown. Shared by the `npskit/element` class and the script tag's
 * lightweight one, which calls it once the loader has fetched the rest of npskit.
 */
export function connectSurveyElement(el: HTMLElement): void {
  disconnectSurveyElement(el)
  if (!el.isConnected) return
  const emit = (name: string, detail: unknown) => el.dispatchEvent(new CustomEvent('nps-' + name, { detail, bubbles: true, composed: true }))
  const attributes: Record<string, string> = {}
  for (const { name, value } of Array.from(el.attributes)) attributes[camel(name)] = value
  const names = Object.keys(optionChecks)
  const config = scriptConfig(attributes, {}, names)
  let survey: Survey | undefined
  try {
    survey = createSurvey({ placement: 'inline', target: el, ...config.options })
    for (const name of forwarded) survey.on(name, (detail: SurveyEvents[typeof name]) => emit(name, detail))
    // With a journey point the targeting rules decide (waits, sampling, the order number);
    // without one the element is simply a survey on the page.
    void (config.journeyPoint === undefined
      ? survey.show()
      : survey.trigger(config.journeyPoint, config.dedupeKey === undefined ? {} : { dedupeKey: config.dedupeKey }))
  } catch (error) {
    console.error(error)
    emit('error', error)
  }
  const observer = new MutationObserver(() => connectSurveyElement(el))
  observer.observe(el, { attributes: true })
  connected.set(el, { survey, observer })
}

/** Destroys the survey of a removed `<nps-survey>` and stops watching its attributes. */
export function disconnectSurveyElement(el: Element): void {
  const c = connected.get(el)
  connected.delete(el)
  c?.observer.disconnect()
  c?.survey?.destroy()
}
