import { describe, expect, it } from 'vitest'
import { readEnvironment } from '../../../src/targeting/environment'

interface Fake {
  gpc?: unknown
  dnt?: unknown
  windowDnt?: unknown
  languages?: readonly unknown[] | undefined
  language?: unknown
  mobile?: unknown
  coarse?: boolean
  screen?: [number, number]
  noMatchMedia?: boolean
}

function fakeWindow(f: Fake): Window {
  const navigator = {
    globalPrivacyControl: f.gpc,
    doNotTrack: f.dnt ?? null,
    languages: f.languages,
    language: f.language ?? 'en-US',
    userAgentData: f.mobile === undefined ? undefined : { mobile: f.mobile },
  }
  return {
    navigator,
    doNotTrack: f.windowDnt,
    screen: { width: f.screen?.[0] ?? 1920, height: f.screen?.[1] ?? 1080 },
    matchMedia: f.noMatchMedia ? undefined : (q: string) => ({ matches: q === '(pointer: coarse)' ? !!f.coarse : q === '(pointer: fine)' ? !f.coarse : false }),
  } as unknown as Window
}

describe('readEnvironment', () => {
  const cases: [string, Fake, Partial<ReturnType<typeof readEnvironment>>][] = [
    ['a desktop browser', { languages: ['nb-NO', 'en'] }, { gpc: false, dnt: false, device: 'desktop', languages: ['nb-NO', 'en'] }],
    ['GPC on', { gpc: true }, { gpc: true }],
    ['GPC as a string is not GPC', { gpc: '1' }, { gpc: false }],
    ['DNT on', { dnt: '1' }, { dnt: true }],
    ['DNT off', { dnt: '0' }, { dnt: false }],
    ['DNT unspecified', { dnt: 'unspecified' }, { dnt: false }],
    ['old window.doNotTrack', { windowDnt: '1' }, { dnt: true }],
    ['UA-CH mobile', { mobile: true }, { device: 'mobile' }],
    ['UA-CH not mobile, mouse', { mobile: false }, { device: 'desktop' }],
    ['a phone (coarse pointer, 390 px short side)', { coarse: true, screen: [390, 844] }, { device: 'mobile' }],
    ['a phone held sideways', { coarse: true, screen: [844, 390] }, { device: 'mobile' }],
    ['a tablet (coarse pointer, 768 px short side)', { coarse: true, screen: [768, 1024] }, { device: 'tablet' }],
    ['a small tablet at 600 px', { coarse: true, screen: [600, 960] }, { device: 'tablet' }],
    ['Android tablet (UA-CH not mobile, coarse)', { mobile: false, coarse: true, screen: [800, 1280] }, { device: 'tablet' }],
    ['no matchMedia', { noMatchMedia: true }, { device: 'desktop' }],
    ['no navigator.languages', { languages: undefined, language: 'de-DE' }, { languages: ['de-DE'] }],
    ['empty navigator.languages', { languages: [], language: 'fr' }, { languages: ['fr'] }],
    ['junk in languages', { languages: ['en', '', 5, null] }, { languages: ['en'] }],
  ]
  it.each(cases)('%s', (_, fake, expected) => {
    expect(readEnvironment(fakeWindow(fake))).toMatchObject(expected)
  })

  it('without a window (Node) answers no signals, desktop, no languages', () => {
    expect(readEnvironment()).toEqual({ gpc: false, dnt: false, device: 'desktop', languages: [] })
    expect(readEnvironment(undefined)).toEqual({ gpc: false, dnt: false, device: 'desktop', languages: [] })
  })

  it('never throws, keeping what it read before a getter threw', () => {
    const win = fakeWindow({ gpc: true })
    Object.defineProperty(win.navigator, 'languages', {
      get() {
        throw new Error('blocked')
      },
    })
    expect(readEnvironment(win)).toEqual({ gpc: true, dnt: false, device: 'desktop', languages: [] })
  })
})
