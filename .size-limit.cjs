// Size budgets, enforced inside `npm test` (test/package/size.test.ts) and shown in the README.
// Sizes are minified and brotli-compressed, as a browser downloads them.
const { existsSync, readdirSync } = require('node:fs')

// `npm start` builds dist/ for the demo without minifying it: measuring that would be meaningless.
if (existsSync(require('node:path').join(__dirname, 'dist/DEMO-BUILD'))) {
  throw new Error('dist/ was built by `npm start` for the demo, not minified: run `npm run build` before size-limit.')
}

const localeCodes = readdirSync(require('node:path').join(__dirname, 'src/locales'))
  .filter((f) => /^[a-z]{2,3}\.ts$/.test(f))
  .map((f) => f.slice(0, -3))

// "createSurvey with one locale": the widget loads locales on demand, so count the one it
// would load (English) and leave the other nineteen chunks out of the bundle.
const onlyEnglish = {
  name: 'only-english',
  setup(build) {
    build.onResolve({ filter: /locales\/[a-z]{2,3}\.js$/ }, (args) =>
      /\/en\.js$/.test(args.path) ? undefined : { path: args.path, namespace: 'other-locale' },
    )
    build.onLoad({ filter: /.*/, namespace: 'other-locale' }, () => ({ contents: 'export default {}' }))
  },
}

