import { fill } from '../core/locale'
import type { Messages } from '../core/messages'

/**
 * The NPS question as the widget asks it (core/copy.ts): the `question` option when given, else the
 * locale's question with the brand. `{brand}` is filled in. A test holds the two to the same words
 * for every locale; the rule is repeated here rather than shared so the widget's bundles do not grow
 * by a module boundary for the email's sake. Plain text: escape it for HTML.
 *
 * @example
 * questionText(en.messages, 'Nordhandel') // → 'How likely are you to recommend Nordhandel to a friend or colleague?'
 */
export function questionText(messages: Pick<Messages, 'question' | 'questionNoBrand'>, brand: string, question?: string): string {
  return fill(question ?? (brand ? messages.question : messages.questionNoBrand), { brand })
}
