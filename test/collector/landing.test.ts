// The landing page of email survey links (GET/POST /r/<token>) over HTTP, on PGlite and PostgreSQL:
// what a page shows for good, expired, tampered and hostile tokens, and how answers are held,
// recorded, updated and refused as a link scanner's. The page in a browser: test/browser/landing.test.ts.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectorConfigFromEnv } from '../../src/collector/fromEnv'
import { resolveLinks } from '../../src/collector/landing/options'
import { signSurveyLink } from '../../src/collector/links/index'
import { linkResponseId } from '../../src/collector/landing/responseId'
import type { Database } from '../../src/collector/storage/index'
import { createStore } from '../../src/collector/storage/index'
import { drivers } from './drivers'
import { get, post, response, startCollector } from './http'

const secret = 'Qm9yZ2VuLWxhbmRpbmctdGVzdC1zZWNyZXQtMzItYnl0ZXMh'
const windowMs = 400
// Each test's own order: links made in the same second for the same order are the same token.
let order = 1000
const link = (extra: Partial<Parameters<typeof signSurveyLink>[0]> = {}) =>
  signSurveyLink({ secret, baseUrl: 'https://nps.example', orderId: `NH-2026-${++order}`, email: 'kari@example.com', userId: 'cust-7', locale: 'nb', journeyPoint: 'order-delivered', expiresInDays: 30, ...extra })
