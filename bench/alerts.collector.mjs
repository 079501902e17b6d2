// The collector that bench/alerts.bench.mjs measures, in a process of its own: PGlite in memory
// (or a fresh schema on BENCH_DATABASE_URL), alerts to BENCH_WEBHOOK, createCollector on
// 127.0.0.1. Sends its origin to the parent; stops, drops the schema and exits on 'stop'.
import { randomUUID } from 'node:crypto'

const { createAlerts, createCollector, createCollectorServer, createStore, openDatabase } = await import(process.env.BENCH_COLLECTOR)
const url = process.env.BENCH_DATABASE_URL
const schema = url ? 'bench_' + randomUUID().replaceAll('-', '').slice(0, 12) : undefined
const db = await openDatabase(url ? { url, schema } : { dataDir: 'memory://' })
const alerts = createAlerts(db, { webhooks: process.env.BENCH_WEBHOOK, windowMs: Number(process.env.BENCH_WINDOW_MS), log: () => {} })
await alerts.start()
const server = createCollectorServer(createCollector({ store: createStore(db), alerts, rateLimit: false }))
await new Promise((r) => server.listen(0, '127.0.0.1', r))
process.send(`http://127.0.0.1:${server.address().port}`)
process.on('message', async () => {
  await alerts.stop()
  server.closeAllConnections()
  server.close()
  if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`)
  await db.close()
  process.exit(0)
})
// The bench gone (it failed, or was stopped): no collector is left behind.
process.on('disconnect', () => process.exit(1))
