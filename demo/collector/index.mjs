// The reference collector: plain node:http handlers over a database from db.mjs.
//
//   POST /api/responses                     store one response (JSON or a text/plain beacon)
//   OPTIONS /api/responses                  CORS preflight for ALLOWED_ORIGINS
//   GET  /api/summary?from&to&journeyPoint&locale
//   GET  /api/responses?page&pageSize&…      newest first; &format=csv for a spreadsheet
//        (filters: from, to, journeyPoint, locale, category, hasComment, contactConsent, followedUp)
//   POST /api/responses/:id/followed-up     { "followedUp": true | false } from the inbox
//
// The reading and follow-up routes are for your own dashboard: put them behind your login
// before you deploy this. Only POST /api/responses is meant for the world.
import { toCsv } from './csv.mjs'
import { rateLimiter } from './rateLimit.mjs'
import { listResponses, setFollowedUp, upsertResponse } from './store.mjs'
import { summary } from './summary.mjs'
import { validateResponse } from './validate.mjs'

export const MAX_BODY_BYTES = 32 * 1024
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const followUpPath = /^\/api\/responses\/([^/]+)\/followed-up$/

class HttpError extends Error {
  constructor(status, error, field, headers = {}) {
    super(error)
    this.status = status
    this.field = field
    this.headers = headers
  }
}

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers })
  res.end(text)
}

/** Reads at most `limit` bytes; a bigger body is a 413 without reading the rest. */
async function readBody(req, limit) {
  const declared = Number(req.headers['content-length'])
  if (declared > limit) throw new HttpError(413, `The body is larger than ${limit} bytes`, null, { connection: 'close' })
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, `The body is larger than ${limit} bytes`, null, { connection: 'close' })
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text) {
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'The body is not valid JSON', null)
  }
}

/** Checks the dashboard's query parameters; a bad one is a 400 naming it. */
function filtersFrom(params) {
  const filters = {}
  for (const name of ['from', 'to']) {
    const value = params.get(name)
    if (value === null || value === '') continue
    if (Number.isNaN(Date.parse(value))) throw new HttpError(400, `${name} must be an ISO 8601 date`, name)
    filters[name] = new Date(value).toISOString()
  }
  if (filters.from && filters.to && filters.from >= filters.to) throw new HttpError(400, 'from must be before to', 'from')
  for (const name of ['journeyPoint', 'locale']) {
    const value = params.get(name)
    if (value) filters[name] = value.slice(0, 200)
  }
  const category = params.get('category')
  if (category) {
    if (!['detractor', 'passive', 'promoter'].includes(category)) throw new HttpError(400, 'category must be detractor, passive or promoter', 'category')
    filters.category = category
  }
  if (params.get('hasComment') === 'true') filters.hasComment = true
  if (params.get('contactConsent') === 'true') filters.contactConsent = true
  const followedUp = params.get('followedUp')
  if (followedUp === 'true' || followedUp === 'false') filters.followedUp = followedUp === 'true'
  return filters
}

function intParam(params, name, fallback, min, max) {
  const raw = params.get(name)
  if (raw === null || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) throw new HttpError(400, `${name} must be an integer from ${min} to ${max}`, name)
  return value
}

/**
 * @param {object} options
 * @param {{ query: Function }} options.db from openDatabase()
 * @param {string[]} [options.allowedOrigins] origins (https://shop.example) allowed to post
 *   responses from the browser; ['*'] allows any. The collector's own origin always may.
 * @param {{ burst?: number, perMinute?: number } | false} [options.rateLimit]
 * @param {(req) => string} [options.clientKey] who a request comes from [the socket's address];
 *   behind a proxy, read the address your proxy sets.
 * @returns {(req, res) => Promise<boolean>} handles /api/* and returns true, or returns false.
 */
