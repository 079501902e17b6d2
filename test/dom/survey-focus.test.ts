import { afterEach, describe, expect, it, vi } from 'vitest'
import { $, $$, key, shadow, surveysFor, until, visible } from './helpers'

const { make } = surveysFor(afterEach, vi)

/** The element that has focus, looking into the survey's shadow root. */
const focused = () => (document.activeElement?.shadowRoot ? shadow().activeElement : document.activeElement)

describe('focus', () => {
  it('is not taken by a survey that appears by itself outside a modal', async () => {
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()
    void make().show()
    await visible()
    expect(document.activeElement).toBe(field)
  })

  it('moves on with the customer: to the text box after a score, to close on the thank-you', async () => {
    void make().show()
    await visible()
    const three = $$('[role=radio]')[3]!
    three.focus()
    three.click()
    const box = await until(() => $('textarea'))
    expect(focused()).toBe(box)
    $<HTMLFormElement>('form')!.requestSubmit()
    expect(focused()).toBe($('.close'))
  })

  it('stays where it is on the page when the survey moves on without the customer in it', async () => {
    void make().show()
    await visible()
    const field = document.body.appendChild(document.createElement('input'))
    field.focus()
    $$('[role=radio]')[3]!.click()
    expect(document.activeElement).toBe(field)
  })

  it('after a tap on a score, leaves the text box alone (no phone keyboard) and keeps focus on the score', async () => {
    void make().show()
    await visible()
    const three = $$('[role=radio]')[3]!
    three.focus()
    three.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }))
    // The follow-up arrives with the later steps, which a quick tap may beat.
    await until(() => $('textarea'))
    expect(focused()).toBe($$('[role=radio]')[3])
    // A tap into the text box is the customer's own choice.
    $('textarea')!.focus()
    expect(focused()).toBe($('textarea'))
  })

  it('in a modal: starts on the group with nothing looking chosen, keeps Tab inside and goes back where it was on close', async () => {
    const link = document.body.appendChild(document.createElement('a'))
    link.href = '#'
    link.focus()
    const result = make({ placement: 'modal' }).show()
    await visible()
    expect(focused()).toBe($('[role=radiogroup]'))
    expect($$('[aria-checked=true]')).toEqual([])
    // From the group the first arrow picks the first score, not the second.
    key($('[role=radiogroup]')!, 'ArrowRight')
    expect(focused()).toBe($$('[role=radio]')[0])
    expect($$('[role=radio]')[0]!.getAttribute('aria-checked')).toBe('true')
    // Shift+Tab from the first stop (close) wraps to the last (the scale); Tab wraps back.
    $<HTMLButtonElement>('.close')!.focus()
    const shiftTab = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, composed: true, cancelable: true })
    $('.close')!.dispatchEvent(shiftTab)
    expect(shiftTab.defaultPrevented).toBe(true)
    expect(focused()).toBe($$('[role=radio]')[0])
    key($$('[role=radio]')[0]!, 'Tab')
    expect(focused()).toBe($('.close'))
    key($('.close')!, 'Escape')
    expect(await result).toEqual({ status: 'dismissed', reason: 'closed' })
    expect(document.activeElement).toBe(link)
  })
})
