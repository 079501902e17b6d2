import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/collector/storage/index'
import { root } from '../support/server'

const pgUrl = process.env.NPSKIT_TEST_DATABASE_URL

interface Mode {
  name: string
  /** The database environment of the server, and how to clean up after it. */
  prepare(): Promise<{ env: Record<string, string>; cleanUp(): Promise<void> }>
}

const modes: Mode[] = [{ name: 'PGlite', prepare: async () => ({ env: { DEMO_DATA_DIR: 'memory://', DATABASE_URL: '' }, cleanUp: async () => {} }) }]
// On a PostgreSQL server (test/collector/ already fails CI without one): a schema of its own,
// empty, so the server runs the migrations itself, reached through the URL's search_path.
if (pgUrl) {
  modes.push({
    name: 'PostgreSQL (DATABASE_URL)',
    async prepare() {
      const schema = 't_' + randomUUID().replaceAll('-', '').slice(0, 16)
      const admin = async (sql: string) => {
        const db = await openDatabase({ url: pgUrl })
        await db.query(sql)
        await db.close()
      }
      // Empty: the demo's collector creates its tables itself.
      await admin(`CREATE SCHEMA "${schema}"`)
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${schema}`)
      return {
        env: { DATABASE_URL: url.href },
        cleanUp: () => admin(`DROP SCHEMA "${schema}" CASCADE`),
      }
    },
  })
}

// demo/server.mjs as `npm start` runs it, with a throwaway database; it exits by itself.
describe.each(modes)('the demo server on $name', (mode) => {
  let child: ChildProcess
  let base: string
  let output = ''
  // What it had printed when it printed its address.
  let beforeDatabase = ''
  let cleanUp = async () => {}

  beforeAll(async () => {
    const prepared = await mode.prepare()
    cleanUp = prepared.cleanUp
    child = spawn(process.execPath, ['demo/server.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: '0', DEMO_SEED: '200', DEMO_LIFETIME_MS: '120000', RATE_LIMIT: '2/60', ...prepared.env },
    })
    let listening = ''
    base = await new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
        if (match && !listening) listening = output
        // The server listens first; the tests below start once the database is open and seeded.
        if (match && output.includes('Database ready')) resolve(match[0])
      })
      child.on('exit', (code) => reject(new Error(`demo exited with ${code}: ${output}`)))
    })
    beforeDatabase = listening
  }, 120_000)
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill()
      await exited
    }
    await cleanUp()
  })

  it('listens before it opens the database, which it opens and seeds meanwhile', () => {
    expect(beforeDatabase).toContain('npskit demo running')
    expect(beforeDatabase).not.toContain('Database ready')
    expect(output.indexOf('Database ready')).toBeGreaterThan(output.indexOf('adding 200 generated responses'))
  })

  it('says so when its port is taken (a second npm start), instead of crashing with a stack', async () => {
    const second = spawn(process.execPath, ['demo/server.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: new URL(base).port, DEMO_SEED: '0', DEMO_DATA_DIR: 'memory://', DATABASE_URL: '', DEMO_LIFETIME_MS: '60000' },
    })
    let err = ''
    second.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const code = await new Promise((resolve) => second.on('exit', resolve))
    expect(code).toBe(1)
    expect(err).toContain(`Port ${new URL(base).port} is in use`)
    expect(err).not.toContain('    at ')
  }, 60_000)

  it('prints every page and seeds an empty database', () => {
    for (const page of ['/ ', '/playground', '/dashboard', '/calculator']) expect(output).toContain(base + page)
    expect(output).toContain('No ADMIN_TOKEN: the dashboard and the admin routes answer only requests from this machine')
    expect(output).toContain('adding 200 generated responses')
    expect(output).toContain(mode.name === 'PGlite' ? 'stored in PGlite in memory' : 'stored in PostgreSQL at postgres://…@')
  })

  it('serves the pages under a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/playground', '/dashboard', '/calculator']) {
      const res = await fetch(base + path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-security-policy'), path).toMatch(/script-src 'self';.*style-src 'self'/)
      const html = await res.text()
      // No inline script or style anywhere: the policy would block it.
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/)
      expect(html, path).not.toMatch(/<style|style="/)
    }
  })

  it('checks out to an order page whose script tag carries the order number', async () => {
    const res = await fetch(base + '/checkout', { method: 'POST', body: new URLSearchParams({ lang: 'fi', name: 'Matti' }), redirect: 'manual' })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(/^\/order\/NH-\d{4}-\d{6}\?lang=fi$/)
    const order = /NH-\d{4}-\d{6}/.exec(location)![0]
    const html = await (await fetch(base + location)).text()
    expect(html).toContain(`data-dedupe-key="${order}"`)
    expect(html).toContain('data-locale="fi"')
    expect(html).toContain(`{"metadata": {"order": "${order}"}`)
  })

  it('falls back to English for an unknown language and refuses what is no order number', async () => {
    const res = await fetch(base + '/checkout', { method: 'POST', body: new URLSearchParams({ lang: '"><script>' }), redirect: 'manual' })
    expect(res.headers.get('location')).toMatch(/\?lang=en$/)
    expect((await fetch(base + '/order/NH-2026-123456?lang=%22%3E%3Cx')).status).toBe(200)
    expect(await (await fetch(base + '/order/NH-2026-123456?lang=%22%3E%3Cx')).text()).not.toContain('<x')
    for (const path of ['/order/%3Cscript%3E', '/order/NH-2026-1234567', '/order/NH-2026-123456/x']) {
      expect((await fetch(base + path)).status, path).toBe(404)
    }
    expect((await fetch(base + '/%')).status).toBe(400)
  })

  it("serves the collector's dashboard script and dist/, and nothing else of the repository", async () => {
    const chart = await fetch(base + '/dashboard/dashboard.js')
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await fetch(base + '/dist/score.js')).status).toBe(200)
    for (const path of ['/package.json', '/demo/server.mjs', '/src/collector.ts', '/dist/../package.json', '//', '/.data/pglite', '/demo/public/../../package.json', '/%2e%2e/package.json']) {
      expect((await fetch(base + path)).status, path).toBe(404)
    }
  })

  it('has the collector on /api, with the rate limit from RATE_LIMIT', async () => {
    const summary = await (await fetch(base + '/api/summary')).json()
    expect(summary.tally.total).toBeGreaterThan(0)
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await fetch(base + '/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status)
    expect(statuses).toEqual([400, 400, 429])
  })
})
