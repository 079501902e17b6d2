import type { Locale } from '../core/messages'

type Loader = () => Promise<{ default: Locale }>

// One dynamic import per locale: bundlers make each its own chunk, so a page pays only for
// the language it shows, while `locale: 'auto'` can still pick any of them.
const builtIn: Readonly<Record<string, Loader>> = {
  ar: () => import('../locales/ar'),
  cs: () => import('../locales/cs'),
  da: () => import('../locales/da'),
  de: () => import('../locales/de'),
  en: () => import('../locales/en'),
  es: () => import('../locales/es'),
  et: () => import('../locales/et'),
  fi: () => import('../locales/fi'),
  fr: () => import('../locales/fr'),
  he: () => import('../locales/he'),
  is: () => import('../locales/is'),
  it: () => import('../locales/it'),
  lt: () => import('../locales/lt'),
  lv: () => import('../locales/lv'),
  nb: () => import('../locales/nb'),
  nl: () => import('../locales/nl'),
  nn: () => import('../locales/nn'),
  pl: () => import('../locales/pl'),
  pt: () => import('../locales/pt'),
  sv: () => import('../locales/sv'),
}

/** The codes of the built-in locales. */
export const builtInLocales: readonly string[] = Object.keys(builtIn)

/** Loads a built-in locale by code (one of {@link builtInLocales}). */
export async function loadLocale(code: string): Promise<Locale> {
  const load = builtIn[code] ?? builtIn.en!
  return (await load()).default
}
