import type { Category } from '../score/types'
import type { Locale, Messages } from './messages'
import { fill } from './locale'
import type { PerCategory, SurveyOptions } from '../types'

/**
 * Every text of one showing: the locale's messages with the `messages` option over them, and
 * what depends on other options resolved. What the view prints.
 */
export interface Copy extends Messages {
  readonly lang: string
  readonly dir: 'ltr' | 'rtl'
  /** The question exactly as shown: the `question` option or the message, brand filled in. */
  readonly question: string
  /** The follow-up prompt for a category, or null where there is no follow-up. */
  prompt(category: Category): string | null
  /** The thank-you for a category. */
  thanks(category: Category): string
  /** The contact-consent checkbox's label for a category, or null where it is not offered. */
  consent(category: Category): string | null
}

const pick = <T>(value: PerCategory<T> | undefined, c: Category): T | undefined =>
  value !== null && typeof value === 'object' ? (value as { [K in Category]?: T })[c] : value

// 'detractor' → the message key 'followUpDetractor' or 'thankYouDetractor'.
const key = (prefix: 'followUp' | 'thankYou', c: Category) => (prefix + c[0]!.toUpperCase() + c.slice(1)) as keyof Messages

/**
 * Resolves what the survey says, in which language and direction. Pure: the same options and
 * locale always give the same copy, so the response can record the exact question shown.
 *
 * @example
 * copyFor({ brand: 'Nordhandel' }, nb).question
 * // → 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?'
 */
export function copyFor(options: SurveyOptions, locale: Locale): Copy {
  const m: Messages = { ...locale.messages, ...options.messages }
  const brand = { brand: options.brand ?? '' }
  return {
    ...m,
    lang: locale.code,
    dir: locale.dir,
    question: fill(options.question ?? (options.brand ? m.question : m.questionNoBrand), brand),
    prompt: (c) => {
      const f = pick(options.followUp, c) ?? true
      return f === false ? null : f === true ? m[key('followUp', c)] : fill(f, brand)
    },
    thanks: (c) => fill(pick(options.thankYou, c) ?? m[key('thankYou', c)], brand),
    consent: (c) => (pick(options.contactConsent, c) ? m.contactConsent : null),
  }
}
