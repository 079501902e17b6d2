import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Locale, Messages } from '../../../src/core/messages'
import * as builtIn from '../../../src/locales'
import { localeCodes } from '../../../src/locales'

const { localeCodes: _codes, ...byName } = builtIn
const en = builtIn.en.messages
const keys = Object.keys(en) as (keyof Messages)[]
const files = readdirSync(new URL('../../../src/locales/', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort()

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

// Where the natural word is the English one.
const sameAsEnglish: Readonly<Record<string, readonly (keyof Messages)[]>> = {
  nb: ['submit'],
  nn: ['submit'],
  da: ['submit'],
}

// A 320 px phone fits about 16 characters on a button and 30 under each end of the scale.
const maxLength: Partial<Record<keyof Messages, number>> = { submit: 16, skip: 16, low: 30, high: 30 }

describe('built-in locales', () => {
  it('has one file per code, each exported from the index under its code', () => {
    expect(files).toEqual([...localeCodes])
    expect(Object.keys(byName).sort()).toEqual([...localeCodes])
    expect(localeCodes.length).toBeGreaterThanOrEqual(20)
  })

  it('has English with every key documented in Messages', () => {
    expect(keys).toHaveLength(18)
  })

  describe.each(files)('%s', (file) => {
    const load = async () => ((await import(`../../../src/locales/${file}.ts`)) as { default: Locale }).default

    it('is the file’s default export, with the file’s name as its code', async () => {
      const locale = await load()
      expect(locale.code).toBe(file)
      expect(locale).toBe(byName[file as keyof typeof byName])
    })

    it('is right-to-left exactly for Arabic and Hebrew', async () => {
      expect((await load()).dir).toBe(file === 'ar' || file === 'he' ? 'rtl' : 'ltr')
    })

    it('has every key and no other, each a non-empty trimmed string', async () => {
      const { messages } = await load()
      expect(Object.keys(messages).sort()).toEqual([...keys].sort())
      for (const key of keys) {
        expect(typeof messages[key], key).toBe('string')
        expect(messages[key].trim(), key).toBe(messages[key])
        expect(messages[key], key).not.toBe('')
        expect(messages[key], key).not.toMatch(/\s{2}/)
      }
    })

    it('has the same placeholders as English in every string', async () => {
      const { messages } = await load()
      for (const key of keys) expect(placeholders(messages[key]), key).toEqual(placeholders(en[key]))
    })

    it('has no markup', async () => {
      const { messages } = await load()
      for (const key of keys) expect(messages[key], key).not.toMatch(/[<>]|&\w+;/)
    })

    it('is short enough for a phone', async () => {
      const { messages } = await load()
      for (const key of keys) expect(messages[key].length, key).toBeLessThanOrEqual(maxLength[key] ?? 120)
    })

    it.skipIf(file === 'en')('is translated, except where the English word is the natural one', async () => {
      const { messages } = await load()
      const same = keys.filter((key) => messages[key] === en[key])
      expect(same).toEqual(sameAsEnglish[file] ?? [])
    })
  })

  it('uses the Arabic question mark in Arabic', () => {
    for (const key of keys) expect(builtIn.ar.messages[key], key).not.toContain('?')
    expect(builtIn.ar.messages.question).toMatch(/؟$/)
  })

  it('puts the French no-break spaces before ? ! and :', () => {
    for (const key of keys) expect(builtIn.fr.messages[key], key).not.toMatch(/(^|[^\u202f\u00a0])[?!:]/)
  })
})
