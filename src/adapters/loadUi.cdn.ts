// The script tag's way to the lazily loaded half: dist/npskit-ui.js, an ES module next to the
// second stage (npskit-engine.js) itself, so the same CDN, version and origin. rollup.config.mjs
// puts this file in place of loadUi.ts for the script-tag builds.
export const loadUi = (): Promise<typeof import('../ui')> => import(/* @vite-ignore */ new URL('npskit-ui.js', import.meta.url).href)
