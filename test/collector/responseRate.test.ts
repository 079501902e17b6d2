// Issue #19 on the collector's routes: events on the responses endpoint, the channel of an answer,
// signed email links that count as sent, the funnel for the dashboard, and the recontact check.
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, openDatabase, type Database } from '../../src/collector/storage/index'
import { linkResponseId } from '../../src/collector/landing/responseId'
import { drivers } from './drivers'
import { event, get, post, response, startCollector } from './http'

type Running = Awaited<ReturnType<typeof startCollector>>
const shop = 'https://shop.example'
const adminToken = 'an-admin-token-of-some-length'
const secret = 'lW2r9yPq0cXn4VbT7kHs1dJf8gAe3uZo6iMw5QxYtRk='
const admin = { authorization: `Bearer ${adminToken}` }
const hash = (salt: string, key: string) => createHash('sha256').update(salt + '\n' + key).digest('hex')
const recent = (minutesAgo = 1) => new Date(Date.now() - minutesAgo * 60_000).toISOString()

describe.each(drivers())('response rate and recontact routes on $name', (driver) => {
  let db: Database
  let collector: Running
  let origin: string
  let salt: string

  beforeAll(async () => {
    db = await driver.open()
    collector = await startCollector({ db, allowedOrigins: [shop], rateLimit: false, adminToken, links: { secret } })
    origin = collector.origin
    salt = (await get(origin, '/api/recontact/salt')).body.salt
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  describe('POST /api/responses with an event', () => {
    it('answers 201 created, then 200 duplicate for a retry, with CORS', async () => {
      const e = event({ at: recent() })
      const first = await post(origin, e, { origin: shop })
      expect(first.status).toBe(201)
      expect(first.body).toEqual({ id: e.id, result: 'created' })
      expect(first.headers.get('access-control-allow-origin')).toBe(shop)
      const again = await post(origin, e, { origin: shop })
      expect(again.status).toBe(200)
      expect(again.body).toEqual({ id: e.id, result: 'duplicate' })
    })

    it('stores the channel of a response, web when it says none', async () => {
      const email = response({ channel: 'email', createdAt: recent(), updatedAt: recent() })
      const web = response({ createdAt: recent(), updatedAt: recent() })
      expect((await post(origin, email)).status).toBe(201)
      expect((await post(origin, web)).status).toBe(201)
      const { items } = (await get(origin, '/api/responses?pageSize=500', admin)).body
      expect(items.find((r: { id: string }) => r.id === email.id).channel).toBe('email')
      expect(items.find((r: { id: string }) => r.id === web.id).channel).toBe('web')
      const csv = (await get(origin, '/api/responses?format=csv', admin)).text
      expect(csv.split('\r\n')[0]).toContain(',journeyPoint,channel,locale,')
    })
  })

  describe('GET /api/recontact/salt', () => {
    it('is public, cacheable for a day, the same every time, with CORS for the shop', async () => {
      const answer = await get(origin, '/api/recontact/salt', { origin: shop })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ salt })
      expect(Buffer.from(salt, 'base64url').length).toBeGreaterThanOrEqual(16)
      expect(answer.headers.get('cache-control')).toBe('public, max-age=86400')
      expect(answer.headers.get('access-control-allow-origin')).toBe(shop)
    })

    it('refuses other origins, and other methods', async () => {
      expect((await get(origin, '/api/recontact/salt', { origin: 'https://evil.example' })).status).toBe(403)
      const wrong = await get(origin, '/api/recontact/salt', {}, 'POST')
      expect(wrong.status).toBe(405)
      expect(wrong.headers.get('allow')).toBe('GET, OPTIONS')
    })

    it('answers the preflight of an allowed origin for GET', async () => {
      const answer = await get(origin, '/api/recontact', { origin: shop, 'access-control-request-method': 'GET' }, 'OPTIONS')
      expect(answer.status).toBe(204)
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET')
    })
  })

  describe('GET /api/recontact', () => {
    const check = (hashes: string[], answered = 90, dismissed = 14) =>
      get(origin, `/api/recontact?${hashes.map((h) => `h=${h}`).join('&')}&answered=${answered}&dismissed=${dismissed}`, { origin: shop })

    it('answered on one device: not asked on another for the same user, asked for a different user', async () => {
      const r = response({ user: { id: 'C-1042', email: 'kari@example.no' }, createdAt: recent(5), updatedAt: recent(5) })
      expect((await post(origin, r)).status).toBe(201)
      const same = await check([hash(salt, 'id:C-1042')])
      expect(same.status).toBe(200)
      expect(same.body).toEqual({ ask: false, reason: 'answered', at: new Date(r.createdAt).toISOString() })
      expect(same.headers.get('cache-control')).toBe('no-store')
      expect(same.headers.get('access-control-allow-origin')).toBe(shop)
      expect((await check([hash(salt, 'email:kari@example.no')])).body.reason).toBe('answered')
      expect((await check([hash(salt, 'id:C-9999')])).body).toEqual({ ask: true })
    })

    it('dismissed on one device stops the question on another within the dismissal wait', async () => {
      await post(origin, event({ event: 'dismissed', user: { id: 'D-1' }, at: recent(60) }))
      expect((await check([hash(salt, 'id:D-1')])).body).toMatchObject({ ask: false, reason: 'dismissed' })
      expect((await check([hash(salt, 'id:D-1')], 90, 0)).body).toEqual({ ask: true })
    })
  })

  describe('POST /api/links', () => {
    it('signs a link for an admin, and counts it as an email sent to that person', async () => {
      const answer = await post(origin, { email: 'ola@example.no', orderId: 'NH-7', locale: 'nb', journeyPoint: 'delivered' }, admin, '/api/links')
      expect(answer.status).toBe(201)
      expect(answer.body.url).toMatch(new RegExp(`^${origin}/r/v1\\.[\\w-]+\\.[\\w-]+$`))
      expect(answer.body.token).toBe(answer.body.url.split('/r/')[1])
      // The sent event names the response the link's landing page will record.
      const sent = await db.query("SELECT response_id FROM events WHERE kind = 'sent'")
      expect(sent.rows).toEqual([{ response_id: linkResponseId(answer.body.token) }])
      expect(Date.parse(answer.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 864e5)
      const funnel = (await get(origin, '/api/funnel?journeyPoint=delivered', admin)).body
      expect(funnel.rows).toEqual([{ journeyPoint: 'delivered', channel: 'email', sent: 1, shown: 0, dismissed: 0, answered: 0, commented: 0, rate: 0 }])
      expect((await get(origin, `/api/recontact?h=${hash(salt, 'email:ola@example.no')}&answered=90&dismissed=14`)).body).toMatchObject({ ask: false, reason: 'asked' })
      const quiet = await post(origin, { userId: 'U-1', locale: 'nb', journeyPoint: 'delivered', sent: false }, admin, '/api/links')
      expect(quiet.status).toBe(201)
      expect((await get(origin, '/api/funnel?journeyPoint=delivered', admin)).body.rows[0].sent).toBe(1)
    })

    it('is for admins only', async () => {
      expect((await post(origin, { locale: 'nb', journeyPoint: 'x' }, {}, '/api/links')).status).toBe(401)
      expect((await post(origin, { locale: 'nb', journeyPoint: 'x' }, { authorization: 'Bearer wrong-token-wrong-token' }, '/api/links')).status).toBe(401)
    })

    it.each([
      [{ journeyPoint: 'x' }, 'locale'],
      [{ locale: 'nb' }, 'journeyPoint'],
      [{ locale: 'nb', journeyPoint: 'x', expiresInDays: 400 }, 'expiresInDays'],
      [{ locale: 'nb', journeyPoint: 'x', email: 'not an address' }, 'email'],
      [{ locale: 'nb', journeyPoint: 'x', secret: 'mine' }, 'secret'],
      [{ locale: 'nb', journeyPoint: 'x', sent: 'yes' }, 'sent'],
      [{ locale: 'nb', journeyPoint: 'x\u0000' }, 'journeyPoint'],
      [[], ''],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const answer = await post(origin, body, admin, '/api/links')
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe(field)
    })
  })

  describe('GET /api/funnel', () => {
    it('is for admins, and refuses filters it cannot apply by name', async () => {
      expect((await get(origin, '/api/funnel')).status).toBe(401)
      expect((await get(origin, '/api/funnel?locale=nb', admin)).body.field).toBe('locale')
      expect((await get(origin, '/api/funnel?channel=sms', admin)).body.field).toBe('channel')
      expect((await get(origin, '/api/funnel?from=2026-13-01', admin)).body.field).toBe('from')
      const ok = await get(origin, '/api/funnel?channel=web', admin)
      expect(ok.status).toBe(200)
      expect(ok.body.channels.map((c: { channel: string }) => c.channel)).toEqual(['web'])
    })
  })

  it('logged nothing: no hash, no address, no id', () => {
    expect(collector.logs).toEqual([])
  })
})

describe('the recontact check, limits and restarts', () => {
  it('answers 429 with Retry-After once a client has used its burst, apart from the POST budget', async () => {
    const db = await openDatabase({ dataDir: 'memory://' })
    const collector = await startCollector({ db, rateLimit: { burst: 2, perMinute: 1 } })
    try {
      const path = `/api/recontact?h=${'a'.repeat(64)}&answered=1&dismissed=1`
      expect((await get(collector.origin, path)).status).toBe(200)
      expect((await get(collector.origin, '/api/recontact/salt')).status).toBe(200)
      const limited = await get(collector.origin, path)
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await post(collector.origin, response())).status).toBe(201)
    } finally {
      await collector.close()
      await db.close()
    }
  })

  it('keeps its salt across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npskit-salt-'))
    try {
      const first = await openDatabase({ dataDir: dir })
      const salt = await createStore(first).recontactSalt()
      await first.close()
      const second = await openDatabase({ dataDir: dir })
      expect(await createStore(second).recontactSalt()).toBe(salt)
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('answers 409 for a link when no LINK_SECRET is set', async () => {
    const db = await openDatabase({ dataDir: 'memory://' })
    const collector = await startCollector({ db })
    try {
      const answer = await post(collector.origin, { locale: 'nb', journeyPoint: 'x' }, {}, '/api/links')
      expect(answer.status).toBe(409)
      expect(answer.body.error).toMatch(/LINK_SECRET/)
    } finally {
      await collector.close()
      await db.close()
    }
  })
})
