import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSurvey } from '../../src/index'
import type { Survey, SurveyOptions } from '../../src/index'
import { $, $$, tick, until, visible } from './helpers'

// The wiring of targeting into createSurvey: trigger → rules → show, history, consent.
// The rules themselves are table-tested in test/unit/core/eligibility.test.ts.
let made: Survey[] = []
const make = (options: SurveyOptions = {}) => {
  const s = createSurvey({ locale: 'en', autoCloseMs: 0, storage: 'local', ...options })
  made.push(s)
  return s
}

beforeEach(() => localStorage.clear())
afterEach(() => {
  for (const s of made) s.destroy()
  made = []
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

async function answer(score: number): Promise<void> {
  await visible()
  $$('[role=radio]')[score]!.click()
  await until(() => $('form') ?? $('[part~=thank-you]'))
}

describe('trigger()', () => {
  it('shows at a journey point, then not again for the same order or within the answered wait', async () => {
    const s = make()
    const first = s.trigger('checkout-complete', { dedupeKey: 'ORDER-1' })
    await answer(10)
    $$('button').find((b) => b.textContent === 'Skip')?.click()
    expect(await first).toMatchObject({ status: 'answered', score: 10 })
    s.hide()
    await tick()
    expect(await s.trigger('checkout-complete', { dedupeKey: 'ORDER-1' })).toEqual({ status: 'not-shown', reason: 'already-surveyed-key' })
    expect(await s.trigger('checkout-complete', { dedupeKey: 'ORDER-2' })).toEqual({ status: 'not-shown', reason: 'answered-recently' })
    expect(s.explain('checkout-complete')).toEqual({ eligible: false, reason: 'answered-recently' })
    // A new page (a new survey object) remembers, because the history is in storage.
    expect(make().explain('checkout-complete')).toEqual({ eligible: false, reason: 'answered-recently' })
  })

  it('remembers a dismissal for dismissedWaitDays, and site-wide fatigue across surveys', async () => {
    const s = make({ surveyId: 'a', fatigue: { maxPrompts: 1, periodDays: 30 } })
    const shown = s.trigger('order-page')
    await visible()
    $$('button').find((b) => b.getAttribute('part')?.includes('close'))!.click()
    expect(await shown).toMatchObject({ status: 'dismissed' })
    expect(s.explain('order-page').reason).toBe('dismissed-recently')
    // Another survey on the same site is held back by fatigue, not by a's dismissal.
    expect(make({ surveyId: 'b', fatigue: { maxPrompts: 1, periodDays: 30 } }).explain('x').reason).toBe('fatigue')
    expect(make({ surveyId: 'c', fatigue: { maxPrompts: 2, periodDays: 30 } }).explain('x').reason).toBe('eligible')
  })

  it('never reads a Promise from `when` as yes: the rules answer at once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const s = make({ when: () => Promise.resolve(true) as unknown as boolean })
    const errors: Error[] = []
    s.on('error', (e) => errors.push(e))
    expect(await s.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: 'when-error' })
    expect(document.querySelector('npskit-survey')).toBeNull()
    expect(errors).toEqual([new TypeError('npskit: option "when" must return true or false, not a Promise')])
    expect(warn).toHaveBeenCalledOnce()
    // A plain function still decides as before.
    expect(make({ when: () => false }).explain().reason).toBe('filtered')
  })

  it('samples with a per-journey-point rate and says so', async () => {
    const s = make({ sampleRate: 1, journeyPoints: { rare: { sampleRate: 0 } } })
    expect(await s.trigger('rare')).toEqual({ status: 'not-shown', reason: 'sampled-out' })
    expect(s.explain('other')).toEqual({ eligible: true, reason: 'eligible' })
  })

  it('waits delayMs before showing and applies the journey point overrides', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const s = make({ journeyPoints: { 'support-closed': { delayMs: 1500, question: 'How was our support?' } } })
    const shown = s.trigger('support-closed')
    await vi.advanceTimersByTimeAsync(1000)
    expect(document.querySelector('npskit-survey')).toBeNull()
    await vi.advanceTimersByTimeAsync(600)
    vi.useRealTimers()
    const root = await visible()
    expect(root.textContent).toContain('How was our support?')
    s.hide()
    expect(await shown).toMatchObject({ status: 'dismissed', reason: 'hidden' })
  })

  it('lets the highest priority win when two surveys are triggered together', async () => {
    const low = make({ surveyId: 'low', priority: 1, fatigue: { maxPrompts: 5 } })
    const high = make({ surveyId: 'high', priority: 5, fatigue: { maxPrompts: 5 } })
    const [a, b] = [low.trigger('x'), high.trigger('x')]
    expect(await a).toEqual({ status: 'not-shown', reason: 'lower-priority' })
    await visible()
    high.hide()
    expect((await b).status).toBe('dismissed')
  })

  it('is reached by the always-on npskit:trigger event and data-npskit-trigger clicks', async () => {
    const s = make()
    const shows: unknown[] = []
    s.on('show', (e) => shows.push(e.journeyPoint))
    window.dispatchEvent(new CustomEvent('npskit:trigger', { detail: { journeyPoint: 'support-closed' } }))
    await visible()
    expect(shows).toEqual(['support-closed'])
  })

  it('refuses bad arguments with a TypeError naming them', () => {
    const s = make()
    expect(() => s.trigger('' as string)).toThrow(TypeError)
    expect(() => s.trigger('x', { dedupeKey: 5 as unknown as string })).toThrow(/dedupeKey/)
    expect(() => s.setConsent('yes' as never)).toThrow(/setConsent/)
    expect(() => createSurvey({ endpoint: 'javascript:alert(1)' })).toThrow(/option "endpoint"/)
    expect(() => createSurvey({ endpoint: '/api', send: async () => {} })).toThrow(/either/)
    expect(() => createSurvey({ sampleRate: 2 })).toThrow(RangeError)
  })
})

