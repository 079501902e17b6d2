// The collector alone, without the demo's pages: what you would deploy behind your own login.
//   DATABASE_URL=postgres://… ALLOWED_ORIGINS=https://shop.example PORT=8080 node demo/collector/server.mjs
// Without DATABASE_URL it keeps the responses in PGlite in ./.data/collector.
import { createServer } from 'node:http'
import { openDatabase } from './db.mjs'
import { createCollector } from './index.mjs'

const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR ?? '.data/collector' })
const handle = createCollector({
  db,
  allowedOrigins: (process.env.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  // Behind a proxy, every request comes from the proxy: rate-limit by the address it passes on.
  clientKey: process.env.TRUST_PROXY ? (req) => String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() || req.socket.remoteAddress : undefined,
})
const server = createServer((req, res) => {
  handle(req, res).then((handled) => {
    if (!handled) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found","field":null}')
  })
})
const stop = async () => {
  server.close()
  await db.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`npskit collector (${db.driver}) on http://${process.env.HOST ?? '127.0.0.1'}:${server.address().port}/api/responses`)
})
