/**
 * FNV-1a, 32-bit, over the string's UTF-16 code units: a tiny, fast, non-cryptographic
 * hash. For ASCII input (UUIDs, order numbers) it equals the standard byte-wise FNV-1a,
 * so a collector can reproduce it.
 *
 * @returns an unsigned 32-bit integer.
 * @example
 * fnv1a('a') // → 0xe40c292c
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  }
  return hash >>> 0
}
