// Time to alert: from the collector acknowledging a finished answer (or from the end of the
// window, for a bare score) to its webhook arriving at a local receiver, while answers come in
// at RATE per second for SECONDS, POSTed to /api/responses as the widget posts them: the score,
// then for 80 % the same id finished with a comment 0.2 to 1.5 s later.
//
// The collector runs in a process of its own (bench/alerts.collector.mjs), as it does in
// production: the load and the receiver stay out of its event loop, which PGlite, running in
// that loop, keeps busy. Prints, per database, the median and p99 against the 5 s target, the
// POST latency meanwhile, and the ratio to a baseline measured in the same run: a plain POST of
// an alert-sized body to the same receiver.
//
// Run: node bench/alerts.bench.mjs   (PGlite; with DATABASE_URL or NPSKIT_TEST_DATABASE_URL set to
// postgres://…, PostgreSQL too; ONLY=pglite or ONLY=postgres for one; RATE, SECONDS, WINDOW_MS)
import { fork } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { Agent, createServer, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const rate = Number(process.env.RATE ?? 100)
const seconds = Number(process.env.SECONDS ?? 10)
const windowMs = Number(process.env.WINDOW_MS ?? 2000)
const url = process.env.DATABASE_URL ?? process.env.NPSKIT_TEST_DATABASE_URL
const target = 5000

const cache = root + 'node_modules/.cache/npskit-bench/'
mkdirSync(cache, { recursive: true })
await build({
  entryPoints: [root + 'src/collector.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  outfile: cache + 'collector.js', logLevel: 'error', packages: 'external',
  // As the build defines it (rollup.config.mjs): the collector stamps its own events with the version.
  define: { __NPSKIT_VERSION__: JSON.stringify(JSON.parse(readFileSync(root + 'package.json', 'utf8')).version) },
})

// The receiver: when each delivery first arrived, and how many arrived in all.
const arrived = new Map()
let deliveries = 0
const receiver = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    const id = req.headers['x-npskit-delivery']
    deliveries++
    if (!arrived.has(id)) arrived.set(id, performance.now())
    res.writeHead(200).end()
  })
})
await new Promise((r) => receiver.listen(0, '127.0.0.1', r))
const hook = `http://127.0.0.1:${receiver.address().port}/hook`

const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]
const sorted = (xs) => [...xs].sort((a, b) => a - b)
const fmt = (ms) => (ms / 1000).toFixed(3) + ' s'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// Baseline: an alert-sized JSON POSTed straight to the receiver, one at a time.
const sample = JSON.stringify({ version: 1, type: 'alert', text: 'Detractor: 3 out of 10', response: { comment: 'x'.repeat(200) } })
const direct = []
for (let i = 0; i < 200; i++) {
  const t = performance.now()
  await (await fetch(hook, { method: 'POST', body: sample, headers: { 'x-npskit-delivery': 'baseline' } })).arrayBuffer()
  direct.push(performance.now() - t)
}
const baseline = sorted(direct)

