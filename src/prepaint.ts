// The question painted by the script tag's first stage (src/iife.ts) as soon as the UI and the
// locale are here, without waiting for the engine: the first stage's rules have already said the
// survey shows. The engine's session (ui.ts, startSession) takes the painted view over when it
// arrives, with whatever the customer did meanwhile, or removes it if it decides otherwise. Only
// the script tag's UI file carries it (scriptUi.ts); createSurvey never paints early.
import { copyFor } from './core/copy'
import type { Locale } from './core/messages'
import { tokensCss } from './core/tokens'
import type { JourneyPoint, SurveyOptions } from './types'
import { paint, parentOf, type Prepainted } from './paint'
import type { Intents } from './view/render'
import { afterPaint } from './view/afterPaint'

// What a view painted with these options and this locale looks like, as one comparable string.
const paintedFrom = (o: SurveyOptions, locale: Locale): string =>
  JSON.stringify([locale.code, tokensCss(o), o.placement, o.target, o.theme, o.brand, o.question, o.messages, o.followUp, o.thankYou, o.contactConsent, o.promoterAction, o.maxCommentLength, o.nonce])

/**
 * Paints the question of the script tag's journey point now, from the first stage's options, and
 * buffers the customer's intents until a session adopts it; resolves once that paint is on screen.
 * Nothing for a delayed journey point, a modal (it waits until the customer stops typing), a survey
 * already on the page, a missing inline target or a theme value the engine's checks refuse; never
 * throws. `engine` is the first stage's
 * load of the engine: if that fails, or yields no survey, the question goes again.
 *
 * @example
 * // src/iife.ts, once the rules said the survey shows:
 * known.painted = Promise.all([ui, locale]).then(([ui, l]) => ui.prepaint(o, pointOf(o, name), l.default, script.nonce, load()))
 */
export async function prepaint(
  options: SurveyOptions,
  point: JourneyPoint,
  locale: Locale,
  nonce: string | undefined,
  engine: PromiseLike<readonly [unknown, unknown]>,
  doc: Document = document,
): Promise<Prepainted | undefined> {
  try {
    const { on: _on, delayMs, sampleRate: _rate, priority: _priority, ...overrides } = point
    const o: SurveyOptions = { ...(nonce ? { nonce } : {}), ...options, ...overrides }
    // The first stage reads its options roughly and the engine checks them (and takes the question
    // away if they are wrong): until then, no theme value may reach past its own declaration.
    const parent = !delayMs && o.placement !== 'modal' && !/[{}<>\\]/.test(tokensCss(o).slice(6, -1)) && !doc.querySelector('npskit-survey') && parentOf(doc, o)
    if (!parent) return undefined
    let owner: Intents | undefined
    let gone = false
    const waiting: ((intents: Intents) => void)[] = []
    const later =
      <K extends keyof Intents>(name: K) =>
      (...args: Parameters<Intents[K]>) =>
        owner ? (owner[name] as (...a: typeof args) => void)(...args) : void waiting.push((i) => (i[name] as (...a: typeof args) => void)(...args))
    const view = paint(doc, parent, o, copyFor(o, locale), { step: 'question' }, { score: later('score'), submit: later('submit'), skip: later('skip'), close: later('close') })
    const inputs = paintedFrom(o, locale)
    const painted: Prepainted = {
      drawnFrom: (options, l) => paintedFrom(options, l) === inputs,
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
    // Once that paint is on screen: the engine boots only then (src/iife.ts), so none of its work
    // lands before the survey's first frame. A hidden tab draws no frames: there, after a moment.
    await new Promise<void>((resolve) => {
      afterPaint(resolve)
      setTimeout(resolve, 100)
    })
    return painted
  } catch {
    return undefined
  }
}
