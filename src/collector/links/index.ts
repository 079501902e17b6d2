// Signed survey links, re-exported by the entry "npskit/collector". Node only
// (node:crypto). It only re-exports.
export { signSurveyLink } from './sign'
export { verifySurveyLink } from './verify'
export type { SignedSurveyLink, SignSurveyLinkOptions, SurveyLinkCheck, SurveyLinkData, SurveyLinkProblem } from './types'
