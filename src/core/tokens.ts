import type { SurveyOptions } from '../types'

/**
 * The theme options as custom properties on the widget's `:host`, for its own stylesheet.
 * Values were checked by the options validation (no `;`, braces or angle brackets), so they
 * cannot end the declaration; an invalid colour is simply ignored by the browser.
 *
 * @example
 * tokensCss({ accent: '#0a7', radius: 4 }) // → ':host{--npskit-accent:#0a7;--npskit-radius:4px}'
 */
export function tokensCss(o: SurveyOptions): string {
  const pairs: [string, string | number | undefined][] = [
    ['accent', o.accent],
    ['background', o.background],
    ['text', o.text],
    ['font', o.fontFamily],
    ['radius', o.radius === undefined ? undefined : o.radius + 'px'],
    ['font-size', o.fontSize === undefined ? undefined : o.fontSize + 'px'],
    ['z-index', o.zIndex],
  ]
  const declarations = pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `--npskit-${k}:${v}`)
  return declarations.length ? `:host{${declarations.join(';')}}` : ''
}
