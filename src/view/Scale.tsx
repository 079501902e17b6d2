// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact'
import type { Signal } from '@preact/signals-core'
import type { Copy } from '../core/copy'
import { fill } from '../core/locale'

interface Props {
  readonly copy: Copy
  /** The score that has focus and is checked, before the customer confirms it. */
  readonly selected: Signal<number | undefined>
  readonly onChoose: (score: number) => void
  readonly questionId: string
}

const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

// The last digit key and when it came, so "1" then "0" within a second is 10. Module state is
// enough: one survey is on screen at a time.
let lastDigit = -1
let lastAt = 0

/**
 * The 0–10 scale as a radio group: one tab stop (roving tabindex), arrow keys, Home and End
 * move the selection, digits jump to a score ("1" then "0" quickly is 10), Enter or Space
 * confirms it; a click or tap confirms at once. In RTL the arrows follow the mirrored layout.
 */
export function Scale({ copy, selected, onChoose, questionId }: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key
    const rtl = copy.dir === 'rtl'
    // Nothing checked yet: focus sits on 0, so the first arrow moves on from there.
    // A signal is written at once, so keys faster than a render still see the last one.
    const current = selected.value
    let next = current ?? 0
    if (key === (rtl ? 'ArrowLeft' : 'ArrowRight') || key === 'ArrowDown') next = Math.min(10, next + 1)
    else if (key === (rtl ? 'ArrowRight' : 'ArrowLeft') || key === 'ArrowUp') next = Math.max(0, next - 1)
    else if (key === 'Home') next = 0
    else if (key === 'End') next = 10
    else if (/^\d$/.test(key)) {
      const now = Date.now()
      next = key === '0' && lastDigit === 1 && now - lastAt < 1000 ? 10 : +key
      lastDigit = +key
      lastAt = now
    } else if ((key === 'Enter' || key === ' ') && current !== undefined) {
      event.preventDefault()
      return onChoose(current)
    } else return
    event.preventDefault()
    selected.value = next
    ;((event.currentTarget as HTMLElement).children[next] as HTMLElement).focus()
  }
  const tabStop = selected.value ?? 0
  return (
    <>
      <div class="scale" role="radiogroup" aria-labelledby={questionId} aria-describedby={questionId + '-anchors'} part="scale" onKeyDown={onKeyDown}>
        {scores.map((score) => (
          <button
            type="button"
            class="score"
            role="radio"
            part="score"
            aria-checked={selected.value === score}
            aria-label={fill(copy.scoreLabel, { score })}
            tabIndex={score === tabStop ? 0 : -1}
            onClick={() => onChoose(score)}
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
