const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Makes text safe inside HTML text and quoted attribute values alike, so a brand like
 * `Tom & Jerry's <Shop>` prints as written and can never open a tag or close an attribute.
 *
 * @example
 * escapeHtml('Tom & Jerry\'s <Shop>') // → 'Tom &amp; Jerry&#39;s &lt;Shop&gt;'
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c]!)
