import { afterEach, describe, expect, it, vi } from 'vitest'
import { surveysFor, visible } from './helpers'

// The lazy UI as a flaky network serves it: `failures` loads fail before the real one is used.
const loads = vi.hoisted(() => ({ failures: 0, calls: 0 }))
vi.mock('../../src/adapters/loadUi', async (original) => {
  const real = (await original()) as typeof import('../../src/adapters/loadUi')
  return {
    loadUi: () => {
      loads.calls++
      return loads.failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real.loadUi()
    },
  }
})

const { make } = surveysFor(afterEach, vi)

describe('loading the UI', () => {
  afterEach(() => {
    loads.failures = 0
    loads.calls = 0
  })

  it('reports a UI that failed to load, and tries again at the next showing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    loads.failures = 1
    const survey = make()
    const errors: Error[] = []
    survey.on('error', (e) => errors.push(e))
    await expect(survey.show()).resolves.toEqual({ status: 'not-shown', reason: 'error' })
    expect(errors.map((e) => e.message)).toEqual(['Failed to fetch dynamically imported module'])
    void survey.show()
    await visible()
    expect(loads.calls).toBe(2)
  })

  it('starts loading at a journey point the rules allow, before its delay has run out, and loads once', async () => {
    const survey = make({ storage: 'memory', journeyPoints: { 'checkout-complete': { delayMs: 200 } } })
    void survey.trigger('checkout-complete')
    await new Promise((r) => setTimeout(r, 20))
    expect(loads.calls).toBe(1)
    expect(document.querySelector('npskit-survey')).toBeNull()
    await visible()
    expect(loads.calls).toBe(1)
  })

  it('loads nothing at a journey point the rules refuse', async () => {
    const survey = make({ storage: 'memory', consent: 'pending' })
    await expect(survey.trigger('checkout-complete')).resolves.toMatchObject({ reason: 'consent-pending' })
    expect(loads.calls).toBe(0)
  })
})
