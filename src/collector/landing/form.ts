// The landing page for a reader without JavaScript (a locked-down browser, a text-mode mail client's
// browser): a plain HTML form inside <noscript> with the question, the eleven scores (the link's
// already chosen), a comment box and the contact consent, posted to the link itself. A form sent by
// a person is an answer like a tap on the widget: link scanners fetch pages but do not send forms.
import { fill } from '../../core/locale'
import type { Messages } from '../../core/messages'
import { category } from '../../score'
import { version } from '../../version'
import { escape } from './escape'

// The schema's own limit (schema.json, comment.maxLength).
const MAX_COMMENT = 10_000

const questionOf = (messages: Messages, brand: string | undefined) => (brand ? fill(messages.question, { brand }) : messages.questionNoBrand)

/**
 * The form a reader without JavaScript answers with: the same question, scale and texts as the
 * widget, in the link's language, as markup only (the page's CSP allows no script but its own).
 *
 * @example
 * noScriptForm(en.messages, 'Nordhandel', 9) // → '<form method="post" class="nojs">…'
 */
export function noScriptForm(messages: Messages, brand: string | undefined, score: number | null): string {
  const scores = Array.from(
    { length: 11 },
    (_, n) =>
      `<label><input type="radio" name="score" value="${n}" required${n === score ? ' checked' : ''}><span>${n}</span></label>`,
  ).join('')
  return `<form method="post" class="nojs">
<fieldset>
<legend>${escape(questionOf(messages, brand))}</legend>
<div class="scale">${scores}</div>
<p class="anchors"><span>${escape(messages.low)}</span><span>${escape(messages.high)}</span></p>
</fieldset>
<label class="comment">${escape(messages.commentPlaceholder)}<textarea name="comment" maxlength="${MAX_COMMENT}" rows="4"></textarea></label>
<label class="consent"><input type="checkbox" name="contactConsent" value="yes"> ${escape(messages.contactConsent)}</label>
<button type="submit">${escape(messages.submit)}</button>
</form>`
}

/** What a sent form said, or what is wrong with it (the field named). */
export type FormAnswer = { score: number; comment: string | null; contactConsent: boolean } | { error: string; field: string }

/**
 * Reads a form body (`application/x-www-form-urlencoded`): `score` 0–10 (required), `comment`
 * (trimmed, empty is none, line breaks as the browser sent them), `contactConsent` (present or not).
 * Anything else in the body is ignored, as a form's extra fields are.
 *
 * @example
 * readForm('score=3&comment=Late+delivery') // → { score: 3, comment: 'Late delivery', contactConsent: false }
 */
export function readForm(body: string): FormAnswer {
  const form = new URLSearchParams(body)
  const score = form.get('score') ?? ''
  if (!/^(10|[0-9])$/.test(score)) return { error: 'Choose a score from 0 to 10', field: 'score' }
  const comment = (form.get('comment') ?? '').replace(/\r\n?/g, '\n').trim()
  if (comment.length > MAX_COMMENT) return { error: `The comment is longer than ${MAX_COMMENT} characters`, field: 'comment' }
  return { score: Number(score), comment: comment || null, contactConsent: form.has('contactConsent') }
}

/**
 * The response a form answer makes, before the link's own fields (id, survey, journey point,
 * customer, order) are set on it as on any answer to the link.
 *
 * @example
 * formResponse({ score: 9, comment: null, contactConsent: false }, en, 'Nordhandel', new Date())
 */
export function formResponse(
  answer: { score: number; comment: string | null; contactConsent: boolean },
  locale: { code: string; messages: Messages },
  brand: string | undefined,
  at: Date,
): Record<string, unknown> {
  const { score } = answer
  return {
    score,
    category: category(score),
    comment: answer.comment,
    contactConsent: answer.contactConsent,
    locale: locale.code,
    question: questionOf(locale.messages, brand),
    page: '',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    complete: true,
    sdk: { name: 'npskit', version },
  }
}

/** The thank-you for a category, in the link's words. */
export function thanksText(messages: Messages, category: string): string {
  return category === 'promoter' ? messages.thankYouPromoter : category === 'passive' ? messages.thankYouPassive : messages.thankYouDetractor
}
