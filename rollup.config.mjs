// Build: esbuild strips types (fast, handles TSX), rollup bundles, rollup-plugin-dts
// bundles declarations. Type-checking is a separate `tsc --noEmit` step in `npm test`,
// which is why TypeScript is pinned to 6.0.x: rollup-plugin-dts needs its JS API.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import esbuild from 'rollup-plugin-esbuild'
import { dts } from 'rollup-plugin-dts'
import terser from '@rollup/plugin-terser'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

const transpile = (minify = false) =>
  esbuild({
    target: 'es2020',
    minify,
    define: { __NPSKIT_VERSION__: JSON.stringify(pkg.version) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
  })

// The CommonJS types are the ESM types: the score entry exports only named bindings.
const copyCtsTypes = {
  name: 'copy-cts-types',
  writeBundle() {
    mkdirSync('dist', { recursive: true })
    writeFileSync('dist/score.d.cts', readFileSync('dist/score.d.ts', 'utf8'))
  },
}

// Deterministic output (no timestamps, no absolute paths) keeps Subresource Integrity hashes stable.
const banner = `/*! npskit v${pkg.version} | MIT */`

export default [
  {
    input: { index: 'src/index.ts', score: 'src/score.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', banner },
    plugins: [transpile()],
  },
  {
    input: 'src/score.ts',
    output: { file: 'dist/score.cjs', format: 'cjs', banner },
    plugins: [transpile()],
  },
  {
    input: 'src/iife.ts',
    output: { file: 'dist/npskit.iife.js', format: 'iife', name: 'npskit', banner },
    plugins: [transpile(), terser({ format: { comments: /^!/ } })],
  },
  {
    input: { index: 'src/index.ts', score: 'src/score.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
    plugins: [dts(), copyCtsTypes],
  },
]
