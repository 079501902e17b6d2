// Private by default: only POST /api/responses is for the world. Everything else needs the admin
// token (a Bearer header, or the dashboard's session cookie), from the collector's own Host and
// Origin; without a token, only this machine gets in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, type Database, type Store } from '../../src/collector/storage/index'
import { drivers } from './drivers'
import { get, post, response, startCollector } from './http'

const token = 'correct-horse-battery-staple-42'
const bearer = { authorization: `Bearer ${token}` }
const publicUrl = 'https://nps.shop.example'

/** Every admin route, as [method, path, state-changing]. */
const adminRoutes = (id: string): [string, string, boolean][] => [
  ['GET', '/api/summary', false],
  ['GET', '/api/responses', false],
  ['GET', '/api/responses?format=csv', false],
  ['GET', '/api/export?user=cust-7', false],
  ['POST', `/api/responses/${id}/followed-up`, true],
  ['DELETE', '/api/responses?email=nobody@example.com', true],
]

const call = (origin: string, method: string, path: string, headers: Record<string, string> = {}) =>
  fetch(origin + path, { method, headers: method === 'POST' ? { 'content-type': 'application/json', ...headers } : headers, body: method === 'POST' ? '{}' : null, redirect: 'manual' })

const sessionFrom = (res: Response) => /npskit_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1]

