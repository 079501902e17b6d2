// The one way the dashboard makes elements: text goes in with textContent, never as HTML, so
// customer text (comments, names) and error messages can never become markup.

/**
 * An element with an optional class and text.
 *
 * @example
 * el('span', 'tag', response.locale)
 */
export function el(tag, className, text) {
  const element = document.createElement(tag)
  if (className) element.className = className
  if (text !== undefined) element.textContent = text
  return element
}
