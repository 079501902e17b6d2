import { describe, expect, it } from 'vitest'
import { surveyEvent, type EventContext } from '../../../src/core/event'
import { recontactKeys } from '../../../src/core/recontactKeys'
import type { SurveyEvent } from '../../../src/types'

const context: EventContext = {
  id: '3f0c2b1e-7a4d-4c55-9e2a-0b7d1f6a8c90',
  surveyId: 'nps',
  journeyPoint: 'checkout-complete',
  locale: 'nb',
  page: 'https://shop.example/order/done',
  user: { id: 'C-1042', segment: 'vip' },
  version: '0.1.0',
}
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/**
 * Wire format 2 of the contract for issue #19 (/work/wt/CONTRACT-19.md), field by field: exactly
 * these keys, each of its type. A mismatch names the field.
 */
export function contractProblems(e: Record<string, unknown>): string[] {
  const problems: string[] = []
  const keys = ['type', 'id', 'event', 'surveyId', 'responseId', 'journeyPoint', 'channel', 'locale', 'page', 'user', 'at', 'sdk']
  for (const k of Object.keys(e)) if (!keys.includes(k)) problems.push('extra ' + k)
  const check = (k: string, ok: boolean) => ok || problems.push(k)
  const s = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max
  check('type', e.type === 'event')
  check('id', typeof e.id === 'string' && uuid.test(e.id))
  check('event', ['shown', 'dismissed', 'sent'].includes(e.event as string))
  check('surveyId', s(e.surveyId, 1, 200))
  check('responseId', e.responseId === null || (typeof e.responseId === 'string' && uuid.test(e.responseId)))
  check('journeyPoint', e.journeyPoint === null || s(e.journeyPoint, 0, 200))
  check('channel', e.channel === 'web' || e.channel === 'email')
  check('locale', s(e.locale, 2, 35))
  check('page', s(e.page, 0, 2048))
  check('user', e.user === null || (typeof e.user === 'object' && Object.values(e.user as object).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))))
  check('at', typeof e.at === 'string' && iso.test(e.at))
  const sdk = e.sdk as Record<string, unknown> | undefined
  check('sdk', sdk?.name === 'npskit' && typeof sdk.version === 'string' && Object.keys(sdk).length === 2)
  return problems
}

describe('surveyEvent', () => {
  it('makes the contract payload: its own id, the response id, and nothing of the question or metadata', () => {
    const e: SurveyEvent = surveyEvent('shown', context, 'a1b2c3d4-0000-4000-8000-000000000001', new Date(Date.UTC(2026, 11, 6, 12)))
    expect(e).toEqual({
      type: 'event',
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      event: 'shown',
      surveyId: 'nps',
      responseId: context.id,
      journeyPoint: 'checkout-complete',
      channel: 'web',
      locale: 'nb',
      page: 'https://shop.example/order/done',
      user: { id: 'C-1042', segment: 'vip' },
      at: '2026-12-06T12:00:00.000Z',
      sdk: { name: 'npskit', version: '0.1.0' },
    })
    expect(contractProblems(e as unknown as Record<string, unknown>)).toEqual([])
  })

  it("carries the survey's channel, and a survey without journey point or user as null", () => {
    const e = surveyEvent('dismissed', { ...context, channel: 'email', journeyPoint: null, user: null }, 'a1b2c3d4-0000-4000-8000-000000000002', new Date())
    expect(e).toMatchObject({ event: 'dismissed', channel: 'email', journeyPoint: null, user: null })
    expect(contractProblems(e as unknown as Record<string, unknown>)).toEqual([])
  })

  it('is checked against the contract by a check that does fail', () => {
    const e = surveyEvent('shown', context, 'not-a-uuid', new Date()) as unknown as Record<string, unknown>
    expect(contractProblems({ ...e, metadata: {} })).toEqual(['extra metadata', 'id'])
  })
})

describe('recontactKeys', () => {
  it('names a customer by id and by trimmed, lower-case email, as the collector does', () => {
    expect(recontactKeys({ id: 'C-1042' })).toEqual(['id:C-1042'])
    expect(recontactKeys({ id: 1042, email: ' Kari.Nordmann@Example.NO ' })).toEqual(['id:1042', 'email:kari.nordmann@example.no'])
    expect(recontactKeys({ email: 'kari@example.no', segment: 'vip' })).toEqual(['email:kari@example.no'])
  })

  it('finds nothing to ask about for an anonymous visitor or empty values', () => {
    expect(recontactKeys(null)).toEqual([])
    expect(recontactKeys(undefined)).toEqual([])
    expect(recontactKeys({ segment: 'vip' })).toEqual([])
    expect(recontactKeys({ id: null, email: '  ' })).toEqual([])
    expect(recontactKeys({ id: '', email: 42 })).toEqual([])
  })

  it('keeps an id of 0 or false: they are ids', () => {
    expect(recontactKeys({ id: 0 })).toEqual(['id:0'])
  })
})
