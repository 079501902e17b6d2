import { payloadSchema, type SchemaRules } from './validateResponse'

// JSON.stringify writes any code point in at most 6 bytes (a control character as \u001f; an emoji
// is 4 bytes of UTF-8), so this many bytes per character cover every string the schema allows.
const bytesPerCharacter = 6
// Room for what the schema does not bound (field names, numbers, `user` and `metadata`).
const margin = 16 * 1024

type Rules = SchemaRules & { readonly oneOf?: readonly Rules[]; readonly $ref?: string; readonly $defs?: Record<string, Rules> }

function longest(rules: Rules, root: Rules): number {
  if (rules.oneOf) {
    // `#/$defs/name` is the only kind of reference schema.json uses.
    return Math.max(...rules.oneOf.map((branch) => longest(root.$defs?.[branch.$ref?.replace('#/$defs/', '') ?? ''] ?? branch, root)))
  }
  let bytes = rules.maxLength === undefined ? 0 : rules.maxLength * bytesPerCharacter
  for (const property of Object.values(rules.properties ?? {})) bytes += longest(property, root)
  return bytes
}

/**
 * The most bytes a POSTed payload may have: the longest body the schema allows (a response, which
 * is longer than any event), with every bounded string at its `maxLength` in the widest encoding,
 * plus a margin. A schema-valid comment of 10,000 emoji always fits.
 *
 * @example
 * maxBodyBytes() // about 97 KB for schema.json
 */
export function maxBodyBytes(schema: SchemaRules = payloadSchema): number {
  return longest(schema, schema) + margin
}
