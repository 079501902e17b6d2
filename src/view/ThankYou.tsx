// Classic JSX: Preact's own h is bundled anyway; the automatic runtime would add its jsx().
/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact'
import type { PromoterAction } from '../types'

interface Props {
  readonly text: string
  /** The contact consent the customer gave, or '' when they did not. */
  readonly consent: string
  readonly action: PromoterAction | undefined
}

/**
 * The closing words for the customer's category, the contact consent they gave (if they did), and
 * the promoters' optional call to action.
 */
export function ThankYou({ text, consent, action }: Props) {
  return (
    <div part="thank-you">
      <p class="thanks">{text}</p>
      {consent && <p class="thanks">{consent}</p>}
      {action && (
        <a class="action" part="action" href={action.href} target="_blank" rel="noopener noreferrer">
          {action.label}
        </a>
      )}
    </div>
  )
}