describe('consent', () => {
  it('shows nothing, reads and writes no storage and sends nothing until granted', async () => {
    const get = vi.spyOn(Storage.prototype, 'getItem')
    const set = vi.spyOn(Storage.prototype, 'setItem')
    const fetch = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetch)
    const s = make({ consent: 'pending', endpoint: '/api/nps' })
    expect(await s.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: 'consent-pending' })
    expect(await s.show()).toEqual({ status: 'not-shown', reason: 'consent-pending' })
    expect(s.explain()).toEqual({ eligible: false, reason: 'consent-pending' })
    s.setConsent('denied')
    expect(await s.trigger('checkout-complete')).toEqual({ status: 'not-shown', reason: 'no-consent' })
    expect(get).not.toHaveBeenCalled()
    expect(set).not.toHaveBeenCalled()
    expect(fetch).not.toHaveBeenCalled()
    s.setConsent('granted')
    const shown = s.trigger('checkout-complete')
    await answer(3)
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    expect(set).toHaveBeenCalled()
    s.hide()
    await shown
    vi.unstubAllGlobals()
  })

  it('honours Global Privacy Control unless the shop opts out', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    try {
      expect(make().explain().reason).toBe('privacy-signal')
      expect(make({ honourPrivacySignals: false }).explain().reason).toBe('eligible')
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl
    }
  })

  it.each([
    ['Global Privacy Control', 'globalPrivacyControl', true],
    ['Do Not Track', 'doNotTrack', '1'],
  ])('under %s, trigger() and explain() touch no storage and send nothing', async (_name, key, value) => {
    Object.defineProperty(navigator, key, { value, configurable: true })
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const touched = vi.spyOn(Storage.prototype, 'setItem')
    const read = vi.spyOn(Storage.prototype, 'getItem')
    try {
      const s = make({ endpoint: '/api/nps', minVisits: 2 })
      read.mockClear()
      expect(await s.trigger('checkout-complete', { dedupeKey: 'ORDER-1' })).toEqual({ status: 'not-shown', reason: 'privacy-signal' })
      expect(s.explain('checkout-complete').reason).toBe('privacy-signal')
      expect(touched).not.toHaveBeenCalled()
      expect(read).not.toHaveBeenCalled()
      expect(localStorage.length).toBe(0)
      expect(fetch).not.toHaveBeenCalled()
      // A shop that opts out of honouring the signals counts the visit as usual.
      expect(make({ honourPrivacySignals: false }).explain().reason).toBe('eligible')
      expect(touched).toHaveBeenCalled()
    } finally {
      delete (navigator as unknown as Record<string, unknown>)[key]
      vi.unstubAllGlobals()
    }
  })
})

describe('delivery wiring', () => {
  it('posts the score at once and the comment under the same id, with page stripped of its query', async () => {
    const bodies: Record<string, unknown>[] = []
    const events: Record<string, unknown>[] = []
    // The responses; the `shown` event (issue #19) goes to the same endpoint and is kept apart.
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>
      ;(body.type === 'event' ? events : bodies).push(body)
      return new Response(null, { status: 200 })
    }))
    history.replaceState(null, '', '/order/done?email=kari@example.no')
    const s = make({ endpoint: '/api/nps', redact: true })
    const shown = s.show({ journeyPoint: 'checkout-complete' })
    await answer(2)
    // The score goes out on its own, before any comment (which would otherwise replace it in the queue).
    await vi.waitFor(() => expect(bodies).toHaveLength(1))
    const textarea = document.querySelector('npskit-survey')!.shadowRoot!.querySelector('textarea')!
    textarea.value = 'Call me on +47 912 34 567'
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
    $$('button').find((b) => b.getAttribute('type') === 'submit' || b.textContent === 'Send')!.click()
    await shown
    await vi.waitFor(() => expect(bodies.filter((b) => b.complete)).toHaveLength(1))
    const [first, last] = [bodies.find((b) => !b.complete)!, bodies.find((b) => b.complete)!]
    expect(first).toMatchObject({ score: 2, complete: false, comment: null, page: 'http://localhost:3000/order/done' })
    expect(last).toMatchObject({ id: first.id, score: 2, complete: true, comment: 'Call me on [phone]' })
    expect(events).toMatchObject([{ event: 'shown', responseId: first.id, page: 'http://localhost:3000/order/done' }])
    vi.unstubAllGlobals()
  })
})

describe('declared triggers', () => {
  it('loads them when a journey point has `on`, and fires the journey point', async () => {
    const s = make({ journeyPoints: { 'support-closed': { on: { event: 'chat:closed' } } } })
    const shown = vi.fn()
    s.on('show', shown)
    await vi.waitFor(() => {
      window.dispatchEvent(new CustomEvent('chat:closed'))
      expect(shown).toHaveBeenCalledWith({ journeyPoint: 'support-closed' })
    })
  })

  it('starts none when the survey is destroyed before they have loaded', async () => {
    const trigger = vi.fn()
    const s = make({ journeyPoints: { 'support-closed': { on: { event: 'chat:closed' } } } })
    s.trigger = trigger
    s.destroy()
    await new Promise((r) => setTimeout(r, 50))
    window.dispatchEvent(new CustomEvent('chat:closed'))
    expect(trigger).not.toHaveBeenCalled()
  })
})
