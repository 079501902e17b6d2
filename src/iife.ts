// The script-tag entry (dist/npskit.iife.js, global `npskit`). It is the only module
// allowed to have import-time side effects; rollup assigns its exports to `window.npskit`.
export * from './index'
