// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact'
import type { Signal } from '@preact/signals-core'
import type { Copy } from '../core/copy'
import type { SurveyState } from '../core/machine'
import type { Placement, PromoterAction, Theme } from '../types'
import { FollowUp } from './FollowUp'
import { Scale, questionId } from './Scale'
import { ThankYou } from './ThankYou'
import { trapTab } from './focus'

/** What the controller tells the view: texts and layout, fixed for one showing. */
export interface ViewConfig {
  readonly copy: Copy
  readonly placement: Placement
  /** Omitted: the page's own (light or dark), read once when it shows. */
  readonly theme: Theme | undefined
  readonly maxCommentLength: number
  readonly promoterAction: PromoterAction | undefined
}

/** What the view tells the controller: the customer's intents. It decides nothing itself. */
export interface Intents {
  score(score: number): void
  submit(comment: string, contactConsent: boolean): void
  skip(): void
  close(): void
}

/** What the view draws from: the controller's state and the view's own, all signals. */
export interface Model {
  readonly state: Signal<SurveyState>
  /** The score that has focus and is checked, before the customer confirms it. */
  readonly selected: Signal<number | undefined>
  /** The text typed so far, for the characters-left counter. */
  readonly comment: Signal<string>
  /** Whether the last score came from a pointer (click or tap) rather than the keyboard. */
  tapped?: boolean
  /** Whether the customer ticked "You may contact me" when sending. */
  consented?: boolean
}

/** Everything a part of the view is given: each takes what it draws from. */
export interface ViewProps {
  readonly config: ViewConfig
  readonly model: Model
  readonly intents: Intents
}

/** The card: close button, the current step, and a live region that announces the thank-you. */
export function Survey(props: ViewProps) {
  const { config, model, intents } = props
  const { copy, placement } = config
  const { step, category } = model.state.value
  const modal = placement === 'modal'
  return (
    <div class={`root ${placement} ${config.theme}`} dir={copy.dir} lang={copy.lang}>
      {modal && <div class="backdrop" part="backdrop" onClick={intents.close} />}
      <div
        class="card"
        part="card"
        role={placement === 'inline' ? 'region' : 'dialog'}
        aria-modal={modal ? 'true' : undefined}
        aria-label={copy.surveyLabel}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            intents.close()
          } else if (modal) trapTab(event, event.currentTarget)
        }}
      >
        <button type="button" class="close" part="close" aria-label={copy.close} onClick={intents.close}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
        </button>
        {/* The scale stays on the follow-up step: it shows the score, and a new one replaces it. */}
        {step !== 'thanks' && (
          <>
            <p class="question" id={questionId} part="question">
              {copy.question}
            </p>
            <Scale {...props} />
          </>
        )}
        {step === 'followUp' && category && (
          <FollowUp {...props} category={category} />
        )}
        {/* Present from the start so screen readers announce the thank-you when it appears. */}
        <div role="status">
          {step === 'thanks' && category && (
            <ThankYou
              text={copy.thanks(category)}
              // The customer's own consent, echoed back in their words: only when they gave it.
              consent={model.consented ? '✓ ' + copy.contactConsent : ''}
              action={category === 'promoter' ? config.promoterAction : undefined}
            />
          )}
        </div>
      </div>
    </div>
  )
}