module.exports = [
  { name: 'npskit/score: { nps, tally }', path: 'dist/score.js', import: '{ nps, tally }', limit: '350 B' },
  // The whole entry as a file, as size-limit measures an entry without `import`: all thirteen
  // functions with their input checks, and since issue #17 weighted intervals, the one-sample and
  // adjusted-Wald tests, one-pass merge and trend's per-hour time-zone cache.
  { name: 'npskit/score: whole entry', path: 'dist/score.js', limit: '2 kB' },
  // Server side, but small enough for an edge function: surveyEmail with its checks, the HTML and text
  // writers and all 20 locales (an email is written in the customer's language, known only per order).
  { name: 'npskit/email: surveyEmail with all 20 locales', path: 'dist/email.js', import: '{ surveyEmail }', limit: '10 kB' },
  {
    // What createSurvey loads when a survey first shows: Preact, its signals (view/signal.ts), the view, the
    // stylesheet and one locale. Issue #4's budget for the widget it built. Issue #16's fixes
    // (readable accents and the page's theme read back at mount, bars clear of sticky headers, the
    // wrapping scale, the score kept on the follow-up) cost about 1 kB of it.
    // The question painted before the engine arrives (prepaint.ts, the script tag's only) and the
    // accent read after the first frame (issue #18) took it from 10.78 to 11.31 kB.
    name: 'npskit: the survey UI with one locale',
    path: ['dist/npskit-ui.js', 'dist/locales/en.js'],
    limit: '11.35 kB',
  },
  {
    // Everything createSurvey can ever load, for ESM users: the UI above plus options,
    // targeting rules, triggers and delivery. Bundlers split the UI into its own chunk.
    name: 'npskit: createSurvey with one locale',
    path: 'dist/index.js',
    import: '{ createSurvey }',
    // 20.9 kB before issue #16's widget fixes (about 1 kB, all in the UI); 21.25 kB before issue #18's
    // session that can take over a painted question and its accent read after the first frame; 21.55 kB
    // before issue #19's events, analytics and recontact check (1.06 kB, the recontact client 0.65 kB of it).
    // +0.1 kB when the recontact check's "no" was kept in the visitor's history (one request fewer on
    // every later page of a customer who answered elsewhere).
    limit: '22.71 kB',
    modifyEsbuildConfig: (config) => ({ ...config, plugins: [...(config.plugins ?? []), onlyEnglish] }),
  },
  { name: 'npskit: one locale (nb)', path: 'dist/locales/nb.js', limit: '700 B' },
  {
    name: 'npskit: all 20 locales',
    path: localeCodes.map((code) => `dist/locales/${code}.js`),
    limit: '12 kB',
  },
  // The script tag in stages, measured as shipped: the build minifies these files already, so
  // size-limit compresses them as the browser downloads them instead of re-bundling them (which
  // would also count chunks such a page never fetches: npskit-specs.js, npskit-redact.js). The first
  // stage is all a page pays while nobody is asked, which includes a journey point whose rules
  // say no (answered lately, this order done, fatigue, sampled out): issue #7's 3 kB.
  { name: 'script tag: first stage (npskit.iife.js)', path: 'dist/npskit.iife.js', disablePlugins: ['@size-limit/esbuild'], limit: '3 kB' },
  {
    // A journey point the rules allow also fetches the engine (options, rules, delivery).
    name: 'script tag: a journey point that asks (first stage, engine)',
    path: ['dist/npskit.iife.js', 'dist/npskit-engine.js'],
    disablePlugins: ['@size-limit/esbuild'],
    limit: '10.4 kB',
  },
  {
    // A survey that shows: what its first paint needs (issue #18). The first stage paints the
    // question with the UI and the locale alone (src/prepaint.ts); the engine, fetched beside them,
    // takes it over when it arrives. 19,025 B, engine included, before the question was painted
    // without it.
    name: 'script tag: a page with a survey, before the first paint (first stage, UI, one locale)',
    path: ['dist/npskit.iife.js', 'dist/npskit-ui.js', 'dist/locales/nb.js'],
    disablePlugins: ['@size-limit/esbuild'],
    limit: '13.6 kB',
  },
  {
    // …all it fetches side by side from the first stage: the same with the engine. Issue #19's
    // show({ score }) for the email landing page added about 0.1 kB (engine and UI).
    name: 'script tag: a page with a survey, fetched side by side (first stage, engine, UI, one locale)',
    path: ['dist/npskit.iife.js', 'dist/npskit-engine.js', 'dist/npskit-ui.js', 'dist/locales/nb.js'],
    disablePlugins: ['@size-limit/esbuild'],
    // 19.75 kB before issue #19: the engine's hooks for events, analytics and the recontact check, and
    // their five options (0.31 kB; none of it before the first paint, which the engine no longer holds up).
    limit: '20.07 kB',
  },
  {
    // …and what follows in idle time once it is on screen: the follow-up and thank-you views, and
    // delivery (with an endpoint). Painting the question before the engine arrives (the early
    // paint and its hand-over, about 0.6 kB) took it from 22.06 to 22.69 kB; issue #19's show({ score }) about 0.1 kB more.
    name: 'script tag: a page with a survey, in all (and the later steps, delivery)',
    path: ['dist/npskit.iife.js', 'dist/npskit-engine.js', 'dist/npskit-ui.js', 'dist/locales/nb.js', 'dist/npskit-steps.js', 'dist/npskit-delivery.js'],
    disablePlugins: ['@size-limit/esbuild'],
    // 22.8 kB before issue #19's events: the engine's 0.31 kB above, and in delivery the events and the
    // dataLayer/onEvent code (0.36 kB).
    limit: '23.47 kB',
  },
  {
    // npskit/collector's dashboard: its script with the parts of Chart.js it uses, as the collector
    // serves it (already minified by the build). Only admins load it; the widget never does. The
    // inbox's follow-up states, reply drafts in eleven languages and time to first contact took it
    // from 48.8 to 51.8 kB; the alerts card (failed and waiting alerts, Send again) and the inbox's
    // opening of an alert's link to 53.1 kB; the response rate card (issue #19: funnel table and
    // rate by week, on the Chart.js line it already had) about 0.6 kB more.
    name: 'collector: the dashboard script (Chart.js included)',
    path: 'dist/dashboard/dashboard.js',
    disablePlugins: ['@size-limit/esbuild'],
    limit: '54.2 kB',
  },
]
