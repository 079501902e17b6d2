// The playground: a form for the widget's options, the widget made again on every change
// (in its real placement: floating over the page, or inline in the preview), and the script tag
// that asks for the same survey.
import { createSurvey, version } from '/dist/index.js'

const $ = (id) => document.getElementById(id)
const locales = ['auto', 'en', 'nb', 'nn', 'da', 'sv', 'fi', 'is', 'de', 'nl', 'fr', 'es', 'it', 'pt', 'pl', 'et', 'lv', 'lt', 'cs', 'ar', 'he']

// kind: text | number | select | check. `attr: false` marks what only the page's code can pass.
const groups = [
  ['Question', [
    { name: 'brand', kind: 'text', value: 'Nordhandel' },
    { name: 'question', kind: 'text', placeholder: 'How likely … recommend {brand} …?' },
    { name: 'locale', kind: 'select', options: locales, value: 'auto', default: 'auto' },
    { name: 'surveyId', kind: 'text', placeholder: 'nps' },
  ]],
  ['After the score', [
    { name: 'followUp', kind: 'select', options: [['', "the locale's prompts"], ['false', 'no text box'], ['custom', 'one prompt for all…']] },
    { name: 'followUpPrompt', kind: 'text', placeholder: 'What should we do better?', label: 'prompt' },
    { name: 'contactConsent', kind: 'select', options: [['', 'never ask'], ['true', 'ask everyone'], ['detractor', 'ask detractors']] },
    { name: 'thankYou', kind: 'text', placeholder: "the locale's thank-you" },
    { name: 'promoterLabel', kind: 'text', placeholder: 'Review us on Trustpilot', label: 'promoter link text' },
    { name: 'promoterHref', kind: 'text', placeholder: 'https://…', label: 'promoter link URL' },
    { name: 'maxCommentLength', kind: 'number', placeholder: '2000', min: 1 },
    { name: 'autoCloseMs', kind: 'number', placeholder: '5000', min: 0, step: 500 },
  ]],
  ['Appearance', [
    { name: 'placement', kind: 'select', options: ['bottom-right', 'bottom-left', 'modal', 'top-bar', 'bottom-bar', 'inline'], value: 'bottom-right', default: 'bottom-right' },
    { name: 'theme', kind: 'select', options: ['auto', 'light', 'dark'], value: 'auto', default: 'auto' },
    { name: 'accent', kind: 'text', placeholder: '#1f4e5f', value: '#1f4e5f' },
    { name: 'background', kind: 'text', placeholder: '#ffffff' },
    { name: 'text', kind: 'text', placeholder: '#1d2a33' },
    { name: 'radius', kind: 'number', placeholder: '12', min: 0, max: 64 },
    { name: 'fontFamily', kind: 'text', placeholder: 'system-ui' },
    { name: 'fontSize', kind: 'number', placeholder: '16', min: 10, max: 32 },
    { name: 'zIndex', kind: 'number', placeholder: '2147483000' },
    { name: 'nonce', kind: 'text', placeholder: 'for a <style nonce> fallback' },
  ]],
  ['Delivery', [
    { name: 'endpoint', kind: 'text', value: '/api/responses', placeholder: 'https://collector.example/api/responses' },
    { name: 'credentials', kind: 'select', options: [['', 'omit (default)'], 'same-origin', 'include'] },
    { name: 'includeQuery', kind: 'check' },
    { name: 'redact', kind: 'check' },
  ]],
  ['Who is asked, and how often', [
    { name: 'answeredWaitDays', kind: 'number', placeholder: '90', min: 0 },
    { name: 'dismissedWaitDays', kind: 'number', placeholder: '14', min: 0 },
    { name: 'sampleRate', kind: 'number', placeholder: '1', min: 0, max: 1, step: 0.05 },
    { name: 'minVisits', kind: 'number', placeholder: '0', min: 0 },
    { name: 'minDaysSinceFirstSeen', kind: 'number', placeholder: '0', min: 0 },
    { name: 'priority', kind: 'number', placeholder: '0' },
    { name: 'consent', kind: 'select', options: [['', 'granted (default)'], 'pending', 'denied'] },
    { name: 'honourPrivacySignals', kind: 'select', options: [['', 'true (default)'], 'false'] },
    { name: 'storage', kind: 'select', options: [['', 'local (default)'], 'session', 'memory'] },
    { name: 'storagePrefix', kind: 'text', placeholder: 'npskit:' },
    { name: 'debug', kind: 'check' },
  ]],
  ['Everything else, as JSON', [
    {
      name: 'json',
      kind: 'textarea',
      label: 'options',
      placeholder: '{ "metadata": { "plan": "pro" }, "user": { "id": "c-42" }, "messages": { "send": "Submit" }, "fatigue": { "maxPrompts": 2 }, "devices": ["mobile"], "onlyLocales": ["nb", "sv"], "headers": { "x-api-key": "…" } }',
    },
  ]],
  ['This page', [
    { name: 'journeyPoint', kind: 'text', value: 'playground', label: 'journey point' },
    { name: 'dedupeKey', kind: 'text', placeholder: 'ORDER-1042', label: 'dedupe key' },
  ]],
]
// What the script tag does rather than an option of createSurvey.
const actions = ['journeyPoint', 'dedupeKey']
// Form fields that make up one structured option.
const parts = ['followUp', 'followUpPrompt', 'contactConsent', 'promoterLabel', 'promoterHref', 'json']
const fields = groups.flatMap(([, items]) => items)

