import type { Category } from '../score/types'
import type { Locale } from './messages'
import { fill } from './locale'
import type { PerCategory, SurveyOptions } from '../types'

const categories: readonly Category[] = ['detractor', 'passive', 'promoter']

/** Every text of one showing, resolved from the locale and the options: what the view prints. */
export interface Copy {
  readonly lang: string
  readonly dir: 'ltr' | 'rtl'
  readonly question: string
  readonly low: string
  readonly high: string
  /** Screen-reader names of the scores 0–10, index = score. */
  readonly scoreLabels: readonly string[]
  readonly surveyLabel: string
  readonly close: string
  /** The follow-up prompt per category, or null where there is no follow-up. */
  readonly followUp: Readonly<Record<Category, string | null>>
  readonly thankYou: Readonly<Record<Category, string>>
  readonly contactConsent: Readonly<Record<Category, string | null>>
  readonly commentPlaceholder: string
  /** "Characters left: {count}" with `{count}` still in it. */
  readonly charactersLeft: string
  readonly submit: string
  readonly skip: string
}

function pick<T>(value: PerCategory<T> | undefined, c: Category): T | undefined {
  return value !== null && typeof value === 'object' ? (value as { [K in Category]?: T })[c] : value
}

/**
 * Resolves what the survey says, in which language and direction. Pure: the same options and
 * locale always give the same copy, so the response can record the exact question shown.
 *
 * @example
 * copyFor({ brand: 'Nordhandel' }, nb).question
 * // → 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?'
 */
export function copyFor(options: SurveyOptions, locale: Locale): Copy {
  const m = { ...locale.messages, ...options.messages }
  const brand = options.brand
  const question = fill(options.question ?? (brand ? m.question : m.questionNoBrand), { brand: brand ?? '' })
  const prompts: Record<Category, string> = {
    detractor: m.followUpDetractor,
    passive: m.followUpPassive,
    promoter: m.followUpPromoter,
  }
  const thanks: Record<Category, string> = {
    detractor: m.thankYouDetractor,
    passive: m.thankYouPassive,
    promoter: m.thankYouPromoter,
  }
  const per = <T>(f: (c: Category) => T) =>
    Object.fromEntries(categories.map((c) => [c, f(c)])) as Record<Category, T>
  return {
    lang: locale.code,
    dir: locale.dir,
    question,
    low: m.low,
    high: m.high,
    scoreLabels: Array.from({ length: 11 }, (_, score) => fill(m.scoreLabel, { score })),
    surveyLabel: m.surveyLabel,
    close: m.close,
    followUp: per((c) => {
      const f = pick(options.followUp, c) ?? true
      return f === false ? null : f === true ? prompts[c] : fill(f, { brand: brand ?? '' })
    }),
    thankYou: per((c) => fill(pick(options.thankYou, c) ?? thanks[c], { brand: brand ?? '' })),
    contactConsent: per((c) => (pick(options.contactConsent, c) ? m.contactConsent : null)),
    commentPlaceholder: m.commentPlaceholder,
    charactersLeft: m.charactersLeft,
    submit: m.submit,
    skip: m.skip,
  }
}
