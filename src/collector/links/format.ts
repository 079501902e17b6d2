import { createHmac } from 'node:crypto'

// The token format, version 1: `v1.<payload>.<signature>`. The payload is the link's data as JSON with
// short keys (eleven links per email carry it), base64url without padding; the signature is
// HMAC-SHA256 over `v1.<payload>`, so a token cannot be moved to another version by editing its prefix.
export const version = 'v1'

/** The JSON inside a version 1 token. Times are in seconds since the epoch. */
export interface Payload {
  o?: string
  e?: string
  u?: string
  l: string
  j: string
  iat: number
  exp: number
}

export const minSecretBytes = 32

/** The secret as bytes, or a RangeError/TypeError naming the option. Never logs or echoes the secret. */
export function secretBytes(secret: unknown, name = 'secret'): Buffer {
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw new TypeError(`npskit/collector: option "${name}" must be a string or a Uint8Array`)
  }
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret)
  if (bytes.length < minSecretBytes) {
    throw new RangeError(`npskit/collector: option "${name}" must be at least ${minSecretBytes} bytes; got ${bytes.length}`)
  }
  return bytes
}

/** The signature of a token's signed part (`v1.<payload>`), base64url. */
export const signature = (secret: Buffer, signed: string): string =>
  createHmac('sha256', secret).update(signed).digest('base64url')

/** The landing page of a token, with a score or without. */
export const landingUrl = (baseUrl: string, token: string, score?: number): string =>
  `${baseUrl}/r/${token}` + (score === undefined ? '' : `?score=${score}`)
