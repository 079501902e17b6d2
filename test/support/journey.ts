// The fake shop of the journey suites (Chromium routes its requests; WebKit gets them from the
// test server's `pages`): every page is a heading and, if given, the script tag.

/** A shop page titled `title`, carrying `tag`. */
export const shopPage = (title: string, tag = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>${tag}</body></html>`

/** The script tag as the shop embeds it, delivering to /api/responses, with extra `attributes`. */
export const scriptTag = (attributes: string) => `<script src="/dist/npskit.iife.js" data-endpoint="/api/responses" data-locale="en" ${attributes}></script>`

/** A multi-page checkout whose confirmation pages ask once per order. */
export function checkoutPages(): Record<string, string> {
  const confirmation = (order: string) => shopPage('Order ' + order, scriptTag(`data-journey-point="checkout-complete" data-dedupe-key="${order}"`))
  return {
  '/shop/product': shopPage('Ullgenser', scriptTag('')),
  '/shop/cart': shopPage('Handlekurv', scriptTag('')),
  '/shop/checkout': shopPage('Kasse', scriptTag('')),
  '/shop/order/1': confirmation('ORDER-1'),
  '/shop/order/2': confirmation('ORDER-2'),
  '/shop/order/3': confirmation('ORDER-3'),
  }
}
