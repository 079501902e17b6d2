/**
 * Text made safe to write into HTML, in element content or a quoted attribute.
 *
 * @example
 * escape('<b>"Kari & Ola"</b>') // → '&lt;b&gt;&quot;Kari &amp; Ola&quot;&lt;/b&gt;'
 */
export const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
