import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/**
 * The address a request comes from. With `trustProxy` = n, the n proxies in front of the collector
 * each appended the address they saw to `X-Forwarded-For`, so the client is the n-th entry from the
 * right: entries further left were written by the client itself and prove nothing. With 0 (no
 * proxy) the header is ignored.
 *
 * @example
 * // nginx in front: X-Forwarded-For: "1.2.3.4 (spoofed), 203.0.113.7" → 203.0.113.7
 * clientAddress(req, 1)
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown'
  if (trustProxy === 0) return peer
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  // The chain as the collector sees it, nearest first: the peer, then the forwarded addresses from the right.
  const chain = [peer, ...hops.reverse()]
  const client = chain[Math.min(trustProxy, chain.length - 1)]!
  return isIP(client) ? client : peer
}

/** Whether an IP address is this machine's (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4 === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'))
}

/** Whether a `Host` header names this machine: localhost, 127.x.x.x or [::1], with any port. */
export function isLoopbackHost(host: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/.test(host)
}
