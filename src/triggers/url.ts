/**
 * Whether the page's address matches a `url` trigger. A string is a pattern in which `*` stands
 * for any run of characters (slashes included) and everything else is literal; it must match
 * the whole `location.pathname`, or, when it starts with a scheme (`https:`), the whole
 * origin + pathname. Query and fragment are never part of it, and a trailing slash is optional
 * on both sides. A RegExp is tried on the pathname and on the full `location.href`, so both
 * `/^\/order\/\d+$/` and `/[?&]step=done/` work. No pattern matches everywhere.
 *
 * @example
 * const onConfirmation = urlMatcher('/checkout/*\/confirmation')
 * onConfirmation(location) // → true on /checkout/A-1001/confirmation
 */
export function urlMatcher(pattern: string | RegExp | undefined): (location: Location) => boolean {
  if (pattern === undefined) return () => true
  if (typeof pattern != 'string') {
    // Without g and y: a global RegExp's test() carries lastIndex over and alternates.
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
    return (l) => re.test(l.pathname) || re.test(l.href)
  }
  const re = new RegExp('^' + trim(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$')
  const full = /^[a-z][a-z\d+.-]*:/i.test(pattern)
  return (l) => re.test(trim(full ? l.origin + l.pathname : l.pathname))
}

const trim = (path: string) => path.replace(/(.)\/$/, '$1')
