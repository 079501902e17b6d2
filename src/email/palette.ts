// The colours of the email in light and dark mode, and the <style> block that switches them.
//
// Everything needed to read and answer the email is inline; the <style> block only adds dark mode
// where a client honours it (Apple Mail, iOS Mail, Outlook for Mac and the web) and is ignored
// elsewhere. Gmail drops media queries it does not support and inverts the colours itself in its
// apps: every pair below stays readable under that inversion because the light palette is built from
// near-white backgrounds and near-black text (inverted, they swap), and the score cells always have
// light digits on a dark tile, which a forced dark mode leaves alone (see cellColours).

export const light = { page: '#f2f4f7', card: '#ffffff', text: '#1a1d21', muted: '#555d66' } as const
export const dark = { page: '#111315', card: '#1d2024', text: '#eceef1', muted: '#aab1ba' } as const

const rules = (c: typeof dark, prefix = '') =>
  `${prefix}.nps-page{background-color:${c.page}!important}` +
  `${prefix}.nps-card{background-color:${c.card}!important}` +
  `${prefix}.nps-text{color:${c.text}!important}` +
  `${prefix}.nps-muted{color:${c.muted}!important}`

/**
 * The <head> styles. Three blocks, because a client that finds a rule it does not understand may drop
 * its whole block: the resets and the dark-mode media query; Outlook.com's own dark mode, which marks
 * the elements it recolours with data-ogsc/data-ogsb; and Outlook for Windows, which falls back to
 * Times New Roman for a font stack it cannot read.
 */
export const styles =
  '<style>:root{color-scheme:light dark;supported-color-schemes:light dark}' +
  'body{margin:0;padding:0;width:100%!important;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%}' +
  'table,td{border-collapse:collapse;mso-table-lspace:0;mso-table-rspace:0}' +
  `@media (prefers-color-scheme:dark){${rules(dark)}}</style>` +
  `<style>${rules(dark, '[data-ogsb] ').replace(/\[data-ogsb\] (\.nps-(text|muted))/g, '[data-ogsc] $1')}</style>` +
  '<!--[if mso]><style>body,table,td,p,h1,a{font-family:Arial,sans-serif!important}</style><![endif]-->'

/** The font stack of every text: the system's UI font, as the widget uses, in every script it supports. */
export const font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
