import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchAlwaysOn, watchSpecs, watchTriggers, type TriggerPoint } from '../../src/triggers/index'

const tick = () => new Promise((r) => setTimeout(r, 0))

type Layer = unknown[] & { push: (...items: unknown[]) => number }
const w = window as unknown as { dataLayer?: Layer; navigation?: EventTarget }

// Every listener added through EventTarget, so a test can see that the disposer removed each one.
const added: [EventTarget, string, unknown, boolean][] = []
const removed: [EventTarget, string, unknown, boolean][] = []
const captureOf = (o: unknown) => (typeof o === 'boolean' ? o : !!(o as { capture?: boolean } | undefined)?.capture)
const originalAdd = EventTarget.prototype.addEventListener
const originalRemove = EventTarget.prototype.removeEventListener
const windowAdd = window.addEventListener
const windowRemove = window.removeEventListener
function countListeners() {
  // In vitest's jsdom, window carries its own add/removeEventListener, not EventTarget.prototype's.
  for (const [target, add, remove] of [
    [EventTarget.prototype, originalAdd, originalRemove],
    [window, windowAdd, windowRemove],
  ] as const) {
    vi.spyOn(target, 'addEventListener').mockImplementation(function (this: EventTarget, type: string, handler: unknown, options?: unknown) {
      added.push([this, type, handler, captureOf(options)])
      add.call(this, type, handler as EventListener, options as AddEventListenerOptions)
    })
    vi.spyOn(target, 'removeEventListener').mockImplementation(function (this: EventTarget, type: string, handler: unknown, options?: unknown) {
      removed.push([this, type, handler, captureOf(options)])
      remove.call(this, type, handler as EventListener, options as EventListenerOptions)
    })
  }
}
/** Listeners added and never removed (matched like the DOM does: target, type, handler, capture). */
function leftover() {
  const open = [...added]
  for (const r of removed) {
    const i = open.findIndex((a) => a[0] === r[0] && a[1] === r[1] && a[2] === r[2] && a[3] === r[3])
    if (i >= 0) open.splice(i, 1)
  }
  return open.map((a) => a[1])
}

let fires: [string, unknown][] = []
let errors: Error[] = []
let stop: (() => void) | undefined
const watch = (points: Record<string, TriggerPoint>) => (stop = watchTriggers(points, (name, detail) => void fires.push([name, detail]), (e) => void errors.push(e)))
const go = (path: string) => history.pushState(null, '', path)
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
const pointer = (fine: boolean) => {
  window.matchMedia = ((q: string) => ({ matches: q === '(pointer: fine)' ? fine : !fine })) as typeof window.matchMedia
}
const pageHeight = (px: number) => Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: px })
const scrollTo = (y: number) => {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y })
  window.dispatchEvent(new Event('scroll'))
}
const originalPushState = history.pushState
const originalReplaceState = history.replaceState

beforeEach(() => {
  fires = []
  errors = []
  added.length = 0
  removed.length = 0
  History.prototype.replaceState.call(history, null, '', '/')
  document.body.innerHTML = '<main><button id="buy" class="buy"><span>Buy</span></button><a data-npskit-trigger="support-closed" data-npskit-dedupe-key="T-9">Close chat</a><p data-npskit-trigger="">empty</p></main>'
})
afterEach(() => {
  stop?.()
  stop = undefined
  vi.useRealTimers()
  vi.restoreAllMocks()
  delete w.dataLayer
  delete w.navigation
  delete (window as { matchMedia?: unknown }).matchMedia
  pageHeight(0)
  scrollTo(0)
  history.pushState = originalPushState
  history.replaceState = originalReplaceState
})

