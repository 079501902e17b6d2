// Languages a reader of the first one reads as easily, tried before the next preferred language.
// Legacy codes still sent by old systems map to today's. Bokmål and Nynorsk are the two written
// standards of Norwegian (`no`): every Norwegian learns both at school, so either beats English.
// Danish is not in the list: it is readable for most Norwegians, but not their language.
// (One string, not an object of arrays: this file is part of the script tag's 3 kB first stage.)
const related = 'iw he,in id,ji yi,no nb nn,nb no nn,nn nb no'

/** A language tag as the lookups compare it: trimmed, lower case, `-` for `_`; junk gives `''`. */
export const normal = (tag: unknown): string => (typeof tag === 'string' ? tag.trim().toLowerCase().replace(/_/g, '-') : '')

/**
 * Picks the locale to show from the ones available. Pure: the caller passes `navigator.languages`.
 *
 * - `requested` is a BCP 47 tag or `'auto'`. A tag that matches an available locale wins and
 *   `preferred` is ignored. A tag that matches none (or `''`) is treated like `'auto'`: the
 *   visitor's own languages are a better guess than the fallback.
 * - Each tag matches exactly (case-insensitive, `_` read as `-`), then by ever shorter prefixes:
 *   `pt-BR` → `pt`, `zh-Hant-TW` → `zh-Hant` → `zh`.
 * - Norwegian: `no`, `no-NO`, `nb-NO` → `nb`; `nn-NO` → `nn`; when the asked-for written standard
 *   is missing, the other one is used before moving on to the next preferred language.
 *   `se` is Northern Sami, not Swedish, and matches nothing built in.
 * - Legacy `iw` → `he`, `in` → `id`, `ji` → `yi`.
 * - Never throws: junk tags (`'*'`, `''`, non-strings) are skipped. When nothing matches, the
 *   result is `fallback` (itself matched against `available` when it can be).
 *
 * @returns the matching entry of `available`, spelled as it is there, or `fallback`.
 * @example
 * resolveLocale('auto', ['se-NO', 'nb', 'en'], ['en', 'nb', 'sv']) // → 'nb'
 * resolveLocale('auto', ['pt-BR'], ['en', 'pt']) // → 'pt'
 * resolveLocale('da', ['nb-NO'], ['en', 'nb', 'da']) // → 'da'
 */
export function resolveLocale(
  requested: string,
  preferred: readonly string[],
  available: readonly string[],
  fallback = 'en',
): string {
  const codes = Array.isArray(available) ? available.filter((code) => typeof code === 'string') : []
  const tags = [...(normal(requested) === 'auto' ? [] : [requested]), ...(Array.isArray(preferred) ? preferred : []), fallback]
  for (const tag of tags) {
    // The tag, then ever shorter prefixes (RFC 4647 lookup), then the same for each related
    // language. Junk gives none.
    const [lang = '', ...rest] = normal(tag).split('-')
    if (!/^[a-z]{2,8}$/.test(lang) || rest.some((s) => !/^[a-z\d]{1,8}$/.test(s))) continue
    for (const l of [lang, ...(related.split(',').find((r) => r.startsWith(lang + ' '))?.split(' ').slice(1) ?? [])]) {
      for (let i = rest.length; i >= 0; i--) {
        const key = [l, ...rest.slice(0, i)].join('-')
        const hit = codes.find((code) => normal(code) === key)
        if (hit !== undefined) return hit
      }
    }
  }
  return fallback
}

/**
 * Fills `{name}` placeholders in one pass. Unknown placeholders stay as they are, and filled-in
 * values are never read again, so a brand like `'{score} Shop'` is printed as is. The result is
 * plain text: render it as text, never as HTML.
 *
 * @example
 * fill('{score} av 10', { score: 7 }) // → '7 av 10'
 * fill('Hi {name}', {}) // → 'Hi {name}'
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}
