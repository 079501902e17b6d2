/**
 * Every string the survey shows or reads out to a screen reader. A locale provides all of them;
 * the `messages` option overrides any of them. Placeholders in braces are filled at render time:
 * `{brand}` (the `brand` option), `{score}` (0–10), `{count}` (a number).
 */
export interface Messages {
  /** The NPS question, with the brand: "How likely are you to recommend {brand} to a friend or colleague?" */
  readonly question: string
  /** The question when no `brand` is given: "How likely are you to recommend us to a friend or colleague?" */
  readonly questionNoBrand: string
  /** Anchor under 0: "Not at all likely". */
  readonly low: string
  /** Anchor under 10: "Extremely likely". */
  readonly high: string
  /** Screen-reader name of each score button: "{score} out of 10". */
  readonly scoreLabel: string
  /** Screen-reader name of the whole survey (dialog or region): "Customer survey". */
  readonly surveyLabel: string
  /** Screen-reader name of the close button: "Close survey". */
  readonly close: string
  /** Follow-up prompt for scores 0–6: asks what went wrong and what to do better. */
  readonly followUpDetractor: string
  /** Follow-up prompt for scores 7–8: asks what would make it a 10. */
  readonly followUpPassive: string
  /** Follow-up prompt for scores 9–10: asks what they like most. */
  readonly followUpPromoter: string
  /** Placeholder of the text box: "Your answer (optional)". */
  readonly commentPlaceholder: string
  /** Remaining characters under the text box: "Characters left: {count}". */
  readonly charactersLeft: string
  /** Optional consent checkbox: "You may contact me about my answer". */
  readonly contactConsent: string
  /** Submit button of the follow-up: "Send". */
  readonly submit: string
  /** Skip button of the follow-up: "Skip". */
  readonly skip: string
  /** Thank-you for detractors: the feedback is read and acted on. */
  readonly thankYouDetractor: string
  /** Thank-you for passives. */
  readonly thankYouPassive: string
  /** Thank-you for promoters. */
  readonly thankYouPromoter: string
}

/** A built-in or custom locale: its BCP 47 code, writing direction and strings. */
export interface Locale {
  /** BCP 47 language tag, e.g. `'nb'`, `'pt'`, `'ar'`. */
  readonly code: string
  /** Writing direction; `'rtl'` mirrors the layout and the scale. */
  readonly dir: 'ltr' | 'rtl'
  readonly messages: Messages
}
