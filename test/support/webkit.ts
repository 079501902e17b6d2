import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { command, Session } from './webdriver'

export { Element, Session, WebDriverError, type Key } from './webdriver'

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
  const message = `WebKit not found (missing ${missing.join(', ')}). Install it with \`apt-get install -y webkit2gtk-driver xvfb xauth\` or set WEBKIT_MINIBROWSER_PATH.`
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(message + ' CI must run the WebKit tests: .ci/run installs it.')
  console.warn('[webkit tests skipped] ' + message)
  return false
}

// Starting Xvfb and the driver, or a browser for a session: seconds when idle, far more on a busy machine.
const startTimeoutMs = 60_000
// A session start that hangs (MiniBrowser never reports back: seen once in ~250 CI sessions) is
// given this long, then the driver is restarted and the start tried once more.
const sessionTimeoutMs = 50_000

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
  let driver = await startDriver()
  let session: Session | undefined
  const create = async () => {
    const created = await command<{ sessionId: string }>(`${driver.base}/session`, 'POST', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
          timeouts: { script: 30_000, pageLoad: 30_000, implicit: 0 },
        },
      },
    }, sessionTimeoutMs)
    return new Session(driver.base, created.sessionId)
  }
  return {
    async session() {
      await session?.close()
      session = undefined
      try {
        session = await create()
      } catch (error) {
        if (!/got no answer/.test((error as Error).message)) throw error
        await driver.close()
        driver = await startDriver()
        session = await create()
      }
      return session
    },
    async close() {
      await session?.close()
      await driver.close()
    },
  }
}

/** One WebKitWebDriver (and its X server) on a free port: its base URL, and how to end it all. */
async function startDriver(): Promise<{ base: string; close(): Promise<void> }> {
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

  const close = async () => {
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

  return { base, close }
}
