// Who a response or an event is about, as the recontact check sees it: salted SHA-256 hashes of
// the customer's id and email, never the id or email itself. Made in Node with the same
// String()/trim()/toLowerCase() the widget uses, so both sides hash the same key.
import { createHash } from 'node:crypto'
import type { Queryable } from './types'

type User = Readonly<Record<string, string | number | boolean | null>> | null

/** The hashes of a user: of `id:<id>` and of `email:<address>`, each null when the user has none. */
export interface PersonHashes {
  readonly id: string | null
  readonly email: string | null
}

/**
 * `sha256_hex(salt + "\n" + key)`, UTF-8: the hash wire format 3 of issue #19 fixes.
 *
 * @example
 * personHash('c2FsdHNhbHRzYWx0c2FsdA', 'id:1042') // → 64 lowercase hex digits
 */
export const personHash = (salt: string, key: string): string => createHash('sha256').update(salt + '\n' + key, 'utf8').digest('hex')

/** The recontact keys of a user: an id that is not null or empty, an email that is not blank. */
export function personKeys(user: User): { id: string | null; email: string | null } {
  const id = user?.id
  const email = user?.email
  return {
    id: id === undefined || id === null || id === '' ? null : 'id:' + String(id),
    email: typeof email === 'string' && email.trim() !== '' ? 'email:' + email.trim().toLowerCase() : null,
  }
}

/**
 * The hashes to store with a response or an event.
 *
 * @example
 * personHashes(salt, { id: 1042, email: ' Kari@Example.no ' }) // { id: sha256(salt\nid:1042), email: sha256(salt\nemail:kari@example.no) }
 */
export function personHashes(salt: string, user: User): PersonHashes {
  const keys = personKeys(user)
  return { id: keys.id && personHash(salt, keys.id), email: keys.email && personHash(salt, keys.email) }
}

const salts = new WeakMap<Queryable, Promise<string>>()

/**
 * The collector's recontact salt, made once by migration 006 and kept in the database, read once
 * per database object. A failed read is not cached.
 *
 * @example
 * await recontactSalt(db) // → 'q3J…' (43 characters of base64url)
 */
export function recontactSalt(db: Queryable): Promise<string> {
  let salt = salts.get(db)
  if (!salt) {
    salt = db.query<{ salt: string }>('SELECT salt FROM recontact_salt').then(({ rows }) => {
      if (!rows[0]) throw new Error('The recontact salt is missing: run the migrations (openDatabase does)')
      return rows[0].salt
    })
    salts.set(db, salt)
    salt.catch(() => salts.delete(db))
  }
  return salt
}