describe('always-on triggers', () => {
  it('a click on [data-npskit-trigger] fires its journey point with its dedupe key, also from inside it', () => {
    watch({})
    const a = document.querySelector('[data-npskit-trigger]')!
    click(a)
    a.innerHTML = '<b>icon</b>'
    click(a.querySelector('b')!)
    click(document.querySelector('p')!) // an empty name is no journey point
    click(document.body)
    expect(fires).toEqual([
      ['support-closed', { dedupeKey: 'T-9' }],
      ['support-closed', { dedupeKey: 'T-9' }],
    ])
  })

  it('sees a click even when the page stops its propagation', () => {
    watch({})
    document.querySelector('a')!.addEventListener('click', (e) => e.stopPropagation())
    click(document.querySelector('a')!)
    expect(fires).toHaveLength(1)
  })

  it('counts elements added after it started', () => {
    watch({})
    document.body.insertAdjacentHTML('beforeend', '<button data-npskit-trigger="late">x</button>')
    click(document.querySelector('[data-npskit-trigger="late"]')!)
    expect(fires).toEqual([['late', undefined]])
  })

  it('the npskit:trigger event fires its journey point with dedupe key and flat metadata', () => {
    watch({})
    const send = (detail: unknown) => window.dispatchEvent(new CustomEvent('npskit:trigger', { detail }))
    send({ journeyPoint: 'checkout-complete', dedupeKey: 'A-1001', metadata: { total: 99.5, currency: 'NOK', deep: { no: 1 } } })
    send({ journeyPoint: 'plain' })
    expect(fires).toEqual([
      ['checkout-complete', { dedupeKey: 'A-1001', metadata: { total: 99.5, currency: 'NOK' } }],
      ['plain', undefined],
    ])
  })

  it.each([undefined, null, 'checkout', {}, { journeyPoint: '' }, { journeyPoint: 5 }])('reports npskit:trigger with detail %j, never throws', (detail) => {
    watch({})
    expect(() => window.dispatchEvent(new CustomEvent('npskit:trigger', { detail }))).not.toThrow()
    expect(fires).toEqual([])
    expect(errors.map((e) => e.message)).toEqual(['npskit:trigger needs detail.journeyPoint'])
  })
})

