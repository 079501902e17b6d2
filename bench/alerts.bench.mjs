// Time to alert: from storing a finished answer (or from the end of the window, for a bare score)
// to its webhook arriving at a local receiver, while answers come in at RATE per second for
// SECONDS. Prints the median and p99 against the 5 s target, and as a ratio to a baseline measured
// in the same run: a plain POST of the same body to the same receiver.
// Run: node bench/alerts.bench.mjs   (PostgreSQL: DATABASE_URL=postgres://… node bench/alerts.bench.mjs)
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const rate = Number(process.env.RATE ?? 100)
const seconds = Number(process.env.SECONDS ?? 10)
const windowMs = Number(process.env.WINDOW_MS ?? 2000)
const url = process.env.DATABASE_URL
const out = root + 'node_modules/.cache/npskit-bench/alerts.js'
mkdirSync(root + 'node_modules/.cache/npskit-bench', { recursive: true })
await build({
  entryPoints: [root + 'src/collector/alerts/index.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  outfile: out, logLevel: 'error', external: ['nodemailer'],
})
const { createAlerts, migrateAlerts } = await import(out)

// The database: PGlite in memory, or a fresh schema on DATABASE_URL.
let db
let cleanup = async () => {}
if (url) {
  const { default: pg } = await import('pg')
  const schema = 'bench_' + randomUUID().replaceAll('-', '').slice(0, 12)
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` })
  db = {
    driver: 'postgres',
    query: (sql, params) => pool.query(sql, params),
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({ query: (sql, params) => client.query(sql, params) })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
  }
  cleanup = async () => {
    await pool.end()
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
} else {
  const { PGlite } = await import('@electric-sql/pglite')
  const pglite = await PGlite.create()
  db = {
    driver: 'pglite',
    query: (sql, params) => pglite.query(sql, params),
    transaction: (fn) => pglite.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params) })),
  }
  cleanup = () => pglite.close()
}
await migrateAlerts(db)
await db.query('CREATE TABLE responses (id text PRIMARY KEY, updated_at timestamptz NOT NULL, complete boolean NOT NULL)')

// The receiver: when each delivery arrived.
const arrived = new Map()
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    arrived.set(req.headers['x-npskit-delivery'], performance.now())
    res.writeHead(200).end()
  })
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const hook = `http://127.0.0.1:${server.address().port}/hook`

// Baseline: the same JSON POSTed straight to the receiver, one at a time.
const sample = JSON.stringify({ version: 1, type: 'alert', text: 'Detractor: 3 out of 10', response: { comment: 'x'.repeat(200) } })
const direct = []
for (let i = 0; i < 200; i++) {
  const t = performance.now()
  await fetch(hook, { method: 'POST', body: sample, headers: { 'x-npskit-delivery': 'baseline' } })
  direct.push(performance.now() - t)
}

const alerts = createAlerts(db, { webhooks: hook, windowMs, log: () => {} })
await alerts.start()

async function store(response) {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `INSERT INTO responses (id, updated_at, complete) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, complete = excluded.complete
       WHERE (responses.updated_at, responses.complete) <= (excluded.updated_at, excluded.complete) RETURNING (xmax = 0) AS inserted`,
      [response.id, response.updatedAt, response.complete],
    )
    await alerts.enqueue(tx, response, rows.length === 0 ? 'stale' : rows[0].inserted ? 'created' : 'updated')
  })
  alerts.wake()
}

function answer(score) {
  const at = new Date().toISOString()
  const category = score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter'
  return { id: randomUUID(), surveyId: 'bench', score, category, comment: null, contactConsent: false, journeyPoint: 'checkout',
    locale: 'en', page: 'https://shop.example/', user: null, metadata: { order: 'A-1' }, createdAt: at, updatedAt: at, complete: false }
}

// Answers at `rate` per second: each score, then 80 % finished with a comment 0.2 to 1.5 s later.
const expected = new Map() // delivery id → the moment it should have gone out
const pending = []
const started = performance.now()
let lagging = 0
for (let n = 0; n < rate * seconds; n++) {
  const due = started + (n * 1000) / rate
  const wait = due - performance.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  else lagging++
  const a = answer(n % 11)
  pending.push((async () => {
    await store(a)
    const storedAt = performance.now()
    if (n % 5 === 0) {
      if (a.score <= 6) expected.set(`${a.id}.alert`, storedAt + windowMs)
      return
    }
    await new Promise((r) => setTimeout(r, 200 + (n * 37) % 1300))
    const done = { ...a, comment: 'It took too long', complete: true, updatedAt: new Date().toISOString() }
    await store(done)
    if (a.score <= 6) expected.set(`${a.id}.alert`, performance.now())
  })())
}
await Promise.all(pending)
const deadline = performance.now() + 60_000
while ([...expected.keys()].some((k) => !arrived.has(k)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50))
await alerts.stop()

const times = [...expected].filter(([k]) => arrived.has(k)).map(([k, t]) => Math.max(0, arrived.get(k) - t)).sort((a, b) => a - b)
const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]
direct.sort((a, b) => a - b)
const missing = expected.size - times.length
const fmt = (ms) => (ms / 1000).toFixed(3) + ' s'
console.log(`alerts on ${db.driver}: ${rate * seconds} answers at ${rate}/s (${lagging} sent late by this script), ${expected.size} alerts, window ${windowMs} ms`)
console.log(`  time to alert  median ${fmt(q(times, 0.5))}  p99 ${fmt(q(times, 0.99))}  max ${fmt(times.at(-1))}   target ≤ 5 s: ${q(times, 0.99) <= 5000 ? 'met' : 'MISSED'}`)
console.log(`  baseline POST  median ${fmt(q(direct, 0.5))}  p99 ${fmt(q(direct, 0.99))}`)
console.log(`  ratio to the baseline: median ${(q(times, 0.5) / q(direct, 0.5)).toFixed(1)}×, p99 ${(q(times, 0.99) / q(direct, 0.99)).toFixed(1)}×`)
if (missing > 0) console.log(`  ${missing} alerts did not arrive within 60 s`)
server.close()
await cleanup()
if (missing > 0) process.exitCode = 1