export function createCollector({ db, allowedOrigins = [], rateLimit = {}, clientKey = (req) => req.socket.remoteAddress ?? '?', timeZone = 'Europe/Oslo' }) {
  const take = rateLimit === false ? () => ({ ok: true }) : rateLimiter(rateLimit)
  const anyOrigin = allowedOrigins.includes('*')

  const sameOrigin = (req, origin) => origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`
  const corsHeaders = (origin) => ({ 'access-control-allow-origin': anyOrigin ? '*' : origin, vary: 'Origin' })

  async function postResponse(req, res, origin) {
    const cors = origin && !sameOrigin(req, origin) ? corsHeaders(origin) : {}
    const limited = take(clientKey(req))
    if (!limited.ok) throw new HttpError(429, 'Too many requests', null, { ...cors, 'retry-after': String(limited.retryAfter) })
    // Beacons (navigator.sendBeacon) send text/plain to avoid a preflight; the body is the same JSON.
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (type !== 'application/json' && type !== 'text/plain') {
      throw new HttpError(415, 'Send application/json or text/plain', null, cors)
    }
    const body = parseJson(await readBody(req, MAX_BODY_BYTES))
    const problem = validateResponse(body)
    if (problem) throw new HttpError(400, problem.error, problem.field, cors)
    const result = await upsertResponse(db, body)
    send(res, result === 'created' ? 201 : 200, { id: body.id, result }, cors)
  }

  async function route(req, res, url) {
    const { pathname, searchParams } = url
    const origin = req.headers.origin
    const allowed = !origin || sameOrigin(req, origin) || anyOrigin || allowedOrigins.includes(origin)

    if (pathname === '/api/responses' && req.method === 'OPTIONS') {
      if (!allowed) throw new HttpError(403, 'Origin not allowed', null)
      res.writeHead(204, {
        ...corsHeaders(origin),
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '86400',
      })
      res.end()
      return
    }
    if (pathname === '/api/responses' && req.method === 'POST') {
      if (!allowed) throw new HttpError(403, 'Origin not allowed', null)
      return postResponse(req, res, origin)
    }
    // Everything below is the dashboard's: same origin only.
    if (origin && !sameOrigin(req, origin)) throw new HttpError(403, 'Origin not allowed', null)
    if (pathname === '/api/summary' && req.method === 'GET') {
      send(res, 200, await summary(db, filtersFrom(searchParams), { timeZone }))
      return
    }
    if (pathname === '/api/responses' && req.method === 'GET') {
      const filters = filtersFrom(searchParams)
      if (searchParams.get('format') === 'csv') {
        const { items } = await listResponses(db, filters, { limit: 100_000, offset: 0 })
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="nps-responses.csv"',
          'cache-control': 'no-store',
        })
        res.end(toCsv(items))
        return
      }
      const pageSize = intParam(searchParams, 'pageSize', 50, 1, 500)
      const page = intParam(searchParams, 'page', 1, 1, 1_000_000)
      const { items, total } = await listResponses(db, filters, { limit: pageSize, offset: (page - 1) * pageSize })
      send(res, 200, { items, total, page, pageSize, pages: Math.ceil(total / pageSize) })
      return
    }
    const followUp = followUpPath.exec(pathname)
    if (followUp && req.method === 'POST') {
      const id = decodeURIComponent(followUp[1])
      if (!uuid.test(id)) throw new HttpError(400, 'Not a response id', 'id')
      const text = await readBody(req, 1024)
      const body = text.trim() === '' ? {} : parseJson(text)
      const followedUp = body?.followedUp ?? true
      if (typeof followedUp !== 'boolean') throw new HttpError(400, 'followedUp must be boolean', 'followedUp')
      const row = await setFollowedUp(db, id, followedUp)
      if (!row) throw new HttpError(404, 'No response with that id', 'id')
      send(res, 200, row)
      return
    }
    throw new HttpError(pathname === '/api/responses' || pathname === '/api/summary' || followUp ? 405 : 404, 'Not found', null)
  }

  return async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith('/api/')) return false
    try {
      await route(req, res, url)
    } catch (error) {
      if (res.headersSent) {
        res.destroy()
      } else if (error instanceof HttpError) {
        send(res, error.status, { error: error.message, field: error.field ?? null }, error.headers)
      } else {
        console.error('[collector]', error)
        send(res, 500, { error: 'Internal error', field: null })
      }
    }
    return true
  }
}
