import { createHash } from 'node:crypto'

/**
 * The id of the one response an email link makes: the same token always gives the same id, so a
 * second click (another score, days later) updates that response instead of counting twice. A
 * UUID in form (version nibble 8, "custom", RFC 9562) made from SHA-256 of the token.
 */
export function linkResponseId(token: string): string {
  const hex = createHash('sha256').update('npskit link response\n' + token).digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