/** The collector in its own process, with alerts to the receiver. */
async function startCollector(driver) {
  const child = fork(root + 'bench/alerts.collector.mjs', [], {
    env: { ...process.env, BENCH_COLLECTOR: cache + 'collector.js', BENCH_DATABASE_URL: driver === 'postgres' ? url : '', BENCH_WEBHOOK: hook, BENCH_WINDOW_MS: String(windowMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const origin = await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('exit', (code) => reject(new Error(`the collector process exited (${code})`)))
  })
  return {
    origin,
    stop: () => new Promise((resolve) => {
      child.once('exit', resolve)
      child.send('stop')
    }),
  }
}

function answer(score) {
  const at = new Date().toISOString()
  return {
    id: randomUUID(), surveyId: 'bench', score, category: score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter', comment: null, contactConsent: false, journeyPoint: 'checkout-complete', locale: 'en',
    question: 'How likely are you to recommend Nordhandel to a friend or colleague?', page: 'https://shop.example/thanks',
    user: null, metadata: { order: 'A-1001' }, createdAt: at, updatedAt: at, complete: false, sdk: { name: 'npskit', version: '0.1.0' },
  }
}

async function run(driver) {
  arrived.clear()
  deliveries = 0
  const collector = await startCollector(driver)
  const posts = []
  // At most 64 connections, as a proxy in front of a collector would hold: more requests wait for
  // one (and the wait counts in their latency) instead of opening hundreds of sockets.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const endpoint = new URL(collector.origin + '/api/responses')
  function post(body) {
    const t = performance.now()
    const data = JSON.stringify(body)
    return new Promise((resolve, reject) => {
      const req = request(endpoint, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
        res.resume()
        res.on('end', () => {
          const now = performance.now()
          posts.push(now - t)
          if (res.statusCode !== 200 && res.statusCode !== 201) reject(new Error(`POST /api/responses answered ${res.statusCode}`))
          else resolve(now)
        })
      })
      req.on('error', reject)
      req.end(data)
    })
  }

  const expected = new Map() // delivery id → when it should have gone out
  const pending = []
  const started = performance.now()
  let lagging = 0
  for (let n = 0; n < rate * seconds; n++) {
    const due = started + (n * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    else if (wait < -10) lagging++
    const a = answer(n % 11)
    pending.push((async () => {
      const storedAt = await post(a)
      if (n % 5 === 0) {
        if (a.score <= 6) expected.set(`${a.id}.alert`, storedAt + windowMs)
        return
      }
      await sleep(200 + ((n * 37) % 1300))
      const doneAt = await post({ ...a, comment: 'It took too long', complete: true, updatedAt: new Date().toISOString() })
      if (a.score <= 6) expected.set(`${a.id}.alert`, doneAt)
    })())
  }
  await Promise.all(pending)
  const deadline = performance.now() + 60_000
  while ([...expected.keys()].some((k) => !arrived.has(k)) && performance.now() < deadline) await sleep(50)
  await sleep(500) // a second delivery of the same alert would arrive now
  await collector.stop()
  agent.destroy()

  const times = sorted([...expected].filter(([k]) => arrived.has(k)).map(([k, t]) => Math.max(0, arrived.get(k) - t)))
  const latency = sorted(posts)
  const missing = expected.size - times.length
  console.log(`alerts on ${driver}: ${rate * seconds} answers at ${rate}/s (${lagging} sent late by this script), ${expected.size} alerts, window ${windowMs} ms`)
  console.log(`  time to alert  median ${fmt(q(times, 0.5))}  p99 ${fmt(q(times, 0.99))}  max ${fmt(times.at(-1))}   target ≤ ${target / 1000} s (p99): ${q(times, 0.99) <= target ? 'met' : 'MISSED'}`)
  console.log(`  POST /api/responses meanwhile  median ${fmt(q(latency, 0.5))}  p99 ${fmt(q(latency, 0.99))}`)
  console.log(`  ratio to the baseline POST (median ${fmt(q(baseline, 0.5))}, p99 ${fmt(q(baseline, 0.99))}): median ${(q(times, 0.5) / q(baseline, 0.5)).toFixed(1)}×, p99 ${(q(times, 0.99) / q(baseline, 0.99)).toFixed(1)}×`)
  if (missing > 0) console.log(`  ${missing} alerts did not arrive within 60 s`)
  if (deliveries > arrived.size) console.log(`  ${deliveries - arrived.size} deliveries were repeats`)
  return missing === 0 && q(times, 0.99) <= target
}

const only = process.env.ONLY
let ok = only === 'postgres' ? true : await run('pglite')
if (url && only !== 'pglite') ok = (await run('postgres')) && ok
else console.log('(set DATABASE_URL=postgres://… to measure PostgreSQL too)')
receiver.close()
if (!ok) process.exitCode = 1
