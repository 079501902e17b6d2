// The inbox's routes: change a response's follow-up state, read its audit trail, list the inbox,
// and the time to first contact. Admins only, with the same Host, Origin and credential checks as
// every admin route; every bad request is a 4xx naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, type Database, type Store } from '../../src/collector/storage/index'
import { drivers } from './drivers'
import { get, post, response, startCollector } from './http'

const token = 'an-admin-token-for-the-inbox-tests'
const bearer = { authorization: `Bearer ${token}` }
const MIN = 60_000

describe.each(drivers())('the inbox routes on $name', (driver) => {
  let db: Database
  let store: Store
  let collector: Awaited<ReturnType<typeof startCollector>>
  let origin: string

  beforeAll(async () => {
    db = await driver.open()
    store = createStore(db)
    collector = await startCollector({ store, adminToken: token, publicUrl: 'https://nps.shop.example', timeZone: 'Europe/Oslo' })
    origin = collector.origin
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  const stored = async (overrides: Parameters<typeof response>[0] = {}) => {
    const r = response({ score: 2, comment: 'Rabattkoden virket ikke', contactConsent: true, user: { email: 'kari@example.com' }, complete: true, ...overrides })
    await store.upsertResponse(r)
    return r
  }
  const change = (id: string, body: unknown, headers: Record<string, string> = bearer) => post(origin, body, headers, `/api/responses/${id}/follow-up`)

  it('moves a response new → contacted → resolved, signed by the admin, and answers the audit trail', async () => {
    const r = await stored()
    const contacted = await change(r.id, { state: 'contacted', by: 'Kari' })
    expect(contacted.status).toBe(200)
    expect(contacted.body.response).toMatchObject({ id: r.id, followUpState: 'contacted', followUpBy: 'Kari' })
    expect(contacted.body.event).toMatchObject({ responseId: r.id, from: 'new', to: 'contacted', by: 'Kari', via: 'token', note: null })
    const resolved = await change(r.id, { state: 'resolved', by: 'Kari', note: 'Sent a new code, valid for 48 hours' })
    expect(resolved.body.response).toMatchObject({ followUpState: 'resolved', followUpNote: 'Sent a new code, valid for 48 hours' })
    const history = await get(origin, `/api/responses/${r.id}/follow-up`, bearer)
    expect(history.status).toBe(200)
    expect(history.body.events.map((e: any) => `${e.from}→${e.to}`)).toEqual(['new→contacted', 'contacted→resolved'])
  })

  it('answers every bad request with a 4xx naming the field', async () => {
    const r = await stored()
    const cases: [unknown, number, string | null][] = [
      ['not json', 400, null],
      [[], 400, null],
      [{ by: 'Kari' }, 400, 'state'],
      [{ state: 'done', by: 'Kari' }, 400, 'state'],
      [{ state: 'contacted' }, 400, 'by'],
      [{ state: 'contacted', by: '  ' }, 400, 'by'],
      [{ state: 'contacted', by: 42 }, 400, 'by'],
      [{ state: 'contacted', by: 'K'.repeat(101) }, 400, 'by'],
      [{ state: 'resolved', by: 'Kari', note: 'x'.repeat(501) }, 400, 'note'],
      [{ state: 'resolved', by: 'Kari', note: ['x'] }, 400, 'note'],
    ]
    for (const [body, status, field] of cases) {
      const answer = await change(r.id, body)
      expect([answer.status, answer.body.field], JSON.stringify(body).slice(0, 40)).toEqual([status, field])
      expect(typeof answer.body.error).toBe('string')
    }
    // NUL and a lone surrogate, as JSON escapes: refused, never cleaned.
    for (const note of ['"a\\u0000b"', '"a\\ud800b"']) {
      const answer = await change(r.id, `{"state":"resolved","by":"Kari","note":${note}}`)
      expect([answer.status, answer.body.field]).toEqual([400, 'note'])
    }
    expect((await change('not-a-uuid', { state: 'contacted', by: 'Kari' })).body).toMatchObject({ field: 'id' })
    const unknown = await change('00000000-0000-4000-8000-000000000000', { state: 'contacted', by: 'Kari' })
    expect([unknown.status, unknown.body.field]).toEqual([404, 'id'])
    expect((await get(origin, '/api/responses/00000000-0000-4000-8000-000000000000/follow-up', bearer)).status).toBe(404)
    expect((await get(origin, `/api/responses/${r.id}/follow-up`, bearer, 'DELETE')).status).toBe(405)
    const big = await change(r.id, { state: 'resolved', by: 'Kari', note: 'x'.repeat(10_000) })
    expect(big.status).toBe(413)
    // Nothing bad was stored.
    expect((await store.followUpHistory(r.id))?.length).toBe(0)
  })

  it('refuses the new routes without the token (401), with a wrong one, and a state change from a foreign Origin (403)', async () => {
    const r = await stored()
    const paths = [`/api/responses/${r.id}/follow-up`, '/api/inbox', '/api/time-to-contact']
    for (const path of paths) {
      expect((await get(origin, path)).status, path).toBe(401)
      expect((await get(origin, path, { authorization: 'Bearer wrong' })).status, path).toBe(401)
      expect((await get(origin, path, bearer)).status, path).toBe(200)
    }
    const body = { state: 'contacted', by: 'Mallory' }
    expect((await change(r.id, body, {})).status).toBe(401)
    const foreign = await change(r.id, body, { ...bearer, origin: 'https://evil.example' })
    expect([foreign.status, foreign.body.field]).toEqual([403, 'origin'])
    const crossSite = await change(r.id, body, { ...bearer, 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    // With the dashboard's session cookie, a state change must carry the page's own Origin.
    const signIn = await fetch(origin + '/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ token }).toString(),
      redirect: 'manual',
    })
    const cookie = `npskit_session=${/npskit_session=([^;]*)/.exec(signIn.headers.get('set-cookie') ?? '')![1]}`
    expect((await change(r.id, body, { cookie })).status).toBe(403)
    const viaSession = await change(r.id, { state: 'contacted', by: 'Kari' }, { cookie, origin })
    expect(viaSession.status).toBe(200)
    expect(viaSession.body.event).toMatchObject({ by: 'Kari', via: 'session' })
    expect((await store.followUpHistory(r.id))?.map((e) => e.by)).toEqual(['Kari'])
  })

  it('lists the inbox by state, those who may be contacted first, with the count per state', async () => {
    await db.query('TRUNCATE responses')
    const silent = await stored({ contactConsent: false, user: null, createdAt: '2026-11-20T12:00:00.000Z', updatedAt: '2026-11-20T12:00:00.000Z' })
    const open = await stored({ createdAt: '2026-11-20T09:00:00.000Z', updatedAt: '2026-11-20T09:00:00.000Z' })
    const done = await stored({ createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' })
    await change(done.id, { state: 'resolved', by: 'Kari', note: 'Refunded' })
    const inbox = await get(origin, '/api/inbox?category=detractor&followUpState=new,contacted&from=2026-11-01', bearer)
    expect(inbox.status).toBe(200)
    expect(inbox.body.items.map((r: any) => r.id)).toEqual([open.id, silent.id])
    expect(inbox.body).toMatchObject({ total: 2, page: 1, pages: 1, states: { new: 2, contacted: 0, resolved: 1 } })
    const resolved = await get(origin, '/api/inbox?followUpState=resolved&from=2026-11-01', bearer)
    expect(resolved.body.items.map((r: any) => [r.id, r.followUpNote])).toEqual([[done.id, 'Refunded']])
    for (const bad of ['followUpState=done', 'followUpState=new,,resolved', 'pageSize=0', 'category=angry']) {
      const answer = await get(origin, `/api/inbox?${bad}`, bearer)
      expect([answer.status, answer.body.field]).toEqual([400, bad.split('=')[0]])
    }
  })

  it('answers the time to first contact per week in the collector time zone, as worked out by hand', async () => {
    await db.query('TRUNCATE responses')
    // Europe/Oslo is UTC+1 in November: Sunday 22 23:30 UTC is Monday 23 00:30 in Oslo, the next week.
    const answers = [
      ['2026-11-16T09:00:00.000Z', 15],
      ['2026-11-18T09:00:00.000Z', 45],
      ['2026-11-22T23:30:00.000Z', 240],
    ] as const
    for (const [createdAt, minutes] of answers) {
      const r = await stored({ createdAt, updatedAt: createdAt })
      await store.setFollowUpState(r.id, { state: 'contacted', by: 'Kari', at: Date.parse(createdAt) + minutes * MIN })
    }
    await stored({ createdAt: '2026-11-24T09:00:00.000Z', updatedAt: '2026-11-24T09:00:00.000Z' })
    const figures = await get(origin, '/api/time-to-contact?from=2026-11-01&to=2026-12-01', bearer)
    expect(figures.status).toBe(200)
    // Week of 16 November: [900, 2700] s → median 1800, p90 900 + 0.9 × 1800 = 2520. All three:
    // [900, 2700, 14400] → median 2700, p90 at rank 1.8: 2700 + 0.8 × 11700 = 12060.
    expect(figures.body).toEqual({
      period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Europe/Oslo' },
      overall: { contacted: 3, medianSeconds: 2700, p90Seconds: 12060 },
      waiting: 1,
      weeks: [
        { start: '2026-11-16', contacted: 2, medianSeconds: 1800, p90Seconds: 2520 },
        { start: '2026-11-23', contacted: 1, medianSeconds: 14400, p90Seconds: 14400 },
      ],
    })
    const bad = await get(origin, '/api/time-to-contact?from=2026-12-01&to=2026-11-01', bearer)
    expect([bad.status, bad.body.field]).toEqual([400, 'from'])
  })

  it('keeps POST /api/responses/:id/followed-up working: true is contacted, false reopens', async () => {
    const r = await stored()
    const done = await post(origin, { followedUp: true }, bearer, `/api/responses/${r.id}/followed-up`)
    expect(done.body).toMatchObject({ followUpState: 'contacted', followedUpAt: expect.any(String) })
    const reopened = await post(origin, { followedUp: false }, bearer, `/api/responses/${r.id}/followed-up`)
    expect(reopened.body).toMatchObject({ followUpState: 'new', followedUpAt: null })
    expect((await get(origin, `/api/responses/${r.id}/follow-up`, bearer)).body.events).toHaveLength(2)
  })
})
