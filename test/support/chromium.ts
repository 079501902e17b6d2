import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

// Debian's Chromium; playwright's own browser downloads are not reachable from these machines.
const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => typeof path === 'string' && path !== '',
)

/** Path of a Chromium binary, or undefined when none is installed. */
export const chromiumPath: string | undefined = candidates.find((path) => existsSync(path))

const inCI = process.env.CI === 'true' || process.env.CI === '1'

/**
 * Whether browser tests can run here. In CI a missing browser is an error, never a silent skip;
 * on a developer's machine the tests are skipped with a message saying how to get one.
 */
export function browserAvailable(): boolean {
  if (chromiumPath !== undefined) return true
  const message = 'Chromium not found (looked in ' + candidates.join(', ') + '). Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.'
  if (inCI) throw new Error(message + ' CI must run the browser tests: .ci/run installs it.')
  console.warn('[browser tests skipped] ' + message)
  return false
}

/**
 * Launches headless Chromium with the flags these sandboxed machines need (playwright adds a fresh
 * profile dir), and any more a test asks for (e.g. `--blink-settings=forceDarkModeEnabled=true`).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (chromiumPath === undefined) throw new Error('Chromium not found')
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  })
}
