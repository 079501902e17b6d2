// The entry "npskit/email": the NPS question as an email. Pure (no Node or browser API); it shares
// only the locales and the wording with the widget. It only re-exports.
export { surveyEmail } from './email/surveyEmail'
export type { EmailLocale, EmailMessages, Locale, Messages, Score, SurveyEmail, SurveyEmailOptions, SurveyLinks } from './email/types'
