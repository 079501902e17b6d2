// GET /r/<token>?score=N: the email link's landing page; POST /r/<token>: its answers; GET
// /r/assets/<file>: the page's script and the widget. The token is checked on every request: a
// page is only ever shown, and an answer only ever stored, for a link the collector's secret signed.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress } from '../clientAddress'
import type { Context, Trace } from '../context'
import { HttpError, sendJson } from '../httpError'
import { verifySurveyLink } from '../links/verify'
import type { SurveyLinkData } from '../links/types'
import { parseJson, readBody } from '../readBody'
import type { ResponseInput } from '../storage/index'
import { validateResponse } from '../validateResponse'
import { landingFile } from './files'
import * as builtIn from '../../locales/index'
import { formResponse, linkCopy, readForm, scoreIn } from './form'
import { landingPage, pageLocale, problemPage, thanksPage } from './page'
import { linkResponseId } from './responseId'
import { commitSoon } from './commit'
import type { Problem } from './wording'

const tokenPath = /^\/r\/([^/]+)$/

// The page loads its script and the widget from the collector only; the nonce marks the one script
// element this answer wrote. Its form (for readers without JavaScript) posts to the link itself, no
// other page posts anywhere; no framing, the referrer (the token is in the URL) only to the collector.
const policy = (nonce: string | null) =>
  `default-src 'none'; script-src ${nonce ? `'self' 'nonce-${nonce}'` : "'none'"}; style-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}; ` +
  `img-src 'self' data:; connect-src 'self'; form-action ${nonce ? "'self'" : "'none'"}; base-uri 'none'; frame-ancestors 'none'`

function sendHtml(res: ServerResponse, status: number, html: string, nonce: string | null): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'content-security-policy': policy(nonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-robots-tag': 'noindex, nofollow',
    'cache-control': 'no-store',
  })
  res.end(html)
}

function sendProblem(req: IncomingMessage, res: ServerResponse, status: number, problem: Problem, locale?: string): void {
  sendHtml(res, status, problemPage(pageLocale(locale, req.headers['accept-language']), problem), null)
}

const refusal = { malformed: 400, 'unsupported-version': 400, 'bad-signature': 403, expired: 410 } as const

