import { describe, expect, it } from 'vitest'
import { surveyEvent, type EventContext } from '../../../src/core/event'
import { recontactKeys } from '../../../src/core/recontactKeys'
import type { SurveyEvent } from '../../../src/types'
import { contractProblems } from '../../support/contract'

const context: EventContext = {
  id: '3f0c2b1e-7a4d-4c55-9e2a-0b7d1f6a8c90',
  surveyId: 'nps',
  journeyPoint: 'checkout-complete',
  locale: 'nb',
  page: 'https://shop.example/order/done',
  user: { id: 'C-1042', segment: 'vip' },
  version: '0.1.0',
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
