import { writeFileSync } from 'node:fs'

// A thin typed layer over the W3C WebDriver protocol (fetch, JSON): the dozen commands the
// browser tests need, for a driver such as WebKitWebDriver (test/support/webkit.ts).

// Generous, bounded: a loaded two-core machine can take seconds for what takes milliseconds idle.
const commandTimeoutMs = 40_000
const elementKey = 'element-6066-11e4-a52e-4f735466cecf'
const shadowKey = 'shadow-6066-11e4-a52e-4f735466cecf'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type ElementRef = { [elementKey]: string }

/** A failed WebDriver command: its error code (e.g. 'no such element') and message. */
export class WebDriverError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

/** One WebDriver command: its JSON `value`, or a WebDriverError; bounded by `timeoutMs`. */
export async function command<T>(url: string, method: 'GET' | 'POST' | 'DELETE', body?: object, timeoutMs = commandTimeoutMs): Promise<T> {
  const response = await fetch(url, {
    method,
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: Error) => {
    throw error.name === 'TimeoutError' ? new Error(`WebDriver ${method} ${new URL(url).pathname} got no answer within ${timeoutMs / 1000} s`) : error
  })
  const { value } = (await response.json()) as { value: T & { error?: string; message?: string } }
  if (!response.ok) throw new WebDriverError(value?.error ?? String(response.status), value?.message ?? '')
  return value
}

/** The W3C key codes of the keys these tests press. */
const keyCodes: Record<string, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Space: ' ',
  Backspace: '\uE003',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Shift: '\uE008',
}
export type Key = keyof typeof keyCodes | (string & { length: 1 })

/** An element of the page, found by CSS selector (through open shadow roots with `>>>`). */
export class Element {
  constructor(
    private readonly session: Session,
    readonly id: string,
  ) {}
  private path = (suffix: string) => `element/${this.id}/${suffix}`
  /** Clicks its centre as a mouse does (scrolling it into view first). */
  click = () => this.session.send<null>('POST', this.path('click'), {})
  /** Focuses it and types `text`, key by key. */
  type = (text: string) => this.session.send<null>('POST', this.path('value'), { text })
  /** Position and size in CSS pixels. */
  rect = () => this.session.send<{ x: number; y: number; width: number; height: number }>('GET', this.path('rect'))
  /**
   * Its text content. (WebDriver's own "element text" is the rendered text, empty while an
   * entrance animation still has it at opacity 0.)
   */
  text = () => this.session.execute((element) => (element as unknown as Node).textContent ?? '', this.ref)
  /** The element as an argument of `Session.execute`. */
  get ref(): ElementRef {
    return { [elementKey]: this.id }
  }
}

/** One browser session: a fresh MiniBrowser with its own ephemeral storage. */
export class Session {
  constructor(
    private readonly base: string,
    readonly id: string,
  ) {}

  send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<T> {
    return command<T>(`${this.base}/session/${this.id}/${path}`, method, body)
  }

  /** Loads `url` and waits for its load event. */
  navigate = (url: string) => this.send<null>('POST', 'url', { url })
  url = () => this.send<string>('GET', 'url')
  /** Sets the window's outer size (the viewport is smaller by MiniBrowser's toolbar). */
  resize = (width: number, height: number) => this.send<unknown>('POST', 'window/rect', { width, height })

  /**
   * Runs `fn` in the page with JSON `args` (or `Element.ref`s) and returns its JSON result; a
   * returned promise is awaited. `fn` is sent as source: it sees only its arguments.
   */
  execute<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    return this.send('POST', 'execute/sync', { script: `return (${fn.toString()}).apply(null, arguments)`, args: args as Json[] })
  }

  /** Opens a new tab (same storage) and makes it current; returns its handle. */
  async newTab(): Promise<string> {
    const { handle } = await this.send<{ handle: string }>('POST', 'window/new', { type: 'tab' })
    await this.switchTo(handle)
    return handle
  }
  switchTo = (handle: string) => this.send<null>('POST', 'window', { handle })
  /** Closes the current tab; switch to another one before the next command. */
  closeTab = () => this.send<string[]>('DELETE', 'window')

  /**
   * The first element matching `selector`. `a >>> b` finds `b` inside the open shadow root of
   * `a` (one level per `>>>`).
   */
  async find(selector: string): Promise<Element> {
    const parts = selector.split('>>>').map((part) => part.trim())
    let found = await this.send<ElementRef>('POST', 'element', { using: 'css selector', value: parts[0] })
    for (const part of parts.slice(1)) {
      const root = await this.send<{ [shadowKey]: string }>('GET', `element/${found[elementKey]}/shadow`)
      found = await this.send<ElementRef>('POST', `shadow/${root[shadowKey]}/element`, { using: 'css selector', value: part })
    }
    return new Element(this, found[elementKey])
  }

  /** Every element matching the last part of `selector` (see `find`). */
  async findAll(selector: string): Promise<Element[]> {
    const parts = selector.split('>>>').map((part) => part.trim())
    const last = parts.pop()!
    const using = { using: 'css selector', value: last }
    let refs: ElementRef[]
    if (parts.length === 0) refs = await this.send<ElementRef[]>('POST', 'elements', using)
    else {
      const host = await this.find(parts.join(' >>> '))
      const root = await this.send<{ [shadowKey]: string }>('GET', `element/${host.id}/shadow`)
      refs = await this.send<ElementRef[]>('POST', `shadow/${root[shadowKey]}/elements`, using)
    }
    return refs.map((ref) => new Element(this, ref[elementKey]))
  }

  /** Waits until `selector` (see `find`) matches, then returns it. */
  async waitFor(selector: string, timeoutMs = 30_000): Promise<Element> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      try {
        return await this.find(selector)
      } catch (error) {
        const retry = error instanceof WebDriverError && /no such (element|shadow root)|stale element/.test(error.code)
        if (!retry || Date.now() > deadline) throw new Error(`waiting for ${selector}: ${(error as Error).message}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Polls `fn` in the page until it returns something truthy, and returns that. */
  async waitUntil<R>(fn: () => R, timeoutMs = 30_000): Promise<Awaited<R>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = await this.execute(fn)
      if (value) return value
      if (Date.now() > deadline) throw new Error(`waiting until ${fn.toString()}: still ${JSON.stringify(value)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Presses each key in turn (down, then up), e.g. `press('Tab', 'Tab', 'Enter')`. */
  press = (...keys: Key[]) =>
    this.send<null>('POST', 'actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: keys.flatMap((key) => [{ type: 'keyDown', value: keyCodes[key] ?? key }, { type: 'keyUp', value: keyCodes[key] ?? key }]) }],
    })
  /** Types `text` into whatever has focus. */
  keyboard = (text: string) => this.press(...([...text] as Key[]))

  /** Saves a PNG of the viewport to `path`. */
  async screenshot(path: string): Promise<void> {
    writeFileSync(path, Buffer.from(await this.send<string>('GET', 'screenshot'), 'base64'))
  }

  /** Ends the session and closes its browser; safe to call twice. */
  async close(): Promise<void> {
    await this.send<null>('DELETE', '').catch(() => {})
  }
}

