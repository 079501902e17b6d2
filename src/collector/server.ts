import { createServer, type Server } from 'node:http'
import type { CollectorHandler } from './createCollector'

/** How long and how much a connection may take. Every field in ms or bytes. */
export interface ServerLimits {
  /** The whole header block must arrive within this [10 000]. */
  readonly headersTimeoutMs?: number
  /** The whole request, body included, must arrive within this; slow bodies get a 408 [30 000]. */
  readonly requestTimeoutMs?: number
  /** An idle keep-alive connection is closed after this [5 000]. */
  readonly keepAliveTimeoutMs?: number
  /** A socket with no traffic at all is closed after this [60 000]. */
  readonly socketTimeoutMs?: number
  /** The largest header block; larger is a 431 [16 384]. */
  readonly maxHeaderBytes?: number
  /** Requests on one keep-alive connection before it is closed [1 000]. */
  readonly maxRequestsPerSocket?: number
}

/**
 * A `node:http` server for a collector with explicit limits, so that slow or oversized requests
 * (slowloris, huge headers) cost a timeout, not a socket held forever.
 *
 * @example
 * const server = createCollectorServer(createCollector({ store }))
 * server.listen(8080)
 */
export function createCollectorServer(handler: CollectorHandler, limits: ServerLimits = {}): Server {
  const {
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 30_000,
    keepAliveTimeoutMs = 5_000,
    socketTimeoutMs = 60_000,
    maxHeaderBytes = 16_384,
    maxRequestsPerSocket = 1_000,
  } = limits
  for (const [name, value] of Object.entries({ headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, socketTimeoutMs, maxHeaderBytes, maxRequestsPerSocket })) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, not ${String(value)}`)
  }
  const server = createServer(
    {
      headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      maxHeaderSize: maxHeaderBytes,
      // How often Node checks the two timeouts above: often enough to honour short ones.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, headersTimeoutMs / 2)),
    },
    (req, res) => void handler(req, res),
  )
  server.maxRequestsPerSocket = maxRequestsPerSocket
  server.setTimeout(socketTimeoutMs, (socket) => socket.destroy())
  return server
}
