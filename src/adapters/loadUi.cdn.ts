// The script-tag build's way to the lazily loaded half: dist/npskit-ui.js, an ES module next
// to the script itself (the same CDN, version and origin). rollup.config.mjs puts this file in
// place of loadUi.ts for dist/npskit.iife.js.
import { base } from './base'

export const loadUi = (): Promise<typeof import('../ui')> => import(/* @vite-ignore */ base.url + 'npskit-ui.js')
