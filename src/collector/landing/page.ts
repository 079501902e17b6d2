// The landing page's HTML: the widget's own locale data names the page, the survey itself is the
// built widget (assets/landing.js starts it). Nothing from the request is written into the page
// except through escape() or as JSON that cannot close its <script> element.
import { resolveLocale } from '../../core/locale'
import * as builtIn from '../../locales/index'
import { escape } from './escape'
import type { Copy } from '../../core/copy'
import type { Category } from '../../score'
import { linkCopy, noScriptForm } from './form'
import { problemTexts, type Problem } from './wording'

type Code = (typeof builtIn.localeCodes)[number]

/** The built-in locale closest to a tag (the link's, or the browser's Accept-Language), else English. */
export function pageLocale(tag: string | undefined, acceptLanguage = ''): Code {
  const preferred = acceptLanguage.split(',').map((part) => part.split(';')[0]!.trim()).filter(Boolean).slice(0, 10)
  return resolveLocale(tag ?? 'auto', preferred, builtIn.localeCodes) as Code
}


function head(code: Code, title: string): string {
  const { dir } = builtIn[code]
  return `<!doctype html>
<html lang="${code}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
<title>${escape(title)}</title>
<link rel="stylesheet" href="assets/landing.css">
`
}

// "Kundeundersøkelse – Nordhandel": the widget's name for itself, and the shop's.
const titleOf = (copy: Copy, brand: string | undefined) => (brand ? `${copy.surveyLabel} – ${brand}` : copy.surveyLabel)

/** What the page's script needs: where to post, and how to ask. */
export interface LandingConfig {
  readonly token: string
  /** The link's one response id (from the token), which its shown and dismissed events name. */
  readonly responseId: string
  readonly score: number | null
  readonly locale: string
  readonly brand: string | undefined
  readonly surveyId: string
  readonly journeyPoint: string
  readonly user: Readonly<Record<string, string>> | null
  readonly nonce: string
}

/** The survey page of a valid link. */
export function landingPage(code: Code, config: LandingConfig): string {
  const copy = linkCopy(config.brand, builtIn[code])
  // JSON inside <script>: `<` escaped so no value can end the element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c')
  return (
    head(code, titleOf(copy, config.brand)) +
    `<script type="application/json" id="npskit-link">${json}</script>
<script type="module" nonce="${config.nonce}" src="assets/landing.js"></script>
</head>
<body>
<main>
${brandLine(config.brand)}<div id="survey"></div>
<noscript>${noScriptForm(copy, config.score)}</noscript>
</main>
</body>
</html>
`
  )
}

// The shop's name above the survey or a message, when it has one.
const brandLine = (brand: string | undefined) => (brand ? `<p class="brand">${escape(brand)}</p>\n` : '')

// A page that says one thing and runs nothing: a refusal or a thank-you.
const messagePage = (code: Code, title: string, body: string) =>
  head(code, title) +
  `</head>
<body>
<main class="problem">
${body}
</main>
</body>
</html>
`

/** The friendly page of a link that cannot be answered: why, in words, and nothing else. */
export function problemPage(code: Code, problem: Problem): string {
  const texts = problemTexts[code] ?? problemTexts.en!
  return messagePage(code, builtIn[code].messages.surveyLabel, `<p>${escape(texts[problem])}</p>`)
}

/** The page a reader without JavaScript sees once the form is sent: the widget's thank-you for the score. */
export function thanksPage(code: Code, brand: string | undefined, category: Category): string {
  const copy = linkCopy(brand, builtIn[code])
  return messagePage(code, titleOf(copy, brand), `${brandLine(brand)}<p role="status">${escape(copy.thanks(category))}</p>`)
}
