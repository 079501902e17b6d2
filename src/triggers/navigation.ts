import { listen } from './listen'

/**
 * Calls `onChange` after every same-document navigation of a single-page app: the Navigation
 * API's `currententrychange` where the browser has it (no patching needed), otherwise wrapped
 * `history.pushState` / `replaceState` plus `popstate`. The caller compares addresses: hash
 * changes and replaceState with the same URL call it too.
 *
 * The disposer puts the history methods back only if they are still ours: when another script
 * wrapped them after us, restoring would drop its wrapper, so ours stays in its chain and goes
 * quiet instead.
 */
export function watchNavigation(win: Window, onChange: () => void): () => void {
  if (win.navigation) return listen(win.navigation, 'currententrychange', onChange)
  let live = true
  const history = win.history
  const undo = (['pushState', 'replaceState'] as const).map((name) => {
    const original = history[name]
    const ours = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args)
      if (live) onChange()
    }
    history[name] = ours
    return () => {
      if (history[name] === ours) history[name] = original
    }
  })
  const off = listen(win, 'popstate', onChange)
  return () => {
    live = false
    off()
    undo.forEach((f) => f())
  }
}
