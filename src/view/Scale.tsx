// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact'
import { fill } from '../core/locale'
import type { ViewProps } from './Survey'

const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/** The id of the question above the scale, which names the radio group. */
export const questionId = 'npskit-question'

// The last digit key and when it came, so "1" then "0" within a second is 10. Module state is
// enough: one survey is on screen at a time.
let lastDigit = -1
let lastAt = 0

/**
 * The 0–10 scale as a radio group: one tab stop (roving tabindex), arrow keys, Home and End
 * move the selection, digits jump to a score ("1" then "0" quickly is 10), Enter or Space
 * confirms it; a click or tap confirms at once. In RTL the arrows follow the mirrored layout.
 */
export function Scale({ config: { copy }, model, intents: { score: onChoose } }: ViewProps) {
  const { selected, state } = model
  // On the follow-up step a new score counts at once: what is checked is what was answered.
  const choose = (score: number, tapped: boolean) => {
    model.tapped = tapped
    selected.value = score
    onChoose(score)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key
    const current = selected.value
    // Home and End are moves past the ends, clamped like the arrows. Nothing checked yet: on a
    // score (the tab stop, 0) the first arrow moves on from it; on the group itself (a modal
    // focuses it) forward picks 0 and backward 10. The signal is written at once, so keys
    // faster than a render still see the last one.
    const forward = copy.dir === 'rtl' ? -1 : 1
    const move = ({ ArrowDown: 1, ArrowUp: -1, ArrowRight: forward, ArrowLeft: -forward, Home: -11, End: 11 } as Record<string, number>)[key]
    let next: number
    if (move) next = Math.min(10, Math.max(0, (current ?? (event.target === event.currentTarget ? (move > 0 ? -1 : 11) : 0)) + move))
    else if (/^\d$/.test(key)) {
      const now = Date.now()
      next = key === '0' && lastDigit === 1 && now - lastAt < 1000 ? 10 : +key
      lastDigit = +key
      lastAt = now
    } else {
      if ((key === 'Enter' || key === ' ') && current !== undefined) {
        event.preventDefault()
        choose(current, false)
      }
      return
    }
    event.preventDefault()
    ;((event.currentTarget as HTMLElement).children[next] as HTMLElement).focus()
    if (state.value.step === 'followUp') choose(next, false)
    else selected.value = next
  }
  const tabStop = selected.value ?? 0
  return (
    <>
      <div class="scale" role="radiogroup" tabIndex={-1} aria-labelledby={questionId} aria-describedby={questionId + '-anchors'} part="scale" onKeyDown={onKeyDown}>
        {scores.map((score) => (
          <button
            type="button"
            class="score"
            role="radio"
            part="score"
            aria-checked={selected.value === score}
            aria-label={fill(copy.scoreLabel, { score })}
            tabIndex={score === tabStop ? 0 : -1}
            // A click from the keyboard has detail 0; a mouse click or a tap counts its clicks.
            onClick={(event) => choose(score, event.detail > 0)}
          >
            {score}
          </button>
        ))}
      </div>
      <div class="anchors" id={questionId + '-anchors'} part="anchors">
        <span>{copy.low}</span>
        <span>{copy.high}</span>
      </div>
    </>
  )
}