describe.each(drivers())('admin access with ADMIN_TOKEN, on $name', (driver) => {
  let db: Database
  let store: Store
  let collector: Awaited<ReturnType<typeof startCollector>>
  let origin: string
  let id: string

  beforeAll(async () => {
    db = await driver.open()
    store = createStore(db)
    collector = await startCollector({ store, adminToken: token, publicUrl, allowedOrigins: ['https://shop.example'], loginRateLimit: { burst: 3, perMinute: 1 } })
    origin = collector.origin
    const r = response({ score: 2, comment: 'Late again', user: { id: 'cust-7', email: 'Kari@Example.com' }, complete: true })
    expect((await post(origin, r)).status).toBe(201)
    id = r.id
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  it('keeps POST /api/responses and its preflight public', async () => {
    expect((await post(origin, response())).status).toBe(201)
    const preflight = await fetch(origin + '/api/responses', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } })
    expect(preflight.status).toBe(204)
  })

  it('answers 401 on every admin route without a token, and with a wrong one', async () => {
    for (const [method, path] of adminRoutes(id)) {
      const none = await call(origin, method, path)
      expect(none.status, `${method} ${path}`).toBe(401)
      expect(none.headers.get('www-authenticate')).toBe('Bearer')
      expect(await none.json()).toEqual({ error: expect.any(String), field: 'authorization' })
      for (const wrong of [`Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, 'Bearer ', `Basic ${Buffer.from('admin:' + token).toString('base64')}`, token]) {
        expect((await call(origin, method, path, { authorization: wrong })).status, `${method} ${path} ${wrong}`).toBe(401)
      }
      // A forged session cookie is no session.
      expect((await call(origin, method, path, { cookie: `npskit_session=${Date.now() + 1e6}.AAAA` })).status).toBe(401)
    }
    expect((await get(origin, '/api/responses')).body).toMatchObject({ field: 'authorization' })
  })

  it('answers every admin route with the token', async () => {
    for (const [method, path] of adminRoutes(id)) {
      expect((await call(origin, method, path, bearer)).status, `${method} ${path}`).toBe(200)
    }
  })

  it('refuses a foreign Host (DNS rebinding), even with the token', async () => {
    for (const [method, path] of adminRoutes(id)) {
      const { status, text } = await rawWithHost(origin, method, path, 'evil.example', bearer)
      expect(status, `${method} ${path}`).toBe(403)
      expect(text).toContain('"field":"host"')
    }
    // PUBLIC_URL's host and loopback names are the collector's.
    expect((await rawWithHost(origin, 'GET', '/api/summary', 'nps.shop.example', bearer)).status).toBe(200)
    expect((await rawWithHost(origin, 'GET', '/api/summary', 'localhost:9999', bearer)).status).toBe(200)
    // The public route does not care: the widget posts from anywhere it is allowed.
    expect((await rawWithHost(origin, 'POST', '/api/responses', 'evil.example', {}, JSON.stringify(response()))).status).toBe(201)
  })

  it('refuses a foreign Origin on admin routes, state changes first of all', async () => {
    for (const [method, path, changes] of adminRoutes(id)) {
      for (const foreign of ['https://evil.example', 'https://shop.example', 'null', 'http://nps.shop.example']) {
        const res = await call(origin, method, path, { ...bearer, origin: foreign })
        expect(res.status, `${method} ${path} from ${foreign}`).toBe(403)
        expect(((await res.json()) as { field: string }).field).toBe('origin')
      }
      if (changes) {
        const crossSite = await call(origin, method, path, { ...bearer, 'sec-fetch-site': 'cross-site' })
        expect(crossSite.status).toBe(403)
      }
      expect((await call(origin, method, path, { ...bearer, origin: publicUrl })).status).toBe(200)
      expect((await call(origin, method, path, { ...bearer, origin })).status).toBe(200)
    }
  })

  it('signs in on the login page with a session cookie: HttpOnly, SameSite=Strict, Secure off only on plain-http loopback', async () => {
    const page = await get(origin, '/login')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(page.text).toContain('name="token"')
    const dashboard = await get(origin, '/dashboard')
    expect(dashboard.status).toBe(303)
    expect(dashboard.headers.get('location')).toBe('login')

    const signIn = (body: string, headers: Record<string, string> = {}) =>
      fetch(origin + '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers }, body, redirect: 'manual' })
    const ok = await signIn(new URLSearchParams({ token }).toString())
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('dashboard')
    const cookie = ok.headers.get('set-cookie')!
    expect(cookie).toMatch(/^npskit_session=\d+\.[\w-]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/)
    const session = sessionFrom(ok)!
    const viaCookie = await get(origin, '/api/summary', { cookie: `npskit_session=${session}` })
    expect(viaCookie.status).toBe(200)
    expect((await get(origin, '/dashboard', { cookie: `npskit_session=${session}` })).status).toBe(200)
    // A state change with the cookie must come from the dashboard's own page.
    expect((await call(origin, 'POST', `/api/responses/${id}/followed-up`, { cookie: `npskit_session=${session}` })).status).toBe(403)
    expect((await call(origin, 'POST', `/api/responses/${id}/followed-up`, { cookie: `npskit_session=${session}`, origin })).status).toBe(200)

    // Behind TLS at PUBLIC_URL's host, the cookie is Secure.
    const secure = await rawWithHost(origin, 'POST', '/login', 'nps.shop.example', { 'content-type': 'application/x-www-form-urlencoded', origin: publicUrl }, `token=${token}`)
    expect(secure.status).toBe(303)
    expect(secure.text).toMatch(/set-cookie: npskit_session=[^\r\n]*; HttpOnly; SameSite=Strict; Secure\r\n/i)

    const signedOut = await fetch(origin + '/logout', { method: 'POST', headers: { origin, cookie: `npskit_session=${session}` }, redirect: 'manual' })
    expect(signedOut.status).toBe(303)
    expect(signedOut.headers.get('set-cookie')).toMatch(/^npskit_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/)
    // A login form posted from another site is refused before the token is even compared.
    expect((await signIn(`token=${token}`, { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('rate-limits sign-in attempts per client, right answers included', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const res = await fetch(origin + '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: 'token=guess-' + i, redirect: 'manual' })
      statuses.push(res.status)
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses).toContain(429)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3)
    const right = await fetch(origin + '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: `token=${token}`, redirect: 'manual' })
    expect(right.status).toBe(429)
  })

  it('erases and exports a customer by user id or e-mail (access and erasure requests)', async () => {
    const mine = [response({ user: { id: 'cust-9', email: 'ola@example.com' } }), response({ user: { id: 'cust-9', email: 'ola@example.com' }, score: 3 })]
    for (const r of mine) expect((await post(origin, r)).status).toBe(201)
    const exported = await get(origin, '/api/export?email=OLA@example.com', bearer)
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    expect(exported.body.responses.map((r: { id: string }) => r.id).sort()).toEqual(mine.map((r) => r.id).sort())
    expect((await get(origin, '/api/export', bearer)).body).toMatchObject({ field: 'user' })
    expect((await get(origin, '/api/export?user=a&email=b', bearer)).status).toBe(400)
    const erased = await call(origin, 'DELETE', '/api/responses?user=cust-9', bearer)
    expect(await erased.json()).toEqual({ erased: 2 })
    expect((await get(origin, '/api/export?user=cust-9', bearer)).body).toEqual({ responses: [] })
  })
})

describe.each(drivers())('admin access without ADMIN_TOKEN, on $name', (driver) => {
  let db: Database
  let collector: Awaited<ReturnType<typeof startCollector>>

  beforeAll(async () => {
    db = await driver.open()
    collector = await startCollector({ store: createStore(db), trustProxy: 1 })
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  it('answers requests from this machine (loopback) on every admin route', async () => {
    for (const [method, path] of adminRoutes('00000000-0000-4000-8000-000000000000')) {
      expect((await call(collector.origin, method, path)).status, `${method} ${path}`).toBeLessThan(405)
    }
    expect((await get(collector.origin, '/dashboard')).status).toBe(200)
    expect((await get(collector.origin, '/login')).text).toContain('No ADMIN_TOKEN is set')
  })

  it('refuses what came through a proxy from elsewhere, and a foreign Host', async () => {
    const forwarded = await get(collector.origin, '/api/summary', { 'x-forwarded-for': '203.0.113.9' })
    expect(forwarded.status).toBe(403)
    expect(forwarded.body.field).toBe('authorization')
    expect((await get(collector.origin, '/dashboard', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403)
    expect((await rawWithHost(collector.origin, 'GET', '/api/summary', 'rebind.evil.example', {})).status).toBe(403)
    // Spoofing a loopback address on the left of X-Forwarded-For changes nothing: the proxy's entry counts.
    expect((await get(collector.origin, '/api/summary', { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' })).status).toBe(403)
  })
})

describe.each(drivers())('TRUST_PROXY, on $name', (driver) => {
  let db: Database
  let collector: Awaited<ReturnType<typeof startCollector>>

  beforeAll(async () => {
    db = await driver.open()
    collector = await startCollector({ store: createStore(db), trustProxy: 1, rateLimit: { burst: 2, perMinute: 1 } })
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  it('rate-limits by the address the proxy saw, however the client fills the header', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      // The client writes a new address each time; the proxy appends the real one on the right.
      statuses.push((await post(collector.origin, response(), { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.5` })).status)
    }
    expect(statuses).toEqual([201, 201, 429, 429])
    // Another real client has a bucket of its own.
    expect((await post(collector.origin, response(), { 'x-forwarded-for': '203.0.113.6' })).status).toBe(201)
  })
})

/** A request with a Host header fetch would not send. */
async function rawWithHost(origin: string, method: string, path: string, host: string, headers: Record<string, string>, body = method === 'POST' ? '{}' : '') {
  const { request } = await import('node:http')
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(origin + path, { method, headers: { host, 'content-type': 'application/json', ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = Object.entries(res.headers)
        .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : [`${k}: ${v}`]))
        .join('\r\n') + '\r\n'
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}
