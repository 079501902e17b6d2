import type { IncomingMessage, ServerResponse } from 'node:http'
import { clientAddress, isLoopbackHost } from './clientAddress'
import type { Context } from './context'
import { dashboardFile } from './dashboardFiles'
import { HttpError } from './httpError'
import { loginPage, type LoginNotice } from './loginPage'
import { pageHeaders } from './pageHeaders'
import { readBody } from './readBody'
import { sameSecret, sessionCookie, sessionSeconds } from './session'

/**
 * The session cookie's attributes. `Secure` is left off only for plain http on a loopback host
 * (`npm start` on a laptop): a browser would not send it back over http there. Everywhere else,
 * behind a TLS proxy too, the cookie is Secure.
 */
function cookieAttributes(req: IncomingMessage, maxAge: number): string {
  const base = (req as { baseUrl?: string }).baseUrl || '/'
  const plainLocal = !(req.socket as { encrypted?: boolean }).encrypted && isLoopbackHost((req.headers.host ?? '').toLowerCase())
  return `Path=${base}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${plainLocal ? '' : '; Secure'}`
}

function sendPage(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders, ...headers })
  res.end(html)
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...headers }).end()
}

/** GET /login */
export function showLogin(req: IncomingMessage, res: ServerResponse, ctx: Context, query: URLSearchParams): void {
  ctx.access.checkHostAndOrigin(req, false)
  const notice: LoginNotice = ctx.options.adminToken === undefined ? 'no-token' : query.has('signed-out') ? 'signed-out' : 'none'
  sendPage(res, 200, loginPage(notice))
}

/** POST /login with the form field `token`: sets the session cookie and goes to the dashboard. */
export async function login(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  ctx.access.checkHostAndOrigin(req, true)
  const token = ctx.options.adminToken
  if (token === undefined) return sendPage(res, 409, loginPage('no-token'))
  const limited = ctx.takeLogin(clientAddress(req, ctx.options.trustProxy))
  if (!limited.ok) return sendPage(res, 429, loginPage('limited'), { 'retry-after': String(limited.retryAfter) })
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'Send the sign-in form', 'content-type')
  const form = new URLSearchParams(await readBody(req, { maxBytes: 4096, idleMs: ctx.options.bodyTimeoutMs }))
  if (!sameSecret(form.get('token') ?? '', token)) return sendPage(res, 401, loginPage('wrong'))
  redirect(res, 'dashboard', { 'set-cookie': `${sessionCookie}=${ctx.access.sessions!.issue()}; ${cookieAttributes(req, sessionSeconds)}` })
}

/** POST /logout: forgets the session cookie in this browser. */
export function logout(req: IncomingMessage, res: ServerResponse, ctx: Context): void {
  ctx.access.checkHostAndOrigin(req, true)
  redirect(res, 'login?signed-out', { 'set-cookie': `${sessionCookie}=; ${cookieAttributes(req, 0)}` })
}

/** GET /dashboard: the page, for an admin; others go to the sign-in page. */
export async function showDashboard(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  let via
  try {
    via = ctx.access.admit(req, false)
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return redirect(res, 'login')
    throw error
  }
  const file = await dashboardFile('dashboard.html')
  // The page offers "Sign out" only when there is something to sign out of.
  const html = file!.body.toString('utf8').replace('<body>', `<body data-session="${via === 'session' ? 'cookie' : via}">`)
  sendPage(res, 200, html)
}

/** GET /dashboard/<file>: the dashboard's script and stylesheet (code only, no data: public). */
export async function dashboardAsset(res: ServerResponse, name: string): Promise<boolean> {
  if (name === 'dashboard.html') return false
  const file = await dashboardFile(name)
  if (!file) return false
  res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.body.length), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' })
  res.end(file.body)
  return true
}
