// Focus rules of the widget: never take focus from the page, keep it inside while the survey
// has it, and give it back on close.

/** Whether the customer is typing somewhere on the page (a field or an editable region). */
export function isTyping(doc: Document): boolean {
  const el = doc.activeElement as HTMLElement | null
  if (!el || el === doc.body) return false
  const tag = el.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable
}

/**
 * Moves focus to `el` only when focus is already in the survey or nowhere (the element that
 * had it was just removed by a step change), so a survey never steals focus from the page.
 */
export function focusIfOurs(el: HTMLElement | null): void {
  const active = el?.ownerDocument.activeElement
  if (el && (!active || active === el.ownerDocument.body || active === (el.getRootNode() as ShadowRoot).host)) el.focus()
}

// What the survey can hold that takes focus (its scores are buttons too; filtered by tabIndex).
const focusable = 'button,a,textarea,input'

/** Keeps Tab and Shift+Tab cycling inside `container` (the modal placement). */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return
  const items = [...container.querySelectorAll<HTMLElement>(focusable)].filter((el) => el.tabIndex >= 0)
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) return
  const active = (container.getRootNode() as ShadowRoot).activeElement
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault()
    first.focus()
  }
}

/**
 * Resolves once the customer is not typing: a modal that appears by itself must not take the
 * keyboard from someone filling in a field, so it waits until they leave it.
 */
export function whenNotTyping(doc: Document): Promise<void> {
  if (!isTyping(doc)) return Promise.resolve()
  return new Promise((resolve) => {
    const check = () => {
      // focusout fires before focus lands on the next element: look once it has.
      setTimeout(() => {
        if (isTyping(doc)) return
        doc.removeEventListener('focusout', check, true)
        resolve()
      })
    }
    doc.addEventListener('focusout', check, true)
  })
}
