import { builtInLocales } from '../adapters/loadLocale'
import { resolveLocale } from '../core/locale'
import type { SurveyOptions } from '../types'

/**
 * The code of the locale a survey speaks: the `locale` option, else the visitor's languages, matched
 * against the shop's own `locales` and the built-in ones. Worked out once per page: the script tag's
 * first stage does it to fetch that locale's file beside the engine and the UI, and hands the answer on.
 *
 * @param languages - the visitor's languages, best first (`readEnvironment().languages`).
 * @example
 * localeOf({ locale: 'auto' }, ['nb-NO', 'en']) // → 'nb'
 */
export const localeOf = (o: Pick<SurveyOptions, 'locale' | 'locales'>, languages: readonly string[]): string =>
  resolveLocale(o.locale ?? 'auto', languages, [...(o.locales ?? []).map((l) => l.code), ...builtInLocales])
