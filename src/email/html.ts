import { escapeHtml } from './escape'
import { font, light, styles } from './palette'
import { scaleHtml, type ScaleParts } from './scale'

/** What the HTML part shows, all of it plain text (escaped here) except the URLs (escaped in the scale). */
export interface HtmlParts extends ScaleParts {
  readonly lang: string
  readonly subject: string
  readonly brand: string
  readonly question: string
  /** Hidden text that inbox lists show after the subject. */
  readonly preheader: string
}

const table = 'role="presentation" cellpadding="0" cellspacing="0" border="0"'
// Inbox lists fill the preview up to their width with whatever text follows the preheader (here the
// brand and the question again); invisible joiners and spaces fill it instead.
const padding = '&#847;&zwnj;&nbsp;'.repeat(24)

/**
 * The HTML part: one centred card, at most 600 px wide, on a full-width background. Tables for layout
 * and inline styles, because that is what Outlook for Windows (Word's renderer) and Gmail lay out the
 * same way; no scripts, images, web fonts or anything else fetched from elsewhere. The only URLs are the
 * eleven links.
 */
export function emailHtml(p: HtmlParts): string {
  const dir = `dir="${p.dir}"`
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(p.lang)}" ${dir}><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="x-apple-disable-message-reformatting">' +
    '<meta name="format-detection" content="telephone=no,date=no,address=no,email=no,url=no">' +
    '<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">' +
    `<title>${escapeHtml(p.subject)}</title>${styles}</head>` +
    `<body class="nps-page" ${dir} style="margin:0;padding:0;background-color:${light.page}">` +
    // The preview text, hidden in every client (mso-hide for Outlook, which ignores display:none).
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;opacity:0">${escapeHtml(p.preheader)}${padding}</div>` +
    `<table ${table} width="100%" class="nps-page" bgcolor="${light.page}" ${dir} style="background-color:${light.page}"><tr>` +
    `<td align="center" style="padding:24px 8px;font-family:${font}">` +
    // Outlook for Windows ignores max-width: it gets a fixed 600 px column instead.
    `<!--[if mso]><table ${table} width="600" align="center"><tr><td><![endif]-->` +
    `<table ${table} width="100%" class="nps-card" bgcolor="${light.card}" ${dir} style="max-width:600px;background-color:${light.card};border-radius:12px">` +
    `<tr><td style="padding:24px 12px 28px;font-family:${font}">` +
    `<p class="nps-muted" style="margin:0 0 8px;font-size:14px;line-height:20px;color:${light.muted};text-align:center">${escapeHtml(p.brand)}</p>` +
    `<h1 class="nps-text" style="margin:0 0 20px;font-size:20px;line-height:28px;font-weight:bold;color:${light.text};text-align:center">${escapeHtml(p.question)}</h1>` +
    scaleHtml(p) +
    '</td></tr></table>' +
    '<!--[if mso]></td></tr></table><![endif]-->' +
    '</td></tr></table></body></html>'
  )
}
