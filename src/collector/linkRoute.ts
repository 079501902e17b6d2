// POST /api/links: an admin (the shop's backend, with the admin token) signs the link of one email
// survey here instead of holding LINK_SECRET itself, and the collector counts the email as sent.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Context } from './context'
import { HttpError, sendJson } from './httpError'
import { linkResponseId } from './landing/responseId'
import { signSurveyLink } from './links/index'
import { canonicalLocale } from './locale'
import { parseJson, readBody } from './readBody'
import { textProblem } from './text'
import { version } from '../version'

const fields = ['orderId', 'email', 'userId', 'locale', 'journeyPoint', 'expiresInDays', 'sent']

/** The collector's own address for links: PUBLIC_URL, or the Host the admin reached it at. */
function baseUrl(req: IncomingMessage, ctx: Context): string {
  if (ctx.options.publicUrl) return ctx.options.publicUrl.href.replace(/\/+$/, '')
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted
  return `${encrypted ? 'https' : 'http'}://${req.headers.host}`
}

function readLink(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'The body must be a JSON object', '')
  for (const [key, value] of Object.entries(body)) {
    if (!fields.includes(key)) throw new HttpError(400, `${key} is not a known field`, key)
    if (typeof value === 'string' && textProblem(value)) throw new HttpError(400, `${key} ${textProblem(value)}`, key)
  }
  const link = body as Record<string, unknown>
  if (link.sent !== undefined && typeof link.sent !== 'boolean') throw new HttpError(400, 'sent must be true or false', 'sent')
  return link
}

/**
 * POST /api/links with `{ orderId?, email?, userId?, locale, journeyPoint, expiresInDays? (30),
 * sent? (true) }` → 201 `{ url, token, expiresAt }`: the landing page's link (add `?score=N`),
 * signed with the first LINK_SECRET. Unless `sent: false`, a `sent` event is recorded at once, so
 * the funnel counts the email and the recontact check knows this person was asked.
 */
export async function postLink(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const links = ctx.links
  if (!links) throw new HttpError(409, 'Survey links are not set up on this collector: set LINK_SECRET', null)
  const link = readLink(parseJson(await readBody(req, { maxBytes: 8192, idleMs: ctx.options.bodyTimeoutMs })))
  const { sent = true, expiresInDays = 30, ...rest } = link
  let signed
  try {
    signed = signSurveyLink({ ...rest, expiresInDays, secret: links.secrets[0]!, baseUrl: baseUrl(req, ctx) } as unknown as Parameters<typeof signSurveyLink>[0])
  } catch (error) {
    const field = /option "(\w+)"/.exec((error as Error).message)?.[1] ?? null
    throw new HttpError(400, (error as Error).message.replace('npskit/collector: option ', ''), field)
  }
  if (sent) {
    const { userId, email, journeyPoint, locale } = rest as { userId?: string; email?: string; journeyPoint: string; locale: string }
    const user = userId === undefined && email === undefined ? null : { ...(userId === undefined ? {} : { id: userId }), ...(email === undefined ? {} : { email }) }
    await ctx.store.recordEvent({
      type: 'event',
      id: randomUUID(),
      event: 'sent',
      surveyId: links.surveyId,
      // The link's one response (its id comes from the token), so the funnel joins sent to answered.
      responseId: linkResponseId(signed.token),
      journeyPoint,
      channel: 'email',
      locale: canonicalLocale(locale) ?? locale,
      page: '',
      user,
      at: new Date().toISOString(),
      sdk: { name: 'npskit', version },
    })
  }
  sendJson(res, 201, { url: signed.url(), token: signed.token, expiresAt: signed.expiresAt.toISOString() })
}
