import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Safari's engine on Linux: Debian's webkit2gtk-driver gives WebKitWebDriver, a W3C WebDriver
// server that drives MiniBrowser (WebKitGTK) under a virtual X display (xvfb). No client
// library: the few commands these tests need are a thin typed layer over fetch. The suites give
// each test two minutes (`{ timeout: 120_000 }`): each starts a fresh browser, slow on a busy machine.

const miniBrowser = process.env.WEBKIT_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
const onPath = (name: string): string | undefined =>
  (process.env.PATH ?? '').split(':').map((dir) => join(dir, name)).find((path) => existsSync(path))

/** Whether the WebKit tests can run. In CI a missing piece is an error, never a silent skip. */
export function webkitAvailable(): boolean {
  const missing = [
    onPath('WebKitWebDriver') ? undefined : 'WebKitWebDriver',
    onPath('xvfb-run') ? undefined : 'xvfb-run',
    existsSync(miniBrowser) ? undefined : miniBrowser,
  ].filter(Boolean)
  if (missing.length === 0) return true
  const message = `WebKit not found (missing ${missing.join(', ')}). Install it with \`apt-get install -y webkit2gtk-driver xvfb\` or set WEBKIT_MINIBROWSER_PATH.`
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(message + ' CI must run the WebKit tests: .ci/run installs it.')
  console.warn('[webkit tests skipped] ' + message)
  return false
}

// Generous, bounded: a loaded two-core machine can take seconds for what takes milliseconds idle.
const commandTimeoutMs = 40_000
const startTimeoutMs = 60_000
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

async function command<T>(url: string, method: 'GET' | 'POST' | 'DELETE', body?: object): Promise<T> {
  const response = await fetch(url, {
    method,
    ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(commandTimeoutMs),
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

export interface WebKit {
  /** A new session in a fresh MiniBrowser (WebKitWebDriver runs one at a time: close it first). */
  session(): Promise<Session>
  /** Ends every session, the driver and its X server (the whole process group). */
  close(): Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

function stop(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // The negative pid is the process group: xvfb-run, Xvfb, WebKitWebDriver and its browsers.
    process.kill(-child.pid!, signal)
  } catch {
    // already gone
  }
}

// Runs the command given after the parent's pid and a scratch folder, and when the command ends
// or the parent is gone (even killed outright, when no exit handler of ours runs) removes the
// folder and ends the whole process group.
const watchdog = `parent=$1; dir=$2; shift 2
"$@" &
while kill -0 "$parent" 2>/dev/null && kill -0 $! 2>/dev/null; do sleep 1; done
rm -rf "$dir"
kill -TERM -$$`

/**
 * Starts `xvfb-run -a WebKitWebDriver` on a free port in a process group of its own, so closing
 * it, this process exiting or this process dying ends Xvfb and every browser with it.
 */
export async function launchWebKit(): Promise<WebKit> {
  const dir = mkdtempSync(join(tmpdir(), 'npskit-webkit-'))
  const port = await freePort()
  // Our own X authority file, so xvfb-run leaves no temporary folder behind when its group is killed.
  const argv = ['xvfb-run', '-a', '-f', join(dir, 'Xauthority'), 'WebKitWebDriver', `--port=${port}`]
  const child = spawn('sh', ['-c', watchdog, 'webkit-watchdog', String(process.pid), dir, ...argv], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const killOnExit = () => stop(child, 'SIGKILL')
  process.once('exit', killOnExit)
  let session: Session | undefined

  const close = async () => {
    await session?.close()
    stop(child, 'SIGTERM')
    const timer = setTimeout(() => stop(child, 'SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
    process.off('exit', killOnExit)
    rmSync(dir, { recursive: true, force: true })
  }

  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + startTimeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      await close()
      throw new Error('WebKitWebDriver exited: ' + stderr)
    }
    const ready = await command<{ ready: boolean }>(`${base}/status`, 'GET').then((s) => s.ready, () => false)
    if (ready) break
    if (Date.now() > deadline) {
      await close()
      throw new Error('WebKitWebDriver did not start within a minute: ' + stderr)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  return {
    async session() {
      await session?.close()
      const created = await command<{ sessionId: string }>(`${base}/session`, 'POST', {
        capabilities: {
          alwaysMatch: {
            'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
            timeouts: { script: 30_000, pageLoad: 30_000, implicit: 0 },
          },
        },
      })
      session = new Session(base, created.sessionId)
      return session
    },
    close,
  }
}
