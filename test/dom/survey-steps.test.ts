import { afterEach, describe, expect, it, vi } from 'vitest'
import { $, $$, shadow, surveysFor, until, visible } from './helpers'

// The first paint needs only the question: the follow-up and thank-you views and their styles are a
// chunk of their own (src/view/steps.ts) that follows in idle time. This file is the first to load
// it in its module graph, so its first test sees the chunk still on its way.
const { make } = surveysFor(afterEach, vi)

/** Every stylesheet the survey's shadow root uses, as text. */
function css(): string {
  const root = shadow()
  const adopted = (root.adoptedStyleSheets ?? []).map((s) => [...s.cssRules].map((r) => r.cssText).join('\n'))
  return [...adopted, ...[...root.querySelectorAll('style')].map((s) => s.textContent)].join('\n')
}

describe('the steps after the question', () => {
  it('counts a score given at once, and moves on to the follow-up as soon as its view is there', async () => {
    const s = make()
    const scores: number[] = []
    s.on('score', (r) => scores.push(r.score))
    void s.show()
    await visible()
    $$('[role=radio]')[4]!.click()
    // Counted (stored, sent, reported) at the click, whether or not the follow-up has arrived.
    expect(scores).toEqual([4])
    const box = await until(() => $('textarea'))
    expect(shadow().activeElement).toBe(box)
    expect(css()).toContain('textarea')
  })

  it('arrives by itself once the question is on screen, with its styles after the first ones', async () => {
    void make().show()
    await visible()
    const before = css()
    expect(before).toContain('.scale')
    await until(() => css().includes('::placeholder'))
    // Added after the question's rules, so the cascade is the one of a single stylesheet.
    expect(css().indexOf('.scale')).toBeLessThan(css().indexOf('::placeholder'))
  })

  it('goes straight to the thank-you when there is no follow-up', async () => {
    const s = make({ followUp: false })
    const result = s.show()
    await visible()
    $$('[role=radio]')[9]!.click()
    expect(await result).toEqual({ status: 'answered', score: 9, category: 'promoter' })
    expect((await until(() => $('[part~=thank-you]'))).textContent).not.toBe('')
  })
})

describe('delivery, a chunk of its own after the first paint', () => {
  it('stores a score at the click, before delivery has arrived, and sends it once it has', async () => {
    const sent: unknown[] = []
    const s = make({ send: async (r) => void sent.push(r) })
    void s.show()
    await visible()
    $$('[role=radio]')[6]!.click()
    const queue = JSON.parse(localStorage.getItem('npskit:queue') ?? '[]') as { score: number }[]
    expect(queue.map((r) => r.score)).toEqual([6])
    await until(() => sent.length > 0)
    expect(sent).toMatchObject([{ score: 6, complete: false }])
  })
})
