import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SurveyEvent, SurveyResponse } from '../../src/index'
import { contractProblems } from '../support/contract'
import { $, $$, surveysFor, tick, until, visible } from './helpers'

const surveys = surveysFor(afterEach, vi)
// Each survey with a queue and history of its own: what an earlier test left queued is not sent here.
const make = (o: Parameters<typeof surveys.make>[0] = {}) => surveys.make({ storage: 'memory', ...o })
type Sent = SurveyResponse | SurveyEvent
const isEvent = (p: Sent): p is SurveyEvent => (p as SurveyEvent).type === 'event'
const w = window as unknown as Record<string, unknown>

/** A survey whose own transport records what it is given. */
function recorded(options: Parameters<typeof make>[0] = {}) {
  const sent: Sent[] = []
  const s = make({ send: async (p) => void sent.push(p), events: true, ...options })
  return { s, sent, events: () => sent.filter(isEvent), responses: () => sent.filter((p) => !isEvent(p)) as SurveyResponse[] }
}

beforeEach(() => {
  delete w.dataLayer
  delete w.myLayer
})

describe('shown and dismissed events (issue #19)', () => {
  it('reports the showing and a close without a score, each under its own id with the response id', async () => {
    const { s, events } = recorded({ user: { id: 'C-1042' } })
    const result = s.show({ journeyPoint: 'checkout-complete' })
    await visible()
    await until(() => events().length === 1)
    $('.close')!.click()
    expect(await result).toMatchObject({ status: 'dismissed' })
    await until(() => events().length === 2)
    const [shown, dismissed] = events()
    expect([shown!.event, dismissed!.event]).toEqual(['shown', 'dismissed'])
    expect(shown).toMatchObject({ surveyId: 'nps', journeyPoint: 'checkout-complete', channel: 'web', locale: 'en', user: { id: 'C-1042' } })
    expect(shown!.responseId).toBe(dismissed!.responseId)
    expect(shown!.id).not.toBe(dismissed!.id)
    for (const e of events()) expect(contractProblems(e as unknown as Record<string, unknown>)).toEqual([])
  })

  it('does not count a close after the score as a dismissal: the response exists', async () => {
    const { s, events, responses } = recorded()
    void s.show()
    await visible()
    $$('[role=radio]')[3]!.click()
    await until(() => $('textarea'))
    $('.close')!.click()
    await until(() => responses().some((r) => r.complete))
    await tick()
    expect(events().map((e) => e.event)).toEqual(['shown'])
    expect(events()[0]!.responseId).toBe(responses()[0]!.id)
  })

  it("copies the channel option into responses and events; without it responses carry no channel", async () => {
    const email = recorded({ channel: 'email', followUp: false })
    void email.s.show()
    await visible()
    $$('[role=radio]')[10]!.click()
    await until(() => email.responses().some((r) => r.complete))
    // (The queue may merge the score-only version into the complete one before sending.)
    expect(email.responses().every((r) => r.channel === 'email')).toBe(true)
    expect(email.events()[0]!.channel).toBe('email')
  })

  it('sends no events to a transport of your own unless asked, nor to the endpoint with events: false', async () => {
    const sent: Sent[] = []
    const s = make({ send: async (p) => void sent.push(p), followUp: false })
    void s.show()
    await visible()
    $$('[role=radio]')[9]!.click()
    await until(() => sent.some((p) => (p as SurveyResponse).complete))
    expect(sent.filter(isEvent)).toEqual([])
    // Without the channel option a response says nothing of it: absent means web.
    expect(sent.some((p) => 'channel' in p)).toBe(false)
  })

  it('posts events to the endpoint by default, and none with events: false', async () => {
    const bodies: Sent[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)) as Sent)
      return new Response(null, { status: 201 })
    })
    const on = make({ endpoint: '/api/responses' })
    void on.show()
    await visible()
    await until(() => bodies.some(isEvent))
    $('.close')!.click()
    await until(() => bodies.filter(isEvent).length === 2)
    expect(bodies.filter(isEvent).map((e) => e.event)).toEqual(['shown', 'dismissed'])
    on.destroy()
    document.body.replaceChildren()
    bodies.length = 0
    const off = make({ endpoint: '/api/responses', events: false, followUp: false })
    void off.show()
    await visible()
    $$('[role=radio]')[9]!.click()
    await until(() => bodies.some((p) => (p as SurveyResponse).complete))
    expect(bodies.filter(isEvent)).toEqual([])
  })

  it('sends nothing once consent is withdrawn, and nothing under an honoured privacy signal even for show()', async () => {
    const { s, events } = recorded({ dataLayer: true })
    void s.show()
    await visible()
    await until(() => events().length === 1)
    s.setConsent('denied') // hides it: that close is no event
    await tick()
    await tick()
    expect(events().map((e) => e.event)).toEqual(['shown'])
    expect((w.dataLayer as { event: string }[]).map((e) => e.event)).toEqual(['npskit_shown'])

    s.destroy()
    document.body.replaceChildren()
    delete w.dataLayer
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
    try {
      const gpc = recorded({ dataLayer: true })
      void gpc.s.show()
      await visible()
      $('.close')!.click()
      await tick()
      await tick()
      expect(gpc.events()).toEqual([])
      expect(w.dataLayer).toBeUndefined()
    } finally {
      delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl
    }
  })
})

