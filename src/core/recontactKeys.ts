import type { UserInfo } from '../types'

/**
 * What identifies a customer to a collector's recontact check (before hashing with its salt):
 * `id:<id>` for a `user` with an `id`, `email:<address>` (trimmed, lower case) for one with an
 * `email`, both for a user with both, none for an anonymous visitor. The same keys the collector
 * builds from its responses and events, so one person matches across devices and channels.
 *
 * @example
 * recontactKeys({ id: 1042, email: ' Kari@Example.no ' }) // → ['id:1042', 'email:kari@example.no']
 */
export function recontactKeys(user: UserInfo | null | undefined): string[] {
  const keys: string[] = []
  const id = user?.id
  const email = user?.email
  if (id !== undefined && id !== null && id !== '') keys.push('id:' + String(id))
  if (typeof email === 'string' && email.trim()) keys.push('email:' + email.trim().toLowerCase())
  return keys
}
