import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SurveyResponse } from '../../src/index'
import { $, $$, key, shadow, survey, surveysFor, text, tick, typeInto, until, visible } from './helpers'

const { make, current } = surveysFor(afterEach, vi)

describe('the question', () => {
  it('asks the NPS question with the brand and offers 0 to 10 with anchors and a close button', async () => {
    const s = make({ brand: 'Nordhandel' })
    void s.show()
    await visible()
    expect($('.question')!.textContent).toBe('How likely are you to recommend Nordhandel to a friend or colleague?')
    const radios = $$('[role=radio]')
    expect(radios.map((r) => r.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect($('[role=radiogroup]')!.getAttribute('aria-labelledby')).toBe('npskit-question')
    expect($('.anchors')!.textContent).toContain('Not at all likely')
    expect($('.anchors')!.textContent).toContain('Extremely likely')
    expect($('.close')!.getAttribute('aria-label')).toBeTruthy()
  })

  it('says "us" when no brand is given, and uses a custom question with {brand}', async () => {
    void make().show()
    await visible()
    expect($('.question')!.textContent).toMatch(/recommend us to/)
    current()!.destroy()
    void make({ brand: 'Fjellsport', question: 'Would you tell a friend about {brand}?' }).show()
    await visible()
    expect($('.question')!.textContent).toBe('Would you tell a friend about Fjellsport?')
  })

  it('has one tab stop, arrow keys move the selection and Enter confirms it', async () => {
    const s = make({ followUp: false })
    const result = s.show()
    await visible()
    const radios = $$('[role=radio]')
    expect(radios.filter((r) => r.tabIndex === 0)).toHaveLength(1)
    radios[0]!.focus()
    key(radios[0]!, 'ArrowRight')
    key(radios[0]!, 'ArrowRight')
    await tick()
    expect($$('[role=radio]')[2]!.getAttribute('aria-checked')).toBe('true')
    expect($$('[role=radio]').filter((r) => r.tabIndex === 0).map((r) => r.textContent)).toEqual(['2'])
    key($$('[role=radio]')[2]!, 'End')
    await tick()
    key($$('[role=radio]')[10]!, 'Enter')
    expect(await result).toEqual({ status: 'answered', score: 10, category: 'promoter' })
  })

  it('selects with digit keys, "1" then "0" being 10', async () => {
    const s = make({ followUp: false })
    const result = s.show()
    await visible()
    const group = $('[role=radiogroup]')!
    key(group, '7')
    await tick()
    expect($('[aria-checked=true]')!.textContent).toBe('7')
    key(group, '1')
    key(group, '0')
    await tick()
    expect($('[aria-checked=true]')!.textContent).toBe('10')
    key(group, ' ')
    expect((await result).score).toBe(10)
  })

  it('mirrors the arrow keys for right-to-left locales', async () => {
    void make({ locale: 'ar' }).show()
    await visible()
    expect($('.root')!.getAttribute('dir')).toBe('rtl')
    expect($('.root')!.getAttribute('lang')).toBe('ar')
    const group = $('[role=radiogroup]')!
    key(group, 'Home')
    key(group, 'ArrowLeft')
    await tick()
    expect($('[aria-checked=true]')!.textContent).toBe('1')
  })
})

describe('the follow-up', () => {
  it.each([
    [3, 'detractor', /wrong|better/i],
    [7, 'passive', /10/],
    [10, 'promoter', /like|love/i],
  ] as const)('after %i asks the %s follow-up', async (score, category, prompt) => {
    const s = make()
    const scores: SurveyResponse[] = []
    s.on('score', (r) => scores.push(r))
    void s.show()
    await visible()
    $$('[role=radio]')[score]!.click()
    // The follow-up view is a chunk that comes after the first paint: on a busy machine, later than a tick.
    expect((await until(() => $('label.prompt'))).textContent).toMatch(prompt)
    expect(scores).toHaveLength(1)
    expect(scores[0]).toMatchObject({ score, category, complete: false, comment: null })
  })

  it('sends the comment under the same id and resolves show() as answered', async () => {
    const onResponse = vi.fn()
    const s = make({ onResponse, metadata: { shop: 'oslo' } })
    const submits: SurveyResponse[] = []
    s.on('submit', (r) => submits.push(r))
    const result = s.show({ journeyPoint: 'checkout-complete', metadata: { order: 1042 } })
    await visible()
    $$('[role=radio]')[2]!.click()
    await tick()
    typeInto($<HTMLTextAreaElement>('textarea')!, '  The parcel came a week late.  ')
    $<HTMLFormElement>('form')!.requestSubmit()
    expect(await result).toEqual({ status: 'answered', score: 2, category: 'detractor', comment: 'The parcel came a week late.' })
    expect(onResponse).toHaveBeenCalledTimes(2)
    const [first, last] = onResponse.mock.calls.map((c) => c[0] as SurveyResponse)
    expect(last!.id).toBe(first!.id)
    expect(last).toMatchObject({
      complete: true,
      comment: 'The parcel came a week late.',
      contactConsent: false,
      journeyPoint: 'checkout-complete',
      metadata: { shop: 'oslo', order: 1042 },
      surveyId: 'nps',
      locale: 'en',
      sdk: { name: 'npskit' },
    })
    expect(last!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(submits).toEqual([last])
    expect(text()).toMatch(/read|act|improve|fix/i)
  })

  it('skips with an empty comment', async () => {
    const s = make()
    const result = s.show()
    await visible()
    $$('[role=radio]')[8]!.click()
    await tick()
    $('[part=skip]')!.click()
    expect(await result).toEqual({ status: 'answered', score: 8, category: 'passive' })
  })

  it('follows the per-category followUp option, and false skips straight to thanks', async () => {
    const s = make({ followUp: { detractor: 'What should {brand} fix first?', promoter: false }, brand: 'Nordhandel' })
    void s.show()
    await visible()
    $$('[role=radio]')[1]!.click()
    await tick()
    expect($('label.prompt')!.textContent).toBe('What should Nordhandel fix first?')
    current()!.destroy()
    const again = make({ followUp: { promoter: false } })
    const result = again.show()
    await visible()
    $$('[role=radio]')[9]!.click()
    expect(await result).toEqual({ status: 'answered', score: 9, category: 'promoter' })
    await tick()
    expect($('textarea')).toBeNull()
    expect($('[part=thank-you]')).not.toBeNull()
  })

  it('offers the contact consent only to the categories asked for', async () => {
    const s = make({ contactConsent: { detractor: true } })
    const result = s.show()
    await visible()
    $$('[role=radio]')[4]!.click()
    await tick()
    const box = $<HTMLInputElement>('[part=consent] input')!
    box.click()
    $<HTMLFormElement>('form')!.requestSubmit()
    await result
    current()!.destroy()
    const submitted = vi.fn()
    const other = make({ contactConsent: { detractor: true } })
    other.on('submit', submitted)
    void other.show()
    await visible()
    $$('[role=radio]')[9]!.click()
    await tick()
    expect($('[part=consent]')).toBeNull()
  })

  it('records the contact consent in the response', async () => {
    const s = make({ contactConsent: true })
    const submits: SurveyResponse[] = []
    s.on('submit', (r) => submits.push(r))
    const result = s.show()
    await visible()
    $$('[role=radio]')[0]!.click()
    await tick()
    $<HTMLInputElement>('[part=consent] input')!.click()
    await tick()
    $<HTMLFormElement>('form')!.requestSubmit()
    await result
    expect(submits[0]!.contactConsent).toBe(true)
  })

  it('confirms the contact consent in the thank-you only when the customer gave it', async () => {
    for (const tick_ of [true, false]) {
      const s = make({ contactConsent: true })
      const result = s.show()
      await visible()
      $$('[role=radio]')[2]!.click()
      await tick()
      if (tick_) $<HTMLInputElement>('[part=consent] input')!.click()
      $<HTMLFormElement>('form')!.requestSubmit()
      await result
      const thanks = $('[part=thank-you]')!.textContent!
      expect(thanks).toContain('Thank you for being honest.')
      expect(thanks.includes('✓ You may contact me about my answer')).toBe(tick_)
      s.destroy()
    }
  })

  it('cuts the comment at maxCommentLength and counts down near the limit', async () => {
    void make({ maxCommentLength: 30 }).show()
    await visible()
    $$('[role=radio]')[5]!.click()
    await tick()
    const box = $<HTMLTextAreaElement>('textarea')!
    expect(box.maxLength).toBe(30)
    typeInto(box, 'x'.repeat(25))
    await tick()
    expect($('.counter')!.textContent).toMatch(/5/)
  })
})

describe('the thank-you', () => {
  it('thanks each category in its own words and shows the call to action only to promoters', async () => {
    const action = { label: 'Review us on Trustpilot', href: 'https://example.com/review' }
    const seen: Record<string, string> = {}
    for (const score of [2, 7, 10]) {
      const s = make({ followUp: false, promoterAction: action })
      const result = s.show()
      await visible()
      $$('[role=radio]')[score]!.click()
      await result
      await tick()
      seen[score] = $('.thanks')!.textContent!
      const link = $<HTMLAnchorElement>('[part=action]')
      if (score === 10) {
        expect(link!.textContent).toBe(action.label)
        expect(link!.href).toBe(action.href)
        expect(link!.rel).toBe('noopener noreferrer')
      } else expect(link).toBeNull()
      s.destroy()
    }
    expect(new Set(Object.values(seen)).size).toBe(3)
  })

  it('announces the thank-you in a live region that was there from the start', async () => {
    void make({ followUp: false }).show()
    await visible()
    const status = $('[role=status]')!
    expect(status.textContent).toBe('')
    $$('[role=radio]')[6]!.click()
    await tick()
    expect($('[role=status]')).toBe(status)
    expect(status.textContent).not.toBe('')
  })

  it('closes by itself after autoCloseMs', async () => {
    const s = make({ followUp: false, autoCloseMs: 1500 })
    void s.show()
    await visible()
    vi.useFakeTimers()
    $$('[role=radio]')[9]!.click()
    vi.advanceTimersByTime(1499)
    expect(document.querySelector('npskit-survey')).not.toBeNull()
    vi.advanceTimersByTime(1)
    expect(document.querySelector('npskit-survey')).toBeNull()
  })
})

describe('closing', () => {
  it('resolves as dismissed when closed before a score, by button or Escape', async () => {
    const s = make()
    const dismissed = vi.fn()
    s.on('dismiss', dismissed)
    const first = s.show()
    await visible()
    $('.close')!.click()
    expect(await first).toEqual({ status: 'dismissed', reason: 'closed' })
    expect(dismissed).toHaveBeenCalledWith({ step: 'question', response: null })
    expect(document.querySelector('npskit-survey')).toBeNull()
    const second = s.show()
    await visible()
    key($('[role=radio]')!, 'Escape')
    expect((await second).status).toBe('dismissed')
  })

  it('counts the score when the follow-up is closed', async () => {
    const s = make()
    const submits: SurveyResponse[] = []
    s.on('submit', (r) => submits.push(r))
    const result = s.show()
    await visible()
    $$('[role=radio]')[6]!.click()
    await tick()
    $('.close')!.click()
    expect(await result).toEqual({ status: 'answered', score: 6, category: 'detractor' })
    expect(submits).toMatchObject([{ score: 6, complete: true, comment: null }])
  })

  it('shows the chosen score on the follow-up and takes a new one: the same response, updated', async () => {
    const s = make({ contactConsent: true })
    const sent: SurveyResponse[] = []
    s.on('score', (r) => sent.push(r))
    s.on('submit', (r) => sent.push(r))
    const result = s.show()
    await visible()
    $$('[role=radio]')[4]!.click()
    await tick()
    expect($('.prompt')!.textContent).toBe('What went wrong, and what should we do better?')
    expect($$('[aria-checked=true]').map((r) => r.textContent)).toEqual(['4'])
    $$('[role=radio]')[8]!.click()
    await tick()
    // The prompt follows the new category; the scale shows the new score.
    expect($('.prompt')!.textContent).toBe('What would make it a 10 for you?')
    expect($$('[aria-checked=true]').map((r) => r.textContent)).toEqual(['8'])
    // By keyboard too: an arrow on the follow-up step is a new answer at once.
    key($$('[role=radio]')[8]!, 'ArrowRight')
    await tick()
    expect($('.prompt')!.textContent).toBe('Great to hear! What do you like most about us?')
    typeInto($<HTMLTextAreaElement>('textarea')!, 'Quick delivery')
    $<HTMLFormElement>('form')!.requestSubmit()
    expect(await result).toEqual({ status: 'answered', score: 9, category: 'promoter', comment: 'Quick delivery' })
    expect(sent.map((r) => [r.score, r.complete])).toEqual([[4, false], [8, false], [9, false], [9, true]])
    expect(new Set(sent.map((r) => r.id)).size).toBe(1)
    expect(new Set(sent.map((r) => r.createdAt)).size).toBe(1)
    expect(sent[3]!.updatedAt >= sent[0]!.updatedAt).toBe(true)
  })

  it('hide() closes it and destroy() leaves nothing behind', async () => {
    const s = make()
    const result = s.show()
    await visible()
    s.hide()
    expect(await result).toEqual({ status: 'dismissed', reason: 'hidden' })
    void s.show()
    await visible()
    s.destroy()
    expect(document.body.innerHTML).toBe('')
    expect(await s.show()).toEqual({ status: 'not-shown', reason: 'destroyed' })
  })

  it('hide() before the view has loaded means it is never shown', async () => {
    const s = make()
    const result = s.show()
    s.hide()
    expect(await result).toEqual({ status: 'not-shown', reason: 'hidden' })
    expect(document.querySelector('npskit-survey')).toBeNull()
  })
})

describe('one survey at a time', () => {
  it('does not show a second survey while one is on screen, whichever instance asks', async () => {
    const a = make()
    const b = survey()
    void a.show()
    expect(await b.show()).toEqual({ status: 'not-shown', reason: 'survey-on-screen' })
    expect(await a.show()).toEqual({ status: 'not-shown', reason: 'survey-on-screen' })
    await visible()
    expect(document.querySelectorAll('npskit-survey')).toHaveLength(1)
    b.destroy()
  })
})

describe('a score chosen before the survey shows (an email link’s)', () => {
  it('shows it checked on the follow-up step, makes the response at once, and lets the customer change it', async () => {
    const onResponse = vi.fn()
    const s = make({ onResponse })
    const result = s.show({ journeyPoint: 'order-delivered', score: 9 })
    await visible()
    await until(() => $('textarea'))
    expect($('[aria-checked=true]')!.textContent).toBe('9')
    expect($('label.prompt')!.textContent).toMatch(/like|love|best/i)
    expect(onResponse).toHaveBeenCalledTimes(1)
    expect(onResponse.mock.calls[0]![0]).toMatchObject({ score: 9, category: 'promoter', complete: false, journeyPoint: 'order-delivered' })
    // Focus is not moved into the survey: the page (and a phone's keyboard) stays as it was.
    expect(shadow().activeElement).toBeNull()
    $$('[role=radio]')[4]!.click()
    await tick()
    expect($('[aria-checked=true]')!.textContent).toBe('4')
    const [first, second] = onResponse.mock.calls.map((c) => c[0] as SurveyResponse)
    expect(second).toMatchObject({ id: first!.id, score: 4, category: 'detractor' })
    $<HTMLFormElement>('form')!.requestSubmit()
    expect(await result).toEqual({ status: 'answered', score: 4, category: 'detractor' })
  })

  it('goes straight to the thank-you where the category has no follow-up', async () => {
    const s = make({ followUp: false })
    expect(await s.show({ score: 10 })).toEqual({ status: 'answered', score: 10, category: 'promoter' })
  })

  it.each([[11, RangeError], [-1, RangeError], [7.5, RangeError], ['9', TypeError], [null, TypeError]])('refuses score %j with a %o naming it', (score, type) => {
    const s = make()
    expect(() => s.show({ score } as never)).toThrow(type)
    expect(() => s.show({ score } as never)).toThrow(/option "score" must be an integer from 0 to 10/)
  })
})
