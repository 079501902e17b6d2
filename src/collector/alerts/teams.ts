import type { AlertContent } from './content'
import { truncate } from './truncate'

/**
 * A Teams incoming-webhook message (a Workflows "post to a channel when a webhook request is
 * received" flow, or a classic incoming webhook): one Adaptive Card as an attachment.
 */
export interface TeamsBody {
  readonly type: 'message'
  readonly attachments: readonly [{
    readonly contentType: 'application/vnd.microsoft.card.adaptive'
    readonly contentUrl: null
    readonly content: Record<string, unknown>
  }]
}

// TextBlocks render a Markdown subset: customer text is escaped so it cannot add links or headings.
function escape(text: string): string {
  return text.replace(/[\\`*_[\]]/g, '\\$&').replace(/^(\s*)([#>+-]|\d+\.)/gm, '$1\\$2')
}

function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...extra }
}

/**
 * The body of an `ALERT_FORMAT=teams` webhook: an Adaptive Card 1.4 with the score, the comment,
 * the facts, the contact line and a button to the inbox.
 *
 * @example
 * teamsBody(content).attachments[0].content.type // → 'AdaptiveCard'
 */
export function teamsBody(content: AlertContent): TeamsBody {
  const { response, wording } = content
  const body: Record<string, unknown>[] = [
    textBlock(escape(content.title), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    textBlock(escape(wording.followUp[response.category]), { isSubtle: true, spacing: 'Small' }),
    response.comment ? textBlock(escape(truncate(response.comment, 10_000))) : textBlock(escape(wording.noComment), { isSubtle: true }),
  ]
  if (content.facts.length > 0) body.push({ type: 'FactSet', facts: content.facts.map(([title, value]) => ({ title: escape(title), value: escape(value) })) })
  body.push(textBlock(escape(content.contact), { isSubtle: true }))
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
  }
  if (content.url) card.actions = [{ type: 'Action.OpenUrl', title: wording.open, url: content.url }]
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] }
}
