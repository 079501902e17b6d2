import type { SurveyOptions } from '../types'

const px = (n: number | undefined) => (n === undefined ? n : n + 'px')

/**
 * The theme options as custom properties on the widget's `:host`, for its own stylesheet.
 * Values were checked by the options validation (no `;`, braces or angle brackets), so they
 * cannot end the declaration; an invalid colour is simply ignored by the browser.
 *
 * @example
 * tokensCss({ accent: '#0a7', radius: 4 }) // → ':host{--npskit-accent:#0a7;--npskit-radius:4px}'
 */
export function tokensCss(o: SurveyOptions): string {
  const tokens = { accent: o.accent, background: o.background, text: o.text, font: o.fontFamily, radius: px(o.radius), 'font-size': px(o.fontSize), 'z-index': o.zIndex, offset: px(o.offset) }
  const css = Object.entries(tokens)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `--npskit-${k}:${v}`)
    .join(';')
  return css && `:host{${css}}`
}
