// The ESM entry "npskit". It only re-exports: importing it must never touch the DOM,
// the network or storage (bundlers rely on "sideEffects" to drop what is unused).
export { createSurvey } from './survey'
export { version } from './version'
export type {
  Category,
  Locale,
  Messages,
  Metadata,
  PerCategory,
  Placement,
  PromoterAction,
  ShowOptions,
  Survey,
  SurveyEvents,
  SurveyOptions,
  SurveyResponse,
  SurveyResult,
  Theme,
  UserInfo,
} from './types'
