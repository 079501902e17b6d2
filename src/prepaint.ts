// The question painted by the script tag's first stage (src/iife.ts) as soon as the UI and the
// locale are here, without waiting for the engine: the first stage's rules have already said the
// survey shows. The engine's session (ui.ts, startSession) takes the painted view over when it
// arrives, with whatever the customer did meanwhile, or removes it if it decides otherwise.
import { copyFor } from './core/copy'
import { initialState, transition } from './core/machine'
import type { Locale } from './core/messages'
import { tokensCss } from './core/tokens'
import type { JourneyPoint, SurveyOptions } from './types'
import { mountView, type Intents, type View } from './view/render'

/** A question on screen that no session owns yet. */
export interface Prepainted {
  /** What it was painted from (see {@link paintedFrom}): a session with other inputs paints its own. */
  readonly inputs: string
  readonly view: View
  /** Hands the customer's intents so far, then every later one, to the session that took the view. */
  adopt(intents: Intents): void
  /** Takes it off the page, unless a session has adopted it. */
  remove(): undefined
}

// The options the question, its styles and its later steps are drawn from.
const drawnFrom = ['placement', 'target', 'theme', 'brand', 'question', 'messages', 'followUp', 'thankYou', 'contactConsent', 'promoterAction', 'maxCommentLength', 'nonce'] as const
const tokenNames = ['accent', 'background', 'text', 'fontFamily', 'radius', 'fontSize', 'zIndex', 'offset'] as const

/** What a view painted with these options and this locale looks like, as one comparable string. */
export const paintedFrom = (o: SurveyOptions, locale: Locale): string =>
  JSON.stringify([locale.code, tokensCss(o), drawnFrom.map((name) => o[name])])

// What the engine's option checks would refuse is never painted early (the engine reports it):
// the first stage's options are read roughly, so take only what plainly fits.
const fits = (o: Record<string, unknown>) =>
  /^(bottom-(right|left)|(top|bottom)-bar|inline)?$/.test(String(o.placement ?? '')) &&
  /^(light|dark|auto)?$/.test(String(o.theme ?? '')) &&
  tokenNames.every((name) => {
    const v = o[name]
    return v === undefined || (typeof v === 'number' ? isFinite(v) : typeof v === 'string' && /^[^;{}<>\\]{1,200}$/.test(v))
  })

/**
 * Paints the question of the script tag's journey point now, from the first stage's options, and
 * buffers the customer's intents until a session adopts it. Nothing for a delayed journey point, a
 * modal (it waits until the customer stops typing), a survey already on the page, a missing inline
 * target or options that do not plainly fit; never throws. `engine` is the first stage's load of the
 * engine: if that fails, or yields no survey, the question goes again.
 */
export function prepaint(
  doc: Document,
  options: SurveyOptions,
  point: JourneyPoint,
  locale: Locale,
  nonce: string | undefined,
  engine: PromiseLike<readonly [unknown, unknown]>,
): Prepainted | undefined {
  try {
    const { on: _on, delayMs, sampleRate: _rate, priority: _priority, ...overrides } = point
    const o: SurveyOptions = { ...(nonce ? { nonce } : {}), ...options, ...overrides }
    if (delayMs || !fits(o as Record<string, unknown>) || doc.querySelector('npskit-survey')) return undefined
    const parent = o.placement === 'inline' ? (typeof o.target === 'string' ? doc.querySelector(o.target) : null) : doc.body
    if (!parent) return undefined
    const copy = copyFor(o, locale)
    let owner: Intents | undefined
    let gone = false
    const waiting: ((intents: Intents) => void)[] = []
    const later =
      <K extends keyof Intents>(name: K) =>
      (...args: Parameters<Intents[K]>) =>
        owner ? (owner[name] as (...a: typeof args) => void)(...args) : void waiting.push((i) => (i[name] as (...a: typeof args) => void)(...args))
    const view = mountView(
      doc,
      { parent, tokens: tokensCss(o), nonce: o.nonce },
      { copy, placement: o.placement ?? 'bottom-right', theme: o.theme, maxCommentLength: o.maxCommentLength ?? 2000, promoterAction: o.promoterAction },
      transition(initialState, { type: 'show' }, () => true),
      { score: later('score'), submit: later('submit'), skip: later('skip'), close: later('close') },
    )
    const painted: Prepainted = {
      inputs: paintedFrom(o, locale),
      view,
      adopt(intents) {
        owner = intents
        for (const intent of waiting.splice(0)) intent(intents)
      },
      remove() {
        if (!owner && !gone) view.destroy()
        gone = true
        return undefined
      },
    }
    engine.then(([, survey]) => survey || painted.remove(), painted.remove)
    return painted
  } catch {
    return undefined
  }
}
