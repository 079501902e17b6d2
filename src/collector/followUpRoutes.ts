// The inbox's routes: the follow-up state of a response (new → contacted → resolved, and back),
// its audit trail, the inbox list, and the time from answer to first contact. Admins only; the
// caller (createCollector) has admitted the request and says how.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AdminVia } from './adminAccess'
import type { Context } from './context'
import { filtersFrom, intParam } from './filters'
import { HttpError, sendJson } from './httpError'
import { parseJson, readBody } from './readBody'
import { followUpStates, MAX_BY, MAX_NOTE, type FollowUpState } from './storage/index'
import { textField } from './textField'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function checkId(id: string): void {
  if (!uuid.test(id)) throw new HttpError(400, 'Not a response id', 'id')
}

/**
 * POST /api/responses/:id/follow-up with `{ "state": "contacted", "by": "Kari", "note": "…" }`:
 * answers `{ response, event }`. `by` is the admin's name as the dashboard remembers it; the
 * audit trail also records how the request was admitted.
 */
export async function setFollowUpState(req: IncomingMessage, res: ServerResponse, ctx: Context, id: string, via: AdminVia): Promise<void> {
  checkId(id)
  const text = await readBody(req, { maxBytes: 8 * 1024, idleMs: ctx.options.bodyTimeoutMs })
  const body = parseJson(text)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object', null)
  const fields = body as Record<string, unknown>
  const state = fields.state
  if (typeof state !== 'string' || !(followUpStates as readonly string[]).includes(state)) {
    throw new HttpError(400, 'state must be new, contacted or resolved', 'state')
  }
  const by = textField(fields, 'by', MAX_BY, true)!
  const note = textField(fields, 'note', MAX_NOTE, false)
  const changed = await ctx.store.setFollowUpState(id, { state: state as FollowUpState, by, note, via })
  if (!changed) throw new HttpError(404, 'No response with that id', 'id')
  sendJson(res, 200, changed)
}

/** GET /api/responses/:id: one response with its follow-up (the inbox opens it from an alert's link); 404 when there is none. */
export async function getResponse(_req: IncomingMessage, res: ServerResponse, ctx: Context, id: string): Promise<void> {
  checkId(id)
  const response = await ctx.store.getResponse(id)
  if (!response) throw new HttpError(404, 'No response with that id', 'id')
  sendJson(res, 200, response)
}

/** GET /api/responses/:id/follow-up: `{ events }`, every change of state, oldest first. */
export async function getFollowUpHistory(_req: IncomingMessage, res: ServerResponse, ctx: Context, id: string): Promise<void> {
  checkId(id)
  const events = await ctx.store.followUpHistory(id)
  if (!events) throw new HttpError(404, 'No response with that id', 'id')
  sendJson(res, 200, { events })
}

/**
 * GET /api/inbox?followUpState=new,contacted&category=detractor&…: the dashboard's filters, those
 * who may be contacted first, then newest first; with the count per state.
 */
export async function listInbox(_req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  const filters = filtersFrom(query)
  const pageSize = intParam(query, 'pageSize', 20, 1, 500)
  const page = intParam(query, 'page', 1, 1, 1_000_000)
  const { items, total, states } = await ctx.store.listInbox(filters, { page, pageSize })
  sendJson(res, 200, { items, total, page, pageSize, pages: Math.ceil(total / pageSize), states })
}

/** GET /api/time-to-contact?from&to&journeyPoint&locale&category: median and 90th percentile per week. */
export async function getTimeToContact(_req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  const { from, to, journeyPoint, locale, category } = filtersFrom(query)
  const filters = Object.fromEntries(Object.entries({ from, to, journeyPoint, locale, category }).filter(([, v]) => v !== undefined))
  sendJson(res, 200, await ctx.store.timeToContact({ ...filters, timeZone: ctx.options.timeZone }))
}

