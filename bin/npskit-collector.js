#!/usr/bin/env node
// npx npskit-collector: the collector, its dashboard and inbox on PORT. Every setting is an
// environment variable (README, "Run your own collector"). Storage is PGlite in DATA_DIR
// [./npskit-data], or PostgreSQL at DATABASE_URL.
import {
  collectorConfigFromEnv,
  createAlerts,
  createCollector,
  createCollectorServer,
  createStore,
  describeError,
  openDatabase,
  scheduleRetention,
} from '../dist/collector.js'

const log = (line) => console.error(line)

// The last line of defence: the collector answers every request itself, so anything that reaches
// here is a bug to log (without personal data), never a reason to drop every other request.
process.on('unhandledRejection', (error) => log(`[npskit collector] unhandled rejection: ${describeError(error)}`))
process.on('uncaughtException', (error) => log(`[npskit collector] uncaught exception: ${describeError(error)}`))

let config
try {
  config = collectorConfigFromEnv(process.env)
} catch (error) {
  log(`npskit-collector: ${error.message}`)
  process.exit(1)
}

let db
try {
  db = await openDatabase(config.database)
} catch (error) {
  log(`npskit-collector: ${error.message}`)
  process.exit(1)
}
const store = createStore(db)
let alerts
let collector
try {
  if (config.alerts) {
    alerts = createAlerts(db, { ...config.alerts, log })
    await alerts.start()
  }
  collector = createCollector({ store, log, ...config.collector, alerts })
} catch (error) {
  log(`npskit-collector: ${error.message}`)
  await db.close()
  process.exit(1)
}
const server = createCollectorServer(collector)
const stopRetention = config.retentionDays ? scheduleRetention(store, config.retentionDays, log) : () => {}

let stopping = false
async function stop(signal) {
  if (stopping) return
  stopping = true
  log(`[npskit collector] ${signal}: finishing the requests in progress, then stopping`)
  stopRetention()
  // Stop accepting, let requests in progress finish (at most 10 s), then close the database so
  // PGlite writes its files whole and releases the folder's lock.
  const closed = new Promise((resolve) => server.close(resolve))
  server.closeIdleConnections()
  const deadline = setTimeout(() => server.closeAllConnections(), 10_000)
  await closed
  clearTimeout(deadline)
  // Alerts being sent are settled first; the outbox keeps the rest for the next start.
  await alerts?.stop().catch((error) => log(`[npskit collector] stopping the alerts failed: ${describeError(error)}`))
  await db.close().catch((error) => log(`[npskit collector] closing the database failed: ${describeError(error)}`))
  process.exit(0)
}
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))

server.on('error', async (error) => {
  log(`npskit-collector: cannot listen on ${config.host}:${config.port}: ${error.message}`)
  await db.close()
  process.exit(1)
})
server.listen(config.port, config.host, () => {
  const { port } = server.address()
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const where = config.database.url ? 'PostgreSQL at ' + config.database.url.replace(/\/\/[^@/]*@/, '//…@') : `PGlite in ${config.database.dataDir}`
  const { adminToken, allowedOrigins, publicUrl } = config.collector
  console.log(
    [
      `npskit collector on http://${host}:${port} (responses stored in ${where})`,
      `  POST http://${host}:${port}/api/responses   for the widget; allowed origins: ${allowedOrigins.length ? allowedOrigins.join(', ') : 'none but its own (set ALLOWED_ORIGINS)'}`,
      `  http://${host}:${port}/dashboard            the dashboard and inbox`,
      adminToken
        ? `  Admin routes and the dashboard need ADMIN_TOKEN (sign in at /login)${publicUrl ? `; reached at ${publicUrl}` : '; set PUBLIC_URL to reach them by a name other than localhost'}.`
        : '  No ADMIN_TOKEN is set: the dashboard and the admin routes answer only requests from this machine (loopback). Set ADMIN_TOKEN to open them to others.',
      alerts ? `  ${describeAlerts(alerts.options)}` : '  No alerts (set ALERT_WEBHOOK_URL or ALERT_EMAIL_TO to hear about detractors within seconds).',
      config.collector.links
        ? `  http://${host}:${port}/r/<token>             the landing page of email survey links (LINK_SECRET)`
        : '  No LINK_SECRET: email survey links (/r/<token>) are not served (set it to the secret signSurveyLink signs with).',
      config.retentionDays ? `  Responses older than ${config.retentionDays} days are deleted daily (RETENTION_DAYS).` : '  Responses are kept until deleted (set RETENTION_DAYS to delete old ones daily).',
    ].join('\n'),
  )
})

function describeAlerts({ targets, format, when, windowMs }) {
  const where = targets.map((t) => (t.kind === 'email' ? `email to ${t.to.length} address${t.to.length > 1 ? 'es' : ''}` : `${t.label} (${format})`))
  return `Alerts for ${when.join(' or ')} answers to ${where.join(', ')}, waiting up to ${windowMs / 1000} s for the comment.`
}
