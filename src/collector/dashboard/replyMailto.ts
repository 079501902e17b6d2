// "Reply by email" in the inbox: a mailto: link that opens the shop's own mail client with a
// draft in the customer's language, quoting their comment. Everything the customer wrote goes
// into the body only, percent-encoded, so no comment or name can add a header (Bcc, a second
// recipient) or end the subject; an address a mailto: cannot carry safely gets no link at all.
import { replyWording, type ReplyWording } from './replyWording'

/** What the draft is made from: the stored response's fields, and who signs it. */
export interface ReplyInput {
  /** The customer's e-mail address (from the response's `user.email`). */
  readonly email: string
  /** The response's locale, e.g. nb-NO; unknown languages get English. */
  readonly locale: string
  readonly comment?: string | null
  /** The customer's name, when the site sent one. */
  readonly name?: string | null
  /** The admin's name, under the sign-off. */
  readonly signature?: string | null
}

/** Quoted comments are cut to this many characters: mail clients refuse very long mailto: links. */
export const MAX_QUOTE = 600

// One address, no comments, quotes or anything a mailto: would read as a separator or a header.
const address = /^[^\s@"(),:;<>[\]\\%?&=#/]{1,64}@[^\s@"(),:;<>[\]\\%?&=#/_!*'~+]+\.[^\s@"(),:;<>[\]\\%?&=#/_!*'~+.]+$/u
const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u

/** The wording of a locale: by its primary language (Norwegian `no` is Bokmål), else English. */
export function wordingFor(locale: string): ReplyWording {
  const language = String(locale).toLowerCase().split(/[-_]/)[0]!
  const key = language === 'no' ? 'nb' : language
  return Object.hasOwn(replyWording, key) ? replyWording[key]! : replyWording.en!
}

/** One line: any run of white space (line breaks included) becomes one space. */
const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim()

function cut(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : chars.slice(0, max).join('').trimEnd() + '…'
}

/**
 * The draft's subject and body (lines joined with CRLF, as RFC 6068 asks of a mailto: body).
 *
 * @example
 * replyDraft({ email: 'kari@example.com', locale: 'nb-NO', comment: 'Koden virket ikke', signature: 'Ola' }).subject
 * // 'Om tilbakemeldingen din'
 */
export function replyDraft(input: ReplyInput): { subject: string; body: string } {
  const words = wordingFor(input.locale)
  const name = typeof input.name === 'string' ? cut(oneLine(input.name), 100) : ''
  const comment = typeof input.comment === 'string' ? cut(input.comment.replace(/\r\n?/g, '\n').trim(), MAX_QUOTE) : ''
  const signature = typeof input.signature === 'string' ? cut(oneLine(input.signature), 100) : ''
  const lines = [name ? words.hello.replace('{name}', () => name) : words.helloNoName, '', words.thanks]
  if (comment) lines.push(words.youWrote, '', ...comment.split('\n').map((line) => '> ' + line))
  lines.push('', words.ask, '', words.regards)
  if (signature) lines.push(signature)
  return { subject: words.subject, body: lines.join('\r\n') }
}

/** Whether `email` is one address that a mailto: link can carry as it is. */
export function mailableAddress(email: unknown): email is string {
  return typeof email === 'string' && email.length <= 254 && !control.test(email) && address.test(email)
}

/**
 * The mailto: link of "Reply by email", or null when the address is not one plain e-mail address.
 *
 * @example
 * replyMailto({ email: 'kari@example.com', locale: 'en', comment: 'Slow delivery' })
 * // 'mailto:kari@example.com?subject=About%20your%20feedback&body=Hi%2C%0D%0A%0D%0AThank%20you…'
 */
export function replyMailto(input: ReplyInput): string | null {
  if (!mailableAddress(input.email)) return null
  const at = input.email.lastIndexOf('@')
  const to = encodeURIComponent(input.email.slice(0, at)) + '@' + encodeURIComponent(input.email.slice(at + 1))
  const { subject, body } = replyDraft(input)
  return `mailto:${to}?subject=${encodeURIComponent(oneLine(subject))}&body=${encodeURIComponent(body)}`
}
