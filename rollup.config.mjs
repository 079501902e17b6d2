// Build: esbuild strips types (fast, handles TSX), rollup bundles, rollup-plugin-dts
// bundles declarations. Type-checking is a separate `tsc --noEmit` step in `npm test`,
// which is why TypeScript is pinned to 6.0.x: rollup-plugin-dts needs its JS API.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs'
import esbuild from 'rollup-plugin-esbuild'
import { dts } from 'rollup-plugin-dts'
import { resolve as resolvePath } from 'node:path'
import terser from '@rollup/plugin-terser'
import { nodeResolve } from '@rollup/plugin-node-resolve'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

const transpile = (minify = false) =>
  esbuild({
    target: 'es2020',
    minify,
    charset: 'utf8',
    define: { __NPSKIT_VERSION__: JSON.stringify(pkg.version) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
  })

// The stylesheets are template strings in src/view/styles.ts and stepStyles.ts; esbuild never
// minifies string contents, so collapse their white space here.
const compactCss = {
  name: 'compact-css',
  transform(code, id) {
    if (!/\/src\/view\/(styles|stepStyles)\.ts$/.test(id)) return null
    const css = code.replace(/`([^`]*)`/g, (_, body) =>
      '`' + body.replace(/\s+/g, ' ').replace(/\s*([{}:;,>])\s*/g, '$1').replace(/;}/g, '}').trim() + '`',
    )
    return { code: css, map: null }
  },
}

// Start from an empty dist/: a chunk an older build wrote (a renamed or merged lazy chunk) must not
// linger there and end up in the package. Rollup builds the configurations below in order.
const cleanDist = {
  name: 'clean-dist',
  buildStart() {
    rmSync('dist', { recursive: true, force: true })
  },
}

// The CommonJS types are the ESM types: the score and email entries export only named bindings.
const copyCtsTypes = {
  name: 'copy-cts-types',
  writeBundle() {
    mkdirSync('dist', { recursive: true })
    for (const entry of ['score', 'email']) writeFileSync(`dist/${entry}.d.cts`, readFileSync(`dist/${entry}.d.ts`, 'utf8'))
  },
}

// The script tag loads its UI from its own base URL instead of through a bundler's chunk:
// swap the two loader adapters for their CDN versions in the script-tag builds.
const cdnAdapters = {
  name: 'cdn-adapters',
  async resolveId(source, importer, options) {
    if (!/\/(loadUi|loadLocale)$/.test(source)) return null
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    return resolved && resolved.id.replace(/\/(loadUi|loadLocale)\.ts$/, '/$1.cdn.ts')
  },
}

// dist/integrity.json: the Subresource Integrity hash of every file the script tag can load, for the
// `integrity` attribute of the tag and an import map's `integrity` field (README, "Subresource
// Integrity"). Written after the last script-tag build; the files are deterministic, so the hashes
// are the same for everyone who builds this version.
const integrityManifest = {
  name: 'integrity-manifest',
  writeBundle() {
    const files = ['npskit.iife.js', ...readdirSync('dist').filter((f) => /^npskit-.+\.js$/.test(f)).sort()]
    files.push(...readdirSync('dist/locales').filter((f) => f.endsWith('.js')).sort().map((f) => `locales/${f}`))
    const hashes = Object.fromEntries(
      files.map((f) => [f, 'sha384-' + createHash('sha384').update(readFileSync(`dist/${f}`)).digest('base64')]),
    )
    writeFileSync('dist/integrity.json', JSON.stringify(hashes, null, 2) + '\n')
  },
}

// The script tag's first stage already carries the functions that run the targeting rules on the
// stored history. It hands them to the engine (`virtual:handover`, one array in this order) instead of
// the engine carrying a second copy: every module of the engine build that imports one of these files
// gets the first stage's functions for these names and the file's own code for the rest. Both files
// always come from one version (the first stage fetches the engine from its own exact version).
const handedOver = {
  'src/adapters/storage.ts': ['createStore'],
  'src/core/decide.ts': ['decide', 'pointOf'],
  'src/targeting/environment.ts': ['readEnvironment'],
  'src/targeting/persist.ts': ['countVisit', 'loadHistory'],
  'src/triggers/catchAlwaysOn.ts': ['catchAlwaysOn'],
  'src/triggers/listen.ts': ['listen'],
}
const handoverNames = Object.values(handedOver).flat()
const handover = (side) => ({
  name: `handover-${side}`,
  async resolveId(source, importer, options) {
    if (source === 'virtual:handover') return '\0handover'
    if (side === 'first-stage') return null
    // The file itself, for the module that stands in for it.
    if (importer?.startsWith('\0shared:')) return source
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    const file = resolved && Object.keys(handedOver).find((f) => resolved.id === resolvePath(f))
    return file ? `\0shared:${file}` : null
  },
  load(id) {
    if (id === '\0handover') {
      if (side === 'first-stage') {
        const imports = Object.entries(handedOver).map(([f, names]) => `import { ${names} } from ${JSON.stringify(resolvePath(f))}`)
        return `${imports.join('\n')}\nexport const handover = [${handoverNames}]`
      }
      return `export let ${handoverNames}\nexport const take = (t) => { [${handoverNames}] = t }`
    }
    if (id.startsWith('\0shared:')) {
      const file = id.slice('\0shared:'.length)
      return `export * from ${JSON.stringify(resolvePath(file))}\nexport { ${handedOver[file]} } from 'virtual:handover'`
    }
    return null
  },
})

// The ESM email entry imports dist/locales/<code>.js instead of carrying a second copy of each locale.
const builtLocales = {
  name: 'built-locales',
  resolveId(source, importer) {
    const code = /^\.\/([a-z]{2,3})$/.exec(source)?.[1]
    if (!code || !importer?.endsWith('/src/locales/index.ts')) return null
    return { id: resolvePath(`dist/locales/${code}.js`), external: true }
  },
}

// The collector reads schema.json (the response's JSON Schema) as a module: bundled into
// dist/collector.js, so the validator and the shipped schema are the same version.
const json = {
  name: 'json',
  transform(code, id) {
    if (!id.endsWith('.json')) return null
    return { code: `export default ${JSON.stringify(JSON.parse(code))}`, map: null }
  },
}

// The dashboard's page, stylesheet and the sign-in page's script go beside its bundled script in dist/dashboard/, where the
// collector serves them from (`new URL('./dashboard/', import.meta.url)` in dist/collector.js).
const dashboardPage = {
  name: 'dashboard-page',
  writeBundle() {
    mkdirSync('dist/dashboard', { recursive: true })
    for (const file of ['dashboard.html', 'dashboard.css', 'login.js']) writeFileSync(`dist/dashboard/${file}`, readFileSync(`src/collector/dashboard/${file}`))
    // The email links' landing page: its script imports the widget's ESM entry beside it, as served
    // under /r/assets/ (src/collector/landing/files.ts), so it ships as written.
    mkdirSync('dist/landing', { recursive: true })
    for (const file of ['landing.js', 'landing.css']) writeFileSync(`dist/landing/${file}`, readFileSync(`src/collector/landing/client/${file}`))
  },
}

// What Node provides, and the database drivers: the collector's optional peer dependencies,
// loaded only when used.
const nodeOnly = (id) => id.startsWith('node:') || id === 'pg' || id.startsWith('@electric-sql/pglite')

const locales = Object.fromEntries(
  readdirSync('src/locales')
    .filter((f) => /^[a-z]{2,3}\.ts$/.test(f))
    .map((f) => [`locales/${f.slice(0, -3)}`, `src/locales/${f}`]),
)

// Deterministic output (no timestamps, no absolute paths) keeps Subresource Integrity hashes stable.
// Only the script tag carries a banner: the ESM and CJS files are for bundlers, which keep
// /*! comments and so would ship them in every app.
const banner = `/*! npskit v${pkg.version} | MIT */`
// The files a page names or fetches first carry it; the chunks only they import do not.
const entryBanner = (chunk) => (chunk.isEntry ? banner : '')
// NPSKIT_MINIFY=0 (the demo's `npm start` build): no terser, which is two thirds of the build's
// time; the files work the same, only larger. `npm run build` always minifies.
const min = () => (process.env.NPSKIT_MINIFY === '0' ? { name: 'no-minify' } : terser({ format: { comments: /^!/ }, compress: { passes: 2 } }))

const parts = [
  {
    part: 'esm',
    // The widget's entry, the score entry, and one file per locale (also the lazy chunks the
    // widget loads on demand). Chunks are named, not hashed: stable names, same bytes per version.
    // Not minified: bundlers minify anyway, and readable code is easier to debug and audit.
    input: { index: 'src/index.ts', score: 'src/score.ts', element: 'src/element.ts', ...locales },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name].js',
      // No bare `import './x.js'` for execution order: the package declares itself free of side
      // effects, so bundlers drop such imports and esbuild warns about each one.
      hoistTransitiveImports: false,
    },
    plugins: [nodeResolve(), compactCss, transpile()],
  },
  {
    part: 'cjs',
    input: 'src/score.ts',
    output: { file: 'dist/score.cjs', format: 'cjs' },
    plugins: [transpile()],
  },
  {
    part: 'email',
    // npskit/email on its own, so sharing the locale helpers with it does not move them into a chunk
    // of their own and change the widget's files. It imports the locales the widget build wrote.
    input: 'src/email.ts',
    output: { file: 'dist/email.js', format: 'es', paths: (id) => id.replace(/^.*\/dist\/locales\//, './locales/') },
    plugins: [builtLocales, transpile()],
  },
  {
    part: 'email-cjs',
    // Emails are written on servers, many of them CommonJS: npskit/email is one file for require().
    input: 'src/email.ts',
    output: { file: 'dist/email.cjs', format: 'cjs' },
    plugins: [transpile()],
  },
  {
    part: 'iife',
    // The script tag, first stage: what every page pays. It sets `window.npskit` itself (no
    // `name`), so the command-queue stub a shop defined before it loaded is read, not overwritten.
    input: 'src/iife.ts',
    output: { file: 'dist/npskit.iife.js', format: 'iife', banner },
    plugins: [handover('first-stage'), cdnAdapters, nodeResolve(), transpile(), min()],
  },
  {
    part: 'engine',
    // The script tag, second stage: createSurvey with targeting and delivery, fetched from beside
    // the first stage once there is something to do on the page. What only some pages need
    // (declared triggers, redaction) is a chunk of its own beside it, with a stable name,
    // fetched by a relative import() from the engine's own URL.
    input: 'src/engine.ts',
    // The chunks import what they share with the engine from the engine itself (extra exports),
    // rather than from a third file.
    preserveEntrySignatures: 'allow-extension',
    // Delivery is one of them (its file is delivery/index.ts, hence the name): a survey shows
    // without it, and it follows in idle time.
    output: {
      dir: 'dist',
      format: 'es',
      banner: entryBanner,
      entryFileNames: 'npskit-engine.js',
      chunkFileNames: (chunk) => (chunk.facadeModuleId === resolvePath('src/delivery/index.ts') ? 'npskit-delivery.js' : 'npskit-[name].js'),
    },
    plugins: [handover('engine'), cdnAdapters, nodeResolve(), transpile(), min()],
  },
  {
    part: 'ui',
    // What the script tag loads when a survey is about to show: Preact, the view and styles,
    // as one ES module with a stable name next to the script (locales come from dist/locales/).
    // The follow-up and thank-you views with their styles come after the first paint, as
    // npskit-steps.js beside it, importing Preact from the UI itself.
    input: 'src/scriptUi.ts',
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', banner: entryBanner, entryFileNames: 'npskit-ui.js', chunkFileNames: 'npskit-[name].js' },
    plugins: [cdnAdapters, nodeResolve(), compactCss, transpile(), min()],
  },
  {
    part: 'collector',
    // npskit/collector, for Node: one file, readable like the ESM entries.
    input: 'src/collector.ts',
    output: { file: 'dist/collector.js', format: 'es' },
    external: nodeOnly,
    plugins: [json, transpile()],
  },
  {
    part: 'dashboard',
    // The dashboard's script with the parts of Chart.js it uses (MIT; its licence comment is kept).
    input: 'src/collector/dashboard/dashboard.js',
    output: { file: 'dist/dashboard/dashboard.js', format: 'es' },
    plugins: [nodeResolve(), transpile(), min(), dashboardPage],
  },
  {
    part: 'types',
    input: { index: 'src/index.ts', score: 'src/score.ts', element: 'src/element.ts', email: 'src/email.ts', collector: 'src/collector.ts', ...locales },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name].d.ts' },
    external: nodeOnly,
    plugins: [json, dts(), copyCtsTypes],
  },
]

// NPSKIT_BUILD=esm,iife builds only those parts, into a dist/ the caller has emptied (the demo's
// `npm start` builds what it serves, several parts at once, and no types). Without it, everything
// in order: `npm run build`, which `npm test` and a publish run.
const only = process.env.NPSKIT_BUILD?.split(',').filter(Boolean)
const unknown = only?.filter((name) => !parts.some((p) => p.part === name))
if (unknown?.length) throw new Error(`NPSKIT_BUILD: no part named ${unknown.join(', ')} (parts: ${parts.map((p) => p.part).join(', ')})`)
const chosen = parts.filter((p) => !only || only.includes(p.part)).map(({ part, ...config }) => config)
if (!only) {
  chosen[0].plugins.unshift(cleanDist)
  // After the last script-tag file is written (the configurations run in order).
  chosen[parts.findIndex((p) => p.part === 'ui')].plugins.push(integrityManifest)
}
export default chosen

