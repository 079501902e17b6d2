// Size budgets, enforced inside `npm test` (test/package/size.test.ts) and shown in the README.
// Sizes are minified and brotli-compressed, as a browser downloads them.
const { readdirSync } = require('node:fs')

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
  // functions with their input checks.
  { name: 'npskit/score: whole entry', path: 'dist/score.js', limit: '1.5 kB' },
  {
    // The widget's own target is 11 kB with Preact and signals (its issue is open). It is the
    // loader plus the lazily loaded UI: the UI half (dist/npskit-ui.js) is 10.6 kB, of which
    // Preact is 4.2, signals-core 1.5 and the stylesheet 1.3; the loader, now with targeting and
    // delivery, is the rest and puts the total over this limit until it is slimmed (issue #7).
    name: 'npskit: createSurvey with one locale',
    path: 'dist/index.js',
    import: '{ createSurvey }',
    limit: '16.5 kB',
    modifyEsbuildConfig: (config) => ({ ...config, plugins: [...(config.plugins ?? []), onlyEnglish] }),
  },
  { name: 'npskit: one locale (nb)', path: 'dist/locales/nb.js', limit: '700 B' },
  {
    name: 'npskit: all 20 locales',
    path: localeCodes.map((code) => `dist/locales/${code}.js`),
    limit: '12 kB',
  },
  // The script tag's two halves. The loader is on every page; its target is 3 kB (issue #7 is
  // open on it), so this limit only stops growth meanwhile.
  { name: 'script tag: loader (npskit.iife.js)', path: 'dist/npskit.iife.js', limit: '3.2 kB' },
  {
    // The UI half is 10.6 kB (see createSurvey above); the loader is over its own budget.
    name: 'script tag: a page with a survey (loader, UI, one locale)',
    path: ['dist/npskit.iife.js', 'dist/npskit-ui.js', 'dist/locales/nb.js'],
    limit: '17.5 kB',
  },
]
