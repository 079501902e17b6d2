import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Database } from './db.mjs'

export const MAX_BODY_BYTES: number
export interface CollectorOptions {
  db: Database
  /** Origins allowed to post responses from a browser; ['*'] for any. */
  allowedOrigins?: string[]
  /** Token bucket per client, or false for none. */
  rateLimit?: { burst?: number; perMinute?: number } | false
  /** Who a request comes from [the socket's remote address]. */
  clientKey?: (req: IncomingMessage) => string
  /** Time zone of the weekly trend's weeks ['Europe/Oslo']. */
  timeZone?: string
}
/** Handles /api/* and resolves true; resolves false for any other path. */
export function createCollector(options: CollectorOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean>
