import { timingSafeEqual } from 'node:crypto'
import { secretBytes, signature, version, type Payload } from './format'
import type { SurveyLinkCheck, SurveyLinkData } from './types'

// Far longer than any token signSurveyLink makes (its texts are at most 200 characters each): a longer
// one is refused before any work is spent on it.
const maxToken = 4096
const base64url = /^[A-Za-z0-9_-]+$/

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= 200
const isOptionalText = (v: unknown) => v === undefined || isText(v)
const isSeconds = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

// The signature was valid, so the payload is ours; still, a token signed by a different build with the
// same secret must not reach the caller as the wrong shape.
function read(encoded: string): SurveyLinkData | undefined {
  let p: Partial<Payload>
  try {
    p = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Payload>
  } catch {
    return undefined
  }
  if (typeof p !== 'object' || p === null) return undefined
  if (!isText(p.l) || !isText(p.j) || !isSeconds(p.iat) || !isSeconds(p.exp)) return undefined
  if (!isOptionalText(p.o) || !isOptionalText(p.e) || !isOptionalText(p.u)) return undefined
  return {
    ...(p.o === undefined ? {} : { orderId: p.o }),
    ...(p.e === undefined ? {} : { email: p.e }),
    ...(p.u === undefined ? {} : { userId: p.u }),
    locale: p.l,
    journeyPoint: p.j,
    issuedAt: p.iat * 1000,
    expiresAt: p.exp * 1000,
  }
}

/**
 * Checks a token from a survey link: its version, its signature (against the secret, or any of several
 * while `LINK_SECRET` is being rotated) and its expiry. A token comes from anyone, so whatever it is
 * (tampered, truncated, expired, not even a string) the answer is a result, never a throw; only a
 * wrong `secret` or `now` (the caller's mistake) throws. The signature is checked before the payload is
 * read, and compared in constant time.
 *
 * @example
 * import { verifySurveyLink } from 'npskit/collector'
 *
 * const check = verifySurveyLink(token, process.env.LINK_SECRET)
 * if (check.ok) console.log(check.link.orderId, check.link.locale)
 * else if (check.reason === 'expired') console.log('Expired; ask in', check.link.locale)
 * else console.log('Refused:', check.reason) // 'malformed', 'unsupported-version' or 'bad-signature'
 */
export function verifySurveyLink(
  token: unknown,
  secret: string | Uint8Array | readonly (string | Uint8Array)[],
  now: Date | number = Date.now(),
): SurveyLinkCheck {
  const secrets = (Array.isArray(secret) ? secret : [secret]).map((s, i) => secretBytes(s, Array.isArray(secret) ? `secret[${i}]` : 'secret'))
  if (secrets.length === 0) throw new TypeError('npskit/collector: option "secret" must be a secret or a non-empty array of secrets')
  const at = now instanceof Date ? now.getTime() : now
  if (typeof at !== 'number' || !Number.isFinite(at)) throw new TypeError('npskit/collector: option "now" must be a valid Date or a number of ms since the epoch')

  if (typeof token !== 'string' || token.length > maxToken) return { ok: false, reason: 'malformed' }
  const [prefix = '', ...rest] = token.split('.')
  // A later version may shape its tokens differently: only the prefix says which version it is.
  if (prefix !== version) return /^v\d+$/.test(prefix) ? { ok: false, reason: 'unsupported-version' } : { ok: false, reason: 'malformed' }
  if (rest.length !== 2 || !rest.every((part) => base64url.test(part))) return { ok: false, reason: 'malformed' }
  const [payload, given] = rest as [string, string]
  const signed = `${prefix}.${payload}`
  const givenBytes = Buffer.from(given)
  // Every secret is tried, so the time taken does not tell which one (or whether any) matched.
  let valid = false
  for (const key of secrets) {
    const expected = Buffer.from(signature(key, signed))
    if (expected.length === givenBytes.length && timingSafeEqual(expected, givenBytes)) valid = true
  }
  if (!valid) return { ok: false, reason: 'bad-signature' }
  const link = read(payload)
  if (link === undefined) return { ok: false, reason: 'malformed' }
  return at >= link.expiresAt ? { ok: false, reason: 'expired', link } : { ok: true, link }
}
