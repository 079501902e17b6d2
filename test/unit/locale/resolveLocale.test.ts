import { describe, expect, it } from 'vitest'
import { resolveLocale } from '../../../src/core/locale'
import { localeCodes } from '../../../src/locales'

const builtIn: readonly string[] = localeCodes

describe('resolveLocale', () => {
  describe("with 'auto', walks the visitor's languages in order", () => {
    it.each([
      [['nb-NO', 'en'], 'nb'],
      [['no'], 'nb'],
      [['no-NO'], 'nb'],
      [['nb'], 'nb'],
      [['nn-NO'], 'nn'],
      [['nn-NO', 'nb-NO'], 'nn'],
      [['se-NO', 'nb'], 'nb'],
      [['se-NO'], 'en'],
      [['se-SE', 'sv-SE'], 'sv'],
      [['sv-FI'], 'sv'],
      [['fi-FI'], 'fi'],
      [['da-DK'], 'da'],
      [['is-IS'], 'is'],
      [['pt-BR'], 'pt'],
      [['pt-PT'], 'pt'],
      [['de-AT'], 'de'],
      [['de-CH', 'fr-CH'], 'de'],
      [['zh-CN', 'fr-CA'], 'fr'],
      [['zh-Hant-TW', 'ar-EG'], 'ar'],
      [['iw-IL'], 'he'],
      [['he'], 'he'],
      [['EN-gb'], 'en'],
      [['nb_NO'], 'nb'],
      [['de-DE-u-co-phonebk'], 'de'],
      [[], 'en'],
    ])('%j → %s', (preferred, expected) => {
      expect(resolveLocale('auto', preferred, builtIn)).toBe(expected)
    })

    it('prefers an exact custom locale over the shorter built-in one', () => {
      expect(resolveLocale('auto', ['pt-PT'], ['pt-PT', ...builtIn])).toBe('pt-PT')
      expect(resolveLocale('auto', ['pt-BR'], ['pt-PT', ...builtIn])).toBe('pt')
    })

    it('returns the available code spelled as given, whatever the case of the request', () => {
      expect(resolveLocale('auto', ['pt-br'], ['pt-BR', 'en'])).toBe('pt-BR')
    })

    it("reads 'AUTO' and surrounding spaces as 'auto'", () => {
      expect(resolveLocale(' AUTO ', ['da'], builtIn)).toBe('da')
    })
  })

  describe('Norwegian', () => {
    it('uses Nynorsk for Bokmål readers when only Nynorsk is available, before the next language', () => {
      expect(resolveLocale('auto', ['nb-NO', 'en'], ['en', 'nn'])).toBe('nn')
      expect(resolveLocale('auto', ['no', 'en'], ['en', 'nn'])).toBe('nn')
    })

    it('uses Bokmål for Nynorsk readers when only Bokmål is available', () => {
      expect(resolveLocale('auto', ['nn-NO', 'en'], ['en', 'nb'])).toBe('nb')
    })

    it('matches a custom no locale for no, nb and nn', () => {
      expect(resolveLocale('auto', ['nb-NO'], ['en', 'no'])).toBe('no')
      expect(resolveLocale('auto', ['nn'], ['en', 'no'])).toBe('no')
    })

    it('does not fall back to Danish', () => {
      expect(resolveLocale('auto', ['nb-NO'], ['en', 'da'])).toBe('en')
    })

    it('never reads Northern Sami (se) as Swedish', () => {
      expect(resolveLocale('auto', ['se'], ['en', 'sv'])).toBe('en')
      expect(resolveLocale('se', [], ['en', 'sv'])).toBe('en')
    })
  })

  describe('with a requested tag', () => {
    it('ignores the preferred languages when the tag is available', () => {
      expect(resolveLocale('da', ['nb-NO', 'en'], builtIn)).toBe('da')
      expect(resolveLocale('sv-FI', ['fi'], builtIn)).toBe('sv')
      expect(resolveLocale('no', ['en'], builtIn)).toBe('nb')
    })

    it("falls back through the preferred languages, like 'auto', when the tag is not available", () => {
      expect(resolveLocale('fo', ['fo-FO', 'da', 'en'], builtIn)).toBe('da')
      expect(resolveLocale('ja', [], builtIn)).toBe('en')
    })
  })

  describe('never throws on junk', () => {
    it.each([
      ['', ['*'], 'en'],
      ['*', ['x-klingon', 'nb'], 'nb'],
      ['x-klingon', [''], 'en'],
      ['-', ['--', 'de-', 'sv'], 'sv'],
      ['auto', [undefined, null, 42, {}, 'fi'], 'fi'],
      [undefined, ['da'], 'da'],
      [null, undefined, 'en'],
    ])('requested %j, preferred %j → %s', (requested, preferred, expected) => {
      expect(resolveLocale(requested as string, preferred as string[], builtIn)).toBe(expected)
    })

    it('skips junk among the available codes', () => {
      expect(resolveLocale('auto', ['de'], [null, 7, 'de'] as unknown as string[])).toBe('de')
      expect(resolveLocale('auto', ['de'], undefined as unknown as string[])).toBe('en')
    })
  })

  describe('fallback', () => {
    it('is matched against the available codes', () => {
      expect(resolveLocale('auto', ['ja'], builtIn, 'sv-SE')).toBe('sv')
    })

    it('is returned as is when nothing matches it either', () => {
      expect(resolveLocale('auto', ['ja'], ['de'], 'en')).toBe('en')
    })
  })
})
