import { optionChecks } from '../core/options'
import { scriptConfig } from '../core/scriptConfig'
import { createSurvey } from '../survey'
import type { Survey, SurveyEvents } from '../types'

// In Node (server-side rendering) there is no HTMLElement: the class must still be definable,
// so importing the element entry never throws there. It is simply never instantiated.
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
const names = Object.keys(optionChecks)
const forwarded = ['show', 'score', 'submit', 'dismiss', 'error'] as const

/**
 * `<nps-survey>`: the survey as an element. Attributes mirror the options in kebab-case
 * (`journey-point`, `brand`, `endpoint`, `placement`, …; `placement` is `inline` by default,
 * rendering inside the element), and the survey's events bubble out of it as DOM events
 * `nps-show`, `nps-score`, `nps-submit`, `nps-dismiss` and `nps-error` with the data in
 * `event.detail`, so any framework can listen without a wrapper.
 *
 * The survey is created when the element is connected and destroyed when it is removed;
 * changing an attribute re-creates it. A wrong attribute is reported on the console and
 * as `nps-error`, never thrown.
 */
export class NpsSurveyElement extends Base {
  static readonly observedAttributes: readonly string[] = [...names.map(kebab), 'journey-point', 'dedupe-key']

  /** The survey behind the element while it is connected (for `trigger`, `explain`, …). */
  survey: Survey | undefined

  connectedCallback(): void {
    this.survey?.destroy()
    this.survey = undefined
    const attributes: Record<string, string> = {}
    for (const { name, value } of Array.from(this.attributes)) attributes[camel(name)] = value
    const config = scriptConfig(attributes, {}, names)
    try {
      const survey = createSurvey({ placement: 'inline', target: this, ...config.options })
      for (const name of forwarded) {
        survey.on(name, (detail: SurveyEvents[typeof name]) =>
          this.dispatchEvent(new CustomEvent('nps-' + name, { detail, bubbles: true, composed: true })),
        )
      }
      this.survey = survey
      // With a journey point the targeting rules decide (waits, sampling, the order number);
      // without one the element is simply a survey on the page.
      void (config.journeyPoint === undefined
        ? survey.show()
        : survey.trigger(config.journeyPoint, config.dedupeKey === undefined ? {} : { dedupeKey: config.dedupeKey }))
    } catch (error) {
      console.error(error)
      this.dispatchEvent(new CustomEvent('nps-error', { detail: error, bubbles: true, composed: true }))
    }
  }

  disconnectedCallback(): void {
    this.survey?.destroy()
    this.survey = undefined
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (before !== after && this.isConnected && this.survey) this.connectedCallback()
  }
}

/**
 * Registers `<nps-survey>` unless something already did (a second copy of npskit, the script
 * tag and the module on one page): registering twice is harmless. Inert where there is no
 * `customElements` (Node, old browsers).
 */
export function defineSurveyElement(name = 'nps-survey'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) customElements.define(name, NpsSurveyElement)
}
