// createCollector as Express/Connect middleware: mounted under a path (Express strips it from req.url
// and keeps it in req.baseUrl), what it does not serve goes to next(), and a body a parser already read
// (req.body) is used as it is.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCollector } from '../../src/collector/createCollector'
import { createStore, type Database } from '../../src/collector/storage/index'
import { listen, type Listening } from '../support/server'
import { drivers } from './drivers'
import { post, response } from './http'

const token = 'middleware-admin-token-0123456789'

describe.each(drivers())('createCollector as middleware, on $name', (driver) => {
  let db: Database
  let app: Listening

  beforeAll(async () => {
    db = await driver.open()
    const collector = createCollector({ store: createStore(db), adminToken: token, log: () => {} })
    // What Express does for app.use('/nps', collector), and express.json() before it on /nps/parsed.
    const server = createServer(async (req: IncomingMessage & { baseUrl?: string; body?: unknown }, res: ServerResponse) => {
      const url = req.url ?? '/'
      if (!url.startsWith('/nps/')) return void res.writeHead(200, { 'content-type': 'text/plain' }).end('the app')
      req.baseUrl = '/nps'
      req.url = url.slice('/nps'.length)
      if (req.url.startsWith('/parsed/')) {
        req.url = req.url.slice('/parsed'.length)
        let text = ''
        for await (const chunk of req) text += chunk
        req.body = JSON.parse(text) as unknown
      }
      await collector(req, res, () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`next() for ${req.url}`))
    })
    app = await listen(server)
  })
  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  it('passes what it does not serve to next()', async () => {
    expect(await (await fetch(app.origin + '/nps/about')).text()).toBe('next() for /about')
    // Under /api/ everything is the collector's: an unknown route is its 404, not the app's.
    expect((await fetch(app.origin + '/nps/api/nothing')).status).toBe(404)
  })

  it('serves its routes under the mount path, with relative redirects and the cookie scoped to it', async () => {
    expect((await post(app.origin, response(), {}, '/nps/api/responses')).status).toBe(201)
    const dashboard = await fetch(app.origin + '/nps/dashboard', { redirect: 'manual' })
    expect(dashboard.status).toBe(303)
    expect(new URL(dashboard.headers.get('location')!, app.origin + '/nps/dashboard').pathname).toBe('/nps/login')
    const login = await fetch(app.origin + '/nps/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.origin },
      body: `token=${token}`,
      redirect: 'manual',
    })
    expect(login.status).toBe(303)
    expect(login.headers.get('set-cookie')).toContain('; Path=/nps;')
    const cookie = /npskit_session=[^;]*/.exec(login.headers.get('set-cookie')!)![0]
    const page = await fetch(app.origin + '/nps/dashboard', { headers: { cookie } })
    const html = await page.text()
    expect(html).toContain('href="dashboard/dashboard.css"')
    expect(html).toContain('src="dashboard/dashboard.js"')
    expect((await fetch(app.origin + '/nps/dashboard/dashboard.css')).status).toBe(200)
  })

  it('uses a body a parser already read', async () => {
    const r = response()
    const answer = await post(app.origin, r, {}, '/nps/parsed/api/responses')
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({ id: r.id, result: 'created' })
    expect((await post(app.origin, { ...r, score: 11 }, {}, '/nps/parsed/api/responses')).body.field).toBe('score')
  })
})
