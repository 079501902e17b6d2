// Signed survey links, until they are re-exported from the entry "npskit/collector". Node only
// (node:crypto). It only re-exports.
export { signSurveyLink } from './sign'
export { verifySurveyLink } from './verify'
export type { SignedSurveyLink, SignSurveyLinkOptions, SurveyLinkCheck, SurveyLinkData, SurveyLinkProblem } from './types'
