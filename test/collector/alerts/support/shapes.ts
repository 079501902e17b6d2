// The documented shapes of the chat tools' incoming-webhook messages, as checks that name the
// first rule a body breaks. Slack: Block Kit reference (blocks, composition objects, limits).
// Teams: "Send Adaptive Cards using an Incoming Webhook" and the Adaptive Card 1.4 schema.

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function only(o: Json, allowed: string[], where: string): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) throw new Error(`${where}: unknown property ${key}`)
}

function text(o: unknown, where: string, max: number, types = ['plain_text', 'mrkdwn']): void {
  if (!isObject(o)) throw new Error(`${where}: expected a text object`)
  only(o, ['type', 'text', 'emoji', 'verbatim'], where)
  if (!types.includes(o.type as string)) throw new Error(`${where}: type must be ${types.join(' or ')}`)
  if (typeof o.text !== 'string' || o.text.length < 1 || o.text.length > max) throw new Error(`${where}: text must be 1 to ${max} characters`)
  if (o.type === 'mrkdwn' && 'emoji' in o) throw new Error(`${where}: emoji is for plain_text only`)
}

/** Throws unless `body` is a valid Slack incoming-webhook message with blocks. */
export function checkSlack(body: unknown): void {
  if (!isObject(body)) throw new Error('message: expected an object')
  only(body, ['text', 'blocks'], 'message')
  if (typeof body.text !== 'string' || body.text.length === 0) throw new Error('message: text is the notification fallback and is required with blocks')
  if (!Array.isArray(body.blocks) || body.blocks.length < 1 || body.blocks.length > 50) throw new Error('message: 1 to 50 blocks')
  body.blocks.forEach((block: unknown, i) => {
    const at = `blocks[${i}]`
    if (!isObject(block)) throw new Error(`${at}: expected an object`)
    if (block.type === 'header') {
      only(block, ['type', 'text', 'block_id'], at)
      text(block.text, at + '.text', 150, ['plain_text'])
    } else if (block.type === 'section') {
      only(block, ['type', 'text', 'fields', 'block_id', 'accessory'], at)
      if (!('text' in block) && !('fields' in block)) throw new Error(`${at}: text or fields is required`)
      if ('text' in block) text(block.text, at + '.text', 3000)
      if ('fields' in block) {
        if (!Array.isArray(block.fields) || block.fields.length < 1 || block.fields.length > 10) throw new Error(`${at}.fields: 1 to 10 items`)
        block.fields.forEach((f: unknown, j) => text(f, `${at}.fields[${j}]`, 2000))
      }
    } else if (block.type === 'context') {
      only(block, ['type', 'elements', 'block_id'], at)
      if (!Array.isArray(block.elements) || block.elements.length < 1 || block.elements.length > 10) throw new Error(`${at}.elements: 1 to 10 items`)
      block.elements.forEach((e: unknown, j) => text(e, `${at}.elements[${j}]`, 3000))
    } else if (block.type === 'actions') {
      only(block, ['type', 'elements', 'block_id'], at)
      if (!Array.isArray(block.elements) || block.elements.length < 1 || block.elements.length > 25) throw new Error(`${at}.elements: 1 to 25 items`)
      block.elements.forEach((e: unknown, j) => {
        const w = `${at}.elements[${j}]`
        if (!isObject(e) || e.type !== 'button') throw new Error(`${w}: expected a button`)
        only(e, ['type', 'text', 'url', 'action_id', 'value', 'style'], w)
        text(e.text, w + '.text', 75, ['plain_text'])
        if (typeof e.url !== 'string' || e.url.length > 3000 || !/^https?:\/\//.test(e.url)) throw new Error(`${w}.url: an http(s) URL of at most 3000 characters`)
      })
    } else if (block.type !== 'divider') {
      throw new Error(`${at}: unknown block type ${String(block.type)}`)
    }
  })
}

const elementTypes = ['TextBlock', 'FactSet', 'Container', 'ColumnSet', 'Image', 'RichTextBlock']

/** Throws unless `body` is a Teams incoming-webhook message carrying one Adaptive Card 1.4. */
export function checkTeams(body: unknown): void {
  if (!isObject(body)) throw new Error('message: expected an object')
  only(body, ['type', 'attachments'], 'message')
  if (body.type !== 'message') throw new Error('message: type must be "message"')
  if (!Array.isArray(body.attachments) || body.attachments.length !== 1) throw new Error('message: exactly one attachment')
  const attachment: unknown = body.attachments[0]
  if (!isObject(attachment)) throw new Error('attachments[0]: expected an object')
  only(attachment, ['contentType', 'contentUrl', 'content'], 'attachments[0]')
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('attachments[0].contentType')
  if (attachment.contentUrl !== null && attachment.contentUrl !== undefined) throw new Error('attachments[0].contentUrl: null for an inline card')
  const card = attachment.content
  if (!isObject(card)) throw new Error('content: expected the card')
  only(card, ['$schema', 'type', 'version', 'body', 'actions', 'msteams'], 'card')
  if (card.type !== 'AdaptiveCard') throw new Error('card.type must be AdaptiveCard')
  if (typeof card.version !== 'string' || !/^1\.[0-5]$/.test(card.version)) throw new Error('card.version: Teams renders 1.0 to 1.5')
  if (!Array.isArray(card.body)) throw new Error('card.body: expected an array')
  card.body.forEach((e: unknown, i) => {
    const at = `card.body[${i}]`
    if (!isObject(e) || !elementTypes.includes(e.type as string)) throw new Error(`${at}: unknown element`)
    if (e.type === 'TextBlock') {
      only(e, ['type', 'text', 'wrap', 'size', 'weight', 'isSubtle', 'spacing', 'style', 'color', 'maxLines'], at)
      if (typeof e.text !== 'string') throw new Error(`${at}.text: required string`)
      if ('size' in e && !['Default', 'Small', 'Medium', 'Large', 'ExtraLarge'].includes(e.size as string)) throw new Error(`${at}.size`)
      if ('weight' in e && !['Default', 'Lighter', 'Bolder'].includes(e.weight as string)) throw new Error(`${at}.weight`)
      if ('spacing' in e && !['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'].includes(e.spacing as string)) throw new Error(`${at}.spacing`)
      if ('style' in e && !['default', 'heading'].includes(e.style as string)) throw new Error(`${at}.style`)
    }
    if (e.type === 'FactSet') {
      only(e, ['type', 'facts', 'spacing'], at)
      if (!Array.isArray(e.facts)) throw new Error(`${at}.facts: required array`)
      for (const f of e.facts as unknown[]) if (!isObject(f) || typeof f.title !== 'string' || typeof f.value !== 'string') throw new Error(`${at}.facts: { title, value } strings`)
    }
  })
  if ('actions' in card) {
    if (!Array.isArray(card.actions)) throw new Error('card.actions: expected an array')
    for (const a of card.actions as unknown[]) {
      if (!isObject(a) || a.type !== 'Action.OpenUrl' || typeof a.title !== 'string' || typeof a.url !== 'string') throw new Error('card.actions: Action.OpenUrl with title and url')
    }
  }
}