const path = (token: string, query = '') => `/r/${token}${query}`
const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe.each(drivers())('the email link landing page on $name', (driver) => {
  let db: Database
  let collector: Awaited<ReturnType<typeof startCollector>>
  let bare: Awaited<ReturnType<typeof startCollector>>
  let origin: string

  beforeAll(async () => {
    db = await driver.open()
    collector = await startCollector({ db, rateLimit: false, links: { secret, brand: 'Nordhandel', windowMs } })
    bare = await startCollector({ db, rateLimit: false })
    origin = collector.origin
  })
  afterAll(async () => {
    await collector?.close()
    await bare?.close()
    await db?.close()
  })

  const rows = async (id: string) => (await db.query('SELECT * FROM responses WHERE id = $1', [id])).rows
  const answer = (token: string, body: unknown, headers: Record<string, string> = {}) => post(origin, body, { origin, ...headers }, path(token))

  describe('GET /r/<token>', () => {
    it('serves the survey in the link’s locale with the score chosen, under a CSP whose nonce is the script’s, and records nothing', async () => {
      const { token } = link()
      const page = await get(origin, path(token, '?score=9'))
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const csp = page.headers.get('content-security-policy')!
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(page.text).toContain(`<script type="module" nonce="${nonce}" src="assets/landing.js">`)
      expect(page.text).toContain('<html lang="nb" dir="ltr">')
      expect(page.text).toContain('<title>Kundeundersøkelse – Nordhandel</title>')
      expect(page.text).not.toMatch(/\sstyle=/)
      const config = JSON.parse(/<script type="application\/json" id="npskit-link">(.*?)<\/script>/.exec(page.text)![1]!)
      expect(config).toMatchObject({ token, score: 9, locale: 'nb', brand: 'Nordhandel', journeyPoint: 'order-delivered', surveyId: 'nps', user: { id: 'cust-7', email: 'kari@example.com' } })
      expect(page.headers.get('cache-control')).toBe('no-store')
      expect(page.headers.get('referrer-policy')).toBe('same-origin')
      // Eleven GETs, as a scanner without JavaScript makes them: nothing is recorded or held.
      for (let score = 0; score <= 10; score++) expect((await get(origin, path(token, `?score=${score}`))).status).toBe(200)
      expect(await rows(linkResponseId(token))).toEqual([])
      expect((await db.query('SELECT * FROM link_answers WHERE response_id = $1', [linkResponseId(token)])).rows).toEqual([])
    })

    it('asks without a chosen score when the score is missing or not one', async () => {
      const { token } = link()
      for (const query of ['', '?score=11', '?score=-1', '?score=abc', '?score=9.5']) {
        const page = await get(origin, path(token, query))
        expect(page.status).toBe(200)
        expect(page.text).toContain('"score":null')
      }
    })

    it('escapes the brand into the page', async () => {
      const other = await startCollector({ db, links: { secret, brand: '</script><b x="1">' } })
      const page = await get(other.origin, path(link().token))
      await other.close()
      expect(page.text).not.toContain('</script><b')
      expect(page.text).toContain('&lt;/script&gt;&lt;b x=&quot;1&quot;&gt;')
    })

    it('tells an expired link’s reader, in the link’s language, with 410', async () => {
      const { token } = link({ now: Date.now() - 40 * 86_400_000 })
      const page = await get(origin, path(token, '?score=3'), { 'accept-language': 'de' })
      expect(page.status).toBe(410)
      expect(page.text).toContain('Denne undersøkelsen er avsluttet.')
      expect(page.headers.get('content-security-policy')).toContain("script-src 'none'")
    })

    it('tells a tampered or cut link’s reader in their browser’s language (403 and 400), never with a stack', async () => {
      const { token } = link()
      const [version, payload, signature] = token.split('.') as [string, string, string]
      const forged = `${version}.${Buffer.from(JSON.stringify({ o: 'NH-1', l: 'nb', j: 'x', iat: 1, exp: 4e9 })).toString('base64url')}.${signature}`
      const tampered = await get(origin, path(forged, '?score=9'), { 'accept-language': 'sv-SE,sv;q=0.9' })
      expect(tampered.status).toBe(403)
      expect(tampered.text).toContain('Den här länken fungerar inte.')
      const cut = await get(origin, path(`${version}.${payload}`), { 'accept-language': 'fr' })
      expect(cut.status).toBe(400)
      expect(cut.text).toContain('Ce lien ne fonctionne pas.')
      expect(cut.text).not.toMatch(/Error|at \w+ \(/)
    })

    it('says links are not set up (404, English by default) on a collector without LINK_SECRET', async () => {
      const page = await get(bare.origin, path(link().token, '?score=9'))
      expect(page.status).toBe(404)
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(page.text).toContain('This survey is not available right now.')
      const posted = await post(bare.origin, { response: response(), human: true }, {}, path(link().token))
      expect(posted.status).toBe(404)
    })

    it('answers hostile tokens with a 4xx, never a 500', async () => {
      const { token } = link()
      const hostile = [
        '/r/' + 'A'.repeat(100_000),
        '/r/' + token + '%00',
        '/r/%00',
        '/r/v1.%E2%98%83.abc',
        '/r/v1.$$$.***',
        '/r/v1..',
        '/r/v99.abc.def',
        '/r/' + token + '/extra',
        '/r/%ZZ',
        '/r/..%2F..%2Fpackage.json',
        '/r/assets/..%2Fcollector.js',
        '/r/assets/../collector.js',
        '/r/assets/collector.js',
        '/r/',
      ]
      for (const target of hostile) {
        const page = await get(origin, target)
        expect(page.status, target.slice(0, 60)).toBeGreaterThanOrEqual(400)
        expect(page.status, target.slice(0, 60)).toBeLessThan(500)
      }
      for (const body of ['{', '[]', '{"human":true}', '{"human":"yes","response":{}}', JSON.stringify({ human: true, response: { score: 99 } })]) {
        const posted = await answer(token, body)
        expect(posted.status, body).toBe(400)
      }
      expect((await answer('A'.repeat(5000), { human: true, response: response() })).status).toBe(400)
      expect(collector.logs.filter((l) => l.includes(' 500 '))).toEqual([])
    })
  })

  describe('POST /r/<token>', () => {
    it('records a human’s answer at once as the link’s one response: its id, customer, order and channel', async () => {
      const { token } = link({ orderId: 'NH-2026-1042' })
      const id = linkResponseId(token)
      const sent = response({ score: 3, user: { id: 'forged' }, metadata: { orderId: 'forged' }, page: `${origin}/r/${token}` })
      const first = await answer(token, { response: sent, human: true })
      expect(first.status).toBe(201)
      expect(first.body).toEqual({ id, result: 'created' })
      const row = (await rows(id))[0]!
      expect(row).toMatchObject({ score: 3, journey_point: 'order-delivered', user_info: { id: 'cust-7', email: 'kari@example.com' }, metadata: { orderId: 'NH-2026-1042' } })
      expect(row.page).toBe(`${origin}/r/`)
      // Another score, later, from another page load (another client-side id): the same response, updated.
      const later = response({ score: 8, createdAt: '2026-11-20T10:05:00.000Z', updatedAt: '2026-11-20T10:05:00.000Z' })
      expect((await answer(token, { response: later, human: true })).body).toEqual({ id, result: 'updated' })
      expect(await rows(id)).toHaveLength(1)
      expect((await rows(id))[0]).toMatchObject({ score: 8, category: 'passive' })
    })

    it('holds what the page sends by itself, and records it once the window passes without another score', async () => {
      const { token } = link()
      const id = linkResponseId(token)
      const held = await answer(token, { response: response({ score: 10 }), human: false })
      expect(held.status).toBe(202)
      expect(held.body).toEqual({ id, result: 'pending' })
      expect(await rows(id)).toEqual([])
      await until(async () => (await rows(id)).length === 1)
      expect((await rows(id))[0]).toMatchObject({ score: 10, user_info: { id: 'cust-7', email: 'kari@example.com' } })
      expect((await db.query('SELECT pending FROM link_answers WHERE response_id = $1', [id])).rows).toEqual([{ pending: null }])
    })

    it('records nothing for a scanner opening all eleven scores within the window, until a human taps one', async () => {
      const { token } = link()
      const id = linkResponseId(token)
      const results = []
      for (let score = 0; score <= 10; score++) results.push((await answer(token, { response: response({ score }), human: false })).body.result)
      expect(results[0]).toBe('pending')
      expect(results.slice(1)).toEqual(Array(10).fill('scanner'))
      await new Promise((r) => setTimeout(r, windowMs * 2 + 200))
      expect(await rows(id)).toEqual([])
      // The customer, later: their page's own answer is held and then recorded like anyone's.
      expect((await answer(token, { response: response({ score: 6 }), human: false })).body.result).toBe('pending')
      await until(async () => (await rows(id)).length === 1)
      // And while a scanner is at it, a tap still records at once.
      const busy = link().token
      await answer(busy, { response: response({ score: 1 }), human: false })
      await answer(busy, { response: response({ score: 2 }), human: false })
      expect((await answer(busy, { response: response({ score: 9 }), human: true })).status).toBe(201)
      expect((await rows(linkResponseId(busy)))[0]).toMatchObject({ score: 9 })
    })

    it('keeps the comment when a later click on another score opens a fresh page', async () => {
      const { token } = link()
      const id = linkResponseId(token)
      await answer(token, { response: response({ score: 4, comment: 'Pakken kom for sent', contactConsent: true, complete: true }), human: true })
      await answer(token, { response: response({ score: 7, createdAt: '2026-11-21T10:00:00.000Z', updatedAt: '2026-11-21T10:00:00.000Z' }), human: false })
      await until(async () => (await rows(id))[0]?.score === 7)
      expect((await rows(id))[0]).toMatchObject({ comment: 'Pakken kom for sent', contact_consent: true, complete: true })
    })

    it('records answers held when the process stopped, when a collector starts on the same database', async () => {
      const { token } = link()
      const id = linkResponseId(token)
      const input = { ...response({ score: 9, id }), channel: 'email' as const }
      await createStore(db).holdLinkAnswer(input, 1000, Date.now() - 5000)
      expect(await rows(id)).toEqual([])
      const restarted = await startCollector({ db, links: { secret, windowMs } })
      await until(async () => (await rows(id)).length === 1)
      await restarted.close()
    })

    it('refuses another origin, an expired link and a body that is not a response, naming the field', async () => {
      const { token } = link()
      const sent = { response: response(), human: true }
      expect((await answer(token, sent, { origin: 'https://evil.example' })).status).toBe(403)
      const expired = link({ now: Date.now() - 40 * 86_400_000 }).token
      expect((await answer(expired, sent)).body).toEqual({ error: 'The survey link has expired', field: 'token' })
      const bad = await answer(token, { response: { ...response(), comment: 5 }, human: true })
      expect(bad.status).toBe(400)
      expect(bad.body.field).toBe('response.comment')
      expect((await answer(token, sent, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(415)
    })
  })

  describe('the form for readers without JavaScript', () => {
    const form = (token: string, fields: string, headers: Record<string, string> = {}) =>
      post(origin, fields, { origin, 'content-type': 'application/x-www-form-urlencoded', ...headers }, path(token))

    it('is on the page inside <noscript>: the question, eleven scores with the link’s chosen, a comment and consent, posted to the link', async () => {
      const { token } = link()
      const page = await get(origin, path(token, '?score=9'))
      const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(page.text)![1]!
      expect(noscript).toContain('<form method="post" class="nojs">')
      expect(noscript).toContain('<legend>Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?</legend>')
      expect(noscript.match(/type="radio" name="score"/g)).toHaveLength(11)
      expect(noscript).toContain('<input type="radio" name="score" value="9" required checked>')
      expect(noscript.match(/ checked/g)).toHaveLength(1)
      expect(noscript).toContain('<textarea name="comment" maxlength="10000"')
      expect(noscript).toContain('name="contactConsent"')
      expect(noscript).not.toMatch(/\sstyle=|\son\w+=/)
      // Forms post to the link itself, and nowhere else.
      expect(page.headers.get('content-security-policy')).toContain("form-action 'self'")
      expect((await get(origin, path(link({ now: Date.now() - 40 * 86_400_000 }).token))).headers.get('content-security-policy')).toContain("form-action 'none'")
    })

    it('records a sent form at once as the link’s one response, and thanks the reader in the link’s language', async () => {
      const { token } = link({ orderId: 'NH-2026-2042' })
      const id = linkResponseId(token)
      const sent = await form(token, 'score=3&comment=Pakken+kom+%C3%A9n+uke+for+sent%0D%0A++&contactConsent=yes&extra=ignored')
      expect(sent.status).toBe(200)
      expect(sent.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(sent.headers.get('content-security-policy')).toContain("script-src 'none'")
      expect(sent.text).toContain('<html lang="nb" dir="ltr">')
      expect(sent.text).toContain('Takk for ærlig tilbakemelding. Vi leser alle svar og bruker dem til å bli bedre.')
      const row = (await rows(id))[0]!
      expect(row).toMatchObject({
        score: 3,
        category: 'detractor',
        comment: 'Pakken kom én uke for sent',
        contact_consent: true,
        complete: true,
        channel: 'email',
        locale: 'nb',
        journey_point: 'order-delivered',
        user_info: { id: 'cust-7', email: 'kari@example.com' },
        metadata: { orderId: 'NH-2026-2042' },
      })
      expect(row.question).toBe('Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?')
      // Sent again with another score and no comment (the back button): the same response, updated,
      // and the comment kept, as when a later click on the email opens a fresh page.
      expect((await form(token, 'score=9')).text).toContain('Tusen takk')
      expect(await rows(id)).toHaveLength(1)
      expect((await rows(id))[0]).toMatchObject({ score: 9, category: 'promoter', comment: 'Pakken kom én uke for sent' })
    })

    it('refuses a form without a score 0–10, from another origin or for an expired link, naming the field', async () => {
      const { token } = link()
      for (const fields of ['', 'comment=hei', 'score=11', 'score=-1', 'score=9.5', 'score=%00']) {
        const refused = await form(token, fields)
        expect(refused.status, fields).toBe(400)
        expect(refused.body.field, fields).toBe('score')
      }
      expect((await form(token, `score=5&comment=${'x'.repeat(10_001)}`)).body.field).toBe('comment')
      // The longest comment the schema allows, percent-encoded as a browser sends it, fits.
      const longest = link().token
      expect((await form(longest, `score=5&comment=${encodeURIComponent('😀'.repeat(10_000))}`)).status).toBe(200)
      expect((await rows(linkResponseId(longest)))[0]!.comment).toBe('😀'.repeat(10_000))
      expect((await form(token, 'score=5&comment=%00')).body.field).toBe('comment')
      expect((await form(token, `score=5&comment=${'%F0%9F%98%80'.repeat(10_200)}`)).status).toBe(413)
      expect((await form(token, 'score=5', { origin: 'https://evil.example' })).status).toBe(403)
      expect((await form(link({ now: Date.now() - 40 * 86_400_000 }).token, 'score=5')).status).toBe(410)
      expect(await rows(linkResponseId(token))).toEqual([])
      expect(collector.logs.filter((l) => l.includes(' 500 '))).toEqual([])
    })
  })
})

describe('LINK_SECRET and LINK_BRAND (npskit-collector’s environment)', () => {
  it('turns the landing page on with a random secret of at least 32 bytes, and LINK_BRAND names the shop', () => {
    expect(collectorConfigFromEnv({}).collector.links).toBeUndefined()
    expect(collectorConfigFromEnv({ LINK_SECRET: secret, LINK_BRAND: 'Nordhandel' }).collector.links).toEqual({ secret, brand: 'Nordhandel' })
  })

  it('takes several secrets while rotating, the first one signing', () => {
    const old = 'b2xkLXNlY3JldC1vZi10aGUtbGFuZGluZy1wYWdlLTEyMw=='
    expect(collectorConfigFromEnv({ LINK_SECRET: `${secret}, ${old}` }).collector.links).toEqual({ secret: [secret, old] })
  })

  it('stops the start naming the variable, never echoing the secret', () => {
    const cases: [string, RegExp][] = [
      ['too-short-but-random-9f8e7d', /^LINK_SECRET must be at least 32 bytes .*not 27$/],
      ['x'.repeat(40), /^LINK_SECRET must be random/],
      ['0123456789'.repeat(4), /^LINK_SECRET must be random/],
      [`${secret},short`, /^LINK_SECRET \(secret 2 of 2\) must be at least 32 bytes/],
    ]
    for (const [value, message] of cases) {
      let error: Error | undefined
      try {
        collectorConfigFromEnv({ LINK_SECRET: value })
      } catch (e) {
        error = e as Error
      }
      expect(error).toBeInstanceOf(RangeError)
      expect(error!.message).toMatch(message)
      expect(error!.message).not.toContain(value.split(',').pop())
    }
    expect(() => collectorConfigFromEnv({ LINK_BRAND: 'Nordhandel' })).toThrow(/^LINK_BRAND is set but LINK_SECRET is not/)
  })

  it('accepts what openssl rand prints, in hex or base64', () => {
    for (const encoding of ['hex', 'base64'] as const) {
      for (let i = 0; i < 200; i++) expect(() => collectorConfigFromEnv({ LINK_SECRET: randomBytes(32).toString(encoding) })).not.toThrow()
    }
  })

  it('checks the links option of createCollector, naming it', () => {
    expect(() => resolveLinks({ secret: 'short' })).toThrow(/"links.secret" must be at least 32 bytes/)
    expect(() => resolveLinks({ secret: [] })).toThrow(TypeError)
    expect(() => resolveLinks({ secret, windowMs: 10 })).toThrow(RangeError)
    expect(() => resolveLinks({ secret, brand: '' })).toThrow(/links.brand/)
    expect(resolveLinks({ secret: new Uint8Array(32).map((_, i) => i * 7) })?.windowMs).toBe(30_000)
  })
})
