import { createHmac, timingSafeEqual } from 'node:crypto'

/** The headers that let a receiver check that an alert came from this collector, unaltered. */
export interface SignatureHeaders {
  /** Seconds since 1970, when the attempt was made. */
  readonly 'X-Npskit-Timestamp': string
  /** `sha256=` and the hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the shared secret. */
  readonly 'X-Npskit-Signature': string
}

/**
 * Signs a webhook body. The timestamp is signed with it, so a receiver can refuse replays of old
 * requests (see the README's verification snippet).
 *
 * @example
 * signBody('{"version":1}', 'shh', 1_760_000_000)['X-Npskit-Signature'] // → 'sha256=…'
 */
export function signBody(rawBody: string, secret: string, timestamp: number = Math.floor(Date.now() / 1000)): SignatureHeaders {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')
  return { 'X-Npskit-Timestamp': String(timestamp), 'X-Npskit-Signature': `sha256=${hmac}` }
}

/**
 * Checks a received alert the way the README tells receivers to: the signature in constant time,
 * and the timestamp within `toleranceSeconds` of now.
 *
 * @example
 * verifySignature(rawBody, request.headers, process.env.ALERT_SECRET) // → true or false
 */
export function verifySignature(
  rawBody: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  secret: string,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const timestamp = headers['x-npskit-timestamp']
  const signature = headers['x-npskit-signature']
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d+$/.test(timestamp)) return false
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false
  const expected = Buffer.from(signBody(rawBody, secret, Number(timestamp))['X-Npskit-Signature'])
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
