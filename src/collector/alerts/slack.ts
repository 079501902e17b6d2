import type { AlertContent } from './content'
import { truncate } from './truncate'

// Slack's documented limits for incoming-webhook messages (Block Kit reference).
export const slackLimits = { header: 150, sectionText: 3000, fields: 10, fieldText: 2000, buttonText: 75, url: 3000, text: 3000 } as const

/** A Slack incoming-webhook message: `text` is the notification and fallback, `blocks` the message. */
export interface SlackBody {
  readonly text: string
  readonly blocks: readonly Record<string, unknown>[]
}

// Slack reads &, < and > as markup (`<!channel>` pings everyone): customer text is escaped.
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function mrkdwn(text: string, max: number): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncate(text, max) }
}

/**
 * The body of an `ALERT_FORMAT=slack` webhook: a header, the comment quoted under the question the
 * customer answered, the facts as fields, the contact line and a button to the inbox.
 *
 * @example
 * slackBody(content).text // → 'Detractor: 3 out of 10'
 */
export function slackBody(content: AlertContent): SlackBody {
  const { response, wording } = content
  const comment = response.comment
    ? `*${escape(wording.followUp[response.category])}*\n` + escape(truncate(response.comment, 2800)).replace(/^/gm, '>')
    : `_${escape(wording.noComment)}_`
  const facts = content.facts.map(([label, value]) => `*${escape(label)}*\n${escape(value)}`)
  const fields = facts.length > slackLimits.fields ? [...facts.slice(0, slackLimits.fields - 1), facts.slice(slackLimits.fields - 1).join('\n')] : facts
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(content.title, slackLimits.header), emoji: true } },
    { type: 'section', text: mrkdwn(comment, slackLimits.sectionText) },
  ]
  if (fields.length > 0) blocks.push({ type: 'section', fields: fields.map((f) => mrkdwn(f, slackLimits.fieldText)) })
  blocks.push({ type: 'context', elements: [mrkdwn(escape(content.contact), slackLimits.sectionText)] })
  if (content.url && content.url.length <= slackLimits.url) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: truncate(wording.open, slackLimits.buttonText) }, url: content.url }],
    })
  }
  const summary = response.comment ? `${content.title}: ${response.comment}` : content.title
  return { text: truncate(summary, slackLimits.text), blocks }
}
