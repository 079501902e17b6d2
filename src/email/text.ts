/** What the plain-text part says: the question, then each score's label and its link. */
export interface TextParts {
  readonly question: string
  readonly urls: readonly string[]
  readonly labels: readonly string[]
  readonly low: string
  readonly high: string
}

/**
 * The plain-text part, for clients and people that read mail as text. Each URL stands on a line of its
 * own, so every reader turns it into a link and a right-to-left label never reorders it.
 *
 * @example
 * // How likely are you to recommend Nordhandel to a friend or colleague?
 * //
 * // 0 out of 10 – Not at all likely
 * // https://nps.example.com/r/v1.abc.def?score=0
 * // …
 */
export function emailText(p: TextParts): string {
  const lines = [p.question, '']
  p.urls.forEach((url, score) => {
    const anchor = score === 0 ? ` – ${p.low}` : score === 10 ? ` – ${p.high}` : ''
    lines.push(p.labels[score] + anchor, url, '')
  })
  return lines.join('\n')
}