describe('dataLayer and onEvent (issue #19)', () => {
  it('pushes shown, score and answered with journey point, score, category and channel, never the comment', async () => {
    w.dataLayer = [{ event: 'gtm.js' }]
    const calls: [string, unknown][] = []
    const s = make({ dataLayer: true, onEvent: (name, detail) => void calls.push([name, detail]), user: { email: 'kari@example.no' } })
    void s.show({ journeyPoint: 'checkout-complete' })
    await visible()
    $$('[role=radio]')[4]!.click()
    const textarea = await until(() => $<HTMLTextAreaElement>('textarea'))
    textarea.value = 'Slow delivery, call me at 555-1234'
    textarea.dispatchEvent(new Event('input', { bubbles: true }))
    $<HTMLButtonElement>('button[type=submit]')!.click()
    await until(() => (w.dataLayer as unknown[]).length === 4)
    expect(w.dataLayer).toEqual([
      { event: 'gtm.js' },
      { event: 'npskit_shown', journeyPoint: 'checkout-complete', score: null, category: null, channel: 'web' },
      { event: 'npskit_score', journeyPoint: 'checkout-complete', score: 4, category: 'detractor', channel: 'web' },
      { event: 'npskit_answered', journeyPoint: 'checkout-complete', score: 4, category: 'detractor', channel: 'web' },
    ])
    expect(calls.map(([name]) => name)).toEqual(['npskit_shown', 'npskit_score', 'npskit_answered'])
    expect(calls[2]![1]).toEqual({ journeyPoint: 'checkout-complete', score: 4, category: 'detractor', channel: 'web' })
    expect(JSON.stringify([w.dataLayer, calls])).not.toMatch(/555|Slow|kari/)
  })

  it('pushes npskit_dismissed to a layer of another name, created if missing, or to any object with push()', async () => {
    const s = make({ dataLayer: 'myLayer' })
    void s.show()
    await visible()
    $('.close')!.click()
    await until(() => (w.myLayer as unknown[] | undefined)?.length === 2)
    expect((w.myLayer as { event: string }[]).map((e) => e.event)).toEqual(['npskit_shown', 'npskit_dismissed'])
  })

  it("reports a throwing onEvent and a dataLayer that is no array as errors, and the survey goes on", async () => {
    w.myLayer = { length: 0 }
    const errors: Error[] = []
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const s = make({ dataLayer: 'myLayer', onEvent: () => { throw new Error('analytics down') } })
    s.on('error', (e) => void errors.push(e))
    void s.show()
    await visible()
    await until(() => errors.length === 2)
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/option "dataLayer": window.myLayer has no push/), 'analytics down'])
    $$('[role=radio]')[8]!.click()
    await until(() => $('textarea'))
  })
})

describe('option checks for issue #19', () => {
  it.each([
    [{ events: 'no' }, /option "events" must be true or false/],
    [{ channel: 'sms' }, /option "channel" must be one of 'web', 'email'/],
    [{ dataLayer: '' }, /option "dataLayer" must be true, false or the name of a global with push\(\)/],
    [{ dataLayer: 5 }, /option "dataLayer"/],
    [{ onEvent: 'track' }, /option "onEvent" must be a function/],
    [{ recontactCheck: 'javascript:alert(1)' }, /option "recontactCheck" must be an http\(s\) URL/],
  ])('refuses %j with a TypeError naming the option', (options, message) => {
    expect(() => make(options as never)).toThrow(TypeError)
    expect(() => make(options as never)).toThrow(message)
  })
})
