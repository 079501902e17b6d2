// The widget's whole stylesheet. Px only: hosts set `html { font-size: 62.5% }`, so rem is
// never trusted. Colours come from custom properties that a shop may set from outside
// (--npskit-accent, --npskit-on-accent, --npskit-background, --npskit-text, --npskit-muted,
// --npskit-border, --npskit-hover, --npskit-radius, --npskit-font, --npskit-font-size,
// --npskit-z-index, --npskit-offset) or through the options. Each default is one light-dark()
// pair: the theme only sets color-scheme (light, dark, or both for 'auto', which then follows
// prefers-color-scheme). The .root's accent-color carries the accent as resolved, for
// view/colors.ts to read back and correct where it would be unreadable. The build collapses
// the white space.
export const styles = `
:host { all: initial !important; display: contents !important; }
* { box-sizing: border-box; }
.root {
  --_accent: var(--npskit-accent, light-dark(#2456c9, #9dbbff));
  --_on-accent: var(--npskit-on-accent, light-dark(#fff, #10131a));
  --_bg: var(--npskit-background, light-dark(#fff, #1f2024));
  --_text: var(--npskit-text, light-dark(#1b1b1f, #f1f1f4));
  --_muted: var(--npskit-muted, light-dark(#4f5057, #c3c4cc));
  --_line: var(--npskit-border, light-dark(#8a8b94, #8d8e98));
  --_hover: var(--npskit-hover, light-dark(#eef1fa, #2e3240));
  --_radius: var(--npskit-radius, 12px);
  color-scheme: light dark;
  font: 400 var(--npskit-font-size, 16px) / 1.45 var(--npskit-font, system-ui, sans-serif);
  color: var(--_text);
  accent-color: var(--_accent);
  text-align: start;
  -webkit-text-size-adjust: 100%;
}
.light { color-scheme: light; }
.dark { color-scheme: dark; }
.card, .backdrop { position: fixed; z-index: var(--npskit-z-index, 2147483000); }
.card {
  width: 400px;
  max-width: calc(100vw - 32px);
  max-height: calc(100vh - 32px);
  overflow: auto;
  padding: 20px;
  background: var(--_bg);
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  box-shadow: 0 8px 32px #0000003d;
  animation: npskit-in .2s ease-out;
  container-type: inline-size;
}
.bottom-right .card { right: 16px; bottom: 16px; }
.bottom-left .card { left: 16px; bottom: 16px; }
[class*=-bar] .card { display: grid; grid-template-columns: 1fr auto; column-gap: 24px; align-items: center; inset-inline: 0; width: auto; max-width: none; padding: 6px max(16px, 50% - 480px); padding-inline-end: max(52px, 50% - 480px); border-radius: 0; border-width: 0; }
[class*=-bar] .question { grid-row: span 2; margin: 0; font-size: 1em; }
[class*=-bar] .scale { width: 440px; }
[class*=-bar] .score { height: 36px; }
[class*=-bar] .anchors { margin-top: 2px; }
[class*=-bar] form, [role=status] { grid-column: 1 / -1; }
.top-bar .card { top: var(--npskit-offset, var(--_offset, 0)); border-bottom-width: 1px; }
.bottom-bar .card { bottom: var(--npskit-offset, var(--_offset, 0)); border-top-width: 1px; }
.modal .card { top: 50%; left: 50%; transform: translate(-50%, -50%); width: 480px; }
.backdrop { inset: 0; background: #00000073; }
.inline .card { position: relative; z-index: auto; width: auto; max-width: 560px; max-height: none; box-shadow: none; }
.question, .prompt, .thanks { display: block; margin: 0 0 8px; margin-inline-end: 36px; font-weight: 600; }
.question { margin-bottom: 16px; font-size: 1.125em; line-height: 1.35; }
.thanks { margin-bottom: 0; font-size: 1.0625em; font-weight: 400; }
.close {
  position: absolute;
  top: 8px;
  inset-inline-end: 8px;
  display: grid;
  place-items: center;
  width: 36px;
  height: 36px;
  padding: 0;
  border: 0;
  border-radius: 50%;
  background: none;
  color: var(--_muted);
  cursor: pointer;
}
.close svg { width: 18px; height: 18px; }
.scale { display: grid; grid-template-columns: repeat(11, minmax(0, 1fr)); gap: 4px; }
.score, textarea, .primary, .secondary, .action { border: 1px solid var(--_line); border-radius: 6px; background: var(--_bg); color: var(--_text); font: inherit; }
.score, .primary, .secondary, .action { font-weight: 600; cursor: pointer; }
.score { min-width: 24px; height: 44px; padding: 0; font-variant-numeric: tabular-nums; }
.score:hover, .secondary:hover, .close:hover { background: var(--_hover); }
.score[aria-checked=true], .primary, .action { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
.anchors, .counter { min-height: 1.2em; margin-top: 6px; font-size: .8125em; color: var(--_muted); }
.anchors { display: flex; justify-content: space-between; gap: 12px; }
.anchors span:last-child { text-align: end; }
textarea { display: block; width: 100%; min-height: 96px; margin: 0; padding: 8px 10px; resize: vertical; }
textarea::placeholder { color: var(--_muted); opacity: 1; }
.consent { display: flex; gap: 8px; align-items: flex-start; margin-top: 8px; font-size: .9375em; }
.consent input { flex: none; width: 20px; height: 20px; margin: 1px 0 0; }
.actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.primary, .secondary, .action { display: inline-flex; align-items: center; min-height: 40px; padding: 8px 16px; text-decoration: none; }
.action { margin-top: 12px; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
@container (width < 304px) { .scale { gap: 2px; } }
@container (width < 284px) {
  .scale { grid-template-columns: repeat(12, minmax(0, 1fr)); gap: 6px 4px; }
  .score { grid-column: span 2; }
  .score:nth-child(7) { grid-column: 2 / span 2; }
}
@media (max-width: 900px) {
  [class*=-bar] .card { grid-template-columns: 1fr; }
  [class*=-bar] .question { grid-row: auto; margin-bottom: 8px; }
  [class*=-bar] .scale { width: auto; }
}
@media (max-width: 480px) {
  .bottom-right .card, .bottom-left .card { inset-inline: 0; bottom: 0; width: auto; max-width: none; border-radius: var(--_radius) var(--_radius) 0 0; }
  .card, [class*=-bar] .card { padding: 16px 12px; }
  .score { height: 40px; border-radius: 4px; }
  [class*=-bar] .anchors { display: none; }
}
@keyframes npskit-in { from { opacity: 0; translate: 0 8px; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (forced-colors: active) {
  .score[aria-checked=true] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  :focus-visible { outline-color: Highlight; }
}
`
