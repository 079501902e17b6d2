import type { Score } from '../score/types'
import { wrong } from './options'
import type { SurveyLinks } from './types'

export const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const satisfies readonly Score[]

// An absolute http(s) URL that can sit in an href and on a line of its own in the plain-text part:
// no white space, quotes or angle brackets (which would also end the link in a plain-text reader).
const absolute = /^https?:\/\/[^\s"'<>\\/?#@]+(?:[/?#][^\s"'<>\\]*)?$/i
// What a signed token is made of (base64url and dots); anything else would need escaping in a path.
const tokenChars = /^[A-Za-z0-9._~-]+$/

/**
 * The eleven URLs, index = score. A function is called once per score and must return an absolute
 * http(s) URL; a base URL and a token give the collector's landing page, `${baseUrl}/r/${token}?score=N`.
 *
 * @example
 * surveyUrls({ baseUrl: 'https://nps.example.com/', token: 'v1.abc.def' })[7]
 * // → 'https://nps.example.com/r/v1.abc.def?score=7'
 */
export function surveyUrls(links: SurveyLinks): string[] {
  if (typeof links === 'function') {
    return scores.map((score) => {
      const url: unknown = links(score)
      return typeof url === 'string' && absolute.test(url) ? url : wrong('links', `a function that returns an absolute http(s) URL (for score ${score})`, url)
    })
  }
  const { baseUrl, token } = links
  if (typeof baseUrl !== 'string' || !absolute.test(baseUrl) || /[?#]/.test(baseUrl)) {
    wrong('links.baseUrl', 'an absolute http(s) URL without query or fragment', baseUrl)
  }
  if (typeof token !== 'string' || !tokenChars.test(token)) wrong('links.token', 'a token made by signSurveyLink', token)
  const base = baseUrl.replace(/\/+$/, '')
  return scores.map((score) => `${base}/r/${token}?score=${score}`)
}
