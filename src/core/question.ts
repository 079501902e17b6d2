import type { Messages } from './messages'
import { fill } from './locale'

/**
 * The NPS question as asked, wherever it is asked (the widget, the email): the `question` option
 * when given, else the locale's question with the brand or, without a brand, the one that says "us".
 * `{brand}` is filled in either way. Plain text: render it as text, never as HTML.
 *
 * @example
 * questionText(en.messages, 'Nordhandel') // → 'How likely are you to recommend Nordhandel to a friend or colleague?'
 * questionText(en.messages, undefined) // → 'How likely are you to recommend us to a friend or colleague?'
 */
export function questionText(
  messages: Pick<Messages, 'question' | 'questionNoBrand'>,
  brand: string | undefined,
  question?: string,
): string {
  return fill(question ?? (brand ? messages.question : messages.questionNoBrand), { brand: brand ?? '' })
}
