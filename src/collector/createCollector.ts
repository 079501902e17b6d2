import type { IncomingMessage, ServerResponse } from 'node:http'
import { createAdminAccess } from './adminAccess'
import { eraseCustomer, exportCustomer, getSummary, listResponses, setFollowedUp } from './adminRoutes'
import { getAlerts, retryAlerts } from './alertRoutes'
import { maxBodyBytes } from './bodyLimit'
import type { Context, Trace } from './context'
import { corsHeaders } from './cors'
import { getFollowUpHistory, getResponse, getTimeToContact, listInbox, setFollowUpState } from './followUpRoutes'
import { HttpError, sendJson } from './httpError'
import { commitSoon } from './landing/commit'
import { resolveLinks } from './landing/options'
import { landingRoute } from './landing/routes'
import { describeError } from './log'
import { resolveOptions, type CollectorOptions } from './options'
import { dashboardAsset, login, logout, showDashboard, showLogin } from './pages'
import { postResponse, preflight } from './publicRoutes'
import { rateLimiter } from './rateLimit'
import { responseRateRoute } from './responseRateRoutes'
import { requestTarget } from './requestTarget'
import { createStore } from './storage/index'

/**
 * The collector as a request handler: for `node:http` (`createServer(collector)`) or as Express or
 * Connect middleware (`app.use(collector)`), where a path it does not serve goes to `next()`.
 */
export type CollectorHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>

const followUpPath = /^\/api\/responses\/([^/]+)\/followed-up$/
const followUpStatePath = /^\/api\/responses\/([^/]+)\/follow-up$/
const responsePath = /^\/api\/responses\/([^/]+)$/
const knownApiPaths = [
  '/api/responses', '/api/summary', '/api/export', '/api/alerts', '/api/alerts/retry', '/api/inbox', '/api/time-to-contact',
  '/api/funnel', '/api/links', '/api/recontact', '/api/recontact/salt',
]

function methodNotAllowed(allow: string): never {
  throw new HttpError(405, 'Method not allowed', null, { allow })
}

/**
 * Routes one request; false when the path is not the collector's. Only POST (and OPTIONS)
 * /api/responses and GET /api/recontact(/salt) are public; every other route admits admins only
 * (see createAdminAccess).
 */
async function route(req: IncomingMessage, res: ServerResponse, ctx: Context, trace: Trace, cors: Record<string, string>): Promise<boolean> {
  const { path, query } = requestTarget(req)
  const method = req.method ?? 'GET'
  const admin = (changesState: boolean) => ctx.access.admit(req, changesState)
  trace.route = followUpPath.test(path)
    ? '/api/responses/:id/followed-up'
    : followUpStatePath.test(path)
      ? '/api/responses/:id/follow-up'
      : responsePath.test(path) ? '/api/responses/:id' : knownApiPaths.includes(path) ? path : path.startsWith('/api/') ? '/api/*' : 'page'
  if (path === '/api/responses') {
    if (method === 'POST') await postResponse(req, res, ctx, cors, trace)
    else if (method === 'OPTIONS') preflight(req, res, ctx, cors)
    else if (method === 'GET') {
      admin(false)
      await listResponses(req, res, ctx, query)
    } else if (method === 'DELETE') {
      admin(true)
      await eraseCustomer(req, res, ctx, query)
    } else methodNotAllowed('POST, OPTIONS, GET, DELETE')
    return true
  }
  if (path === '/api/alerts') {
    if (method !== 'GET') methodNotAllowed('GET')
    admin(false)
    await getAlerts(req, res, ctx)
    return true
  }
  if (path === '/api/alerts/retry') {
    if (method !== 'POST') methodNotAllowed('POST')
    await retryAlerts(req, res, ctx, admin(true))
    return true
  }
  const one = responsePath.exec(path)
  if (one) {
    if (method !== 'GET') methodNotAllowed('GET')
    admin(false)
    await getResponse(req, res, ctx, one[1]!)
    return true
  }
  if (path === '/api/summary' || path === '/api/export') {
    if (method !== 'GET') methodNotAllowed('GET')
    admin(false)
    await (path === '/api/summary' ? getSummary : exportCustomer)(req, res, ctx, query)
    return true
  }
  const followUp = followUpPath.exec(path)
  if (followUp) {
    if (method !== 'POST') methodNotAllowed('POST')
    admin(true)
    await setFollowedUp(req, res, ctx, followUp[1]!)
    return true
  }
  if (path === '/api/inbox' || path === '/api/time-to-contact') {
    if (method !== 'GET') methodNotAllowed('GET')
    admin(false)
    await (path === '/api/inbox' ? listInbox : getTimeToContact)(req, res, ctx, query)
    return true
  }
  const followUpState = followUpStatePath.exec(path)
  if (followUpState) {
    if (method === 'POST') await setFollowUpState(req, res, ctx, followUpState[1]!, admin(true))
    else if (method === 'GET') {
      admin(false)
      await getFollowUpHistory(req, res, ctx, followUpState[1]!)
    } else methodNotAllowed('GET, POST')
    return true
  }
  if (await responseRateRoute(req, res, ctx, path, query, cors)) return true
  if (path.startsWith('/api/')) throw new HttpError(404, 'Not found', null)
  if (await landingRoute(req, res, ctx, path, query, trace)) return true
  if (!ctx.options.dashboard) return false
  if (path === '/login') {
    if (method === 'GET') showLogin(req, res, ctx, query)
    else if (method === 'POST') await login(req, res, ctx)
    else methodNotAllowed('GET, POST')
    return true
  }
  if (path === '/logout') {
    if (method !== 'POST') methodNotAllowed('POST')
    logout(req, res, ctx)
    return true
  }
  if (path === '/dashboard' && method === 'GET') {
    await showDashboard(req, res, ctx)
    return true
  }
  if (path.startsWith('/dashboard/') && method === 'GET') return dashboardAsset(res, path.slice('/dashboard/'.length))
  return false
}

