import type { Locale, Messages } from '../core/messages'
import type { Score } from '../score/types'

export type { Locale, Messages } from '../core/messages'
export type { Score } from '../score/types'

/**
 * The words of the email. The locale provides them; the `messages` option overrides any of them, and
 * takes the widget's `messages` object as it is (the keys an email has no use for are ignored).
 * `{brand}` is filled in everywhere, `{score}` in `scoreLabel`.
 */
export interface EmailMessages extends Pick<Messages, 'question' | 'questionNoBrand' | 'low' | 'high' | 'scoreLabel'> {
  /** The subject line [the question, as the email asks it]. */
  readonly subject: string
}

/** A locale of your own: its tag, its direction and at least the wording an email needs. */
export interface EmailLocale {
  /** BCP 47 tag, e.g. `'se'`: the email's `lang`. */
  readonly code: string
  readonly dir: 'ltr' | 'rtl'
  /** The locale's messages; a widget locale's messages do as they are. */
  readonly messages: Omit<EmailMessages, 'subject'> & Partial<Messages & EmailMessages>
}

/**
 * Where each score leads: a function from the score to an absolute http(s) URL, or the collector's base
 * URL and a signed token (`signSurveyLink` makes both), which lead to `${baseUrl}/r/${token}?score=N`.
 */
export type SurveyLinks = ((score: Score) => string) | { readonly baseUrl: string; readonly token: string }

/** The options of {@link surveyEmail}. */
export interface SurveyEmailOptions {
  /** Your shop's name, filled in for `{brand}` and shown above the question. */
  readonly brand: string
  /**
   * A BCP 47 tag (`'nb'`, `'pt-BR'`; best built-in match, English when none matches) or a locale of
   * your own, a widget locale or an {@link EmailLocale}.
   */
  readonly locale: string | Locale | EmailLocale
  /** The question; `{brand}` is filled in [the locale's question, as the widget asks it]. */
  readonly question?: string
  /** Overrides any wording of the locale, including the widget's `messages` object as is. */
  readonly messages?: Partial<Messages & EmailMessages>
  /** Colour of the eleven score cells, `#rgb` or `#rrggbb` [`#2456c9`]. Their digits are black or white, whichever reads better. */
  readonly accent?: string
  /** Where each score leads: see {@link SurveyLinks}. */
  readonly links: SurveyLinks
}

/** An email ready to hand to any email platform: a subject, an HTML part and a plain-text part. */
export interface SurveyEmail {
  readonly subject: string
  /** A complete HTML document, under 20 KB with the built-in wording and signed links. */
  readonly html: string
  /** The plain-text part: the question and one link per score. */
  readonly text: string
  /** The locale the email is written in, e.g. `'pt'` for `'pt-BR'` or `'en'` when nothing matched. */
  readonly locale: string
}
