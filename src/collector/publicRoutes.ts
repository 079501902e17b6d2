import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress } from './clientAddress'
import type { Context, Trace } from './context'
import { originAllowed } from './cors'
import { HttpError, sendJson } from './httpError'
import { parseJson, readBody } from './readBody'
import { validatePayload } from './validatePayload'

const requestedHeaders = /^[A-Za-z0-9-]+(?:\s*,\s*[A-Za-z0-9-]+)*$/

/** Refuses a browser request from an origin that is not allowed (403 naming `origin`). */
export function checkOrigin(req: IncomingMessage, ctx: Context): void {
  if (!originAllowed(req, ctx.options.allowedOrigins, ctx.access.ownOrigins(req))) throw new HttpError(403, 'Origin not allowed', 'origin')
}

/** OPTIONS on a public route: the CORS preflight of an allowed origin (its headers come from `cors`). */
export function preflight(req: IncomingMessage, res: ServerResponse, ctx: Context, cors: Record<string, string>, methods = 'POST'): void {
  checkOrigin(req, ctx)
  const asked = req.headers['access-control-request-headers']
  res.writeHead(204, {
    ...cors,
    'access-control-allow-methods': methods,
    'access-control-allow-headers': asked !== undefined && requestedHeaders.test(asked) ? asked : 'content-type',
    'access-control-max-age': '86400',
  })
  res.end()
}

/**
 * POST /api/responses: one response or one event (schema.json's `type: "event"`) as JSON, or as
 * text/plain from navigator.sendBeacon. A response: 201 `created`, 200 `updated` or `stale`. An
 * event: 201 `created`, 200 `duplicate` (its id is stored already: a retry). Every refusal a 4xx
 * naming the field.
 */
export async function postResponse(req: IncomingMessage, res: ServerResponse, ctx: Context, cors: Record<string, string>, trace: Trace): Promise<void> {
  checkOrigin(req, ctx)
  const limited = ctx.takeResponse(clientAddress(req, ctx.options.trustProxy))
  if (!limited.ok) throw new HttpError(429, 'Too many requests', null, { 'retry-after': String(limited.retryAfter) })
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json' && type !== 'text/plain') throw new HttpError(415, 'Send application/json or text/plain', 'content-type')
  const body = parseJson(await readBody(req, { maxBytes: ctx.maxBodyBytes, idleMs: ctx.options.bodyTimeoutMs }))
  const checked = validatePayload(body)
  if ('error' in checked) throw new HttpError(400, checked.error, checked.field)
  if ('event' in checked) {
    trace.eventId = checked.event.id
    const result = await ctx.store.recordEvent(checked.event)
    return sendJson(res, result === 'created' ? 201 : 200, { id: checked.event.id, result }, cors)
  }
  trace.responseId = checked.response.id
  const { response } = checked
  const alerts = ctx.options.alerts
  // The alert is written in the response's transaction (both or neither); the worker sends it.
  const result = await ctx.store.upsertResponse(response, alerts ? { inTransaction: (tx, outcome) => alerts.enqueue(tx, response, outcome) } : {})
  alerts?.wake()
  sendJson(res, result === 'created' ? 201 : 200, { id: checked.response.id, result }, cors)
}
