import { normal } from './locale'

/**
 * {@link resolveLocale}'s answer for the common case, in far fewer bytes: when the first tag that
 * counts (`requested`, unless it is `'auto'`, else the visitor's first language) is well formed and
 * its language is one of `codes` (plain language codes such as the built-in `'nb'`), resolveLocale
 * picks exactly that code. Anything else gives undefined: ask resolveLocale. Only for locales
 * without region variants, so never with the shop's own `locales`.
 *
 * The script tag's first stage (3 kB) uses it to fetch the locale's file beside the engine and the UI.
 *
 * @example
 * quickLocale('auto', ['nb-NO', 'en'], ['en', 'nb']) // → 'nb'
 * quickLocale('auto', ['se-NO', 'nb'], ['en', 'nb']) // → undefined (resolveLocale says 'nb')
 */
export function quickLocale(requested: string, languages: readonly string[], codes: readonly string[]): string | undefined {
  // A well-formed tag's language (its subtags checked as resolveLocale checks them).
  const lang = /^([a-z]+)(-[a-z\d]{1,8})*$/.exec(normal(normal(requested) === 'auto' ? languages[0] : requested))?.[1] ?? ''
  return codes.includes(lang) ? lang : undefined
}
