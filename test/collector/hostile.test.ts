// What a collector on the internet receives besides real answers. Every hostile request gets a
// 4xx naming what is wrong (or a timeout, for the slow ones), the process keeps serving, and every
// response it acknowledged is stored.
import { Agent, request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore } from '../../src/collector/storage/index'
import type { Database, Store } from '../../src/collector/storage/index'
import { drivers } from './drivers'
import { event, get, post, raw, response, startCollector, statusOf, type Answer } from './http'

const shop = 'https://shop.example'

describe.each(drivers())('the collector under hostile requests, on $name', (driver) => {
  let db: Database
  let store: Store
  let collector: Awaited<ReturnType<typeof startCollector>>
  let origin: string
  /** Every id the collector answered 200 or 201 for. */
  const acknowledged = new Set<string>()

  const send = async (body: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const answer = await post(origin, body, headers)
    if ((answer.status === 200 || answer.status === 201) && answer.body?.id) acknowledged.add(answer.body.id)
    return answer
  }
  const count = async (id: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE id::text = $1', [id])).rows[0]!.n

  beforeAll(async () => {
    db = await driver.open()
    store = createStore(db)
    collector = await startCollector(
      { store, allowedOrigins: [shop], rateLimit: false, bodyTimeoutMs: 400 },
      { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxHeaderBytes: 8_192 },
    )
    origin = collector.origin
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  describe('dates', () => {
    it.each([
      ['a year of -200000', '-200000-01-01T00:00:00Z'],
      ['30 February', '2024-02-30T10:00:00Z'],
      ['an offset of +23:59', '2026-11-20T10:00:00+23:59'],
      ['hour 24', '2026-11-20T24:00:00Z'],
      ['a year outside 2000–2099', '1970-01-01T00:00:00Z'],
      ['a date without a time', '2026-11-20'],
    ])('refuses %s in a response with a 400 naming the field', async (_, createdAt) => {
      const r = response({ createdAt })
      const answer = await send(r)
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe('createdAt')
      expect(await count(r.id)).toBe(0)
    })

    it('accepts real offsets from −12:00 to +14:00', async () => {
      for (const createdAt of ['2026-11-20T23:30:00+14:00', '2026-11-20T01:00:00-12:00', '2024-02-29T10:00:00.123456+05:45']) {
        expect((await send(response({ createdAt }))).status, createdAt).toBe(201)
      }
    })

    it.each(['-200000-01-01T00:00:00Z', '2024-02-30', '2026-11-20T10:00:00+23:59', '275760-09-13', '2026-13-01', '%00'])(
      'answers 400 for from=%s on every read route',
      async (from) => {
        for (const path of ['/api/summary', '/api/responses', '/api/responses?format=csv']) {
          const answer = await get(origin, `${path}${path.includes('?') ? '&' : '?'}from=${encodeURIComponent(from)}`)
          expect(answer.status, path).toBe(400)
          expect(answer.body, path).toEqual({ error: expect.any(String), field: 'from' })
        }
      },
    )
  })

  describe('text that PostgreSQL cannot store', () => {
    it.each([
      ['NUL in the comment', '{"comment":"a\\u0000b"}', 'comment'],
      ['a lone high surrogate in the comment', '{"comment":"a\\ud800b"}', 'comment'],
      ['a lone low surrogate in the question', '{"question":"\\udc00"}', 'question'],
      ['NUL in a metadata value', '{"metadata":{"order":"\\u0000"}}', 'metadata.order'],
      ['NUL in a metadata key', '{"metadata":{"a\\u0000":"x"}}', 'metadata'],
      ['a lone surrogate in a user value', '{"user":{"email":"\\ud83d@example.com"}}', 'user.email'],
    ])('refuses %s (400, never cleaned)', async (_, patch, field) => {
      const r = response()
      const body = JSON.stringify(r).slice(0, -1) + ',' + patch.slice(1)
      // The patch's key comes last in the text, so JSON.parse keeps it over the original.
      const answer = await send(body)
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe(field)
      expect(await count(r.id)).toBe(0)
    })

    it('refuses a body that is not UTF-8', async () => {
      const r = response({ comment: 'XX' })
      const bytes = Buffer.from(JSON.stringify(r))
      const at = bytes.indexOf('XX')
      bytes[at] = 0xc3
      bytes[at + 1] = 0x28
      const res = await fetch(origin + '/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes })
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: 'The body is not valid UTF-8', field: null })
      expect(await count(r.id)).toBe(0)
    })

    it.each(['%00', 'a%00b', '%ED%A0%80'])('answers 400 for the query value %s in locale and journeyPoint', async (value) => {
      expect((await get(origin, `/api/summary?locale=${value}`)).body.field).toBe('locale')
      const answer = await get(origin, `/api/responses?journeyPoint=${value}`)
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe('journeyPoint')
    })
  })

  describe('locales', () => {
    it('stores en_US as en-US, and every read route still works', async () => {
      const r = response({ locale: 'en_US', journeyPoint: 'locale-test' })
      expect((await send(r)).status).toBe(201)
      const list = await get(origin, '/api/responses?journeyPoint=locale-test')
      expect(list.body.items[0].locale).toBe('en-US')
      const summary = await get(origin, '/api/summary?locale=en_US&from=2026-01-01')
      expect(summary.status).toBe(200)
      expect(summary.body.tally.total).toBeGreaterThanOrEqual(1)
      const names = new Intl.DisplayNames(['en'], { type: 'language' })
      for (const locale of (await get(origin, '/api/summary')).body.locales) expect(() => names.of(locale)).not.toThrow()
    })

    it.each(['x', 'en US', 'abcdefghi', 'en__US', '12-34'])('refuses the locale %j', async (locale) => {
      const answer = await send(response({ locale }))
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe('locale')
    })

    it('keeps reading when the table holds what an older collector stored', async () => {
      await store.upsertResponse(response({ locale: 'en_US', journeyPoint: 'legacy' }))
      for (const path of ['/api/summary', '/api/responses?journeyPoint=legacy', '/api/responses?format=csv&journeyPoint=legacy']) {
        expect((await get(origin, path)).status, path).toBe(200)
      }
    })
  })

  describe('bodies', () => {
    it.each([['null'], ['[]'], ['"text"'], ['9'], ['true'], ['{}']])('answers 400 for the JSON %s', async (body) => {
      const answer = await send(body)
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ error: expect.any(String), field: body === '{}' ? 'id' : '' })
    })

    it('answers 400 for deeply nested JSON, at the top and inside metadata', async () => {
      const deep = '['.repeat(40_000) + ']'.repeat(40_000)
      expect((await send(deep)).status).toBe(400)
      const r = response()
      const nested = JSON.stringify(r).replace('"metadata":{', `"metadata":{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)},`)
      const answer = await send(nested)
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe('metadata.deep')
    })

    it('accepts a schema-valid comment of 10,000 emoji', async () => {
      const r = response({ comment: '😀'.repeat(10_000), complete: true })
      expect((await send(r)).status).toBe(201)
      const stored = await get(origin, `/api/responses?pageSize=500&journeyPoint=${r.journeyPoint}&hasComment=true`)
      expect(stored.body.items.find((item: { id: string }) => item.id === r.id).comment).toBe(r.comment)
    })

    it('answers 413 for a body larger than any valid response, declared or streamed', async () => {
      const huge = JSON.stringify(response({ metadata: { padding: 'x'.repeat(200_000) } }))
      const declared = await send(huge, { origin: shop })
      expect(declared.status).toBe(413)
      expect(declared.headers.get('access-control-allow-origin')).toBe(shop)
      const streamed = await new Promise<number>((resolve, reject) => {
        const req = request(origin + '/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        for (let i = 0; i < 40; i++) req.write('x'.repeat(4096))
        req.end()
      })
      expect(streamed).toBe(413)
    })

    it('answers 408 and closes the connection when a body stops coming', async () => {
      const r = JSON.stringify(response())
      const head = `POST /api/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${r.length}\r\n\r\n`
      const result = await raw(origin, [head, r.slice(0, 10)], { waitMs: 5_000 })
      expect(statusOf(result.text)).toBe(408)
      expect(result.closed).toBe(true)
    })

    it('cuts a slowloris body that trickles in forever (request timeout)', async () => {
      const head = `POST /api/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`
      const result = await raw(origin, [head, ...Array.from({ length: 200 }, () => ' ')], { gapMs: 50, waitMs: 8_000 })
      expect(result.closed).toBe(true)
      expect(result.ms).toBeLessThan(7_000)
    })

    it('cuts headers that trickle in (headers timeout)', async () => {
      const result = await raw(origin, ['GET /api/summary HTTP/1.1\r\n', ...Array.from({ length: 100 }, (_, i) => `X-${i}: a\r\n`)], { gapMs: 50, waitMs: 8_000 })
      expect(result.closed).toBe(true)
      expect(result.ms).toBeLessThan(5_000)
    })

    it('answers 431 for oversized headers', async () => {
      const res = await fetch(origin + '/api/summary', { headers: { 'x-big': 'a'.repeat(20_000) } }).catch(() => null)
      const result = res ? res.status : statusOf((await raw(origin, [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`])).text)
      expect(result).toBe(431)
    })
  })

  describe('events', () => {
    const events = async (id: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id::text = $1', [id])).rows[0]!.n

    it.each([
      ['type', 'Event'],
      ['id', 'not-a-uuid'],
      ['id', null],
      ['event', 'clicked'],
      ['event', ['shown']],
      ['surveyId', ''],
      ['surveyId', 's'.repeat(201)],
      ['responseId', 'abc'],
      ['responseId', 42],
      ['journeyPoint', 'j'.repeat(201)],
      ['channel', 'sms'],
      ['channel', null],
      ['locale', 'en US'],
      ['page', 'p'.repeat(2049)],
      ['page', null],
      ['user', 'kari@example.no'],
      ['user.nested', { a: 1 }],
      ['at', '2026-02-30T10:00:00Z'],
      ['at', 1764237600000],
      ['sdk', null],
      ['sdk.name', 'other'],
      ['score', 9],
    ])('refuses a bad %s (%j) with a 400 naming it, and stores nothing', async (field, value) => {
      const e = event()
      const body: Record<string, unknown> = { ...e }
      if (field === 'user.nested') body.user = { nested: value }
      else if (field === 'sdk.name') body.sdk = { name: value, version: '1' }
      else body[field] = value
      const answer = await post(origin, body)
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ error: expect.any(String), field })
      expect(await events(e.id)).toBe(0)
    })

    it.each(['type', 'id', 'event', 'surveyId', 'responseId', 'journeyPoint', 'channel', 'locale', 'page', 'user', 'at', 'sdk'])(
      'refuses an event without %s',
      async (field) => {
        const body: Record<string, unknown> = { ...event() }
        delete body[field]
        // Without its type it is read as a response, and named as one.
        const answer = await post(origin, body)
        expect(answer.status).toBe(400)
        expect(answer.body.field).toBe(field === 'type' ? 'score' : field)
      },
    )

    it.each([
      ['NUL in the page', '{"page":"a\\u0000b"}', 'page'],
      ['a lone surrogate in a user value', '{"user":{"email":"\\ud83d@example.com"}}', 'user.email'],
      ['NUL in a user key', '{"user":{"a\\u0000":"x"}}', 'user'],
    ])('refuses %s (400, never cleaned)', async (_, patch, field) => {
      const e = event()
      const answer = await post(origin, JSON.stringify(e).slice(0, -1) + ',' + patch.slice(1))
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe(field)
      expect(await events(e.id)).toBe(0)
    })

    it('counts one event id once when 200 POSTs of it arrive at once, as text/plain from a beacon too', async () => {
      const e = event({ journeyPoint: 'two-hundred' })
      const statuses = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => (await post(origin, e, i % 2 ? { 'content-type': 'text/plain;charset=UTF-8' } : {})).status),
      )
      const seen = JSON.stringify(statuses.reduce((n: Record<number, number>, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}))
      expect(statuses.filter((s) => s === 201), seen).toHaveLength(1)
      expect(statuses.filter((s) => s === 200), seen).toHaveLength(199)
      expect(await events(e.id)).toBe(1)
      const funnel = await store.funnel({ journeyPoint: 'two-hundred', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })
      expect(funnel.channels[0]!.shown).toBe(1)
    })

    it.each([
      ['h=' + 'A'.repeat(64), 'h'],
      ['h=' + 'a'.repeat(63), 'h'],
      ['h=' + 'a'.repeat(64) + '%00', 'h'],
      ['h=' + ['a', 'b', 'c'].map((c) => c.repeat(64)).join('&h='), 'h'],
      ['answered=1&dismissed=1', 'h'],
      ['h=' + 'a'.repeat(64) + '&dismissed=1', 'answered'],
      ['h=' + 'a'.repeat(64) + '&answered=-1&dismissed=1', 'answered'],
      ['h=' + 'a'.repeat(64) + '&answered=1.5&dismissed=1', 'answered'],
      ['h=' + 'a'.repeat(64) + '&answered=3651&dismissed=1', 'answered'],
      ['h=' + 'a'.repeat(64) + '&answered=1&dismissed=', 'dismissed'],
      ['h=' + 'a'.repeat(64) + '&answered=1&dismissed=1e3', 'dismissed'],
    ])('answers 400 naming the field for the recontact query %s', async (query, field) => {
      const answer = await get(origin, '/api/recontact?' + query, { origin: shop })
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe(field)
      expect(answer.headers.get('access-control-allow-origin')).toBe(shop)
      expect(answer.headers.get('cache-control')).toBe('no-store')
    })
  })

  describe('paths', () => {
    it.each(['//', '//evil.example/x', '/nothing', '/api/nothing', '/api/responses/x/y', '/dashboard/../package.json', '/dashboard/dashboard.html'])(
      'answers 404 for %s',
      async (path) => {
        const answer = await raw(origin, [`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`])
        expect(statusOf(answer.text)).toBe(404)
      },
    )

    it.each(['/api/%E0%A4%A', '/api/responses/%ZZ/followed-up', '/%'])('answers 400 naming the path for the malformed escape %s', async (path) => {
      const answer = await raw(origin, [`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`])
      expect(statusOf(answer.text)).toBe(400)
      expect(answer.text).toContain('"field":"path"')
    })

    it('answers 405 with Allow for a wrong method', async () => {
      const answer = await get(origin, '/api/summary', {}, 'DELETE')
      expect(answer.status).toBe(405)
      expect(answer.headers.get('allow')).toBe('GET')
    })
  })

  describe('CORS on every answer to an allowed origin', () => {
    it.each([
      ['201', () => send(response(), { origin: shop }), 201],
      ['400', () => send('null', { origin: shop }), 400],
      ['400 (bad JSON)', () => send('{', { origin: shop }), 400],
      ['415', () => send('x', { origin: shop, 'content-type': 'application/x-www-form-urlencoded' }), 415],
      ['404', () => get(origin, '/api/nothing', { origin: shop }), 404],
    ])('%s', async (_, run, status) => {
      const answer = await run()
      expect(answer.status).toBe(status)
      expect(answer.headers.get('access-control-allow-origin')).toBe(shop)
      expect(answer.headers.get('vary')).toContain('Origin')
    })

    it('and none to other origins', async () => {
      const answer = await send(response(), { origin: 'https://evil.example' })
      expect(answer.status).toBe(403)
      expect(answer.body.field).toBe('origin')
      expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  it('keeps exactly one row when 1,000 POSTs of one id arrive at once', async () => {
    const r = response({ journeyPoint: 'thousand' })
    const agent = new Agent({ keepAlive: true, maxSockets: 100 })
    const body = JSON.stringify(r)
    const statuses = await Promise.all(
      Array.from(
        { length: 1_000 },
        () =>
          new Promise<number>((resolve, reject) => {
            const req = request(origin + '/api/responses', { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
              res.resume()
              resolve(res.statusCode ?? 0)
            })
            req.on('error', reject)
            req.end(body)
          }),
      ),
    )
    agent.destroy()
    const seen = JSON.stringify(statuses.reduce((n: Record<number, number>, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}))
    expect(statuses.filter((s) => s === 201), seen).toHaveLength(1)
    expect(statuses.filter((s) => s === 200), seen).toHaveLength(999)
    acknowledged.add(r.id)
    expect(await count(r.id)).toBe(1)
  }, 120_000)

  it('after all of it: still answers, and every acknowledged response is stored', async () => {
    expect((await send(response())).status).toBe(201)
    expect((await get(origin, '/api/summary')).status).toBe(200)
    const ids = [...acknowledged]
    expect(ids.length).toBeGreaterThan(5)
    const { rows } = await db.query<{ id: string }>('SELECT id::text AS id FROM responses WHERE id::text = ANY($1)', [ids])
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids))
    expect(collector.logs).toEqual([])
  })
})

describe.each(drivers())('the last resort, on $name', (driver) => {
  let db: Database
  let collector: Awaited<ReturnType<typeof startCollector>>
  const secret = { email: 'kari.nordmann@example.com', user: 'customer-4711', comment: 'Ring meg på 99 88 77 66' }

  beforeAll(async () => {
    db = await driver.open()
    const store = createStore(db)
    let failures = 0
    // A store that fails the way a database does: with the values of the statement in the message.
    const failing: Store = {
      ...store,
      upsertResponse: async (r, options) => {
        if (r.journeyPoint === 'fail' && failures++ < 1) {
          throw Object.assign(new Error(`duplicate key: ${JSON.stringify(r)}`), { code: '23505' })
        }
        return store.upsertResponse(r, options)
      },
      summary: () => Promise.reject(new Error(`cannot read ${secret.email}`)),
    }
    collector = await startCollector({ store: failing, allowedOrigins: [shop], rateLimit: { burst: 2, perMinute: 1 } })
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  it('answers 500 with CORS, logs the response id and nothing personal, and keeps serving', async () => {
    const r = response({ journeyPoint: 'fail', comment: secret.comment, user: { id: secret.user, email: secret.email }, complete: true })
    const failed = await post(collector.origin, r, { origin: shop })
    expect(failed.status).toBe(500)
    expect(failed.body).toEqual({ error: 'Internal error', field: null })
    expect(failed.headers.get('access-control-allow-origin')).toBe(shop)
    expect((await get(collector.origin, '/api/summary')).status).toBe(500)
    expect(collector.logs).toHaveLength(2)
    expect(collector.logs[0]).toContain(r.id)
    expect(collector.logs[0]).toContain('23505')
    for (const line of collector.logs) {
      for (const value of Object.values(secret)) expect(line).not.toContain(value)
      expect(line).not.toContain('kari')
    }
    // The server keeps serving: the widget's retry of the same response is stored.
    expect((await post(collector.origin, r, { origin: shop })).status).toBe(201)
    expect((await get(collector.origin, '/api/responses?journeyPoint=fail')).body.total).toBe(1)
  })

  it('answers 429 with Retry-After and CORS once a client has used its burst', async () => {
    const answers: Answer[] = []
    for (let i = 0; i < 3; i++) answers.push(await post(collector.origin, response(), { origin: shop }))
    const limited = answers.find((a) => a.status === 429)!
    expect(limited).toBeDefined()
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited.headers.get('access-control-allow-origin')).toBe(shop)
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after')
  })
})
