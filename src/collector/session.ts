import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** The name of the dashboard's session cookie. */
export const sessionCookie = 'npskit_session'
/** How long a login lasts. */
export const sessionSeconds = 12 * 60 * 60

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * Whether two secrets are equal, in time that does not depend on where they differ: both are hashed
 * first, so neither their contents nor their lengths leak through timing.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * Sessions are signed, not stored: `<expiry ms>.<HMAC of it>` under a key derived from the admin
 * token. Nothing to keep on the server, every instance accepts them, and changing ADMIN_TOKEN ends
 * every session.
 */
export function createSessions(adminToken: string) {
  const key = createHmac('sha256', adminToken).update('npskit dashboard session v1').digest()
  const sign = (expires: string) => createHmac('sha256', key).update(expires).digest('base64url')
  return {
    issue(now = Date.now()): string {
      const expires = String(now + sessionSeconds * 1000)
      return `${expires}.${sign(expires)}`
    },
    valid(value: string | undefined, now = Date.now()): boolean {
      if (value === undefined) return false
      const [expires, signature, extra] = value.split('.')
      if (!expires || !signature || extra !== undefined || !/^\d{13,15}$/.test(expires) || Number(expires) <= now) return false
      return sameSecret(signature, sign(expires))
    },
  }
}

/** The value of one cookie of a request's `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