describe('declared triggers', () => {
  it('url: fires on arrival at a matching page, now and after SPA navigation, once per path, in the next task', () => {
    vi.useFakeTimers()
    History.prototype.replaceState.call(history, null, '', '/order/A-1/thanks')
    watch({ thanks: { on: { url: '/order/*/thanks' } }, never: { on: { url: /^\/nowhere$/ } } })
    expect(fires).toEqual([])
    vi.advanceTimersByTime(0)
    expect(fires).toEqual([['thanks', undefined]])
    go('/order/A-1/thanks?utm=x#top') // the same path: no new page
    go('/cart')
    go('/order/A-2/thanks')
    vi.advanceTimersByTime(0)
    go('/order/A-3/thanks')
    history.replaceState(null, '', '/order/A-4/thanks') // a redirect in the same task: A-3 never counted
    vi.advanceTimersByTime(0)
    expect(fires.map((f) => f[0])).toEqual(['thanks', 'thanks', 'thanks'])
  })

  it('url: follows popstate (back and forward)', async () => {
    watch({ cart: { on: { url: '/cart' } } })
    go('/cart')
    await tick()
    go('/checkout')
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }))
    history.back()
    await popped
    await tick()
    expect(location.pathname).toBe('/cart')
    expect(fires).toEqual([
      ['cart', undefined],
      ['cart', undefined],
    ])
  })

  it('url: uses the Navigation API where present and then leaves history alone', () => {
    vi.useFakeTimers()
    w.navigation = new EventTarget()
    watch({ cart: { on: { url: '/cart' } } })
    expect(history.pushState).toBe(originalPushState)
    History.prototype.pushState.call(history, null, '', '/cart')
    w.navigation.dispatchEvent(new Event('currententrychange'))
    vi.advanceTimersByTime(0)
    expect(fires).toEqual([['cart', undefined]])
    stop!()
    History.prototype.pushState.call(history, null, '', '/')
    w.navigation.dispatchEvent(new Event('currententrychange'))
    History.prototype.pushState.call(history, null, '', '/cart')
    w.navigation.dispatchEvent(new Event('currententrychange'))
    expect(fires).toHaveLength(1)
  })

  it('click: a delegated click on a selector, with the element’s dedupe key', () => {
    watch({ buy: { on: { click: '.buy' } } })
    click(document.querySelector('.buy span')!)
    document.querySelector('.buy')!.setAttribute('data-npskit-dedupe-key', 'SKU-1')
    click(document.querySelector('.buy')!)
    click(document.body)
    expect(fires).toEqual([
      ['buy', undefined],
      ['buy', { dedupeKey: 'SKU-1' }],
    ])
  })

  it('click: limited by url, it counts only on matching pages', () => {
    watch({ buy: { on: { click: '.buy', url: '/product/*' } } })
    click(document.querySelector('.buy')!)
    go('/product/42')
    click(document.querySelector('.buy')!)
    go('/cart')
    click(document.querySelector('.buy')!)
    expect(fires).toEqual([['buy', undefined]])
  })

  it('click: a bad selector is reported, and the other triggers still work', () => {
    expect(() => watch({ bad: { on: { click: '!!nope' } }, good: { on: { click: '#buy' } } })).not.toThrow()
    expect(errors).toHaveLength(1)
    expect(errors[0]!.name).toBe('SyntaxError')
    click(document.querySelector('#buy')!)
    expect(fires).toEqual([['good', undefined]])
  })

  it('event: a CustomEvent on window, with dedupeKey and metadata from its detail', () => {
    watch({ 'support-closed': { on: { event: 'chat:closed' } } })
    window.dispatchEvent(new CustomEvent('chat:closed', { detail: { dedupeKey: 77, metadata: { agent: 'Kari' }, other: 1 } }))
    window.dispatchEvent(new Event('chat:closed'))
    document.body.dispatchEvent(new CustomEvent('chat:closed')) // never reaches window
    expect(fires).toEqual([
      ['support-closed', { dedupeKey: '77', metadata: { agent: 'Kari' } }],
      ['support-closed', undefined],
    ])
  })

  it('dataLayer: replays entries pushed before, follows later pushes, creates the layer if absent', () => {
    w.dataLayer = [{ event: 'gtm.js' }, { event: 'purchase', ecommerce: { transaction_id: 'T-1', value: 10 } }] as Layer
    watch({ 'checkout-complete': { on: { dataLayer: 'purchase' } } })
    expect(fires).toEqual([['checkout-complete', { dedupeKey: 'T-1' }]])
    expect(w.dataLayer.push({ event: 'add_to_cart' }, { event: 'purchase', dedupeKey: 'T-2', metadata: { total: 5 } })).toBe(4)
    expect(w.dataLayer).toHaveLength(4)
    // gtag.js pushes its arguments object
    ;(function gtag(..._: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      w.dataLayer!.push(arguments)
    })('event', 'purchase', { transaction_id: 'T-3' })
    w.dataLayer.push(null, 7, 'purchase')
    expect(fires.slice(1)).toEqual([
      ['checkout-complete', { dedupeKey: 'T-2', metadata: { total: 5 } }],
      ['checkout-complete', { dedupeKey: 'T-3' }],
    ])
    stop!()
    delete w.dataLayer
    watch({ p: { on: { dataLayer: 'purchase' } } })
    expect(Array.isArray(w.dataLayer)).toBe(true)
  })

  it('dataLayer: an entry pushed before on another page is not replayed after SPA navigation', () => {
    w.dataLayer = [{ event: 'purchase' }] as Layer
    watch({ done: { on: { dataLayer: 'purchase', url: '/done' } } })
    go('/done')
    expect(fires).toEqual([])
    w.dataLayer.push({ event: 'purchase' })
    expect(fires).toEqual([['done', undefined]])
  })

  it('dataLayer: wraps push once for good (no pile of wrappers under GTM’s), checking the url at each entry', () => {
    vi.useFakeTimers()
    w.dataLayer = [] as unknown as Layer
    watch({ done: { on: { dataLayer: 'purchase', url: '/done' } }, other: { on: { url: '/x' } } })
    const push = w.dataLayer.push
    go('/x')
    vi.advanceTimersByTime(0)
    go('/done')
    expect(w.dataLayer.push).toBe(push)
    vi.advanceTimersByTime(0)
    w.dataLayer.push({ event: 'purchase', dedupeKey: 'A' })
    go('/y')
    w.dataLayer.push({ event: 'purchase', dedupeKey: 'B' })
    expect(fires).toEqual([
      ['other', undefined],
      ['done', { dedupeKey: 'A' }],
    ])
  })

  it('click: a bad selector is reported once, not on every page', () => {
    watch({ bad: { on: { click: 'a[', url: '*' } } })
    go('/a')
    go('/b')
    expect(errors).toHaveLength(1)
  })

  it('afterMs: fires once after that long on the page, restarting on SPA navigation', () => {
    vi.useFakeTimers()
    watch({ browse: { on: { afterMs: 30_000 } } })
    vi.advanceTimersByTime(29_999)
    expect(fires).toEqual([])
    vi.advanceTimersByTime(1)
    expect(fires).toEqual([['browse', undefined]])
    vi.advanceTimersByTime(60_000)
    expect(fires).toHaveLength(1)
    go('/other')
    vi.advanceTimersByTime(20_000)
    go('/third') // left before 30 s: that page's timer is gone
    vi.advanceTimersByTime(29_000)
    expect(fires).toHaveLength(1)
    vi.advanceTimersByTime(1_000)
    expect(fires).toHaveLength(2)
  })

  it('afterMs: limited by url, counts only the time on matching pages', () => {
    vi.useFakeTimers()
    watch({ pricing: { on: { afterMs: 5_000, url: '/pricing' } } })
    vi.advanceTimersByTime(10_000)
    go('/pricing')
    vi.advanceTimersByTime(4_000)
    go('/pricing#plans') // same page
    vi.advanceTimersByTime(1_000)
    expect(fires).toEqual([['pricing', undefined]])
  })

  it('scrollDepth: fires once when the viewport’s bottom reaches that share of the page', () => {
    pageHeight(768 * 4) // innerHeight is 768 in jsdom
    watch({ read: { on: { scrollDepth: 0.5 } } })
    scrollTo(700) // bottom at 1468 / 3072 ≈ 0.48
    expect(fires).toEqual([])
    scrollTo(768) // bottom at 1536 / 3072 = 0.5
    scrollTo(2000)
    scrollTo(0)
    scrollTo(2000)
    expect(fires).toEqual([['read', undefined]])
    go('/next') // a new page, measured afresh
    scrollTo(2304)
    expect(fires).toHaveLength(2)
  })

  it('scrollDepth: a page too short to scroll does not fire on its own', () => {
    pageHeight(500)
    watch({ read: { on: { scrollDepth: 0.1 } } })
    expect(fires).toEqual([])
  })

  it('exitIntent: the mouse leaving through the top edge, once per page, with a fine pointer', () => {
    pointer(true)
    watch({ leaving: { on: { exitIntent: true } } })
    const out = (clientY: number, relatedTarget: Element | null = null) =>
      document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientY, relatedTarget }))
    out(300) // leaving through a side
    out(0, document.querySelector('main')) // moving between elements
    expect(fires).toEqual([])
    out(-2)
    out(-5)
    expect(fires).toEqual([['leaving', undefined]])
    go('/next')
    out(-1)
    expect(fires).toHaveLength(2)
  })

  it('exitIntent: nothing on touch screens (coarse pointer) or without matchMedia', () => {
    pointer(false)
    watch({ leaving: { on: { exitIntent: true } } })
    document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientY: -1 }))
    stop!()
    delete (window as { matchMedia?: unknown }).matchMedia
    watch({ leaving: { on: { exitIntent: true } } })
    document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientY: -1 }))
    expect(fires).toEqual([])
    expect(errors).toEqual([])
  })

  it('several specs of a point, and several points', () => {
    vi.useFakeTimers()
    watch({ a: { on: [{ click: '#buy' }, { afterMs: 10 }] }, b: { on: { event: 'b' } }, c: {} })
    click(document.querySelector('#buy')!)
    window.dispatchEvent(new Event('b'))
    vi.advanceTimersByTime(10)
    expect(fires.map((f) => f[0])).toEqual(['a', 'b', 'a'])
  })

  it('an exception from fire goes to onError, never to the page', () => {
    vi.useFakeTimers()
    w.dataLayer = [] as unknown as Layer
    stop = watchTriggers(
      { buy: { on: [{ click: '#buy' }, { dataLayer: 'purchase' }, { url: '/boom' }] } },
      () => {
        throw new Error('survey broke')
      },
      (e) => void errors.push(e),
    )
    expect(() => click(document.querySelector('#buy')!)).not.toThrow()
    expect(() => w.dataLayer!.push({ event: 'purchase' })).not.toThrow()
    expect(() => go('/boom')).not.toThrow()
    expect(location.pathname).toBe('/boom')
    vi.advanceTimersByTime(0)
    expect(errors.map((e) => e.message)).toEqual(['survey broke', 'survey broke', 'survey broke'])
  })

  it('a non-Error thrown by fire is reported as an Error', () => {
    stop = watchTriggers({}, () => {
      throw 'plain string'
    }, (e) => void errors.push(e))
    click(document.querySelector('[data-npskit-trigger]')!)
    expect(errors[0]).toBeInstanceOf(Error)
    expect(errors[0]!.message).toBe('plain string')
  })
})

