/**
 * The page a response came from: without query string and fragment, which often hold
 * order numbers, e-mail addresses or tokens, unless the shop asks for them.
 *
 * @example
 * pageOf('https://shop.example/order/done?email=a@b.no#top') // → 'https://shop.example/order/done'
 */
export function pageOf(href: string, includeQuery = false): string {
  const cut = href.search(includeQuery ? /#/ : /[?#]/)
  return cut < 0 ? href : href.slice(0, cut)
}
