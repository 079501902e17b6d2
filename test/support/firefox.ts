import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'

// Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (no browser downloads here).
const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(
  (path): path is string => typeof path === 'string' && path !== '',
)

/** Path of a Firefox binary, or undefined when none is installed. */
export const firefoxPath: string | undefined = candidates.find((path) => existsSync(path))

/**
 * Whether the Firefox tests can run. In CI a missing Firefox is an error, never a silent skip;
 * elsewhere they are skipped with a message saying how to get it.
 */
export function firefoxAvailable(): boolean {
  if (firefoxPath !== undefined) return true
  const message = 'Firefox not found (looked in ' + candidates.join(', ') + '). Install it with `apt-get install -y firefox-esr` or set FIREFOX_PATH.'
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(message + ' CI must run the Firefox tests: .ci/run installs it.')
  console.warn('[firefox tests skipped] ' + message)
  return false
}

/** Launches headless Firefox with a fresh profile that is removed again on close. */
export async function launchFirefox(): Promise<Browser> {
  if (firefoxPath === undefined) throw new Error('Firefox not found')
  const profile = mkdtempSync(join(tmpdir(), 'npskit-firefox-'))
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true, userDataDir: profile })
  browser.on('disconnected', () => rmSync(profile, { recursive: true, force: true }))
  return browser
}
