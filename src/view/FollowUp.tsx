// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact'
import type { Category } from '../score/types'
import { fill } from '../core/locale'
import type { ViewProps } from './Survey'

interface Props extends ViewProps {
  readonly category: Category
}

/** The one optional text box after the score, with its prompt for the customer's category. */
export function FollowUp({ config: { copy, maxCommentLength: maxLength }, model, intents, category }: Props) {
  const { comment } = model
  const consent = copy.consent(category)
  const left = maxLength - comment.value.length
  return (
    <form
      part="follow-up"
      onSubmit={(event) => {
        event.preventDefault()
        // The fields keep their own values (uncontrolled), so read them as they are now.
        const form = event.currentTarget
        // The thank-you answers the consent given, and only that (see Survey).
        model.consented = !!form.querySelector('input')?.checked
        intents.submit(form.querySelector('textarea')!.value.slice(0, maxLength).trim(), model.consented)
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
        <button type="button" class="secondary" part="skip" onClick={intents.skip}>
          {copy.skip}
        </button>
        <button type="submit" class="primary" part="submit">
          {copy.submit}
        </button>
      </div>
    </form>
  )
}