/** GET /r/<token>: the survey with the link's score chosen, or a friendly page saying why not. */
function showLanding(req: IncomingMessage, res: ServerResponse, ctx: Context, token: string, query: URLSearchParams): void {
  const links = ctx.links
  if (!links) return sendProblem(req, res, 404, 'unavailable')
  const check = verifySurveyLink(token, links.secrets)
  if (!check.ok) return sendProblem(req, res, refusal[check.reason], check.reason === 'expired' ? 'expired' : 'invalid', check.reason === 'expired' ? check.link.locale : undefined)
  // A score that is not one (a mangled link) still gets the question, without a choice made.
  const score = scoreIn(query.get('score'))
  const nonce = randomBytes(16).toString('base64')
  const { link } = check
  const config = { token, responseId: linkResponseId(token), score, locale: link.locale, brand: links.brand, surveyId: links.surveyId, journeyPoint: link.journeyPoint, user: userOf(link), nonce }
  sendHtml(res, 200, landingPage(pageLocale(link.locale, req.headers['accept-language']), config), nonce)
  commitSoon(ctx)
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Only the landing page itself posts here: the Origin (when sent) must be the page's own. */
function checkOrigin(req: IncomingMessage, ctx: Context): void {
  const origin = req.headers.origin
  if (origin === undefined) return
  const host = req.headers.host
  const own = host ? [`http://${host}`, `https://${host}`] : []
  if (ctx.options.publicUrl) own.push(ctx.options.publicUrl.origin)
  if (!own.includes(origin)) throw new HttpError(403, 'Origin not allowed', 'origin')
}

/** The customer as the link names them: `{ id?, email? }`, or null. */
function userOf(link: SurveyLinkData): Record<string, string> | null {
  const user = { ...(link.userId === undefined ? {} : { id: link.userId }), ...(link.email === undefined ? {} : { email: link.email }) }
  return Object.keys(user).length ? user : null
}

/** The response as the link says it is: its id, the customer, the order and the journey point are the token's. */
function fromLink(response: Record<string, unknown>, token: string, link: SurveyLinkData, surveyId: string): Record<string, unknown> {
  return {
    ...response,
    id: linkResponseId(token),
    surveyId,
    journeyPoint: link.journeyPoint,
    user: userOf(link),
    metadata: link.orderId === undefined ? {} : { orderId: link.orderId },
    // The page's own URL carries the token (and so maybe the email address): it is not kept.
    page: typeof response.page === 'string' ? response.page.replace(token, '') : response.page,
  }
}

/**
 * POST /r/<token> `{ response, human }`: `human` says a person tapped a score or sent the form on the
 * page; such an answer is stored at once (201 created, 200 updated). One the page made by itself (the
 * link's score, shown) is held for the window (202 pending), or refused as a scanner's (202 scanner).
 */
async function postLanding(req: IncomingMessage, res: ServerResponse, ctx: Context, token: string, trace: Trace): Promise<void> {
  const links = ctx.links
  if (!links) throw new HttpError(404, 'Survey links are not set up on this collector (LINK_SECRET)', null)
  checkOrigin(req, ctx)
  const limited = ctx.takeResponse(clientAddress(req, ctx.options.trustProxy))
  if (!limited.ok) throw new HttpError(429, 'Too many requests', null, { 'retry-after': String(limited.retryAfter) })
  const check = verifySurveyLink(token, links.secrets)
  if (!check.ok) throw new HttpError(refusal[check.reason], check.reason === 'expired' ? 'The survey link has expired' : 'The survey link is not valid', 'token')
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') return postForm(req, res, ctx, token, check.link, trace)
  if (type !== 'application/json' && type !== 'text/plain') throw new HttpError(415, 'Send application/json, text/plain or a form', 'content-type')
  const body = parseJson(await readBody(req, { maxBytes: ctx.maxBodyBytes + 100, idleMs: ctx.options.bodyTimeoutMs }))
  if (!isObject(body)) throw new HttpError(400, 'The body must be an object { response, human }', '')
  if (typeof body.human !== 'boolean') throw new HttpError(400, 'human must be true or false', 'human')
  if (!isObject(body.response)) throw new HttpError(400, 'response must be an object', 'response')
  const checked = validateResponse(fromLink(body.response, token, check.link, links.surveyId))
  if ('error' in checked) throw new HttpError(400, checked.error, checked.field ? `response.${checked.field}` : 'response')
  // channel: what the response schema calls the way it was asked (stored with it once the column exists).
  const response = { ...checked.response, channel: 'email' } as ResponseInput
  trace.responseId = response.id
  const alerts = ctx.options.alerts
  if (body.human) {
    const result = await ctx.store.takeLinkAnswer(response, alerts ? { inTransaction: (tx, outcome) => alerts.enqueue(tx, response, outcome) } : {})
    alerts?.wake()
    return sendJson(res, result === 'created' ? 201 : 200, { id: response.id, result })
  }
  const result = await ctx.store.holdLinkAnswer(response, links.windowMs)
  if (result === 'pending') commitSoon(ctx, links.windowMs)
  sendJson(res, 202, { id: response.id, result })
}

// The schema's longest comment (10,000 characters) percent-encoded: up to twelve bytes a character
// (four UTF-8 bytes, each %XX), and room for the other fields.
const MAX_FORM_BYTES = 10_000 * 12 + 2048

/**
 * POST /r/<token> as a form (the page without JavaScript): a person sent it, so it is stored at
 * once, like a tap on the widget, and the answer is the thank-you page in the link's language.
 */
async function postForm(req: IncomingMessage, res: ServerResponse, ctx: Context, token: string, link: SurveyLinkData, trace: Trace): Promise<void> {
  const links = ctx.links!
  // Parsed already by a framework's urlencoded body parser (as Express middleware), or raw.
  const parsed = (req as { body?: unknown }).body
  const body = isObject(parsed) ? new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)])).toString() : await readBody(req, { maxBytes: MAX_FORM_BYTES, idleMs: ctx.options.bodyTimeoutMs })
  const answer = readForm(body)
  if ('error' in answer) throw new HttpError(400, answer.error, answer.field)
  const code = pageLocale(link.locale, req.headers['accept-language'])
  const checked = validateResponse(fromLink(formResponse(answer, linkCopy(links.brand, builtIn[code]), new Date()), token, link, links.surveyId))
  if ('error' in checked) throw new HttpError(400, checked.error, checked.field ?? null)
  const response = { ...checked.response, channel: 'email' } as ResponseInput
  trace.responseId = response.id
  const alerts = ctx.options.alerts
  await ctx.store.takeLinkAnswer(response, alerts ? { inTransaction: (tx, outcome) => alerts.enqueue(tx, response, outcome) } : {})
  alerts?.wake()
  sendHtml(res, 200, thanksPage(code, links.brand, response.category), null)
}

/** Routes /r/…; false for any other path. */
export async function landingRoute(req: IncomingMessage, res: ServerResponse, ctx: Context, path: string, query: URLSearchParams, trace: Trace): Promise<boolean> {
  if (!path.startsWith('/r/')) return false
  const method = req.method ?? 'GET'
  if (path.startsWith('/r/assets/')) {
    trace.route = '/r/assets/*'
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Method not allowed', null, { allow: 'GET, HEAD' })
    const file = await landingFile(path.slice('/r/assets/'.length))
    if (!file) throw new HttpError(404, 'Not found', null)
    res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.body.length), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' })
    res.end(file.body)
    return true
  }
  trace.route = '/r/:token'
  const token = tokenPath.exec(path)?.[1]
  if (method === 'GET' || method === 'HEAD') {
    if (token === undefined) sendProblem(req, res, 404, 'invalid')
    else showLanding(req, res, ctx, token, query)
  } else if (method === 'POST' && token !== undefined) await postLanding(req, res, ctx, token, trace)
  else throw new HttpError(token === undefined ? 404 : 405, token === undefined ? 'Not found' : 'Method not allowed', null, token === undefined ? {} : { allow: 'GET, HEAD, POST' })
  return true
}
