// The entry "npskit/element": importing it registers <nps-survey>. It is the one ESM entry with
// an import-time effect, which is its whole point; package.json lists it under "sideEffects".
// In Node (SSR) the registration is skipped and nothing throws.
import { defineSurveyElement } from './element/NpsSurveyElement'

defineSurveyElement()

export { NpsSurveyElement, defineSurveyElement } from './element/NpsSurveyElement'
