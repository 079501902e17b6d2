import { describe, expect, it } from 'vitest'
import { createStore, openDatabase } from '../../src/collector/storage/index'
import { validateResponse } from '../../src/collector/validateResponse'
import { generate } from '../../demo/seed/generate.mjs'
import { seed } from '../../demo/seed/seed.mjs'
import { escapeHtml, renderConfirmation } from '../../demo/shop/confirmation.mjs'

describe('the seed', () => {
  it('makes only responses the collector accepts', () => {
    for (const { followedUp: _, ...r } of generate({ count: 500 })) expect(validateResponse(r)).toEqual({ response: r })
  })

  it("writes through the collector's store, followed-up marks included", { timeout: 120_000 }, async () => {
    const db = await openDatabase({ dataDir: 'memory://' })
    try {
      expect(await seed(db, { count: 40 })).toBe(40)
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM responses')).rows[0]!.n).toBe(40)
      // Shown and dismissed events for the response rate: every answer was shown, and more were shown than answered.
      const [web] = (await createStore(db).funnel({ from: '2000-01-01T00:00:00Z', to: '2099-01-01T00:00:00Z' })).channels
      expect(web).toMatchObject({ channel: 'web', answered: 40 })
      expect(web!.shown).toBeGreaterThan(40)
      expect(web!.dismissed).toBeGreaterThan(0)
      expect(web!.rate).toBeLessThan(1)
    } finally {
      await db.close()
    }
  })

  it('is deterministic for a seed and an end date', () => {
    const until = Date.parse('2026-11-27T00:00:00Z')
    expect(generate({ count: 50, until })).toEqual(generate({ count: 50, until }))
    expect(generate({ count: 50, until, seed: 2 })).not.toEqual(generate({ count: 50, until }))
  })

  it('mixes journey points, locales and languages over six months', () => {
    const until = Date.parse('2026-11-27T00:00:00Z')
    const rows = generate({ count: 3000, until })
    expect(new Set(rows.map((r) => r.locale))).toEqual(new Set(['en', 'nb', 'da', 'sv', 'fi']))
    expect(new Set(rows.map((r) => r.journeyPoint)).size).toBe(4)
    expect(new Set(rows.map((r) => r.id)).size).toBe(3000)
    const times = rows.map((r) => Date.parse(r.createdAt))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(until - 182 * 864e5)
    expect(Math.max(...times)).toBeLessThan(until)
    const withComments = rows.filter((r) => r.comment !== null)
    expect(withComments.length).toBeGreaterThan(900)
    expect(withComments.some((r) => r.locale === 'fi' && /ä|ö/.test(r.comment!))).toBe(true)
  })
})

describe('the order confirmation', () => {
  it('puts the order number into the script tag as the dedupe key', async () => {
    const html = await renderConfirmation('NH-2026-123456', 'sv')
    expect(html).toContain('<script src="/dist/npskit.iife.js" data-endpoint="/api/responses" data-journey-point="checkout-complete" data-dedupe-key="NH-2026-123456" data-brand="Nordhandel" data-locale="sv" data-accent="#1f4e5f" async></script>')
    expect(html).toContain('{"metadata": {"order": "NH-2026-123456"}')
  })

  it('renders nothing for what is no order number, and English for an unknown language', async () => {
    expect(await renderConfirmation('"><script>alert(1)</script>', 'en')).toBeNull()
    expect(await renderConfirmation('NH-2026-123456', '"><x')).toContain('data-locale="en"')
    expect(escapeHtml(`"'<>&`)).toBe('&#34;&#39;&#60;&#62;&#38;')
  })
})
