import type { ServerResponse } from 'node:http'

/**
 * A request the collector refuses, as the JSON answer `{ error, field }` with `status`.
 * `field` names the wrong field, query parameter or header (`null` when it is the request as a whole).
 *
 * @example
 * throw new HttpError(400, 'from must be a date', 'from')
 */
export class HttpError extends Error {
  readonly status: number
  readonly field: string | null
  readonly headers: Readonly<Record<string, string>>
  constructor(status: number, error: string, field: string | null = null, headers: Record<string, string> = {}) {
    super(error)
    this.name = 'HttpError'
    this.status = status
    this.field = field
    this.headers = headers
  }
}

/** Answers with JSON that no cache keeps (every answer of the collector is private or personal). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  res.end(text)
}
