import type { Survey } from '../types'
import { connectSurveyElement, disconnectSurveyElement, surveyOf } from './connect'

// In Node (server-side rendering) there is no HTMLElement: the class must still be definable,
// so importing the element entry never throws there. It is simply never instantiated.
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement

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
  /** The survey behind the element while it is connected (for `trigger`, `explain`, …). */
  get survey(): Survey | undefined {
    return surveyOf(this)
  }

  connectedCallback(): void {
    connectSurveyElement(this)
  }

  disconnectedCallback(): void {
    disconnectSurveyElement(this)
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
