import { randomUUID } from 'node:crypto'
import type { EventInput, ResponseInput } from '../../../src/collector/storage/index'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export const categoryOf = (score: number) => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter') as ResponseInput['category']

/** A valid response as the widget sends it; override any field (category follows the score). */
export function response(overrides: Partial<Mutable<ResponseInput>> = {}): ResponseInput {
  const score = overrides.score ?? 9
  return {
    id: randomUUID(),
    surveyId: 'nps',
    score,
    category: categoryOf(score),
    comment: null,
    contactConsent: false,
    journeyPoint: 'checkout-complete',
    locale: 'nb',
    question: 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?',
    page: 'https://shop.example/checkout/complete',
    user: null,
    metadata: { order: 'NH-2026-100001' },
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    complete: false,
    sdk: { name: 'npskit', version: '0.1.0' },
    ...overrides,
  }
}

/** A valid event as the widget sends it (a `shown` on the web); override any field. */
export function event(overrides: Partial<Mutable<EventInput>> = {}): EventInput {
  return {
    type: 'event',
    id: randomUUID(),
    event: 'shown',
    surveyId: 'nps',
    responseId: randomUUID(),
    journeyPoint: 'checkout-complete',
    channel: 'web',
    locale: 'nb',
    page: 'https://shop.example/checkout/complete',
    user: null,
    at: '2026-11-20T09:59:00.000Z',
    sdk: { name: 'npskit', version: '0.1.0' },
    ...overrides,
  }
}
