// Nordhandel, the demo shop: products, a cart in localStorage, checkout, confirmation.
// Everything is put on the page with textContent; the page's CSP allows no inline code.
import { formatPrice, languageNames, products, shopLocales, strings } from './shop-i18n.js'

const $ = (id) => document.getElementById(id)
const CART = 'nordhandel-cart'
const LANG = 'nordhandel-lang'
const orderPage = document.body.dataset.order !== undefined

function currentLang() {
  const fromUrl = new URLSearchParams(location.search).get('lang')
  if (shopLocales.includes(fromUrl)) return fromUrl
  if (orderPage) return document.documentElement.lang
  const stored = localStorage.getItem(LANG)
  if (shopLocales.includes(stored)) return stored
  const browser = navigator.language.slice(0, 2).replace('no', 'nb')
  return shopLocales.includes(browser) ? browser : 'en'
}

let lang = currentLang()
const t = (key) => strings[lang][key] ?? strings.en[key]

const readCart = () => {
  try {
    return JSON.parse(localStorage.getItem(CART) ?? '{}')
  } catch {
    return {}
  }
}
const writeCart = (cart) => localStorage.setItem(CART, JSON.stringify(cart))
const priceOf = (product) => product.price[{ en: 'EUR', fi: 'EUR', nb: 'NOK', da: 'DKK', sv: 'SEK' }[lang]]
const lines = (cart) => products.filter((p) => cart[p.id] > 0).map((p) => ({ product: p, qty: cart[p.id] }))
const totalOf = (cart) => lines(cart).reduce((sum, { product, qty }) => sum + priceOf(product) * qty, 0)

function translate() {
  document.documentElement.lang = lang
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n)
}

function languageSwitch() {
  const select = $('lang')
  select.replaceChildren(...shopLocales.map((code) => new Option(languageNames[code], code, false, code === lang)))
  select.addEventListener('change', () => {
    localStorage.setItem(LANG, select.value)
    if (orderPage) {
      // The survey's locale is in the script tag the server renders: load the page again.
      location.search = '?lang=' + select.value
      return
    }
    lang = select.value
    render()
  })
}

function productCard(product) {
  const item = document.createElement('li')
  item.className = 'product'
  const image = document.createElement('img')
  image.src = product.image
  image.alt = ''
  const name = document.createElement('h2')
  name.textContent = t(product.id)
  const text = document.createElement('p')
  text.textContent = t(product.id + 'Text')
  const price = document.createElement('p')
  price.className = 'price'
  price.textContent = formatPrice(priceOf(product), lang)
  const add = document.createElement('button')
  add.type = 'button'
  add.className = 'button'
  add.textContent = t('add')
  add.dataset.product = product.id
  add.addEventListener('click', () => {
    const cart = readCart()
    cart[product.id] = (cart[product.id] ?? 0) + 1
    writeCart(cart)
    add.textContent = t('added') + ' ✓'
    setTimeout(() => (add.textContent = t('add')), 1200)
    renderCartCount()
  })
  item.append(image, name, text, price, add)
  return item
}

function lineRows(cart, removable) {
  return lines(cart).map(({ product, qty }) => {
    const row = document.createElement('tr')
    const name = document.createElement('td')
    name.textContent = t(product.id)
    const count = document.createElement('td')
    count.textContent = `${qty} ×`
    const amount = document.createElement('td')
    amount.className = 'amount'
    amount.textContent = formatPrice(priceOf(product) * qty, lang)
    row.append(name, count, amount)
    if (removable) {
      const cell = document.createElement('td')
      const remove = document.createElement('button')
      remove.type = 'button'
      remove.className = 'link'
      remove.textContent = t('remove')
      remove.addEventListener('click', () => {
        const next = readCart()
        delete next[product.id]
        writeCart(next)
        render()
      })
      cell.append(remove)
      row.append(cell)
    }
    return row
  })
}

function renderCartCount() {
  const cart = readCart()
  $('cart-count').textContent = String(Object.values(cart).reduce((a, b) => a + b, 0))
}

function renderShop() {
  const view = location.hash.slice(1) || 'products'
  for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== 'view-' + view
  const cart = readCart()
  $('products').replaceChildren(...products.map(productCard))
  $('cart-lines').replaceChildren(...lineRows(cart, true))
  $('cart-empty').hidden = lines(cart).length > 0
  $('to-checkout').hidden = lines(cart).length === 0
  $('cart-total').textContent = formatPrice(totalOf(cart), lang)
  $('checkout-total').textContent = formatPrice(totalOf(cart), lang)
  $('form-lang').value = lang
  renderCartCount()
}

function renderOrder() {
  // The cart becomes this order's lines once, so a reload still shows them.
  const key = 'nordhandel-order-' + document.body.dataset.order
  let cart = JSON.parse(sessionStorage.getItem(key) ?? 'null')
  if (cart === null) {
    cart = readCart()
    sessionStorage.setItem(key, JSON.stringify(cart))
    writeCart({})
  }
  $('order-lines').replaceChildren(...lineRows(cart, false))
  $('order-total').textContent = formatPrice(totalOf(cart), lang)
}

function render() {
  translate()
  if (orderPage) renderOrder()
  else renderShop()
}

languageSwitch()
if (!orderPage) {
  addEventListener('hashchange', render)
  $('checkout-form').addEventListener('submit', (event) => {
    if (lines(readCart()).length === 0) {
      event.preventDefault()
      location.hash = 'cart'
    }
  })
}
render()
