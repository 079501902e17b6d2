import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Context } from './context'
import { csvHead, csvLine } from './csv'
import { customerFrom, filtersFrom, intParam } from './filters'
import { HttpError, sendJson } from './httpError'
import { parseJson, readBody } from './readBody'
import type { StoredResponse } from './storage/index'
import { streamOut } from './streamOut'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** GET /api/summary?from&to&journeyPoint&locale */
export async function getSummary(_req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  const { from, to, journeyPoint, locale } = filtersFrom(query)
  const filters = Object.fromEntries(Object.entries({ from, to, journeyPoint, locale }).filter(([, v]) => v !== undefined))
  sendJson(res, 200, await ctx.store.summary({ ...filters, timeZone: ctx.options.timeZone }))
}

async function* csvLines(rows: AsyncIterable<StoredResponse>): AsyncIterable<string> {
  yield csvHead
  for await (const row of rows) yield csvLine(row)
}

/** GET /api/responses?page&pageSize&filters…, or &format=csv for every matching row as a spreadsheet. */
export async function listResponses(_req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  const filters = filtersFrom(query)
  const format = query.get('format')
  if (format === 'csv') {
    // Asked for before the headers go out: a refusal is still a proper error answer.
    const rows = ctx.store.streamResponses(filters)
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="nps-responses.csv"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    await streamOut(res, csvLines(rows))
    return
  }
  if (format !== null && format !== 'json') throw new HttpError(400, 'format must be json or csv', 'format')
  const pageSize = intParam(query, 'pageSize', 50, 1, 500)
  const page = intParam(query, 'page', 1, 1, 1_000_000)
  const { items, total } = await ctx.store.listResponses(filters, { page, pageSize })
  sendJson(res, 200, { items, total, page, pageSize, pages: Math.ceil(total / pageSize) })
}

/** POST /api/responses/:id/followed-up with `{ "followedUp": true | false }` (true when empty). */
export async function setFollowedUp(req: IncomingMessage, res: ServerResponse, ctx: Context, id: string): Promise<void> {
  if (!uuid.test(id)) throw new HttpError(400, 'Not a response id', 'id')
  const text = await readBody(req, { maxBytes: 1024, idleMs: ctx.options.bodyTimeoutMs })
  const body = text.trim() === '' ? {} : parseJson(text)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object', null)
  const followedUp = (body as { followedUp?: unknown }).followedUp ?? true
  if (typeof followedUp !== 'boolean') throw new HttpError(400, 'followedUp must be true or false', 'followedUp')
  const row = await ctx.store.setFollowedUp(id, followedUp)
  if (!row) throw new HttpError(404, 'No response with that id', 'id')
  sendJson(res, 200, row)
}

/** DELETE /api/responses?user=…|email=…: an erasure request. Answers how many responses were deleted. */
export async function eraseCustomer(_req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  const who = customerFrom(query)
  const erased = await ctx.store.eraseCustomer(who)
  // Their alerts still waiting or kept for the dashboard hold their comment: they go too.
  if (erased > 0) await ctx.options.alerts?.forgetErased()
  sendJson(res, 200, { erased })
}

async function* jsonArray(rows: AsyncIterable<StoredResponse>): AsyncIterable<string> {
  let first = true
  yield '{"responses":['
  for await (const row of rows) {
    yield (first ? '\n' : ',\n') + JSON.stringify(row)
    first = false
  }
  yield '\n]}\n'
}

/** GET /api/export?user=…|email=…: an access request, every response of the customer as a JSON file. */
export async function exportCustomer(_req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): Promise<void> {
  const rows = ctx.store.exportCustomer(customerFrom(query))
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': 'attachment; filename="nps-customer-export.json"',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  await streamOut(res, jsonArray(rows))
}
