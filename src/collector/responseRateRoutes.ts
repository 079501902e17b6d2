// Issue #19's routes: the funnel for the dashboard, signing email links (each one an email sent),
// and the recontact check the widget asks before it shows the question to an identified customer.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress } from './clientAddress'
import type { Context } from './context'
import { filtersFrom } from './filters'
import { HttpError, sendJson } from './httpError'
import { postLink } from './linkRoute'
import { checkOrigin, preflight } from './publicRoutes'
import type { Channel } from './storage/index'

const hex64 = /^[0-9a-f]{64}$/

function methodNotAllowed(allow: string): never {
  throw new HttpError(405, 'Method not allowed', null, { allow })
}

/** GET /api/funnel?from&to&journeyPoint&channel: sent → shown → answered → commented, and the rate by week. */
async function getFunnel(res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  if (query.get('locale')) throw new HttpError(400, 'The funnel is counted over every language: leave out locale', 'locale')
  const { from, to, journeyPoint } = filtersFrom(query)
  const channel = query.get('channel') || undefined
  if (channel !== undefined && channel !== 'web' && channel !== 'email') throw new HttpError(400, 'channel must be web or email', 'channel')
  const filters = Object.fromEntries(Object.entries({ from, to, journeyPoint, channel: channel as Channel | undefined }).filter(([, v]) => v !== undefined))
  sendJson(res, 200, await ctx.store.funnel({ ...filters, timeZone: ctx.options.timeZone }))
}

function days(query: URLSearchParams, name: 'answered' | 'dismissed'): number {
  const raw = query.get(name)
  if (raw === null || !/^\d{1,4}$/.test(raw) || Number(raw) > 3650) throw new HttpError(400, `${name} must be a whole number of days from 0 to 3650`, name)
  return Number(raw)
}

/** The public side's checks: an allowed origin, and the recontact rate limit. */
function admitPublic(req: IncomingMessage, ctx: Context): void {
  checkOrigin(req, ctx)
  const limited = ctx.takeRecontact(clientAddress(req, ctx.options.trustProxy))
  if (!limited.ok) throw new HttpError(429, 'Too many requests', null, { 'retry-after': String(limited.retryAfter) })
}

/**
 * GET /api/recontact?h=<hash>[&h=<hash>]&answered=<days>&dismissed=<days>: whether to ask this
 * person. The hashes are never logged: an error's log line names the route only.
 */
async function getRecontact(req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams, cors: Record<string, string>): Promise<void> {
  admitPublic(req, ctx)
  const hashes = query.getAll('h')
  if (hashes.length === 0 || hashes.length > 2 || !hashes.every((h) => hex64.test(h))) {
    throw new HttpError(400, 'h must be one or two SHA-256 hashes of 64 lowercase hex digits', 'h')
  }
  const answer = await ctx.store.recontact({ hashes, answeredDays: days(query, 'answered'), dismissedDays: days(query, 'dismissed') })
  sendJson(res, 200, answer, cors)
}

/** GET /api/recontact/salt: the collector's salt, the same for a day in any cache. */
async function getSalt(req: IncomingMessage, res: ServerResponse, ctx: Context, cors: Record<string, string>): Promise<void> {
  admitPublic(req, ctx)
  sendJson(res, 200, { salt: await ctx.store.recontactSalt() }, { ...cors, 'cache-control': 'public, max-age=86400' })
}

/** Routes issue #19's paths; false for any other. */
export async function responseRateRoute(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Context,
  path: string,
  query: URLSearchParams,
  cors: Record<string, string>,
): Promise<boolean> {
  const method = req.method ?? 'GET'
  if (path === '/api/recontact' || path === '/api/recontact/salt') {
    if (method === 'OPTIONS') preflight(req, res, ctx, cors, 'GET')
    else if (method !== 'GET') methodNotAllowed('GET, OPTIONS')
    else if (path === '/api/recontact') await getRecontact(req, res, ctx, query, cors)
    else await getSalt(req, res, ctx, cors)
    return true
  }
  if (path === '/api/funnel') {
    if (method !== 'GET') methodNotAllowed('GET')
    ctx.access.admit(req, false)
    await getFunnel(res, ctx, query)
    return true
  }
  if (path === '/api/links') {
    if (method !== 'POST') methodNotAllowed('POST')
    ctx.access.admit(req, true)
    await postLink(req, res, ctx)
    return true
  }
  return false
}
