// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
import { h, render } from 'preact'
import type { SurveyState } from '../core/machine'
import { whenIdle } from '../lib/whenIdle'
import { signal } from './signal'
import { renderSignals } from './bind'
import { focusIfOurs } from './focus'
import { mount } from './mount'
import { Survey, type Intents, type Steps, type ViewConfig } from './Survey'

export type { Intents, ViewConfig } from './Survey'
export { whenNotTyping } from './focus'

/** A survey on screen: the controller pushes states in and removes it when done. */
export interface View {
  update(state: SurveyState): void
  destroy(): void
}

/** Where and how to mount: resolved by the controller from the options. */
export interface MountOptions {
  readonly parent: Element
  /** `:host { --npskit-… }` declarations from validated theme options. */
  readonly tokens: string
  readonly nonce: string | undefined
}

// The follow-up and thank-you views with their styles (steps.ts): fetched once per page.
let steps: Promise<Steps> | undefined
const loadSteps = (): Promise<Steps> =>
  (steps ??= import('./steps').catch((error: unknown) => {
    // The next step tries again.
    steps = undefined
    throw error
  }))

/**
 * Renders the survey into a fresh shadow root. The lazily loaded part of npskit starts here:
 * everything below this file (Preact, signals, components, styles) loads only when a survey shows.
 */
export function mountView(doc: Document, where: MountOptions, config: ViewConfig, state: SurveyState, intents: Intents): View {
  const previous = doc.activeElement as HTMLElement | null
  const { host, root, insert, addStyles, remove } = mount(doc, where.parent, where.tokens, where.nonce)
  const model = { state: signal(state), selected: signal<number | undefined>(undefined), comment: signal(''), steps: signal<Steps | undefined>(undefined) }
  const stop = renderSignals(() => <Survey config={config} model={model} intents={intents} />, root)
  // Rendered with its styles in place before it joins the page: one insertion, one layout.
  insert()
  let gone = false
  // Only the question is needed for the first paint; the later steps follow when the browser is
  // idle, and a step that comes before them (a quick score) waits for them, not longer.
  const withSteps = () =>
    loadSteps().then((m) => {
      if (!gone && !model.steps.value) {
        addStyles(m.stepStyles)
        model.steps.value = m
      }
    })
  whenIdle(() => void withSteps().catch(() => {}))
  // A modal owns the page while it is open, so it takes focus (the controller waits until the
  // customer is not typing); the other placements never take it.
  if (config.placement === 'modal') root.querySelector<HTMLElement>('[tabindex="0"]')?.focus()
  return {
    update(next) {
      // Steps that wait for their views wait in order on the same load, and only the question
      // (never after them) is applied at once.
      const apply = () => {
        if (gone) return
        model.state.value = next
        // Rendered by now. The customer just acted in the survey, so moving focus on is expected,
        // not stolen: to the text box (before a fast typist's next key), or to close on the thank-you.
        focusIfOurs(root.querySelector(next.step === 'followUp' ? 'textarea' : '.close'))
      }
      // Without the later views (a network failure) the step still changes: the card keeps its
      // close button, and the score is counted either way.
      if (model.steps.value || next.step === 'question') apply()
      else withSteps().then(apply, apply)
    },
    destroy() {
      gone = true
      const hadFocus = doc.activeElement === host
      stop()
      render(null, root)
      remove()
      // Give focus back to where the customer was, but only if the survey had it.
      if (hadFocus && previous && previous !== doc.body && previous.isConnected) previous.focus()
    },
  }
}
