// `npm start`: builds dist/ when it is missing or older than src/, then serves on 127.0.0.1 (PORT,
// default 4321) at once while it opens the database (PGlite in .data/ or PostgreSQL at
// DATABASE_URL) and seeds an empty one:
//   /            Nordhandel, a demo shop whose order confirmation asks the NPS question
//   /playground  every widget option, live, with the script tag to copy
//   /calculator  NPS of pasted scores
//   /dashboard   NPS, trends, breakdowns and the close-the-loop inbox   } npskit/collector's
//   /api/*       the collector                                           } createCollector
// The collector is exactly what a shop deploys (createCollector from npskit/collector); the demo
// only adds its own pages, through the collector's `next`.
//
// Environment: PORT, DATABASE_URL, DEMO_DATA_DIR ('memory://' for a throwaway database),
// ALLOWED_ORIGINS (comma-separated origins that may post responses), RATE_LIMIT
// ('burst/perMinute', 'off'), ADMIN_TOKEN (without it the dashboard opens only on this machine),
// DEMO_SEED (how many responses to generate when the database is empty, so a first start has a
// dashboard worth seeing [3000]; 0 starts empty), DEMO_LIFETIME_MS (exit after this long: tests
// use it so no server outlives them).
import { randomInt } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from './build.mjs'

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/[\/]$/, '')
const port = Number(process.env.PORT ?? 4321)

// The collector and the database it opens come from dist/ (npskit/collector as a shop installs it),
// so the build (when dist/ is stale; several rollup processes at once) comes first.
await ensureBuilt(root).catch((error) => {
  console.error(error.message + '\nBuild failed; run `npm install` first, then `npm start` again.')
  process.exit(1)
})
const { collectorConfigFromEnv, createCollector, createCollectorServer, createStore, describeError, openDatabase } = await import('../dist/collector.js')
const { demoDatabase } = await import('./database.mjs')
// As npskit-collector does: a stray rejection is logged (without personal data), never fatal.
process.on('unhandledRejection', (error) => console.error(`[demo] unhandled rejection: ${describeError(error)}`))

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}
const pages = {
  '/': 'demo/public/index.html',
  '/playground': 'demo/public/playground.html',
  '/calculator': 'demo/public/calculator.html',
}
// The demo pages follow the same strict policy a careful shop would set.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
const securityHeaders = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' }

// The server listens as soon as dist/ is there; the database opens meanwhile (creating PGlite's
// files takes seconds of CPU on a first start) and an empty one gets its generated responses.
// Until then the pages load and every request that needs the database waits for it: the dashboard
// shows its dashes for those seconds, then every response of the seed at once, never a part.
const target = demoDatabase()
const seedCount = Number(process.env.DEMO_SEED ?? 3000)
const opening = performance.now()
const ready = (async () => {
  const db = await openDatabase(target.options)
  if (seedCount > 0) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM responses')
    if (rows[0].n === 0) {
      const { seed } = await import('./seed/seed.mjs')
      console.log(`Empty database: adding ${seedCount} generated responses for the dashboard (DEMO_SEED=0 to skip)…`)
      await seed(db, { count: seedCount })
    }
  }
  console.log(`Database ready after ${((performance.now() - opening) / 1000).toFixed(1)} s.`)
  return db
})()
ready.catch((error) => {
  console.error(error.message)
  process.exit(1)
})
/** The database as the collector sees it: each call waits until it is open (and seeded). */
const db = {
  driver: target.driver,
  query: async (sql, params) => (await ready).query(sql, params),
  transaction: async (fn) => (await ready).transaction(fn),
  close: async () => (await ready).close(),
}
const { renderConfirmation, shopLocales } = await import('./shop/confirmation.mjs')
// The same settings as npskit-collector reads (the README's table), with the demo's port and data.
let settings
try {
  settings = collectorConfigFromEnv({ ...process.env, PORT: undefined, DATA_DIR: undefined, DATABASE_URL: undefined }).collector
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
const collector = createCollector({ store: createStore(db), timeZone: 'Europe/Oslo', ...settings })

async function readForm(req) {
  let body = ''
  for await (const chunk of req) {
    body += chunk
    if (body.length > 8192) break
  }
  return new URLSearchParams(body)
}

async function demoPages(req, res) {
  let url
  try {
    url = new URL(req.url ?? '/', 'http://localhost')
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  const { pathname, searchParams } = url
  if (pathname === '/favicon.ico') {
    res.writeHead(204).end()
    return
  }
  // Checkout: the shop makes an order number and shows the confirmation for it.
  if (pathname === '/checkout' && req.method === 'POST') {
    const form = await readForm(req)
    const lang = shopLocales.includes(form.get('lang')) ? form.get('lang') : 'en'
    const order = `NH-${new Date().getFullYear()}-${randomInt(100000, 1000000)}`
    res.writeHead(303, { location: `/order/${order}?lang=${lang}` }).end()
    return
  }
  const order = /^\/order\/(NH-\d{4}-\d{6})$/.exec(pathname)
  if (order && req.method === 'GET') {
    const html = await renderConfirmation(order[1], searchParams.get('lang'))
    if (html === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('No such order')
      return
    }
    res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store', ...securityHeaders }).end(html)
    return
  }
  const mapped = pages[pathname] ?? (pathname.startsWith('/dist/') || pathname.startsWith('/demo/public/') ? pathname.slice(1) : undefined)
  const file = mapped && normalize(join(root, mapped))
  if (!file || !file.startsWith(root + sep) || req.method !== 'GET') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    return
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...securityHeaders })
    res.end(body)
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  }
}

const server = createCollectorServer((req, res) =>
  collector(req, res, () =>
    demoPages(req, res).catch((error) => {
      console.error(`[demo] ${describeError(error)}`)
      if (!res.headersSent) res.writeHead(500).end()
    }),
  ),
)

let closing = false
async function shutdown() {
  if (closing) return
  closing = true
  server.close()
  server.closeAllConnections()
  // PGlite writes its files on close: stop cleanly so the next start finds them whole.
  await db.close().catch(() => {})
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
if (process.env.DEMO_LIFETIME_MS) setTimeout(shutdown, Number(process.env.DEMO_LIFETIME_MS)).unref()

// The server listens before the database opens, so a second `npm start` meets the port first.
server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use (is the demo already running?): set PORT to use another.` : error.message)
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`
  console.log(
    `npskit demo running (responses stored in ${target.where}):\n` +
      `  ${base}/            Nordhandel, a demo shop: check out to be asked the question\n` +
      `  ${base}/playground  every widget option, live, with its script tag\n` +
      `  ${base}/dashboard   NPS, trends and the close-the-loop inbox\n` +
      `  ${base}/calculator  NPS calculator built on npskit/score\n` +
      (settings.adminToken
        ? 'The dashboard asks for ADMIN_TOKEN.\n'
        : 'No ADMIN_TOKEN: the dashboard and the admin routes answer only requests from this machine (loopback).\n') +
      `Press Ctrl+C to stop.`,
  )
})
