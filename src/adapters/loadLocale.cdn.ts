// The locales of dist/npskit-ui.js: the files in dist/locales/, next to the UI module itself,
// so the script tag loads exactly one small locale file on top of the UI.
import type { Locale } from '../core/messages'

/** The codes of the built-in locales (the same list as loadLocale.ts; a test keeps them equal). */
export const builtInLocales: readonly string[] = 'ar cs da de en es et fi fr he is it lt lv nb nl nn pl pt sv'.split(' ')

/** Loads a built-in locale by code from `./locales/<code>.js` beside this module. */
export async function loadLocale(code: string): Promise<Locale> {
  const file = builtInLocales.includes(code) ? code : 'en'
  return ((await import(/* @vite-ignore */ new URL(`./locales/${file}.js`, import.meta.url).href)) as { default: Locale }).default
}
