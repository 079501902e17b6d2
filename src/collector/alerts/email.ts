import type { AlertContent } from './content'

/** One alert as an email: plain text and simple HTML with the same content. */
export interface AlertEmail {
  readonly subject: string
  readonly text: string
  readonly html: string
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/**
 * Writes an alert as an email in the alert's language. The HTML has no styles beyond what every
 * mail client shows, and every customer-written character is escaped.
 *
 * @example
 * alertEmail(content).subject // → 'Detractor: 3 out of 10'
 */
export function alertEmail(content: AlertContent): AlertEmail {
  const { response, wording } = content
  // Subjects are one line: a comment with line breaks must not add headers or wrap oddly.
  const subject = content.title.replace(/[\r\n]+/g, ' ')
  const question = wording.followUp[response.category]
  const comment = response.comment ?? wording.noComment
  const facts = content.facts.map(([label, value]) => `${label}: ${value}`)
  const text = [
    content.title, '',
    question, response.comment ? response.comment.replace(/^/gm, '> ') : wording.noComment, '',
    ...facts, content.contact,
    ...(content.url ? ['', `${wording.open}: ${content.url}`] : []),
  ].join('\n') + '\n'
  const rows = content.facts.map(([label, value]) => `<tr><th align="left" valign="top">${html(label)}</th><td>${html(value)}</td></tr>`).join('')
  const body = [
    `<h1>${html(content.title)}</h1>`,
    `<p><strong>${html(question)}</strong></p>`,
    response.comment ? `<blockquote>${html(comment).replace(/\r?\n/g, '<br>')}</blockquote>` : `<p><em>${html(comment)}</em></p>`,
    rows ? `<table cellpadding="4">${rows}</table>` : '',
    `<p>${html(content.contact)}</p>`,
    content.url ? `<p><a href="${html(content.url)}">${html(wording.open)}</a></p>` : '',
  ].join('\n')
  return {
    subject,
    text,
    html: `<!doctype html>\n<html lang="${html(wording.code)}"><head><meta charset="utf-8"><title>${html(subject)}</title></head><body>\n${body}\n</body></html>\n`,
  }
}