// Options this build of npskit does not know (the form may be ahead of it, or behind) are
// still put in the snippet, but not passed to createSurvey, which would refuse them.
function supported(name, sample) {
  try {
    createSurvey({ [name]: sample }).destroy()
    return true
  } catch {
    return false
  }
}
/** A form value as the option's type: numbers, booleans ('true', a ticked box) or text. */
const convert = (field, value) =>
  field.kind === 'number' ? Number(value) : field.kind === 'check' || value === 'true' ? true : value === 'false' ? false : value
const sampleOf = (field) => {
  if (field.kind !== 'select') return convert(field, field.value ?? field.placeholder ?? '1')
  const values = field.options.map((o) => [].concat(o)[0]).filter((v) => v !== '')
  return convert(field, values[0])
}
const unsupported = new Set(fields.filter((f) => !actions.includes(f.name) && !parts.includes(f.name) && !supported(f.name, sampleOf(f))).map((f) => f.name))
const endpointSupported = !unsupported.has('endpoint')

function buildForm() {
  const form = $('options')
  for (const [title, items] of groups) {
    const set = document.createElement('fieldset')
    const legend = document.createElement('legend')
    legend.textContent = title
    set.append(legend)
    for (const field of items) {
      const label = document.createElement('label')
      const name = document.createElement('code')
      name.textContent = field.label ?? field.name
      let input
      if (field.kind === 'select') {
        input = document.createElement('select')
        for (const option of field.options) {
          const [value, text] = Array.isArray(option) ? option : [option, option]
          input.append(new Option(text, value))
        }
      } else if (field.kind === 'textarea') {
        input = document.createElement('textarea')
        input.rows = 5
        input.spellcheck = false
        input.placeholder = field.placeholder
        label.className = 'wide'
      } else {
        input = document.createElement('input')
        input.type = field.kind === 'check' ? 'checkbox' : field.kind
        for (const key of ['placeholder', 'min', 'max', 'step']) if (field[key] !== undefined) input[key] = String(field[key])
      }
      input.name = field.name
      input.id = 'opt-' + field.name
      if (field.value !== undefined) input.value = field.value
      if (field.kind === 'check') label.className = 'check'
      if (unsupported.has(field.name)) {
        input.disabled = true
        label.title = 'This build of npskit does not have this option.'
      }
      label.append(name, input)
      set.append(label)
    }
    form.append(set)
  }
}

/** The form's values as options: empty fields are left out, so the defaults apply. */
function readOptions() {
  const form = new FormData($('options'))
  const raw = Object.fromEntries(fields.map((f) => [f.name, String(form.get(f.name) ?? '').trim()]))
  const options = {}
  for (const field of fields) {
    const value = raw[field.name]
    // A value equal to the default is left out, so the snippet says only what differs.
    if (value === '' || value === field.default || actions.includes(field.name) || parts.includes(field.name)) continue
    options[field.name] = convert(field, value)
  }
  if (raw.followUp === 'false') options.followUp = false
  if (raw.followUp === 'custom' && raw.followUpPrompt) options.followUp = raw.followUpPrompt
  if (raw.contactConsent === 'true') options.contactConsent = true
  if (raw.contactConsent === 'detractor') options.contactConsent = { detractor: true }
  if (raw.promoterLabel && raw.promoterHref) options.promoterAction = { label: raw.promoterLabel, href: raw.promoterHref }
  let jsonError = ''
  if (raw.json) {
    try {
      const more = JSON.parse(raw.json)
      if (more === null || typeof more !== 'object' || Array.isArray(more)) throw new Error('not an object')
      Object.assign(options, more)
    } catch (error) {
      jsonError = 'The JSON options are not a JSON object: ' + error.message
    }
  }
  return { options, journeyPoint: raw.journeyPoint, dedupeKey: raw.dedupeKey, jsonError }
}

