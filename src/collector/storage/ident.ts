/**
 * Quotes a schema name for SQL. Only plain lower-case identifiers are accepted: a schema name
 * comes from configuration, and nothing else may reach SQL as text.
 *
 * @throws RangeError naming the value otherwise.
 * @example
 * ident('t_1a2b') // → '"t_1a2b"'
 */
export function ident(name: string): string {
  if (typeof name !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new RangeError(`schema must be a plain SQL identifier (a-z, 0-9, _), not ${JSON.stringify(name)}`)
  }
  return '"' + name + '"'
}
