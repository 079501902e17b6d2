import { styles } from './styles'

/** The element the survey lives in, its shadow root, and how to take both away again. */
export interface Mounted {
  readonly host: HTMLElement
  readonly root: ShadowRoot
  /** The host's own adopted stylesheet (the theme tokens), for the view to add to through the CSSOM. */
  readonly sheet: CSSStyleSheet | undefined
  remove(): void
}

let shared: CSSStyleSheet | undefined

// Constructable stylesheets need no CSP allowance at all; old browsers get a <style> with the nonce.
function sheet(doc: Document, css: string): CSSStyleSheet | undefined {
  const Sheet = doc.defaultView?.CSSStyleSheet
  if (!Sheet || !('replaceSync' in Sheet.prototype) || !('adoptedStyleSheets' in doc)) return undefined
  const s = new Sheet()
  s.replaceSync(css)
  return s
}

/**
 * Creates the host element (appended to `parent`), an open shadow root on it, and the widget's
 * styles inside: the host page's CSS cannot reach in, and ours cannot leak out.
 *
 * @param tokens - extra CSS for `:host` (custom properties from the theme options), already validated.
 */
export function mount(doc: Document, parent: Element, tokens: string, nonce: string | undefined): Mounted {
  const host = doc.createElement('npskit-survey')
  const root = host.attachShadow({ mode: 'open' })
  const base = shared ?? sheet(doc, styles)
  const own = base && sheet(doc, tokens)
  if (base && own) {
    shared = base
    root.adoptedStyleSheets = [base, own]
  } else {
    const style = doc.createElement('style')
    if (nonce) style.nonce = nonce
    style.textContent = styles + tokens
    root.append(style)
  }
  parent.append(host)
  return { host, root, sheet: own, remove: () => host.remove() }
}
