import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cell, toCsv } from '../../demo/collector/csv.mjs'
import { openDatabase } from '../../demo/collector/db.mjs'
import { rateLimiter } from '../../demo/collector/rateLimit.mjs'
import { schema, validateResponse } from '../../demo/collector/validate.mjs'
import { generate } from '../../demo/seed/generate.mjs'
import { seed } from '../../demo/seed/seed.mjs'
import { escapeHtml, renderConfirmation } from '../../demo/shop/confirmation.mjs'

describe('validateResponse', () => {
  it('accepts every response the seed makes', () => {
    for (const { followedUp: _, ...r } of generate({ count: 500 })) expect(validateResponse(r)).toBeNull()
  })

  it('follows schema.json: every required field is checked', () => {
    const [{ followedUp: _, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    for (const field of schema.required as string[]) {
      const copy: Record<string, unknown> = { ...r }
      delete copy[field]
      expect(validateResponse(copy)).toEqual({ error: `${field} is required`, field })
    }
  })

  it('counts length in characters, not UTF-16 units', () => {
    const [{ followedUp: _, ...r }] = generate({ count: 1 }) as [ReturnType<typeof generate>[number]]
    expect(validateResponse({ ...r, locale: '😀😀' })).toBeNull()
    expect(validateResponse({ ...r, locale: '😀' })?.field).toBe('locale')
  })
})

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(cell('plain')).toBe('plain')
    expect(cell('a,b')).toBe('"a,b"')
    expect(cell('say "hi"')).toBe('"say ""hi"""')
    expect(cell('two\nlines')).toBe('"two\nlines"')
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(cell(start + 'SUM(A1)').startsWith("'") || cell(start + 'SUM(A1)').startsWith(`"'`)).toBe(true)
    expect(cell(-5)).toBe('-5')
    expect(cell(null)).toBe('')
    expect(cell({ order: 'NH-1' })).toBe('"{""order"":""NH-1""}"')
  })

  it('writes a header, CRLF line ends and a byte order mark', () => {
    expect(toCsv([{ a: 1, b: 'x' }], ['a', 'b'])).toBe('\uFEFFa,b\r\n1,x\r\n')
  })
})

describe('rateLimiter', () => {
  it('allows a burst, then refills at the average rate, per client', () => {
    const take = rateLimiter({ burst: 2, perMinute: 60 })
    expect(take('a', 0)).toEqual({ ok: true })
    expect(take('a', 0)).toEqual({ ok: true })
    expect(take('a', 0)).toEqual({ ok: false, retryAfter: 1 })
    expect(take('b', 0)).toEqual({ ok: true })
    expect(take('a', 1000)).toEqual({ ok: true })
    expect(take('a', 1000).ok).toBe(false)
  })

  it('forgets the longest-idle client beyond maxClients', () => {
    const take = rateLimiter({ burst: 1, perMinute: 1, maxClients: 2 })
    take('a', 0)
    take('b', 0)
    take('c', 0)
    // 'a' was forgotten, so it has a full bucket again.
    expect(take('a', 0).ok).toBe(true)
  })
})

describe('the seed', () => {
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

describe('migrations', () => {
  it('run once on a new PGlite folder and not again when it is reopened', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npskit-pglite-'))
    try {
      const first = await openDatabase({ dataDir: dir })
      expect(await seed(first, { count: 20 })).toBe(20)
      await first.close()
      const again = await openDatabase({ dataDir: dir })
      const { rows } = await again.query('SELECT name FROM schema_migrations')
      expect(rows.map((r) => r.name)).toEqual(['001_responses.sql'])
      expect((await again.query('SELECT count(*)::int AS n FROM responses')).rows[0]!.n).toBe(20)
      await again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
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
