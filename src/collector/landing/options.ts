import { secretBytes } from '../links/format'

/** The email links' landing page (`GET /r/<token>`): the `links` option of createCollector. */
export interface LinkOptions {
  /**
   * The `LINK_SECRET` that signSurveyLink signs with: at least 32 bytes. While rotating, a list:
   * links signed with any of them are accepted (sign new ones with the first).
   */
  readonly secret: string | Uint8Array | readonly (string | Uint8Array)[]
  /** Fills `{brand}` in the question, as on the site and in the email [the question without a brand]. */
  readonly brand?: string
  /** The surveyId the link's responses are stored under [`'nps'`]. */
  readonly surveyId?: string
  /**
   * How long an answer the page made by itself (the score from the link, before any tap) waits before
   * it counts, in ms; another score for the same link meanwhile is a link scanner's [30 000].
   */
  readonly windowMs?: number
}

/** The link options, checked; null when the collector has no links. */
export interface ResolvedLinks {
  readonly secrets: readonly Buffer[]
  readonly brand: string | undefined
  readonly surveyId: string
  readonly windowMs: number
}

const maxText = 200

/**
 * Whether a secret of enough bytes also looks random. Long but guessable ones ('x' repeated,
 * 'abcabc…', '0123456789' twice) have few distinct characters, a run of one or a repeated part; 32
 * random bytes in hex or base64 have more than 10 distinct characters, and a run of 6 is a chance in
 * ten thousand even in hex.
 */
export const randomLooking = (secret: string): boolean =>
  new Set(secret).size >= 10 && !/(.)\1{5}/.test(secret) && !/^(.+?)\1+$/.test(secret)

/** Checks the `links` option; a bad one is a TypeError or RangeError naming it (never echoing the secret). */
export function resolveLinks(links: LinkOptions | undefined): ResolvedLinks | null {
  if (links === undefined) return null
  if (typeof links !== 'object' || links === null) throw new TypeError('links must be an object such as { secret: process.env.LINK_SECRET }')
  const list = Array.isArray(links.secret) ? links.secret : [links.secret]
  if (list.length === 0) throw new TypeError('links.secret must be a secret or a non-empty list of secrets')
  const secrets = list.map((s, i) => {
    const name = Array.isArray(links.secret) ? `links.secret[${i}]` : 'links.secret'
    const bytes = secretBytes(s, name)
    if (typeof s === 'string' && !randomLooking(s)) throw new RangeError(`${name} must be random (e.g. \`openssl rand -base64 32\`), not a word or a repeated pattern`)
    return bytes
  })
  const { brand, surveyId = 'nps', windowMs = 30_000 } = links
  if (brand !== undefined && (typeof brand !== 'string' || brand.trim() === '' || brand.length > maxText)) {
    throw new TypeError(`links.brand must be a non-empty string of at most ${maxText} characters`)
  }
  if (typeof surveyId !== 'string' || !/\S/.test(surveyId) || surveyId.length > maxText) {
    throw new TypeError(`links.surveyId must be a non-empty string of at most ${maxText} characters`)
  }
  if (!(Number.isInteger(windowMs) && windowMs >= 100 && windowMs <= 600_000)) {
    throw new RangeError(`links.windowMs must be a whole number of ms from 100 to 600000, not ${String(windowMs)}`)
  }
  return { secrets, brand, surveyId, windowMs }
}
