// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact'
import type { Signal } from '@preact/signals-core'
import type { Copy } from '../core/copy'
import type { Category } from '../score/types'
import { fill } from '../core/locale'

interface Props {
  readonly copy: Copy
  readonly category: Category
  readonly maxLength: number
  /** What is typed so far: written on every input, read for the counter. */
  readonly comment: Signal<string>
  readonly onSubmit: (comment: string, contactConsent: boolean) => void
  readonly onSkip: () => void
}

/** The one optional text box after the score, with its prompt for the customer's category. */
export function FollowUp({ copy, category, maxLength, comment, onSubmit, onSkip }: Props) {
  const consent = copy.consent(category)
  const left = maxLength - comment.value.length
  return (
    <form
      part="follow-up"
      onSubmit={(event) => {
        event.preventDefault()
        // The fields keep their own values (uncontrolled), so read them as they are now.
        const form = event.currentTarget
        onSubmit(form.querySelector('textarea')!.value.slice(0, maxLength).trim(), !!form.querySelector('input')?.checked)
      }}
    >
      <label class="prompt" for="npskit-comment" part="prompt">
        {copy.prompt(category)}
      </label>
      <textarea
        id="npskit-comment"
        part="textarea"
        rows={3}
        maxLength={maxLength}
        placeholder={copy.commentPlaceholder}
        aria-describedby="npskit-counter"
        onInput={(event) => (comment.value = event.currentTarget.value.slice(0, maxLength))}
      />
      {/* Announced only near the limit, so a screen reader is not told after every key. */}
      <div class="counter" id="npskit-counter" aria-live="polite">
        {left <= Math.max(20, maxLength / 10) ? fill(copy.charactersLeft, { count: left }) : ''}
      </div>
      {consent !== null && (
        <label class="consent" part="consent">
          <input type="checkbox" />
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
