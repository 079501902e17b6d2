import { useRef } from 'preact/hooks'
import type { Copy } from '../core/copy'

interface Props {
  readonly copy: Copy
  /** The score that has focus and is checked, before the customer confirms it. */
  readonly selected: number | undefined
  readonly onSelect: (score: number) => void
  readonly onChoose: (score: number) => void
  readonly questionId: string
}

const scores = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

/**
 * The 0–10 scale as a radio group: one tab stop (roving tabindex), arrow keys, Home and End
 * move the selection, digits jump to a score ("1" then "0" quickly is 10), Enter or Space
 * confirms it; a click or tap confirms at once. In RTL the arrows follow the mirrored layout.
 */
export function Scale({ copy, selected, onSelect, onChoose, questionId }: Props) {
  const group = useRef<HTMLDivElement>(null)
  const lastDigit = useRef({ digit: -1, at: 0 })
  // Keys can arrive faster than Preact re-renders: track the selection synchronously too.
  const latest = useRef(selected)
  latest.current = selected ?? latest.current
  const focus = (score: number) => {
    latest.current = score
    onSelect(score)
    const button = group.current?.children[score] as HTMLElement | undefined
    button?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    // Nothing checked yet: focus sits on 0, so the first arrow moves on from there.
    const current = latest.current ?? 0
    const forward = copy.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
    const back = copy.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft'
    let next: number | undefined
    if (event.key === forward || event.key === 'ArrowDown') next = Math.min(10, current + 1)
    else if (event.key === back || event.key === 'ArrowUp') next = Math.max(0, current - 1)
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = 10
    else if (/^[0-9]$/.test(event.key)) {
      const digit = Number(event.key)
      const now = Date.now()
      next = digit === 0 && lastDigit.current.digit === 1 && now - lastDigit.current.at < 1000 ? 10 : digit
      lastDigit.current = { digit, at: now }
    } else if ((event.key === 'Enter' || event.key === ' ') && latest.current !== undefined) {
      event.preventDefault()
      onChoose(latest.current)
      return
    } else return
    event.preventDefault()
    focus(next)
  }
  const tabStop = selected ?? 0
  return (
    <div>
      <div
        ref={group}
        class="scale"
        role="radiogroup"
        aria-labelledby={questionId}
        aria-describedby={questionId + '-anchors'}
        part="scale"
        onKeyDown={onKeyDown}
      >
        {scores.map((score) => (
          <button
            key={score}
            type="button"
            class="score"
            role="radio"
            part="score"
            aria-checked={selected === score}
            aria-label={copy.scoreLabels[score]}
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
    </div>
  )
}
