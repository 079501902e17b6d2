// Renders the order confirmation on the server: the order number goes into the script tag as
// the survey's dedupe key, so one order is asked about once, whatever the customer reloads.
import { readFile } from 'node:fs/promises'
import { shopLocales } from '../public/shop-i18n.js'

export { shopLocales }

const template = new URL('../public/order.html', import.meta.url)
const orderNumber = /^NH-\d{4}-\d{6}$/

/** For text and double-quoted attributes: nothing a customer sends can close either. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** @returns {Promise<string | null>} the page, or null for something that is no order number */
export async function renderConfirmation(order, lang) {
  if (!orderNumber.test(order)) return null
  const locale = shopLocales.includes(lang) ? lang : 'en'
  const html = await readFile(template, 'utf8')
  return html.replaceAll('{{order}}', escapeHtml(order)).replaceAll('{{lang}}', escapeHtml(locale))
}
