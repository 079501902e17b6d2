import type { IncomingMessage } from 'node:http'

/**
 * The CORS headers for a request to a public route: `Access-Control-Allow-Origin` for an allowed
 * `Origin` on every answer, errors included, so a widget on that origin reads a 400 or a 429 (and
 * its `Retry-After`) instead of a network error. Nothing for other origins.
 */
export function corsHeaders(req: IncomingMessage, allowedOrigins: readonly string[]): Record<string, string> {
  const origin = req.headers.origin
  const any = allowedOrigins.includes('*')
  const vary = { vary: 'Origin' }
  if (origin === undefined || (!any && !allowedOrigins.includes(origin))) return vary
  return { ...vary, 'access-control-allow-origin': any ? '*' : origin, 'access-control-expose-headers': 'retry-after' }
}

/** Whether a browser request's Origin may post responses: none (not a browser, or same origin), or an allowed one. */
export function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[], ownOrigins: readonly string[]): boolean {
  const origin = req.headers.origin
  return origin === undefined || allowedOrigins.includes('*') || allowedOrigins.includes(origin) || ownOrigins.includes(origin)
}
