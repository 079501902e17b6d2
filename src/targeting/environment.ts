import type { Device } from '../core/eligibility'

/** What the browser says about the visitor that the eligibility rules read. */
export interface Environment {
  /** `navigator.globalPrivacyControl`. */
  readonly gpc: boolean
  /** Do Not Track is on (`navigator.doNotTrack` or the older `window.doNotTrack` is `'1'`). */
  readonly dnt: boolean
  readonly device: Device
  /** `navigator.languages`, best first (or `[navigator.language]`). */
  readonly languages: readonly string[]
}

type Nav = Navigator & { globalPrivacyControl?: unknown; userAgentData?: { mobile?: unknown } }

/**
 * Reads privacy signals, device class and languages, never throwing: without a window
 * (Node, a worker) it answers "no signals, desktop, no languages".
 *
 * The device class does not sniff the user agent string. A browser that says it is mobile
 * through User-Agent Client Hints (`navigator.userAgentData.mobile`, Chromium) is `'mobile'`.
 * Otherwise a primary pointer that is coarse (a finger) means a phone or a tablet, told apart
 * by the screen's shorter side (under 600 CSS px: a phone, in either orientation); any other
 * pointer (a mouse, a trackpad, a stylus) means `'desktop'`, touch-screen laptops included.
 *
 * @example
 * const { gpc, dnt, device, languages } = readEnvironment()
 */
export function readEnvironment(win: Window | undefined = globalThis.window): Environment {
  let gpc = false
  let dnt = false
  let device: Device = 'desktop'
  let languages: readonly string[] = []
  try {
    const nav = win?.navigator as Nav | undefined
    if (win && nav) {
      gpc = nav.globalPrivacyControl === true
      dnt = nav.doNotTrack === '1' || (win as Window & { doNotTrack?: unknown }).doNotTrack === '1'
      const list = nav.languages?.length ? nav.languages : [nav.language]
      languages = list.filter((l) => l && typeof l == 'string')
      if (nav.userAgentData?.mobile === true) device = 'mobile'
      else if (win.matchMedia?.('(pointer: coarse)').matches) {
        device = Math.min(win.screen.width, win.screen.height) < 600 ? 'mobile' : 'tablet'
      }
    }
  } catch {
    // A locked-down or odd environment: what was read so far stands.
  }
  return { gpc, dnt, device, languages }
}
