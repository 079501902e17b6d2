// How a showing's options become a survey on the page: shared by the session (ui.ts) and the
// question the script tag's first stage paints before the engine is here (prepaint.ts).
import type { Copy } from './core/copy'
import type { SurveyState } from './core/machine'
import type { Locale } from './core/messages'
import { tokensCss } from './core/tokens'
import type { SurveyOptions } from './types'
import { mountView, type Intents, type View } from './view/render'

/**
 * Where a survey with these options goes on the page: its inline target, or the body.
 *
 * @example
 * parentOf(document, { placement: 'inline', target: '#nps' }) // → the #nps element, or null
 */
export const parentOf = (doc: Document, o: SurveyOptions): Element | null =>
  o.placement === 'inline' ? (typeof o.target === 'string' ? doc.querySelector(o.target) : (o.target ?? null)) : doc.body

/**
 * Mounts the view of a showing as its options say, in `parent` (see {@link parentOf}).
 *
 * @example
 * const view = paint(document, document.body, o, copyFor(o, locale), { step: 'question' }, intents)
 */
export const paint = (doc: Document, parent: Element, o: SurveyOptions, copy: Copy, state: SurveyState, intents: Intents): View =>
  mountView(
    doc,
    { parent, tokens: tokensCss(o), nonce: o.nonce },
    { copy, placement: o.placement ?? 'bottom-right', theme: o.theme, maxCommentLength: o.maxCommentLength ?? 2000, promoterAction: o.promoterAction },
    state,
    intents,
  )

/** A question on screen that no session owns yet. */
export interface Prepainted {
  /** Whether it is what a session with these options and this locale would paint; if not, that session paints its own. */
  drawnFrom(o: SurveyOptions, locale: Locale): boolean
  readonly view: View
  /** Hands the customer's intents so far, then every later one, to the session that took the view. */
  adopt(intents: Intents): void
  /** Takes it off the page, unless a session has adopted it. */
  remove(): undefined
}
