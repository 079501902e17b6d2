import { signal } from '@preact/signals'
import { render } from 'preact'
import type { SurveyState } from '../core/machine'
import { mount } from './mount'
import { Survey, type Intents, type ViewConfig } from './Survey'

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

/**
 * Renders the survey into a fresh shadow root. The lazily loaded part of npskit starts here:
 * everything below this file (Preact, signals, components, styles) loads only when a survey shows.
 */
export function mountView(doc: Document, where: MountOptions, config: ViewConfig, state: SurveyState, intents: Intents): View {
  const previous = doc.activeElement as HTMLElement | null
  const { host, root, remove } = mount(doc, where.parent, where.tokens, where.nonce)
  const current = signal(state)
  render(<Survey config={config} state={current} intents={intents} />, root)
  return {
    update(next) {
      current.value = next
    },
    destroy() {
      const hadFocus = doc.activeElement === host
      render(null, root)
      remove()
      // Give focus back to where the customer was, but only if the survey had it.
      if (hadFocus && previous && previous !== doc.body && previous.isConnected) previous.focus()
    },
  }
}
