import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Copy } from '../core/copy'
import { fill } from '../core/locale'
import { focusIfOurs } from './focus'

interface Props {
  readonly copy: Copy
  readonly prompt: string
  readonly consent: string | null
  readonly maxLength: number
  readonly onSubmit: (comment: string, contactConsent: boolean) => void
  readonly onSkip: () => void
}

/** The one optional text box after the score, with its prompt for the customer's category. */
export function FollowUp({ copy, prompt, consent, maxLength, onSubmit, onSkip }: Props) {
  const [comment, setComment] = useState('')
  const [contact, setContact] = useState(false)
  const box = useRef<HTMLTextAreaElement>(null)
  const consentBox = useRef<HTMLInputElement>(null)
  // The customer just chose a score here, so moving focus on is expected, not stolen.
  // A layout effect, not an effect: a customer who types right after choosing must not lose a key.
  useLayoutEffect(() => focusIfOurs(box.current), [])
  const left = maxLength - comment.length
  return (
    <form
      part="follow-up"
      onSubmit={(event) => {
        event.preventDefault()
        // Read the fields themselves: a submit can come before the last keystroke re-rendered.
        onSubmit((box.current?.value ?? comment).slice(0, maxLength).trim(), consentBox.current?.checked ?? contact)
      }}
    >
      <label class="prompt" for="npskit-comment" part="prompt">
        {prompt}
      </label>
      <textarea
        ref={box}
        id="npskit-comment"
        part="textarea"
        rows={3}
        maxLength={maxLength}
        placeholder={copy.commentPlaceholder}
        aria-describedby="npskit-counter"
        value={comment}
        onInput={(event) => setComment((event.target as HTMLTextAreaElement).value.slice(0, maxLength))}
      />
      {/* Announced only near the limit, so a screen reader is not told after every key. */}
      <div class="counter" id="npskit-counter" aria-live="polite">
        {left <= Math.max(20, maxLength / 10) ? fill(copy.charactersLeft, { count: left }) : ''}
      </div>
      {consent !== null && (
        <label class="consent" part="consent">
          <input ref={consentBox} type="checkbox" checked={contact} onChange={(event) => setContact((event.target as HTMLInputElement).checked)} />
          <span>{consent}</span>
        </label>
      )}
      <div class="actions">
        <button type="button" class="secondary" part="skip" onClick={onSkip}>
          {copy.skip}
        </button>
        <button type="submit" class="primary" part="submit">
          {copy.submit}
        </button>
      </div>
    </form>
  )
}
