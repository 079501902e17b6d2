// `npx npskit-collector` as a shop runs it: the command from package.json's "bin", configured by
// environment variables, stopped with SIGTERM. Runs the built package (dist/).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/collector/storage/index'
import { root } from '../support/server'
import { verifySignature } from '../../src/collector/alerts/index'
import { startReceiver } from './alerts/support/receiver'
import { freshSchema, pgUrl } from './drivers'
import { post, response } from './http'

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }
const command = join(root, pkg.bin['npskit-collector']!)

interface Running {
  child: ChildProcess
  base: string
  output: () => string
  exited: Promise<number | null>
}

/** Starts the command and resolves once it listens; rejects with its output if it exits first. */
function start(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [command], { cwd: root, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env } })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /npskit collector on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve({ child, base: match[1]!, output: () => output, exited })
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    void exited.then((code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

/** Runs the command to its end (a configuration error) and gives its exit code and output. */
async function fail(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [command], { cwd: root, env: { PATH: process.env.PATH ?? '', PORT: '0', ...env } })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, output }
}

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'npskit-bin-'))
  dirs.push(dir)
  return join(dir, 'data')
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('npskit-collector', () => {
  it('serves on PORT with PGlite in DATA_DIR, says the admin routes are loopback-only, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const dataDir = tempDir()
    const first = await start({ DATA_DIR: dataDir, ALLOWED_ORIGINS: 'https://shop.example' })
    expect(first.output()).toContain(`PGlite in ${dataDir}`)
    expect(first.output()).toContain('No ADMIN_TOKEN is set: the dashboard and the admin routes answer only requests from this machine (loopback)')
    expect(first.output()).toContain('allowed origins: https://shop.example')
    const secret = { comment: 'Ring meg på 99 88 77 66', email: 'kari.nordmann@example.com' }
    const r = response({ score: 1, comment: secret.comment, user: { id: 'cust-1', email: secret.email }, complete: true })
    expect((await post(first.base, r, { origin: 'https://shop.example' })).status).toBe(201)
    expect((await post(first.base, 'null')).status).toBe(400)
    expect((await fetch(first.base + '/api/summary')).status).toBe(200)
    expect((await fetch(first.base + '/dashboard')).status).toBe(200)
    expect((await fetch(first.base + '/dashboard/dashboard.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    for (const value of Object.values(secret)) expect(first.output()).not.toContain(value)

    // The next start finds the response: the folder was closed whole and its lock released.
    const second = await start({ DATA_DIR: dataDir })
    const list = await (await fetch(second.base + '/api/responses')).json()
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([r.id])
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  })

  it('closes the admin routes with ADMIN_TOKEN, and deletes old responses with RETENTION_DAYS', { timeout: 120_000 }, async () => {
    const dataDir = tempDir()
    const db = await openDatabase({ dataDir })
    const { createStore } = await import('../../src/collector/storage/index')
    const old = response({ createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z' })
    await createStore(db).upsertResponse(old)
    await db.close()
    const token = 'bin-test-admin-token-0123456789'
    const linkSecret = 'bGluay1zZWNyZXQtb2YtdGhlLWJpbi10ZXN0LTAxMjM0NTY3'
    const running = await start({ DATA_DIR: dataDir, ADMIN_TOKEN: token, PUBLIC_URL: 'https://nps.shop.example', RETENTION_DAYS: '365', LINK_SECRET: linkSecret })
    expect(running.output()).toContain('Admin routes and the dashboard need ADMIN_TOKEN (sign in at /login); reached at https://nps.shop.example')
    expect(running.output()).toContain('/r/<token>             the landing page of email survey links (LINK_SECRET)')
    expect(running.output()).not.toContain(linkSecret)
    const { signSurveyLink } = await import('../../src/collector/links/index')
    const link = signSurveyLink({ secret: linkSecret, baseUrl: running.base, locale: 'da', journeyPoint: 'order-delivered', expiresInDays: 1 })
    expect((await fetch(link.url(8))).status).toBe(200)
    expect(running.output()).toContain('older than 365 days are deleted daily')
    expect(running.output()).not.toContain(token)
    expect((await fetch(running.base + '/api/summary')).status).toBe(401)
    await expect.poll(() => running.output()).toContain('retention: deleted 1 responses older than 365 days')
    const list = await (await fetch(running.base + '/api/responses', { headers: { authorization: `Bearer ${token}` } })).json()
    expect(list.total).toBe(0)
    running.child.kill('SIGTERM')
    expect(await running.exited).toBe(0)
  })

  it('sends signed alerts to ALERT_WEBHOOK_URL, and sends one stored while the receiver was down after a restart', { timeout: 120_000 }, async () => {
    const dataDir = tempDir()
    const receiver = await startReceiver()
    try {
      const env = { DATA_DIR: dataDir, ALERT_WEBHOOK_URL: receiver.url, ALERT_SECRET: 'bin-secret', ALERT_WINDOW_MS: '60000' }
      const first = await start(env)
      expect(first.output()).toContain(`Alerts for detractor answers to webhook ${new URL(receiver.url).origin} (json)`)
      const r = response({ score: 2, comment: 'Feil størrelse', complete: true })
      expect((await post(first.base, r)).status).toBe(201)
      await receiver.until(() => receiver.acked().size === 1)
      expect(verifySignature(receiver.received[0]!.raw, receiver.received[0]!.headers, 'bin-secret')).toBe(true)

      await receiver.down()
      const later = response({ score: 0, comment: 'Aldri igjen', complete: true })
      expect((await post(first.base, later)).status).toBe(201)
      first.child.kill('SIGTERM')
      expect(await first.exited).toBe(0)
      await receiver.up()
      const second = await start(env)
      await receiver.until(() => receiver.acked().size === 2)
      expect(receiver.received.map((x) => x.delivery)).toEqual([`${r.id}.alert`, `${later.id}.alert`])
      second.child.kill('SIGTERM')
      expect(await second.exited).toBe(0)
    } finally {
      await receiver.close()
    }
  })

  it.each([
    [{ RATE_LIMIT: 'fast' }, 'RATE_LIMIT must be burst/perMinute'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN: adminToken must be at least 16 characters'],
    [{ PUBLIC_URL: 'nps.shop.example' }, 'PUBLIC_URL: publicUrl must be a URL'],
    [{ ALLOWED_ORIGINS: 'https://shop.example/' }, 'ALLOWED_ORIGINS: allowedOrigins: "https://shop.example/" is not an origin'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be a whole number'],
    [{ PORT: '99999' }, 'PORT must be a whole number from 0 to 65535'],
    [{ ALERT_WEBHOOK_URL: 'https://hooks.example/x', ALERT_FORMAT: 'xml' }, 'ALERT_FORMAT: expected one of json, slack, teams'],
    [{ ALERT_EMAIL_TO: 'service@shop.example' }, 'SMTP_URL: needed to send the alerts of ALERT_EMAIL_TO'],
    [{ LINK_SECRET: 'a-short-link-secret' }, 'LINK_SECRET must be at least 32 bytes'],
    [{ LINK_SECRET: 'y'.repeat(48) }, 'LINK_SECRET must be random'],
  ])('exits 1 naming what is wrong for %j', { timeout: 60_000 }, async (env, message) => {
    const { code, output } = await fail({ DATA_DIR: tempDir(), ...env })
    expect(code).toBe(1)
    expect(output).toContain(message)
  })

  it.runIf(pgUrl)('uses PostgreSQL at DATABASE_URL and never prints its password', { timeout: 120_000 }, async () => {
    const schema = freshSchema()
    const admin = await openDatabase({ url: pgUrl! })
    await admin.query(`CREATE SCHEMA "${schema}"`)
    try {
      const url = new URL(pgUrl!)
      url.password = 'secret-password'
      url.searchParams.set('options', `-c search_path=${schema}`)
      // postgres trusts local connections here, so the password is not checked, only hidden.
      const running = await start({ DATABASE_URL: url.href })
      expect(running.output()).toContain('PostgreSQL at postgres://…@')
      expect(running.output()).not.toContain('secret-password')
      expect((await post(running.base, response())).status).toBe(201)
      running.child.kill('SIGTERM')
      expect(await running.exited).toBe(0)
    } finally {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`)
      await admin.close()
    }
  })
})
