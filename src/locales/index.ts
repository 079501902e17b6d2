// The built-in locales, one data file each. Import one by name, or load it on demand
// (src/adapters/loadLocale.ts) so a page pays only for the language it shows.
export { default as ar } from './ar'
export { default as cs } from './cs'
export { default as da } from './da'
export { default as de } from './de'
export { default as en } from './en'
export { default as es } from './es'
export { default as et } from './et'
export { default as fi } from './fi'
export { default as fr } from './fr'
export { default as he } from './he'
export { default as is } from './is'
export { default as it } from './it'
export { default as lt } from './lt'
export { default as lv } from './lv'
export { default as nb } from './nb'
export { default as nl } from './nl'
export { default as nn } from './nn'
export { default as pl } from './pl'
export { default as pt } from './pt'
export { default as sv } from './sv'

/**
 * The codes of the built-in locales, sorted.
 *
 * @example
 * localeCodes.includes('nb') // → true
 */
export const localeCodes = ['ar', 'cs', 'da', 'de', 'en', 'es', 'et', 'fi', 'fr', 'he', 'is', 'it', 'lt', 'lv', 'nb', 'nl', 'nn', 'pl', 'pt', 'sv'] as const
