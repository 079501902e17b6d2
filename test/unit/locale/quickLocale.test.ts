import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInLocales } from '../../../src/adapters/loadLocale.cdn'
import { resolveLocale } from '../../../src/core/locale'
import { quickLocale } from '../../../src/core/quickLocale'

// Tags as browsers and shops send them, junk included.
const tags = ['nb', 'nb-NO', 'NB_no', 'no', 'nn-NO', 'se-NO', 'sv', 'pt-BR', 'zh-Hant-TW', 'iw', 'en', 'EN-gb', 'de-CH-1996', 'auto', 'AUTO', '', '*', 'x', 'nb-!!', 'nb-toolongsubtag', ' da ', 'fr-', 'ar-EG', 'he']

describe('quickLocale', () => {
  it('answers like resolveLocale whenever it answers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...tags), fc.array(fc.constantFrom(...tags), { maxLength: 3 }), (requested, languages) => {
        const quick = quickLocale(requested, languages, builtInLocales)
        if (quick !== undefined) expect(quick).toBe(resolveLocale(requested, languages, builtInLocales))
      }),
      { numRuns: 2000 },
    )
  })

  it('answers the common cases: a built-in locale asked for, or the visitor’s first language', () => {
    expect(quickLocale('nb', ['de'], builtInLocales)).toBe('nb')
    expect(quickLocale('NB_no', [], builtInLocales)).toBe('nb')
    expect(quickLocale('auto', ['pt-BR', 'en'], builtInLocales)).toBe('pt')
    expect(quickLocale('AUTO', [], builtInLocales)).toBeUndefined()
  })

  it('leaves related languages, junk and unknown languages to resolveLocale', () => {
    expect(quickLocale('auto', ['no'], builtInLocales)).toBeUndefined()
    expect(quickLocale('auto', ['se-NO', 'nb'], builtInLocales)).toBeUndefined()
    expect(quickLocale('nb-!!', ['da'], builtInLocales)).toBeUndefined()
    expect(quickLocale('x', ['da'], builtInLocales)).toBeUndefined()
  })
})
