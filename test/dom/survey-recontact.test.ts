import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { surveysFor, visible } from './helpers'

const surveys = surveysFor(afterEach, vi)
// A fresh history each time: the rules (fatigue, waits) must not decide instead of the collector.
const make = (o: Parameters<typeof surveys.make>[0]) => surveys.make({ storage: 'memory', ...o })
const salt = 'c2FsdC1vZi10aGlzLWNvbGxlY3Rvcg'
const hash = (key: string) => createHash('sha256').update(salt + '\n' + key, 'utf8').digest('hex')
const base = 'https://nps.example.com/'

/** A fake collector behind `fetch`: the salt, then `answer` for the check (or a status, or never). */
function collector(answer: object | number | 'never') {
  const urls: string[] = []
  const aborted: string[] = []
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input)
    urls.push(url)
    expect(init?.credentials).toBe('omit')
    if (url.endsWith('/api/recontact/salt')) return Response.json({ salt })
    if (answer === 'never') {
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => (aborted.push(url), reject(new DOMException('aborted', 'AbortError')))))
    }
    return typeof answer === 'number' ? new Response('', { status: answer }) : Response.json(answer)
  })
  return { urls, aborted }
}

describe('recontactCheck (issue #19)', () => {
  it("asks the collector with salted hashes and the survey's waits, and does not show when it says answered", async () => {
    const c = collector({ ask: false, reason: 'answered', at: '2026-12-01T10:00:00.000Z' })
    const s = make({ recontactCheck: base, user: { id: 'C-1042', email: ' Kari@Example.no' }, answeredWaitDays: 30, dismissedWaitDays: 2.5 })
    expect(await s.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: 'recontact-answered' })
    expect(c.urls[0]).toBe('https://nps.example.com/api/recontact/salt')
    const check = new URL(c.urls[1]!)
    expect(check.pathname).toBe('/api/recontact')
    expect(check.searchParams.getAll('h')).toEqual([hash('id:C-1042'), hash('email:kari@example.no')])
    expect(check.searchParams.get('answered')).toBe('30')
    expect(check.searchParams.get('dismissed')).toBe('3') // rounded up, never shortened
    expect(c.urls.join(' ')).not.toMatch(/C-1042|kari|example\.no/i)
  })

  it.each([
    ['dismissed', 'recontact-dismissed'],
    ['asked', 'recontact-asked'],
    ['something-newer', 'recontact-asked'],
  ])('does not show when the collector says %s', async (reason, expected) => {
    collector({ ask: false, reason, at: '2026-12-01T10:00:00.000Z' })
    const s = make({ recontactCheck: base, user: { id: 7 } })
    expect(await s.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: expected })
  })

  describe('remembers the answer here, so later pages leave the person be without asking the collector again', () => {
    // One browser's storage, shared by the surveys of two page views.
    const browserStorage = () => {
      const items = new Map<string, string>()
      return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) }
    }
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()

    it.each([
      ['answered', 10, 'answered-recently'],
      ['dismissed', 3, 'dismissed-recently'],
      ['asked', 3, 'dismissed-recently'],
    ])('%s elsewhere %i days ago: the next page says %s, on its own', async (reason, days, local) => {
      const c = collector({ ask: false, reason, at: daysAgo(days) })
      const storage = browserStorage()
      const options = { recontactCheck: base, user: { id: 'C-5' }, storage }
      const first = make(options)
      expect((await first.trigger('checkout-complete')).status).toBe('not-shown')
      first.destroy()
      expect(c.urls).toHaveLength(2)
      expect(await make(options).trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: local })
      expect(c.urls).toHaveLength(2)
    })

    it('keeps nothing when the collector gives no time, or one in the future: the next page asks it again', async () => {
      for (const at of [undefined, 'not a date', new Date(Date.now() + 3_600_000).toISOString()]) {
        const c = collector({ ask: false, reason: 'answered', ...(at === undefined ? {} : { at }) })
        const storage = browserStorage()
        const options = { recontactCheck: base, user: { id: 'C-6' }, storage }
        for (let page = 0; page < 2; page++) {
          const s = make(options)
          expect(await s.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: 'recontact-answered' })
          s.destroy()
        }
        expect(c.urls, String(at)).toHaveLength(4)
        vi.restoreAllMocks()
      }
    })
  })

  it('shows when the collector says ask, with the default waits', async () => {
    const c = collector({ ask: true })
    const s = make({ recontactCheck: base, user: { id: 'C-2' } })
    void s.trigger('checkout-complete')
    await visible()
    const check = new URL(c.urls[1]!)
    expect([check.searchParams.get('answered'), check.searchParams.get('dismissed')]).toEqual(['90', '14'])
  })

  it('asks nothing for an anonymous visitor, before consent, or for show()', async () => {
    const c = collector({ ask: false, reason: 'answered' })
    const anonymous = make({ recontactCheck: base, user: { segment: 'vip' } })
    void anonymous.trigger('checkout-complete')
    await visible()
    anonymous.destroy()
    document.body.replaceChildren()
    const pending = make({ recontactCheck: base, user: { id: 'C-1' }, consent: 'pending' })
    expect(await pending.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: 'consent-pending' })
    expect(c.urls).toEqual([])
    pending.destroy()
    const shown = make({ recontactCheck: base, user: { id: 'C-1' } })
    void shown.show()
    await visible()
    expect(c.urls).toEqual([])
    // Granting consent tries the journey point again, and then the collector is asked.
    shown.destroy()
    document.body.replaceChildren()
    const later = make({ recontactCheck: base, user: { id: 'C-1' }, consent: 'pending' })
    await later.trigger('checkout-complete')
    later.setConsent('granted')
    await vi.waitFor(() => expect(c.urls).toHaveLength(2))
  })

  it('shows after 800 ms when the collector does not answer, and aborts the request', async () => {
    const c = collector('never')
    const s = make({ recontactCheck: base, user: { id: 'C-3' } })
    const started = Date.now()
    void s.trigger('checkout-complete')
    await visible()
    expect(Date.now() - started).toBeGreaterThanOrEqual(790)
    await vi.waitFor(() => expect(c.aborted).toHaveLength(1))
  })

  it('shows, and reports the error, when the collector fails', async () => {
    collector(500)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const s = make({ recontactCheck: base, user: { id: 'C-4' } })
    const errors: Error[] = []
    s.on('error', (e) => void errors.push(e))
    void s.trigger('checkout-complete')
    await visible()
    expect(errors.map((e) => e.message)).toEqual(['npskit: option "recontactCheck": the collector answered 500'])
  })
})
