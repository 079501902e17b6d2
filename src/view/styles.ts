// The widget's whole stylesheet. Px only: hosts set `html { font-size: 62.5% }`, so rem is
// never trusted. Colours come from custom properties that a shop may set from outside
// (--npskit-accent, --npskit-background, --npskit-text, --npskit-radius, --npskit-font,
// --npskit-font-size) or through the options. The build collapses the white space.

// The dark palette, for theme: 'dark' and for 'auto' when the system is dark.
const dark = `
  --_accent: var(--npskit-accent, #9dbbff);
  --_on-accent: var(--npskit-on-accent, #10131a);
  --_bg: var(--npskit-background, #1f2024);
  --_text: var(--npskit-text, #f1f1f4);
  --_muted: var(--npskit-muted, #c3c4cc);
  --_line: var(--npskit-border, #8d8e98);
  --_hover: var(--npskit-hover, #2e3240);
  color-scheme: dark;
`

export const styles = `
:host { all: initial !important; display: contents !important; }
.root {
  --_accent: var(--npskit-accent, #2456c9);
  --_on-accent: var(--npskit-on-accent, #fff);
  --_bg: var(--npskit-background, #fff);
  --_text: var(--npskit-text, #1b1b1f);
  --_muted: var(--npskit-muted, #4f5057);
  --_line: var(--npskit-border, #8a8b94);
  --_hover: var(--npskit-hover, #eef1fa);
  --_radius: var(--npskit-radius, 12px);
  --_size: var(--npskit-font-size, 16px);
  color-scheme: light;
  font: 400 var(--_size) / 1.45 var(--npskit-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--_text);
  text-align: start;
  -webkit-text-size-adjust: 100%;
}
.dark { ${dark} }
@media (prefers-color-scheme: dark) { .auto { ${dark} } }
*, *::before, *::after { box-sizing: border-box; }
.card {
  position: fixed;
  z-index: var(--npskit-z-index, 2147483000);
  width: 400px;
  max-width: calc(100vw - 32px);
  max-height: calc(100vh - 32px);
  overflow: auto;
  margin: 0;
  padding: 20px;
  background: var(--_bg);
  color: var(--_text);
  border: 1px solid var(--_line);
  border-radius: var(--_radius);
  box-shadow: 0 8px 32px rgba(0, 0, 0, .24);
  animation: npskit-in .2s ease-out;
}
.bottom-right .card { right: 16px; bottom: 16px; }
.bottom-left .card { left: 16px; bottom: 16px; }
.top-bar .card, .bottom-bar .card { left: 0; right: 0; width: auto; max-width: none; border-radius: 0; border-width: 0; }
.top-bar .card { top: 0; border-bottom-width: 1px; }
.bottom-bar .card { bottom: 0; border-top-width: 1px; }
.top-bar .card, .bottom-bar .card { padding-inline: max(20px, 50% - 320px); }
.modal .card { top: 50%; left: 50%; transform: translate(-50%, -50%); width: 480px; }
.backdrop { position: fixed; inset: 0; z-index: var(--npskit-z-index, 2147483000); background: rgba(0, 0, 0, .45); }
.inline .card { position: relative; z-index: auto; width: auto; max-width: 560px; max-height: none; box-shadow: none; }
@media (max-width: 480px) {
  .bottom-right .card, .bottom-left .card { left: 0; right: 0; bottom: 0; width: auto; max-width: none; border-radius: var(--_radius) var(--_radius) 0 0; }
  .card { padding: 16px 12px; }
}
.question { margin: 0 36px 16px 0; font-size: 1.125em; font-weight: 600; line-height: 1.35; }
[dir=rtl] .question { margin: 0 0 16px 36px; }
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
  background: transparent;
  color: var(--_muted);
  cursor: pointer;
}
.close svg { width: 18px; height: 18px; }
.scale { display: grid; grid-template-columns: repeat(11, minmax(0, 1fr)); gap: 4px; }
.score {
  min-width: 24px;
  height: 44px;
  padding: 0;
  border: 1px solid var(--_line);
  border-radius: 6px;
  background: var(--_bg);
  color: var(--_text);
  font: inherit;
  font-weight: 600;
  font-variant-numeric: tabular-nums;
  cursor: pointer;
}
@media (max-width: 480px) { .scale { gap: 2px; } .score { height: 40px; border-radius: 4px; } }
.score:hover, .secondary:hover, .close:hover { background: var(--_hover); }
.score[aria-checked=true] { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
.anchors { display: flex; justify-content: space-between; gap: 12px; margin-top: 6px; font-size: .8125em; color: var(--_muted); }
.anchors span:last-child { text-align: end; }
label { display: block; }
.prompt { margin: 0 36px 8px 0; font-weight: 600; }
[dir=rtl] .prompt { margin: 0 0 8px 36px; }
textarea {
  display: block;
  width: 100%;
  min-height: 96px;
  margin: 0;
  padding: 8px 10px;
  border: 1px solid var(--_line);
  border-radius: 6px;
  background: var(--_bg);
  color: var(--_text);
  font: inherit;
  resize: vertical;
}
textarea::placeholder { color: var(--_muted); opacity: 1; }
.counter { min-height: 1.2em; margin-top: 4px; font-size: .8125em; color: var(--_muted); }
.consent { display: flex; gap: 8px; align-items: flex-start; margin-top: 8px; font-size: .9375em; }
.consent input { width: 20px; height: 20px; margin: 1px 0 0; accent-color: var(--_accent); flex: none; }
.actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.primary, .secondary, .action {
  display: inline-flex;
  align-items: center;
  min-height: 40px;
  padding: 8px 16px;
  border: 1px solid var(--_accent);
  border-radius: 6px;
  font: inherit;
  font-weight: 600;
  text-decoration: none;
  cursor: pointer;
}
.primary, .action { background: var(--_accent); color: var(--_on-accent); }
.secondary { background: transparent; color: var(--_text); border-color: var(--_line); }
.thanks { margin: 0 36px 0 0; font-size: 1.0625em; }
[dir=rtl] .thanks { margin: 0 0 0 36px; }
.action { margin-top: 12px; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
@keyframes npskit-in { from { opacity: 0; translate: 0 8px; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (forced-colors: active) {
  .card { border: 1px solid CanvasText; }
  .score, .primary, .secondary, .action, textarea { border: 1px solid ButtonText; }
  .score[aria-checked=true] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  :focus-visible { outline-color: Highlight; }
}
`
