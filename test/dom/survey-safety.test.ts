import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSurvey } from '../../src/index'
import { $, $$, shadow, survey, surveysFor, tick, typeInto, visible } from './helpers'

const { make, current } = surveysFor(afterEach, vi)

const evil = '<img src=x onerror="window.__pwned=1">'

describe('option validation', () => {
  it.each([
    [{ placment: 'modal' }, TypeError, /unknown option "placment"/],
    [{ placement: 'center' }, TypeError, /option "placement" must be one of 'modal'/],
    [{ brand: 42 }, TypeError, /option "brand" must be a string; got 42/],
    [{ maxCommentLength: 0 }, RangeError, /option "maxCommentLength" must be an integer from 1 to 10000; got 0/],
    [{ autoCloseMs: -1 }, RangeError, /"autoCloseMs"/],
    [{ theme: 'pink' }, TypeError, /"theme"/],
    [{ when: async () => true }, TypeError, /option "when" must be a function that returns true or false, not an async function/],
    [{ accent: 'red;} * {display:none' }, TypeError, /"accent" must be a CSS value/],
    [{ promoterAction: { label: 'x', href: 'javascript:alert(1)' } }, TypeError, /"promoterAction"/],
    [{ followUp: { angry: 'x' } }, TypeError, /"followUp"/],
    [{ metadata: { nested: { a: 1 } } }, TypeError, /"metadata" must be a flat object/],
    [{ onResponse: 'yes' }, TypeError, /"onResponse" must be a function/],
    [{ placement: 'inline' }, TypeError, /"target" is required/],
    [{ locales: [{ code: 'xx' }] }, TypeError, /"locales"/],
  ])('refuses %j', (options, type, message) => {
    expect(() => createSurvey(options as never)).toThrow(type)
    expect(() => createSurvey(options as never)).toThrow(message)
  })

  it('refuses options that are not an object', () => {
    expect(() => createSurvey('nb' as never)).toThrow(/options must be an object/)
  })

  it('refuses bad show() options with a TypeError', () => {
    const s = make()
    expect(() => s.show({ journeyPoint: 5 } as never)).toThrow(/journeyPoint/)
    expect(() => s.show({ metadata: { a: [] } } as never)).toThrow(/metadata/)
  })

  it('accepts every documented option', () => {
    const target = document.createElement('div')
    expect(() =>
      createSurvey({
        surveyId: 'post-purchase', brand: 'B', question: 'Q {brand}?', locale: 'nb', locales: [],
        messages: { submit: 'Send inn' }, followUp: { detractor: 'Why?', promoter: false }, thankYou: 'Takk!',
        promoterAction: { label: 'Review', href: '/review' }, contactConsent: { detractor: true },
        placement: 'inline', target, theme: 'dark', accent: '#0a7', background: 'white', text: 'black',
        radius: 4, fontFamily: 'Georgia, serif', fontSize: 18, zIndex: 10, nonce: 'abc', maxCommentLength: 500,
        autoCloseMs: 0, metadata: { a: 1, b: 'x', c: true }, user: { id: 'u1', tier: null }, onResponse: () => {},
      }),
    ).not.toThrow()
  })
})

describe('text is text', () => {
  it('renders option and customer strings as text, never as HTML', async () => {
    const s = make({ brand: evil, messages: { submit: evil }, thankYou: evil, followUp: evil })
    const result = s.show()
    await visible()
    expect($('.question')!.textContent).toContain(evil)
    $$('[role=radio]')[3]!.click()
    await tick()
    typeInto($<HTMLTextAreaElement>('textarea')!, evil)
    $<HTMLFormElement>('form')!.requestSubmit()
    expect((await result).comment).toBe(evil)
    await tick()
    expect(shadow().querySelector('img')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })
})

describe('never throws into the page', () => {
  it('reports a throwing handler through the error event and one console.warn, and goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const s = make({
      followUp: false,
      onResponse: () => {
        throw new Error('shop bug')
      },
    })
    const errors: Error[] = []
    s.on('error', (e) => errors.push(e))
    s.on('score', () => {
      throw new Error('another')
    })
    const result = s.show()
    await visible()
    $$('[role=radio]')[9]!.click()
    expect((await result).status).toBe('answered')
    expect(errors.map((e) => e.message)).toContain('shop bug')
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('says why when the inline target is missing', async () => {
    const s = make({ placement: 'inline', target: '#nowhere' })
    expect(await s.show()).toEqual({ status: 'not-shown', reason: 'no-target' })
  })
})

describe('placement and theme', () => {
  it('renders inline into its target as a region', async () => {
    const target = document.createElement('section')
    document.body.append(target)
    void make({ placement: 'inline', target }).show()
    await visible()
    expect(target.querySelector('npskit-survey')).not.toBeNull()
    expect($('.card')!.getAttribute('role')).toBe('region')
  })

  it('makes the modal a modal dialog with a backdrop', async () => {
    void make({ placement: 'modal' }).show()
    await visible()
    expect($('.card')!.getAttribute('role')).toBe('dialog')
    expect($('.card')!.getAttribute('aria-modal')).toBe('true')
    expect($('.backdrop')).not.toBeNull()
  })

  it.each(['bottom-right', 'bottom-left', 'top-bar', 'bottom-bar'] as const)('draws %s as a non-modal dialog', async (placement) => {
    void make({ placement, theme: 'dark' }).show()
    await visible()
    expect($('.root')!.className).toBe(`root ${placement} dark`)
    expect($('.card')!.getAttribute('aria-modal')).toBeNull()
  })

  it('adds no style attribute anywhere', async () => {
    void make({ accent: '#0a7', radius: 4, fontSize: 18 }).show()
    await visible()
    expect(shadow().querySelectorAll('[style]')).toHaveLength(0)
    expect(document.querySelectorAll('[style]')).toHaveLength(0)
  })
})
