/**
 * The collector's own pages (sign-in, dashboard) run under a strict policy: scripts and styles only
 * from the collector, no inline code, no framing, forms post only to itself. The referrer policy
 * is same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on the sign-in
 * form's POST, which the Origin check must refuse.
 */
export const pageHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
}
