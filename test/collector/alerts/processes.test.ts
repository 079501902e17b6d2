import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAlerts, type AlertResponse, type AlertStatus } from '../../../src/collector/alerts/index'
import { root } from '../../support/server'
import { bare, finish, store } from './support/answers'
import { createSchema, pgUrl, prepare, tempDir, wrapPool } from './support/db'
import { startReceiver } from './support/receiver'

const child = root + 'test-results/alerts/worker-process.mjs'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeAll(async () => {
  await build({
    entryPoints: [root + 'test/collector/alerts/fixtures/worker-process.ts'],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: child, logLevel: 'error',
    external: ['@electric-sql/pglite', 'pg', 'nodemailer'],
  })
})

interface Process { readonly proc: ChildProcess; readonly url: string }

async function spawnWorker(env: Record<string, string>): Promise<Process> {
  const proc = spawn(process.execPath, [child], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  const deadline = Date.now() + 120_000
  while (!/port (\d+)/.test(out)) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error('the worker process did not start')
    await sleep(20)
  }
  return { proc, url: `http://127.0.0.1:${/port (\d+)/.exec(out)![1]}` }
}

async function post(p: Process, answers: AlertResponse[]): Promise<void> {
  const res = await fetch(p.url, { method: 'POST', body: JSON.stringify(answers) })
  expect(res.status).toBe(204)
}

async function status(p: Process): Promise<AlertStatus> {
  return (await (await fetch(p.url)).json()) as AlertStatus
}

/** 60 answers, each as the widget posts it: the score, then the finished answer. */
function burst(): { versions: AlertResponse[][]; detractors: string[] } {
  const answers = Array.from({ length: 60 }, (_, i) => bare(i % 11))
  return {
    versions: answers.map((a, i) => [a, finish(a, `comment ${i}`)]),
    detractors: answers.filter((a) => a.score <= 6).map((a) => a.id),
  }
}

const places: { name: string; setup(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> }[] = [
  { name: 'pglite', async setup() { const t = await tempDir(); return { env: { DATA_DIR: t.dir }, cleanup: t.remove } } },
]
if (pgUrl) {
  const url = pgUrl
  places.push({ name: 'pg', async setup() { const s = await createSchema(url); return { env: { PG_URL: url, PG_SCHEMA: s.schema }, cleanup: s.drop } } })
}

describe.each(places)('a worker process killed with kill -9 on $name', (place) => {
  it('loses nothing and sends nothing twice that it had recorded: what was in flight is sent again after its lease', { timeout: 300_000 }, async () => {
    const receiver = await startReceiver()
    const { env, cleanup } = await place.setup()
    // A generous timeout: a process starved of CPU for longer than it (PGlite runs in the event
    // loop) takes a late answer for none and sends again, which is not what this test is about.
    const settings = { ...env, HOOK_URL: receiver.url, LEASE_MS: '16000', TIMEOUT_MS: '15000' }
    let worker: Process | undefined
    try {
      const { versions, detractors } = burst()
      // The receiver answers ten alerts, then leaves every further request hanging.
      receiver.behave = () => (receiver.acked().size < 10 ? 'ok' : 'hold')
      worker = await spawnWorker(settings)
      for (const pair of versions.slice(0, 30)) await post(worker, pair)
      await receiver.until(() => receiver.acked().size === 10 && receiver.held() > 0)
      // Kill it once it has recorded every alert it saw acknowledged, with some still in flight.
      const w = worker
      // (Requests that came together may all have been answered: more than ten can be acknowledged.)
      const deadline = Date.now() + 60_000
      while ((await status(w)).sent < receiver.acked().size) {
        if (Date.now() > deadline) throw new Error(`the worker did not record ${receiver.acked().size} acknowledged alerts: ${JSON.stringify(await status(w))}`)
        await sleep(50)
      }
      expect(receiver.held()).toBeGreaterThan(0)
      const killedAt = Math.round(performance.now())
      worker.proc.kill('SIGKILL')
      await once(worker.proc, 'exit')

      receiver.behave = () => 'ok'
      worker = await spawnWorker(settings)
      for (const pair of versions.slice(30)) await post(worker, pair)
      await receiver.until(() => receiver.acked().size === detractors.length, 60_000)
      await sleep(500)

      expect([...receiver.acked().keys()].sort()).toEqual(detractors.map((id) => `${id}.alert`).sort())
      const twice = [...receiver.acked()].filter(([, n]) => n > 1)
        .map(([d]) => ({ d, killedAt, receipts: receiver.received.filter((r) => r.delivery === d).map((r) => [Math.round(r.at), r.acked]) }))
      expect(twice).toEqual([])
      expect(receiver.duplicates()).toEqual([])
      // The alerts that were in flight at the kill were sent again: the lease ran out.
      expect(receiver.received.length).toBeGreaterThan(detractors.length)
      expect(await status(worker)).toMatchObject({ pending: 0, failed: 0, sent: detractors.length })
    } finally {
      worker?.proc.kill('SIGKILL')
      await receiver.close()
      await cleanup()
    }
  })
})

describe.runIf(pgUrl)('two collector processes on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof createSchema>>
  beforeAll(async () => {
    schema = await createSchema(pgUrl!)
  })
  afterAll(async () => {
    await schema.drop()
  })

  it('send each alert once between them', { timeout: 120_000 }, async () => {
    const receiver = await startReceiver()
    const dbs = [wrapPool(pgUrl!, schema.schema), wrapPool(pgUrl!, schema.schema)]
    await prepare(dbs[0]!)
    const options = { webhooks: receiver.url, windowMs: 3000, pollMs: 20, concurrency: 4, log: () => {} }
    const workers = dbs.map((db) => createAlerts(db, options))
    try {
      await Promise.all(workers.map((w) => w.start()))
      const answers = Array.from({ length: 120 }, (_, i) => bare(i % 7))
      // Half the answers reach one process, half the other; some only as a bare score.
      await Promise.all([0, 1].map(async (n) => {
        for (const [i, a] of answers.entries()) {
          if (i % 2 !== n) continue
          await store(dbs[n]!, workers[n]!, a)
          if (i % 3 !== 0) await store(dbs[n]!, workers[n]!, finish(a, `c${i}`))
        }
      }))
      await receiver.until(() => receiver.acked().size === answers.length, 60_000)
      await sleep(500)
      expect(receiver.received).toHaveLength(answers.length)
      expect(receiver.duplicates()).toEqual([])
    } finally {
      await Promise.all(workers.map((w) => w.stop()))
      await Promise.all(dbs.map((db) => db.close()))
      await receiver.close()
    }
  })
})
