import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compare, confidenceInterval, histogram, nps, tally } from '../../src/score'
import type { Database } from '../../src/collector/storage/index'
import { drivers } from './drivers'
import { get, post, response, startCollector } from './http'

type Running = Awaited<ReturnType<typeof startCollector>>

describe.each(drivers())('the collector routes on $name', (driver) => {
  let db: Database
  let collector: Running
  let origin: string

  beforeAll(async () => {
    db = await driver.open()
    collector = await startCollector({ db, allowedOrigins: ['https://shop.example'], rateLimit: false })
    origin = collector.origin
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  const stored = async (id: string) => (await db.query('SELECT * FROM responses WHERE id = $1', [id])).rows
  const one = async (id: string) => {
    const rows = await stored(id)
    expect(rows).toHaveLength(1)
    return rows[0]!
  }

  describe('POST /api/responses', () => {
    it('stores a response sent as JSON and answers 201 with its id', async () => {
      const r = response({ comment: 'Rask levering!', user: { id: 'cust-1', member: true }, metadata: { order: 'NH-1', items: 2, gift: false } })
      const answer = await post(origin, r)
      expect(answer.status).toBe(201)
      expect(answer.body).toEqual({ id: r.id, result: 'created' })
      const row = await one(r.id)
      expect(row).toMatchObject({ score: 9, category: 'promoter', comment: 'Rask levering!', locale: 'nb', user_info: { id: 'cust-1', member: true } })
      expect(row.metadata).toEqual({ order: 'NH-1', items: 2, gift: false })
      expect(new Date(row.created_at).toISOString()).toBe(r.createdAt)
    })

    it('stores a text/plain body, as navigator.sendBeacon sends it', async () => {
      const r = response()
      const answer = await post(origin, JSON.stringify(r), { 'content-type': 'text/plain;charset=UTF-8' })
      expect(answer.status).toBe(201)
      expect(await stored(r.id)).toHaveLength(1)
    })

    it('upserts the complete version over the score-only one under the same id', async () => {
      const first = response({ score: 3, complete: false })
      const second = { ...first, comment: 'Pakken kom for sent', contactConsent: true, complete: true, updatedAt: '2026-11-20T10:00:30.000Z' }
      expect((await post(origin, first)).status).toBe(201)
      const answer = await post(origin, second)
      expect(answer.status).toBe(200)
      expect(answer.body.result).toBe('updated')
      const rows = await stored(first.id)
      expect(rows).toHaveLength(1)
      expect(rows[0]!).toMatchObject({ comment: 'Pakken kom for sent', contact_consent: true, complete: true })
      expect(new Date(rows[0]!.created_at).toISOString()).toBe(first.createdAt)
    })

    it('keeps the newer version when an older retry arrives late', async () => {
      const older = response({ score: 4, complete: false })
      const newer = { ...older, comment: 'Too slow', complete: true, updatedAt: '2026-11-20T10:01:00.000Z' }
      await post(origin, newer)
      const late = await post(origin, older)
      expect(late.status).toBe(200)
      expect(late.body.result).toBe('stale')
      expect((await one(older.id))).toMatchObject({ comment: 'Too slow', complete: true })
    })

    it('treats a retry of the same version as a harmless update', async () => {
      const r = response()
      await post(origin, r)
      const again = await post(origin, r)
      expect(again.status).toBe(200)
      expect(await stored(r.id)).toHaveLength(1)
    })

    it('answers 400 for a body that is not JSON', async () => {
      for (const body of ['{"id": ', 'not json', '']) {
        const answer = await post(origin, body)
        expect(answer.status, body).toBe(400)
        expect(answer.body).toEqual({ error: 'The body is not valid JSON', field: null })
      }
    })

    it.each([
      ['a score as a string', { score: '9' }, 'score'],
      ['a score of 11', { score: 11, category: 'promoter' }, 'score'],
      ['a fractional score', { score: 8.5 }, 'score'],
      ['a category that does not match the score', { score: 3, category: 'promoter' }, 'category'],
      ['an unknown category', { category: 'fan' }, 'category'],
      ['an id that is no UUID', { id: "1' OR '1'='1" }, 'id'],
      ['a date that is no date', { createdAt: 'yesterday' }, 'createdAt'],
      ['a comment that is a number', { comment: 42 }, 'comment'],
      ['a boolean as a string', { complete: 'true' }, 'complete'],
      ['nested metadata', { metadata: { order: { id: 1 } } }, 'metadata.order'],
      ['an unknown field', { referrer: 'https://evil.example' }, 'referrer'],
      ['an sdk that is not npskit', { sdk: { name: 'other', version: '1' } }, 'sdk.name'],
      ['an unknown field in sdk', { sdk: { name: 'npskit', version: '1', extra: 1 } }, 'sdk.extra'],
      ['a comment over 10 000 characters', { comment: 'x'.repeat(10_001) }, 'comment'],
    ])('answers 400 naming the field for %s', async (_, overrides, field) => {
      const r = { ...response(), ...overrides }
      const answer = await post(origin, r)
      expect(answer.status).toBe(400)
      expect(answer.body.field).toBe(field)
      expect(answer.body.error).toEqual(expect.any(String))
      expect((await db.query('SELECT count(*)::int AS n FROM responses WHERE id::text = $1', [String(r.id)]).catch(() => ({ rows: [{ n: 0 }] }))).rows[0]!.n).toBe(0)
    })

    it('answers 400 for fields named like Object.prototype', async () => {
      for (const key of ['__proto__', 'constructor', 'toString']) {
        const body = JSON.stringify(response()).replace(/^\{/, `{"${key}": {"x": 1},`)
        const answer = await post(origin, body)
        expect(answer.status, key).toBe(400)
        expect(answer.body.field).toBe(key)
      }
    })

    it('answers 400 naming a missing field', async () => {
      const { journeyPoint: _, ...rest } = response()
      expect((await post(origin, rest)).body).toEqual({ error: 'journeyPoint is required', field: 'journeyPoint' })
    })

    it('answers 400 for JSON that is not an object', async () => {
      for (const body of ['[]', '"text"', 'null', '9']) {
        const answer = await post(origin, body)
        expect(answer.status).toBe(400)
        expect(answer.body.field).toBe('')
      }
    })

    it('answers 413 for a body over the cap the schema implies (about 97 KB), declared or streamed', async () => {
      const huge = JSON.stringify(response({ metadata: { padding: 'x'.repeat(120_000) } }))
      const declared = await post(origin, huge)
      expect(declared.status).toBe(413)
      // Chunked, with no Content-Length: the collector stops reading at the limit.
      const streamed = await new Promise<number>((resolve, reject) => {
        const req = request(origin + '/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        for (let i = 0; i < 30; i++) req.write('x'.repeat(4096))
        req.end()
      })
      expect(streamed).toBe(413)
      // Just under the limit is fine: the limit is the body, not the response's content.
      const fits = response({ metadata: { padding: 'x'.repeat(60_000) } })
      expect((await post(origin, fits)).status).toBe(201)
    })

    it('answers 415 for other content types', async () => {
      const answer = await post(origin, 'score=9', { 'content-type': 'application/x-www-form-urlencoded' })
      expect(answer.status).toBe(415)
    })

    it('stores SQL and HTML in a comment as text, exactly', async () => {
      const comment = `Robert'); DROP TABLE responses;-- <script>alert("x")</script> <img src=x onerror=alert(1)> æøå 😀 \u0000?`.replace('\u0000', '')
      const r = response({ score: 2, comment, complete: true })
      expect((await post(origin, r)).status).toBe(201)
      expect((await one(r.id)).comment).toBe(comment)
      const list = await get(origin, '/api/responses?category=detractor&hasComment=true&pageSize=500')
      expect(list.body.items.find((item: { id: string }) => item.id === r.id).comment).toBe(comment)
    })

    it('keeps one row, the newest, when versions of one id race each other', async () => {
      const base = response({ score: 5 })
      const versions = Array.from({ length: 25 }, (_, i) => ({
        ...base,
        comment: `version ${i}`,
        complete: i > 0,
        updatedAt: new Date(Date.parse(base.createdAt) + i * 1000).toISOString(),
      }))
      // Shuffled, all at once.
      const shuffled = [...versions].sort(() => Math.random() - 0.5)
      const answers = await Promise.all(shuffled.map((v) => post(origin, v)))
      expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true)
      expect(answers.filter((a) => a.body.result === 'created')).toHaveLength(1)
      const rows = await stored(base.id)
      expect(rows).toHaveLength(1)
      expect(rows[0]!.comment).toBe('version 24')
    })

    it('loses nothing when many different responses arrive at once', async () => {
      const journeyPoint = 'burst-' + randomUUID()
      const many = Array.from({ length: 60 }, (_, i) => response({ score: i % 11, journeyPoint }))
      const answers = await Promise.all(many.map((r) => post(origin, r)))
      expect(answers.map((a) => a.status)).toEqual(many.map(() => 201))
      const { rows } = await db.query('SELECT count(*)::int AS n FROM responses WHERE journey_point = $1', [journeyPoint])
      expect(rows[0]!.n).toBe(60)
    })
  })

  describe('CORS', () => {
    it('answers the preflight of an allowed origin', async () => {
      const res = await fetch(origin + '/api/responses', {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
      expect(res.headers.get('access-control-allow-methods')).toBe('POST')
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type')
    })

    it('lets an allowed origin post and read the answer', async () => {
      const answer = await post(origin, response(), { origin: 'https://shop.example' })
      expect(answer.status).toBe(201)
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example')
      const invalid = await post(origin, { nope: true }, { origin: 'https://shop.example' })
      expect(invalid.status).toBe(400)
      expect(invalid.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    })

    it('refuses other origins, and keeps the dashboard routes to its own', async () => {
      const r = response()
      expect((await post(origin, r, { origin: 'https://evil.example' })).status).toBe(403)
      expect(await stored(r.id)).toHaveLength(0)
      const preflight = await fetch(origin + '/api/responses', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } })
      expect(preflight.status).toBe(403)
      expect((await get(origin, '/api/summary', { origin: 'https://shop.example' })).status).toBe(403)
      expect((await get(origin, '/api/summary', { origin })).status).toBe(200)
    })
  })

  describe('GET /api/summary', () => {
    const journeyPoint = 'summary-' + randomUUID()
    const now = Date.parse('2026-11-27T12:00:00Z')
    const current = [10, 10, 9, 9, 9, 8, 7, 6, 3, 0, 10, 9]
    const previous = [3, 4, 5, 6, 7, 8, 9, 10]

    beforeAll(async () => {
      const at = (ms: number) => new Date(ms).toISOString()
      const rows = [
        ...current.map((score, i) => response({ score, journeyPoint, locale: i % 3 ? 'sv' : 'fi', createdAt: at(now - (i + 1) * 36e5 * 24), updatedAt: at(now - (i + 1) * 36e5 * 24) })),
        ...previous.map((score, i) => response({ score, journeyPoint, locale: 'sv', createdAt: at(now - (40 + i) * 864e5), updatedAt: at(now - (40 + i) * 864e5) })),
      ]
      for (const r of rows) expect((await post(origin, r)).status).toBe(201)
    })

    const summary = async (query: string) => (await get(origin, `/api/summary?journeyPoint=${journeyPoint}&${query}`)).body

    it('computes tally, NPS, interval and distribution with npskit/score', async () => {
      const s = await summary('from=2026-10-28T12:00:00Z&to=2026-11-27T12:00:00Z')
      const t = tally(current)
      expect(s.tally).toEqual(t)
      expect(s.nps).toBe(nps(t))
      const ci = confidenceInterval(t, { level: 0.95 })
      expect(s.interval).toMatchObject({ low: ci.low, high: ci.high, level: 0.95, method: 'adjusted-wald' })
      expect(s.histogram).toEqual(histogram(current))
    })

    it('compares the period with the one of the same length before it', async () => {
      const s = await summary('from=2026-10-28T12:00:00Z&to=2026-11-27T12:00:00Z')
      expect(s.comparison.previous.from).toBe('2026-09-28T12:00:00.000Z')
      expect(s.comparison.previous.tally).toEqual(tally(previous))
      const c = compare(tally(current), tally(previous), { level: 0.95 })
      expect(s.comparison.test).toMatchObject({ difference: c.difference, pValue: c.pValue, significant: c.significant })
    })

    it('breaks the period down by week, journey point and locale', async () => {
      const s = await summary('from=2026-10-28T12:00:00Z&to=2026-11-27T12:00:00Z')
      expect(s.trend.length).toBeGreaterThanOrEqual(2)
      expect(s.trend.reduce((n: number, w: { tally: { total: number } }) => n + w.tally.total, 0)).toBe(current.length)
      expect(s.byJourneyPoint).toEqual([expect.objectContaining({ key: journeyPoint, nps: nps(current) })])
      const byLocale = Object.fromEntries(s.byLocale.map((b: { key: string; tally: unknown }) => [b.key, b.tally]))
      expect(byLocale).toEqual({ sv: tally(current.filter((_, i) => i % 3)), fi: tally(current.filter((_, i) => !(i % 3))) })
      expect(s.journeyPoints).toContain(journeyPoint)
    })

    it('filters by locale and says null, not NaN, for an empty period', async () => {
      expect((await summary('from=2026-10-28T12:00:00Z&to=2026-11-27T12:00:00Z&locale=fi')).tally.total).toBe(4)
      const empty = await summary('from=2020-01-01&to=2020-02-01')
      expect(empty).toMatchObject({ nps: null, interval: null, tally: { total: 0 }, trend: [], comparison: { test: null } })
    })

    it('answers 400 naming a bad date', async () => {
      const answer = await get(origin, '/api/summary?from=last-tuesday')
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ error: expect.stringContaining('from must be a date'), field: 'from' })
      expect((await get(origin, '/api/summary?from=2026-11-02&to=2026-11-01')).body).toEqual({ error: 'from must be before to', field: 'from' })
    })
  })

  describe('GET /api/responses', () => {
    const journeyPoint = 'list-' + randomUUID()
    const rows = Array.from({ length: 7 }, (_, i) =>
      response({ score: i, journeyPoint, createdAt: `2026-11-0${i + 1}T08:00:00.000Z`, updatedAt: `2026-11-0${i + 1}T08:00:00.000Z`, comment: i === 6 ? null : `comment ${i}` }),
    )
    beforeAll(async () => {
      for (const r of rows) await post(origin, r)
    })

    it('pages newest first and says how many there are', async () => {
      const page = await get(origin, `/api/responses?journeyPoint=${journeyPoint}&pageSize=3&page=2`)
      expect(page.body).toMatchObject({ total: 7, page: 2, pageSize: 3, pages: 3 })
      expect(page.body.items.map((r: { score: number }) => r.score)).toEqual([3, 2, 1])
      expect(page.body.items[0]).toMatchObject({ id: rows[3]!.id, createdAt: rows[3]!.createdAt, followedUpAt: null })
    })

    it('answers 400 for a bad page size', async () => {
      for (const q of ['pageSize=0', 'pageSize=501', 'page=-1', 'pageSize=ten', 'category=angry']) {
        expect((await get(origin, `/api/responses?${q}`)).status, q).toBe(400)
      }
    })

    it('exports CSV that a spreadsheet reads as text, not formulas', async () => {
      const tricky = response({ score: 1, journeyPoint, comment: '=HYPERLINK("https://evil.example","click"), then\n"quoted"', complete: true })
      await post(origin, tricky)
      const csv = await get(origin, `/api/responses?journeyPoint=${journeyPoint}&format=csv`)
      expect(csv.status).toBe(200)
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(csv.headers.get('content-disposition')).toContain('attachment')
      // A byte order mark first, so Excel reads æøå as UTF-8 (fetch's text() drops it).
      expect(csv.text.startsWith('id,createdAt,')).toBe(true)
      const bytes = new Uint8Array(await (await fetch(`${origin}/api/responses?journeyPoint=${journeyPoint}&format=csv`)).arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(csv.text).toContain(`,"'=HYPERLINK(""https://evil.example"",""click""), then\n""quoted""",`)
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 8)
    })
  })

  describe('POST /api/responses/:id/followed-up', () => {
    it('marks a detractor as followed up and back', async () => {
      const r = response({ score: 2, comment: 'Call me', contactConsent: true, complete: true })
      await post(origin, r)
      const done = await post(origin, { followedUp: true }, {}, `/api/responses/${r.id}/followed-up`)
      expect(done.status).toBe(200)
      expect(Date.parse(done.body.followedUpAt)).toBeGreaterThan(Date.now() - 60_000)
      const open = await get(origin, `/api/responses?category=detractor&followedUp=false&pageSize=500`)
      expect(open.body.items.some((item: { id: string }) => item.id === r.id)).toBe(false)
      // A later version of the response from the widget keeps the mark.
      await post(origin, { ...r, updatedAt: '2026-11-20T10:05:00.000Z' })
      expect((await one(r.id)).followed_up_at).not.toBeNull()
      const consenting = await get(origin, `/api/responses?category=detractor&contactConsent=true&pageSize=500`)
      expect(consenting.body.items.some((item: { id: string }) => item.id === r.id)).toBe(true)
      expect(consenting.body.items.every((item: { contactConsent: boolean }) => item.contactConsent)).toBe(true)
      const reopened = await post(origin, { followedUp: false }, {}, `/api/responses/${r.id}/followed-up`)
      expect(reopened.body.followedUpAt).toBeNull()
    })

    it('answers 404 for an unknown id and 400 for a bad one', async () => {
      expect((await post(origin, {}, {}, `/api/responses/${randomUUID()}/followed-up`)).status).toBe(404)
      expect((await post(origin, {}, {}, `/api/responses/not-an-id/followed-up`)).status).toBe(400)
      expect((await post(origin, { followedUp: 'yes' }, {}, `/api/responses/${randomUUID()}/followed-up`)).body.field).toBe('followedUp')
    })

    it('is not open to other origins', async () => {
      expect((await post(origin, {}, { origin: 'https://shop.example' }, `/api/responses/${randomUUID()}/followed-up`)).status).toBe(403)
    })
  })

  it('answers 404 and 405 as JSON', async () => {
    expect((await get(origin, '/api/nothing')).body).toEqual({ error: 'Not found', field: null })
    const wrong = await fetch(origin + '/api/summary', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
  })
})

describe.each(drivers())('the rate limit on $name', (driver) => {
  let db: Database
  let collector: Running
  beforeAll(async () => {
    db = await driver.open()
    collector = await startCollector({ db, rateLimit: { burst: 3, perMinute: 6 } })
  })
  afterAll(async () => {
    await collector?.close()
    await db?.close()
  })

  it('answers 429 with Retry-After once a client has used its burst', async () => {
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await post(collector.origin, response()))
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429])
    // 6 a minute: the next token is about 10 s away (less if this machine was slow between requests).
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeLessThanOrEqual(10)
    expect(answers[3]!.body).toEqual({ error: 'Too many requests', field: null })
  })
})
