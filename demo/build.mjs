// The build `npm start` runs when dist/ is missing or older than src/: only what the demo serves
// (the ESM entries and locales, the script tag's three stages, npskit/collector and its dashboard), several parts at once, and no
// type declarations (those are for `npm run build`, which `npm test` and a publish run). Each part
// is its own rollup process (NPSKIT_BUILD in rollup.config.mjs), so they use every core. Nothing is
// minified (NPSKIT_MINIFY=0): terser took two thirds of the build's CPU time (12.4 of 18 CPU-s),
// and the pages work the same unminified. dist/DEMO-BUILD marks such a build, so that size-limit
// refuses to measure it; `npm run build` replaces it with the package's minified files.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The file in dist/ that marks a demo build (see .size-limit.cjs). */
export const DEMO_MARKER = 'DEMO-BUILD'

/** The demo's parts, one process each, the slowest first. */
export const demoParts = [['engine'], ['ui'], ['dashboard'], ['esm', 'iife', 'collector']]
/** The files the demo needs: if any is missing or older than src/, the demo builds. */
const needed = ['score.js', 'index.js', 'npskit.iife.js', 'npskit-engine.js', 'npskit-ui.js', 'collector.js', 'dashboard/dashboard.js']

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** Whether dist/ under `root` has every file the demo serves, newer than every source file. */
export function isBuilt(root) {
  const sources = newest(join(root, 'src'))
  return needed.every((file) => existsSync(join(root, 'dist', file)) && statSync(join(root, 'dist', file)).mtimeMs >= sources)
}

function buildPart(root, names, log) {
  const rollup = join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [rollup, '-c', '--silent'], {
      cwd: root,
      env: { ...process.env, NPSKIT_BUILD: names.join(','), NPSKIT_MINIFY: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let errors = ''
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`building ${names.join(' + ')} failed:\n${errors}`))
      // No time per part: the server opens its database meanwhile, which can hold up this event.
      log(`  built ${names.join(' + ')}`)
      resolve()
    })
  })
}

/**
 * Builds what the demo needs into `root`/dist unless it is already there and fresh, printing a
 * line as it starts and as each part ends. Rejects with rollup's messages when a part fails.
 */
export async function ensureBuilt(root, log = console.log) {
  if (isBuilt(root)) return false
  const started = performance.now()
  log(`dist/ is missing or stale: building what the demo needs (${demoParts.flat().join(', ')}; types come with \`npm run build\`)…`)
  rmSync(join(root, 'dist'), { recursive: true, force: true })
  await Promise.all(demoParts.map((names) => buildPart(root, names, log)))
  writeFileSync(join(root, 'dist', DEMO_MARKER), 'Built by `npm start` for the demo, not minified. `npm run build` builds the package.\n')
  log(`  dist/ ready after ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return true
}
