import { responseSchema, type SchemaRules } from './validateResponse'

// JSON.stringify writes any code point in at most 6 bytes (a control character as \u001f; an emoji
// is 4 bytes of UTF-8), so this many bytes per character cover every string the schema allows.
const bytesPerCharacter = 6
// Room for what the schema does not bound (field names, numbers, `user` and `metadata`).
const margin = 16 * 1024

function longest(rules: SchemaRules): number {
  let bytes = rules.maxLength === undefined ? 0 : rules.maxLength * bytesPerCharacter
  for (const property of Object.values(rules.properties ?? {})) bytes += longest(property)
  return bytes
}

/**
 * The most bytes a POSTed response may have: the longest body the schema allows, with every
 * bounded string at its `maxLength` in the widest encoding, plus a margin. A schema-valid comment
 * of 10,000 emoji always fits.
 *
 * @example
 * maxBodyBytes() // about 97 KB for schema.json
 */
export function maxBodyBytes(schema: SchemaRules = responseSchema): number {
  return longest(schema) + margin
}
