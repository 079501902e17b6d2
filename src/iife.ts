// The script-tag entry (dist/npskit.iife.js, global `npskit`). It is the only module
// allowed to have import-time side effects; rollup assigns its exports to `window.npskit`.
// It carries only the version for now: the script tag's own loader (data-* configuration,
// the command queue, the lazily fetched UI) is built on top of createSurvey separately, so
// that pages without a survey keep paying a few hundred bytes instead of the whole widget.
export { version } from './version'
