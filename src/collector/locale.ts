/**
 * The canonical BCP 47 form of a language tag (`en_US` → `en-US`, `NB` → `nb`), or null when it
 * is none. Stored locales are canonical, so `Intl.DisplayNames` and every read route accept them.
 */
export function canonicalLocale(value: string): string | null {
  if (!/^[A-Za-z0-9_-]{2,35}$/.test(value)) return null
  try {
    return Intl.getCanonicalLocales(value.replaceAll('_', '-'))[0] ?? null
  } catch {
    return null
  }
}
