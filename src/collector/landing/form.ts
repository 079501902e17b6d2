// The landing page for a reader without JavaScript (a locked-down browser, a text-mode mail client's
// browser): a plain HTML form inside <noscript> with the question, the eleven scores (the link's
// already chosen), a comment box and the contact consent, posted to the link itself. A form sent by
// a person is an answer like a tap on the widget: link scanners fetch pages but do not send forms.
import { copyFor, type Copy } from '../../core/copy'
import type { Locale } from '../../core/messages'
import { category } from '../../score'
import { version } from '../../version'
import { escape } from './escape'

// The schema's own limit (schema.json, comment.maxLength), which checks the comment when it is stored.
const MAX_COMMENT = 10_000

/**
 * What the widget would say on a landing page: the locale's texts, the shop's name in the question.
 *
 * @example
 * linkCopy('Nordhandel', nb).question // → 'Hvor sannsynlig er det at du vil anbefale Nordhandel til en venn eller kollega?'
 */
export const linkCopy = (brand: string | undefined, locale: Locale): Copy => copyFor(brand ? { brand } : {}, locale)

/**
 * The form a reader without JavaScript answers with: the widget's question, scale and texts (its
 * `copy`, in the link's language), as markup only (the page's CSP allows no script but its own).
 *
 * @example
 * noScriptForm(linkCopy('Nordhandel', en), 9) // → '<form method="post" class="nojs">…'
 */
export function noScriptForm(copy: Copy, score: number | null): string {
  const scores = Array.from(
    { length: 11 },
    (_, n) =>
      `<label><input type="radio" name="score" value="${n}" required${n === score ? ' checked' : ''}><span>${n}</span></label>`,
  ).join('')
  return `<form method="post" class="nojs">
<fieldset>
<legend>${escape(copy.question)}</legend>
<div class="scale">${scores}</div>
<p class="anchors"><span>${escape(copy.low)}</span><span>${escape(copy.high)}</span></p>
</fieldset>
<label class="comment">${escape(copy.commentPlaceholder)}<textarea name="comment" maxlength="${MAX_COMMENT}" rows="4"></textarea></label>
<label class="consent"><input type="checkbox" name="contactConsent" value="yes"> ${escape(copy.contactConsent)}</label>
<button type="submit">${escape(copy.submit)}</button>
</form>`
}

/**
 * A score as a link or a form carries it, "0" to "10" exactly; anything else is none.
 *
 * @example
 * scoreIn('9') // → 9
 * scoreIn('9.5') // → null
 */
export const scoreIn = (text: string | null): number | null => (text !== null && /^(10|[0-9])$/.test(text) ? Number(text) : null)

/** What a sent form said. */
export interface FormFields {
  score: number
  comment: string | null
  contactConsent: boolean
}

/** What a sent form said, or what is wrong with it (the field named). */
export type FormAnswer = FormFields | { error: string; field: string }

/**
 * Reads a form body (`application/x-www-form-urlencoded`): `score` 0–10 (required), `comment`
 * (trimmed, empty is none, line breaks as \n; its length is the schema's to check), `contactConsent`
 * (present or not).
 * Anything else in the body is ignored, as a form's extra fields are.
 *
 * @example
 * readForm('score=3&comment=Late+delivery') // → { score: 3, comment: 'Late delivery', contactConsent: false }
 */
export function readForm(body: string): FormAnswer {
  const form = new URLSearchParams(body)
  const score = scoreIn(form.get('score'))
  if (score === null) return { error: 'Choose a score from 0 to 10', field: 'score' }
  const comment = (form.get('comment') ?? '').replace(/\r\n?/g, '\n').trim()
  return { score, comment: comment || null, contactConsent: form.has('contactConsent') }
}

/**
 * The response a form answer makes, before the link's own fields (id, survey, journey point,
 * customer, order) are set on it as on any answer to the link.
 *
 * @example
 * formResponse({ score: 9, comment: null, contactConsent: false }, linkCopy('Nordhandel', en), new Date())
 */
export function formResponse(answer: FormFields, copy: Copy, at: Date): Record<string, unknown> {
  return {
    ...answer,
    category: category(answer.score),
    locale: copy.lang,
    question: copy.question,
    page: '',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    complete: true,
    sdk: { name: 'npskit', version },
  }
}