/** The last resort: any error becomes an answer, and the log names the route and the response id only. */
function answerError(req: IncomingMessage, res: ServerResponse, error: unknown, ctx: Context, trace: Trace, cors: Record<string, string>): void {
  const known = error instanceof HttpError
  if (!known) {
    const about = trace.responseId ? ` (response ${trace.responseId})` : trace.eventId ? ` (event ${trace.eventId})` : ''
    ctx.options.log(`[npskit collector] 500 on ${req.method} ${trace.route ?? '?'}${about}: ${describeError(error)}`)
  }
  if (res.headersSent) {
    // A stream (CSV, export) broke half-way: the client must see a cut connection, not a short file.
    res.destroy()
    return
  }
  const status = known ? error.status : 500
  // A body that has not fully arrived would be read and thrown away to keep the connection; close it instead.
  const close: Record<string, string> = req.complete ? {} : { connection: 'close' }
  const body = known ? { error: error.message, field: error.field } : { error: 'Internal error', field: null }
  sendJson(res, status, body, { ...cors, ...close, ...(known ? error.headers : {}) })
}

/**
 * Creates the collector: POST /api/responses for the widget's responses and events and GET
 * /api/recontact(/salt) for its recontact check (public, CORS for `allowedOrigins`, rate-limited),
 * with `links` the landing page of email survey links (GET /r/<token>), and for admins the
 * summary, the response rate (funnel), signed email links, the list and CSV export, follow-ups,
 * erasure and access requests, the dashboard with its inbox and a sign-in page.
 *
 * @throws TypeError or RangeError naming a bad option.
 * @example
 * import { createServer } from 'node:http'
 * import { createCollector, createStore, openDatabase } from 'npskit/collector'
 *
 * const store = createStore(await openDatabase({ dataDir: './npskit-data' }))
 * const collector = createCollector({ store, allowedOrigins: ['https://shop.example'], adminToken: process.env.ADMIN_TOKEN })
 * createServer(collector).listen(8080)
 * // or, in Express: app.use(collector)
 */
export function createCollector(options: CollectorOptions): CollectorHandler {
  if (typeof options !== 'object' || options === null) throw new TypeError('createCollector needs options with a store (or db)')
  const resolved = resolveOptions(options)
  const store = options.store ?? (options.db ? createStore(options.db) : undefined)
  if (store === undefined) throw new TypeError('store is required: createCollector({ store: createStore(await openDatabase()) }), or pass db')
  const ctx: Context = {
    store,
    options: resolved,
    access: createAdminAccess(resolved),
    takeResponse: resolved.rateLimit === false ? () => ({ ok: true }) : rateLimiter(resolved.rateLimit),
    // Its own buckets, at the same rate: a page's recontact checks never eat into its answers'.
    takeRecontact: resolved.rateLimit === false ? () => ({ ok: true }) : rateLimiter(resolved.rateLimit),
    takeLogin: rateLimiter(resolved.loginRateLimit),
    maxBodyBytes: maxBodyBytes(),
    links: resolveLinks(options.links),
  }
  // Email link answers held when a process stopped are due by now: record them.
  commitSoon(ctx)
  return async function collector(req, res, next) {
    const trace: Trace = {}
    const cors = corsHeaders(req, resolved.allowedOrigins)
    try {
      if (await route(req, res, ctx, trace, cors)) return
      if (next) return next()
      throw new HttpError(404, 'Not found', null)
    } catch (error) {
      try {
        answerError(req, res, error, ctx, trace, cors)
      } catch {
        res.destroy()
      }
    }
  }
}
