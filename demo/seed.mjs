// npm run demo:seed [-- --count 3000 --days 182 --seed 20261127 --until 2026-11-27]
// Fills the demo's database (see demo/database.mjs) with realistic responses over six months.
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ensureBuilt } from './build.mjs'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    days: { type: 'string', default: '182' },
    seed: { type: 'string', default: '20261127' },
    // The end of the period (exclusive) [the start of today, UTC]: with it, two runs on different
    // days write the very same rows.
    until: { type: 'string' },
  },
})
const options = { count: Number(values.count), days: Number(values.days), seed: Number(values.seed) }
if (values.until) options.until = Date.parse(values.until)
if (!Object.values(options).every(Number.isFinite)) {
  console.error('--count, --days and --seed must be numbers, --until a date such as 2026-11-27.')
  process.exit(1)
}
// The database and the store come from dist/ (npskit/collector), built first when stale.
await ensureBuilt(fileURLToPath(new URL('..', import.meta.url)))
const { openDemoDatabase } = await import('./database.mjs')
const { seed } = await import('./seed/seed.mjs')
const started = performance.now()
const { db, where } = await openDemoDatabase().catch((error) => {
  console.error(error.message)
  process.exit(1)
})
try {
  const count = await seed(db, options)
  const { rows } = await db.query('SELECT count(*)::int AS n FROM responses')
  console.log(`Seeded ${count} responses into ${where} in ${((performance.now() - started) / 1000).toFixed(1)} s (${rows[0].n} stored in all).`)
  console.log('Start the demo with `npm start` and open /dashboard.')
} finally {
  await db.close()
}