describe('the disposer', () => {
  const everything: Record<string, TriggerPoint> = {
    a: { on: [{ url: '/a' }, { click: '.buy' }, { event: 'e' }, { dataLayer: 'purchase' }] },
    b: { on: [{ afterMs: 1000 }, { scrollDepth: 0.5 }, { exitIntent: true }, { click: '.buy', url: '/b' }] },
  }

  it('removes every listener it added, clears timers, and puts back history and dataLayer.push', () => {
    vi.useFakeTimers()
    pointer(true)
    pageHeight(3000)
    w.dataLayer = [] as unknown as Layer
    const push = w.dataLayer.push
    countListeners()
    watch(everything)
    go('/b') // re-arms per-page triggers
    expect(history.pushState).not.toBe(originalPushState)
    expect(w.dataLayer.push).not.toBe(push)
    // On /: always-on click and npskit:trigger, popstate, and the specs for every page; on /b: those again plus click .buy on /b
    expect(added.map((a) => a[1]).sort()).toEqual(
      ['click', 'click', 'mouseout', 'npskit:trigger', 'e', 'popstate', 'scroll'].concat(['click', 'e', 'mouseout', 'scroll', 'click']).sort(),
    )
    stop!()
    expect(leftover()).toEqual([])
    expect(history.pushState).toBe(originalPushState)
    expect(history.replaceState).toBe(originalReplaceState)
    expect(w.dataLayer.push).toBe(push)
    expect(vi.getTimerCount()).toBe(0)

    // And nothing fires any more.
    click(document.querySelector('.buy')!)
    click(document.querySelector('[data-npskit-trigger]')!)
    window.dispatchEvent(new CustomEvent('npskit:trigger', { detail: { journeyPoint: 'x' } }))
    window.dispatchEvent(new Event('e'))
    w.dataLayer.push({ event: 'purchase' })
    go('/a')
    scrollTo(2500)
    document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, clientY: -1 }))
    vi.advanceTimersByTime(5000)
    expect(fires).toEqual([])
  })

  it('leaves wrappers that others added on top of ours in place, and ours goes quiet', () => {
    w.dataLayer = [] as unknown as Layer
    watch({ a: { on: [{ url: '/a' }, { dataLayer: 'purchase' }] } })
    const ourPush = w.dataLayer.push
    const theirs = vi.fn(function (this: History, ...args: Parameters<History['pushState']>) {
      return ours.apply(this, args)
    })
    const ours = history.pushState
    history.pushState = theirs
    const theirPush = vi.fn((...items: unknown[]) => ourPush.apply(w.dataLayer, items))
    w.dataLayer.push = theirPush
    stop!()
    expect(history.pushState).toBe(theirs)
    expect(w.dataLayer.push).toBe(theirPush)
    go('/a')
    w.dataLayer.push({ event: 'purchase' })
    expect(location.pathname).toBe('/a')
    expect(w.dataLayer).toHaveLength(1)
    expect(fires).toEqual([])
  })

  it('can be called twice', () => {
    watch(everything)
    stop!()
    expect(() => stop!()).not.toThrow()
  })
})

describe('the two halves, for a loader that fetches declared triggers lazily', () => {
  it('watchAlwaysOn adds two listeners and patches nothing', () => {
    countListeners()
    const off = watchAlwaysOn((name, detail) => void fires.push([name, detail]), (e) => void errors.push(e))
    expect(added.map((a) => a[1]).sort()).toEqual(['click', 'npskit:trigger'])
    expect(history.pushState).toBe(originalPushState)
    click(document.querySelector('a')!)
    off()
    expect(leftover()).toEqual([])
    expect(fires).toEqual([['support-closed', { dedupeKey: 'T-9' }]])
  })

  it('watchSpecs without specs adds nothing at all, and does not follow navigation', () => {
    countListeners()
    const off = watchSpecs({ a: {}, b: { on: [] } }, (name) => void fires.push([name, undefined]), (e) => void errors.push(e))
    expect(added).toEqual([])
    expect(history.pushState).toBe(originalPushState)
    expect(w.dataLayer).toBeUndefined()
    off()
  })
})
