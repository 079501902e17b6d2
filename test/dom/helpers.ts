import { createSurvey } from '../../src/index'
import type { SurveyOptions } from '../../src/index'

/** The survey's shadow root (the widget renders nowhere else). */
export function shadow(): ShadowRoot {
  const host = document.querySelector('npskit-survey')
  if (!host?.shadowRoot) throw new Error('no survey on the page')
  return host.shadowRoot
}

export const $ = <E extends Element = HTMLElement>(selector: string) => shadow().querySelector<E>(selector)
export const $$ = <E extends Element = HTMLElement>(selector: string) => [...shadow().querySelectorAll<E>(selector)]

/** Resolves when the survey (lazily loaded) is on the page. */
export async function visible(): Promise<ShadowRoot> {
  for (let i = 0; i < 200; i++) {
    const host = document.querySelector('npskit-survey')
    if (host?.shadowRoot?.querySelector('.card')) return host.shadowRoot
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('the survey did not appear')
}

/**
 * Resolves with the first truthy answer of `probe`, asked every 5 ms: the follow-up and the
 * thank-you are a chunk of their own that arrives after the question's first paint, so a score
 * given at once moves on when it is there.
 */
export async function until<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = probe()
    if (found) return found
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('waited 1 s in vain')
}

export function text(): string {
  return shadow().querySelector('.card')?.textContent ?? ''
}

export function key(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }))
}

export function typeInto(el: HTMLTextAreaElement, value: string): void {
  el.value = value
  el.dispatchEvent(new Event('input', { bubbles: true }))
}

/** A survey with test-friendly defaults: English, no auto-close. */
export function survey(options: SurveyOptions = {}) {
  return createSurvey({ locale: 'en', autoCloseMs: 0, ...options })
}

export const tick = () => new Promise((r) => setTimeout(r, 0))

/**
 * Registers cleanup for a test file and returns a `make` that creates surveys the cleanup
 * destroys, so no survey, timer or mock outlives its test.
 */
export function surveysFor(afterEach: (fn: () => void) => void, vi: { useRealTimers(): unknown; restoreAllMocks(): unknown }) {
  let current: ReturnType<typeof survey> | undefined
  afterEach(() => {
    current?.destroy()
    current = undefined
    document.body.replaceChildren()
    vi.useRealTimers()
    vi.restoreAllMocks()
  })
  return {
    make: (...args: Parameters<typeof survey>) => (current = survey(...args)),
    current: () => current,
  }
}
