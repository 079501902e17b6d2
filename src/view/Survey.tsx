import type { Signal } from '@preact/signals'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Copy } from '../core/copy'
import type { SurveyState } from '../core/machine'
import type { Placement, PromoterAction, Theme } from '../types'
import { FollowUp } from './FollowUp'
import { Scale } from './Scale'
import { ThankYou } from './ThankYou'
import { focusIfOurs, trapTab } from './focus'

/** What the controller tells the view: texts and layout, fixed for one showing. */
export interface ViewConfig {
  readonly copy: Copy
  readonly placement: Placement
  readonly theme: Theme
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

interface Props {
  readonly config: ViewConfig
  readonly state: Signal<SurveyState>
  readonly intents: Intents
}

/** The card: close button, the current step, and a live region that announces the thank-you. */
export function Survey({ config, state, intents }: Props) {
  const { copy, placement } = config
  const { step, category } = state.value
  const [selected, setSelected] = useState<number | undefined>(undefined)
  const card = useRef<HTMLDivElement>(null)
  const close = useRef<HTMLButtonElement>(null)
  const modal = placement === 'modal'

  useEffect(() => {
    // A modal owns the page while it is open, so it takes focus (the controller waits until
    // the customer is not typing); the other placements never take it.
    if (modal) card.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus()
  }, [])
  useEffect(() => {
    if (step === 'thanks') focusIfOurs(close.current)
  }, [step])

  return (
    <div class={`root ${placement} ${config.theme}`} dir={copy.dir} lang={copy.lang}>
      {modal && <div class="backdrop" part="backdrop" onClick={intents.close} />}
      <div
        ref={card}
        class="card"
        part="card"
        role={placement === 'inline' ? 'region' : 'dialog'}
        aria-modal={modal ? 'true' : undefined}
        aria-label={copy.surveyLabel}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            intents.close()
          } else if (modal && card.current) trapTab(event, card.current)
        }}
      >
        <button ref={close} type="button" class="close" part="close" aria-label={copy.close} onClick={intents.close}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
        </button>
        <div class="body">
          {step === 'question' && (
            <>
              <p class="question" id="npskit-question" part="question">
                {copy.question}
              </p>
              <Scale copy={copy} selected={selected} onSelect={setSelected} onChoose={intents.score} questionId="npskit-question" />
            </>
          )}
          {step === 'followUp' && category && (
            <FollowUp
              copy={copy}
              prompt={copy.followUp[category] ?? ''}
              consent={copy.contactConsent[category]}
              maxLength={config.maxCommentLength}
              onSubmit={intents.submit}
              onSkip={intents.skip}
            />
          )}
          {/* Present from the start so screen readers announce the thank-you when it appears. */}
          <div role="status">
            {step === 'thanks' && category && (
              <ThankYou text={copy.thankYou[category]} action={category === 'promoter' ? config.promoterAction : undefined} />
            )}
          </div>
        </div>
      </div>
    </div>
  )
}
