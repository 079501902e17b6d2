import type { CellColours } from './contrast'
import { escapeHtml } from './escape'
import { light } from './palette'

/** What the scale needs: one URL and one spoken label per score, the colours and the direction. */
export interface ScaleParts {
  readonly urls: readonly string[]
  readonly labels: readonly string[]
  readonly low: string
  readonly high: string
  readonly colours: CellColours
  readonly dir: 'ltr' | 'rtl'
}

// 38 px links in a 1 px border with 2 px around each: 44 px a score. Six scores (264 px) fit the
// narrowest phone (320 px less the margins), all eleven (484 px) fit a 600 px email.
const cell = 38
const step = cell + 6
const table = 'role="presentation" cellpadding="0" cellspacing="0" border="0"'

function scoreCell(score: number, p: ScaleParts): string {
  const url = escapeHtml(p.urls[score]!)
  const label = escapeHtml(p.labels[score]!)
  const { background, text, border } = p.colours
  // The colour sits on the cell (bgcolor for Outlook for Windows, which ignores a link's box) and the
  // link fills the cell everywhere else, so the whole square is the tap target.
  return (
    // A collapsed border (the reset in the <head>) would keep its corners square around a rounded tile.
    `<td style="padding:2px"><table ${table} style="border-collapse:separate"><tr>` +
    `<td align="center" valign="middle" width="${cell}" height="${cell}" bgcolor="${background}" style="width:${cell}px;height:${cell}px;background-color:${background};border:1px solid ${border};border-radius:8px">` +
    `<a href="${url}" title="${label}" aria-label="${label}" style="display:block;width:${cell}px;height:${cell}px;line-height:${cell}px;` +
    `font-size:18px;font-weight:bold;color:${text};text-decoration:none;text-align:center;mso-line-height-rule:exactly">${score}</a>` +
    `</td></tr></table></td>`
  )
}

const group = (from: number, to: number, p: ScaleParts): string => {
  let cells = ''
  for (let score = from; score <= to; score++) cells += scoreCell(score, p)
  return (
    `<div style="display:inline-block;vertical-align:top;width:${(to - from + 1) * step}px">` +
    `<table ${table} dir="${p.dir}" width="${(to - from + 1) * step}"><tr>${cells}</tr></table></div>`
  )
}

/**
 * The eleven score cells in two groups, 0–5 and 6–10, side by side where they fit and one above the
 * other on a narrow phone: inline blocks wrap without media queries, which Gmail does not always
 * apply. Outlook for Windows knows no inline blocks, so a table only it reads (a "ghost table") keeps
 * the two groups in one row there. Under the cells, the anchors: the low one under 0, the high one under
 * 10, each with its number so they read right in either layout. In right-to-left languages the whole
 * scale is mirrored: 0 on the right.
 */
export function scaleHtml(p: ScaleParts): string {
  const start = p.dir === 'rtl' ? 'right' : 'left'
  const end = p.dir === 'rtl' ? 'left' : 'right'
  const anchor = (align: string, text: string) =>
    `<td class="nps-muted" align="${align}" valign="top" width="50%" style="padding:8px 2px 0;font-size:13px;line-height:18px;color:${light.muted};text-align:${align}">${text}</td>`
  return (
    `<table ${table} width="100%"><tr><td align="center" dir="${p.dir}" style="font-size:0;line-height:0;text-align:center">` +
    `<!--[if mso]><table ${table} dir="${p.dir}"><tr><td><![endif]-->` +
    group(0, 5, p) +
    '<!--[if mso]></td><td><![endif]-->' +
    group(6, 10, p) +
    '<!--[if mso]></td></tr></table><![endif]-->' +
    `</td></tr></table>` +
    `<table ${table} align="center" width="${11 * step}" dir="${p.dir}" style="width:100%;max-width:${11 * step}px"><tr>` +
    anchor(start, `0 – ${escapeHtml(p.low)}`) +
    anchor(end, `10 – ${escapeHtml(p.high)}`) +
    '</tr></table>'
  )
}
