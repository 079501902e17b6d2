// The alerts' admin routes: how the outbox stands, and sending failed alerts again. Admins only;
// the caller (createCollector) has admitted the request and says how.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdminVia } from './adminAccess'
import type { Context } from './context'
import { HttpError, sendJson } from './httpError'
import { parseJson, readBody } from './readBody'
import { MAX_BY } from './storage/index'
import { textField } from './textField'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * GET /api/alerts: how the alerts outbox stands, for the dashboard: counts by state, what waits
 * and when its next attempt is, the newest alerts given up on (without the answers' content) and
 * the newest retries.
 */
export async function getAlerts(_req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const alerts = ctx.options.alerts
  sendJson(res, 200, alerts ? { enabled: true, ...(await alerts.status()) } : { enabled: false })
}

/**
 * POST /api/alerts/retry with `{ "responseId", "kind", "target", "by" }` (one failed alert, as
 * GET /api/alerts lists it: `target` is its `targetKey`) or `{ "all": true, "by" }`: sends them
 * again now, audited with `by` and how the admin was admitted. Answers `{ retried }`.
 */
export async function retryAlerts(req: IncomingMessage, res: ServerResponse, ctx: Context, via: AdminVia): Promise<void> {
  const alerts = ctx.options.alerts
  if (!alerts) throw new HttpError(409, 'Alerts are not configured on this collector', null)
  const body = parseJson(await readBody(req, { maxBytes: 4 * 1024, idleMs: ctx.options.bodyTimeoutMs }))
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object', null)
  const fields = body as Record<string, unknown>
  const by = textField(fields, 'by', MAX_BY, true)!
  if (fields.all !== undefined && typeof fields.all !== 'boolean') throw new HttpError(400, 'all must be true or false', 'all')
  if (fields.all === true) {
    sendJson(res, 200, { retried: (await alerts.retry({ all: true, by, via })).length })
    return
  }
  const { responseId, kind, target } = fields
  if (typeof responseId !== 'string' || !uuid.test(responseId)) throw new HttpError(400, 'responseId must be a response id', 'responseId')
  if (kind !== 'alert' && kind !== 'update') throw new HttpError(400, 'kind must be alert or update', 'kind')
  if (typeof target !== 'string' || !/^(webhook|email):[0-9a-f]{24}$/.test(target)) throw new HttpError(400, 'target must be a targetKey from GET /api/alerts', 'target')
  const retried = await alerts.retry({ responseId, kind, target, by, via })
  if (retried.length === 0) throw new HttpError(404, 'No failed alert with that response, kind and target (sent meanwhile, or its destination is no longer configured)', 'responseId')
  sendJson(res, 200, { retried: retried.length })
}
