// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
import { h, render } from 'preact'
import type { SurveyState } from '../core/machine'
import { signal } from './signal'
import { renderSignals } from './bind'
import { pageTheme, readable } from './colors'
import { edgeOffset } from './edge'
import { focusIfOurs } from './focus'
import { mount } from './mount'
import { afterPaint } from './afterPaint'
import { Survey, type Intents, type Model, type Steps, type ViewConfig } from './Survey'

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
  const { placement } = config
  // A bar keeps clear of the page's own fixed header or footer (measured before it is there).
  const tokens = where.tokens + (placement.endsWith('bar') ? `.root{--_offset:${edgeOffset(doc, placement === 'top-bar')}px}` : '')
  // Without a theme the survey matches the page, read once: a light shop gets a light survey.
  config = { ...config, theme: config.theme ?? pageTheme(doc) }
  const { host, root, sheet, insert, addStyles, remove } = mount(doc, where.parent, tokens, where.nonce)
  const model: Model = { state: signal(state), selected: signal<number | undefined>(undefined), comment: signal(''), steps: signal<Steps | undefined>(undefined) }
  const stop = renderSignals(() => <Survey config={config} model={model} intents={intents} />, root)
  // Rendered with its styles in place before it joins the page: one insertion, one layout.
  insert()
  let gone = false
  // The accent read back as rendered and made readable (for the scheme in use as it shows). Only a
  // checked score, a focus ring and the later steps' buttons wear it, none of them in the question's
  // first frame: so it is read once that frame is painted (reading it sooner would make the browser
  // work out the survey's styles twice before it could paint), or at the customer's first action.
  let settled = false
  const settle = () => {
    if (!settled && !gone) sheet?.replaceSync(tokens + readable(root.firstElementChild!, root.querySelector('.card')!))
    settled = true
  }
  afterPaint(settle)
  // Only the question is needed for the first paint; the later steps are fetched in the task after
  // that paint (not sooner: starting a fetch costs the main thread a little, and that frame is the
  // survey's first; not in idle time, which a busy page may put off for half a second: a keyboard
  // user's score and first typed letters came before them), and a step that comes before them waits
  // for them, not longer.
  const withSteps = () =>
    loadSteps().then((m) => {
      if (!gone && !model.steps.value) {
        addStyles(m.stepStyles)
        model.steps.value = m
      }
    })
  afterPaint(() => void withSteps().catch(() => {}))
  // A modal owns the page while it is open, so it takes focus (the controller waits until the
  // customer is not typing): on the group, so that no score looks chosen.
  if (placement === 'modal') root.querySelector<HTMLElement>('[role=radiogroup]')?.focus()
  return {
    update(next) {
      // Steps that wait for their views wait in order on the same load, and only the question
      // (never after them) is applied at once.
      const apply = () => {
        settle()
        if (gone) return
        const moved = next.step !== model.state.value.step
        // A score the view did not choose (an email link's, before it showed) is checked; focus stays put.
        const given = next.score !== model.selected.value
        model.selected.value = next.score
        model.state.value = next
        // Rendered by now. The customer just acted in the survey, so moving focus on is expected,
        // not stolen: to the text box (before a fast typist's next key; a tap keeps it on the score,
        // so a phone's keyboard does not cover the page), or to close on the thank-you.
        if (moved && !given && !(next.step === 'followUp' && model.tapped)) focusIfOurs(root.querySelector(next.step === 'followUp' ? 'textarea' : '.close'))
      }
      // Without the later views (a network failure) the step still changes: the card keeps its
      // close button, and the score is counted either way.
      if (model.steps.value || next.step === 'question') apply()
      else withSteps().then(apply, apply)
    },
    destroy() {
      gone = true
      // Focus in the survey comes back, and so does focus a modal lost to <body> (a click on its
      // backdrop or text: the page was not the customer's to click while the modal was open).
      const hadFocus = doc.activeElement === host || (placement === 'modal' && doc.activeElement === doc.body)
      stop()
      render(null, root)
      remove()
      // Give focus back to where the customer was, unless they have moved on in the page.
      if (hadFocus && previous && previous !== doc.body && previous.isConnected) previous.focus()
    },
  }
}
