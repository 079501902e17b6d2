/**
 * Cuts text to at most `max` UTF-16 units, ending with "…" when cut, never inside a surrogate pair.
 *
 * @example
 * truncate('abcdef', 4) // → 'abc…'
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return text.slice(0, end) + '…'
}
