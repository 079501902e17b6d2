import type { IncomingMessage } from 'node:http'
import { clientAddress, isLoopbackAddress, isLoopbackHost } from './clientAddress'
import { HttpError } from './httpError'
import { createSessions, readCookie, sameSecret, sessionCookie } from './session'

/** What decides who may use the admin routes (the read, export, follow-up and erasure routes, and the dashboard). */
export interface AdminAccessOptions {
  /** The admin token; without it only this machine (loopback) is admitted. */
  readonly adminToken: string | undefined
  /** Where the collector is reached from outside, e.g. https://nps.shop.example. */
  readonly publicUrl: URL | undefined
  /** Proxies in front of the collector. */
  readonly trustProxy: number
}

/** How a request was admitted. */
export type AdminVia = 'token' | 'session' | 'loopback'

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').toLowerCase()
}

/**
 * The admin side of the collector. Checks, in order:
 * 1. `Host` is PUBLIC_URL's host or a loopback name, so a page on another name that resolves to the
 *    collector (DNS rebinding) is refused (403, field `host`);
 * 2. `Origin`, when present, is the collector's own (403, field `origin`); a state change from a
 *    browser must carry it;
 * 3. the credentials: `Authorization: Bearer <ADMIN_TOKEN>` or the dashboard's session cookie
 *    (401); without ADMIN_TOKEN, a socket peer on loopback with no proxy in between (403 otherwise).
 */
export function createAdminAccess(options: AdminAccessOptions) {
  const sessions = options.adminToken === undefined ? undefined : createSessions(options.adminToken)
  const publicHost = options.publicUrl?.host.toLowerCase()

  const hostAllowed = (host: string) => host !== '' && (host === publicHost || isLoopbackHost(host))

  function ownOrigins(req: IncomingMessage): string[] {
    const host = hostOf(req)
    const own = hostAllowed(host) ? [`http://${host}`, `https://${host}`] : []
    if (options.publicUrl) own.push(options.publicUrl.origin)
    return own
  }

  function checkHostAndOrigin(req: IncomingMessage, changesState: boolean): void {
    if (!hostAllowed(hostOf(req))) {
      throw new HttpError(403, 'This Host is not the collector\'s: set PUBLIC_URL to the address the dashboard is reached at', 'host')
    }
    const origin = req.headers.origin
    if (origin !== undefined && !ownOrigins(req).includes(origin)) throw new HttpError(403, 'Origin not allowed', 'origin')
    const site = req.headers['sec-fetch-site']
    if (changesState && site !== undefined && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'Cross-site requests may not change data', 'origin')
  }

  function admit(req: IncomingMessage, changesState: boolean): AdminVia {
    checkHostAndOrigin(req, changesState)
    if (sessions === undefined) {
      const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined
      const local = isLoopbackAddress(req.socket.remoteAddress) && (options.trustProxy > 0 ? isLoopbackAddress(clientAddress(req, options.trustProxy)) : !forwarded)
      if (!local) throw new HttpError(403, 'Without ADMIN_TOKEN the admin routes answer only requests from this machine', 'authorization')
      return 'loopback'
    }
    const authorization = req.headers.authorization
    if (authorization !== undefined) {
      const match = /^Bearer +(\S+)$/i.exec(authorization)
      if (match && sameSecret(match[1]!, options.adminToken!)) return 'token'
      throw new HttpError(401, 'Wrong admin token', 'authorization', { 'www-authenticate': 'Bearer' })
    }
    if (sessions.valid(readCookie(req.headers.cookie, sessionCookie))) {
      // A browser always sends Origin with a state change; without it this could be a forged request.
      if (changesState && req.headers.origin === undefined) throw new HttpError(403, 'A state change from the dashboard must carry Origin', 'origin')
      return 'session'
    }
    throw new HttpError(401, 'Sign in, or send Authorization: Bearer <ADMIN_TOKEN>', 'authorization', { 'www-authenticate': 'Bearer' })
  }

  return { admit, checkHostAndOrigin, ownOrigins, sessions, hostAllowed: (req: IncomingMessage) => hostAllowed(hostOf(req)) }
}

/** The admin side's checks, as made by {@link createAdminAccess}. */
export type AdminAccess = ReturnType<typeof createAdminAccess>