const kebab = (name) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())
const attr = (value) => String(value).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

/** The same survey as a script tag: scalars as data-*, the rest in a JSON block. */
function snippet({ options, journeyPoint, dedupeKey }) {
  const lines = [`<script src="https://cdn.jsdelivr.net/npm/npskit@${version}/dist/npskit.iife.js"`]
  const json = {}
  for (const [name, value] of Object.entries(options)) {
    if (value !== null && typeof value === 'object') json[name] = value
    else lines.push(`  data-${kebab(name)}="${attr(value)}"`)
  }
  if (journeyPoint) lines.push(`  data-journey-point="${attr(journeyPoint)}"`)
  if (dedupeKey) lines.push(`  data-dedupe-key="${attr(dedupeKey)}"`)
  lines[lines.length - 1] += ' async></script>'
  if (Object.keys(json).length === 0) return lines.join('\n')
  // "</" must not appear inside a script element, or the page's parser would end it there.
  const block = JSON.stringify(json, null, 2).replaceAll('</', '<\\/')
  return `<script type="application/json" data-npskit-config>\n${block}\n</script>\n` + lines.join('\n')
}

function log(line) {
  const time = new Date().toLocaleTimeString('en-GB')
  $('log').textContent = `${time}  ${line}\n` + $('log').textContent.slice(0, 4000)
}

async function post(response) {
  try {
    const result = await fetch('/api/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(response) })
    const body = await result.json()
    log(`POST /api/responses → ${result.status} ${body.result ?? body.error}`)
  } catch (error) {
    log('POST /api/responses failed: ' + error.message)
  }
}

let survey
let listeners = []
let timer
function rebuild() {
  const config = readOptions()
  $('snippet').textContent = snippet(config)
  // The old survey goes quietly: its dismissal is ours, not the customer's.
  for (const off of listeners) off()
  listeners = []
  survey?.destroy()
  survey = undefined
  $('error').textContent = ''
  const placement = config.options.placement ?? 'bottom-right'
  // Shown where a shop's customers would see it: floating over this page, or inline in the preview.
  $('placement-note').textContent = placement === 'inline' ? '' : `(${placement}: shown over this page, as on your site)`
  // The preview keeps its history in memory, so each change shows the survey afresh instead of
  // respecting the wait after an answer in the previous version.
  const live = { ...Object.fromEntries(Object.entries(config.options).filter(([name]) => !unsupported.has(name))), placement }
  if (placement === 'inline') live.target = '#preview'
  if (!unsupported.has('storage')) live.storage = 'memory'
  if (!endpointSupported) {
    // Until this build posts by itself, hand each version of the response to the collector.
    delete live.endpoint
    if (config.options.endpoint) live.onResponse = post
  }
  try {
    if (config.jsonError) throw new Error(config.jsonError)
    survey = createSurvey(live)
  } catch (error) {
    $('error').textContent = error.message
    return
  }
  const mine = survey
  for (const event of ['show', 'score', 'submit', 'dismiss', 'error']) {
    listeners.push(survey.on(event, (detail) => log(event + (detail && detail.score !== undefined ? ` ${detail.score}${detail.comment ? `, “${detail.comment}”` : ''}` : ''))))
  }
  survey.show(config.journeyPoint ? { journeyPoint: config.journeyPoint } : {}).then((result) => {
    if (survey === mine) log('show() → ' + JSON.stringify(result))
  })
}

buildForm()
$('options').addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(rebuild, 250)
})
$('options').addEventListener('submit', (event) => event.preventDefault())
$('again').addEventListener('click', rebuild)
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent)
    $('copy').textContent = 'Copied ✓'
  } catch {
    getSelection().selectAllChildren($('snippet'))
    $('copy').textContent = 'Press Ctrl+C'
  }
  setTimeout(() => ($('copy').textContent = 'Copy'), 1500)
})
rebuild()
