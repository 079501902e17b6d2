import { styles } from './styles'

/** The element the survey lives in, its shadow root, and how to put both on the page and take them away. */
export interface Mounted {
  readonly host: HTMLElement
  readonly root: ShadowRoot
  /** Puts the host into the page: once, after the first render, so the page lays the survey out once. */
  insert(): void
  /** Adds a stylesheet after the first ones (the later steps' styles), the same way they were added. */
  addStyles(css: string): void
  /** The host's own adopted stylesheet (the theme tokens), for the view to add to through the CSSOM. */
  readonly sheet: CSSStyleSheet | undefined
  remove(): void
}

// One sheet per stylesheet text, shared by every survey on the page.
const sheets = new Map<string, CSSStyleSheet>()

// Constructable stylesheets need no CSP allowance at all; old browsers get a <style> with the nonce.
function sheet(doc: Document, css: string): CSSStyleSheet | undefined {
  const Sheet = doc.defaultView?.CSSStyleSheet
  if (!Sheet || !('replaceSync' in Sheet.prototype) || !('adoptedStyleSheets' in doc)) return undefined
  const s = new Sheet()
  s.replaceSync(css)
  return s
}

/**
 * Creates the host element for `parent`, an open shadow root on it, and the widget's styles inside:
 * the host page's CSS cannot reach in, and ours cannot leak out. Nothing is on the page until
 * `insert()`: render first, then insert, and the page does its style and layout work once.
 *
 * @param tokens - extra CSS for `:host` (custom properties from the theme options), already validated.
 */
export function mount(doc: Document, parent: Element, tokens: string, nonce: string | undefined): Mounted {
  const host = doc.createElement('npskit-survey')
  const root = host.attachShadow({ mode: 'open' })
  const shared = (css: string) => {
    let s = sheets.get(css)
    if (!s && (s = sheet(doc, css))) sheets.set(css, s)
    return s
  }
  const base = shared(styles)
  const own = base && sheet(doc, tokens)
  const adopted = !!(base && own)
  const style = (css: string) => {
    const el = doc.createElement('style')
    if (nonce) el.nonce = nonce
    el.textContent = css
    return el
  }
  if (adopted) root.adoptedStyleSheets = [base!, own!]
  else root.append(style(styles + tokens))
  return {
    host,
    root,
    sheet: adopted ? own : undefined,
    insert: () => parent.append(host),
    addStyles(css) {
      const s = adopted && shared(css)
      if (s) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s]
      // After the first <style>, before what Preact renders: the cascade keeps the order of the sheets.
      else root.querySelector('style')?.after(style(css))
    },
    remove: () => host.remove(),
  }
}
