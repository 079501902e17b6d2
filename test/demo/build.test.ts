import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_MARKER, demoParts, ensureBuilt, isBuilt } from '../../demo/build.mjs'
import { root } from '../support/server'

// `npm start` on a fresh clone builds only what the demo serves, several parts at once, with a
// line per part, and no type declarations (a fresh clone waited 20–60 s for all of it). Built in a
// copy of the repository, so the real dist/ is never touched.
describe('the demo build (npm start)', () => {
  let copy: string
  const lines: string[] = []

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'npskit-demo-build-'))
    for (const entry of ['src', 'rollup.config.mjs', 'package.json', 'schema.json']) cpSync(join(root, entry), join(copy, entry), { recursive: true })
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir')
    expect(isBuilt(copy)).toBe(false)
    expect(await ensureBuilt(copy, (line: string) => lines.push(line))).toBe(true)
  }, 240_000)
  afterAll(() => rmSync(copy, { recursive: true, force: true }))

  it('builds what the demo pages load: the ESM entries and locales, the script tag’s three stages, and the collector with its dashboard', () => {
    const dist = join(copy, 'dist')
    for (const file of ['index.js', 'score.js', 'element.js', 'npskit.iife.js', 'npskit-engine.js', 'npskit-ui.js', 'locales/nb.js', 'locales/ar.js', 'collector.js', 'dashboard/dashboard.js', 'dashboard/dashboard.html']) {
      expect(existsSync(join(dist, file)), file).toBe(true)
    }
    expect(readdirSync(dist).filter((f) => f.startsWith('npskit-')).length).toBeGreaterThan(2) // the engine's own chunks
  })

  it('builds no type declarations and no CommonJS (those are for npm run build)', () => {
    const files = readdirSync(join(copy, 'dist'), { recursive: true }).map(String)
    expect(files.filter((f) => f.endsWith('.d.ts') || f.endsWith('.d.cts') || f.endsWith('.cjs'))).toEqual([])
    expect(demoParts.flat()).not.toContain('types')
  })

  it('does not minify (terser was two thirds of the time) and marks dist/ so that size-limit refuses it', () => {
    expect(existsSync(join(copy, 'dist', DEMO_MARKER))).toBe(true)
    const engine = readFileSync(join(copy, 'dist', 'npskit-engine.js'), 'utf8')
    expect(engine.split('\n').length).toBeGreaterThan(100)
    cpSync(join(root, '.size-limit.cjs'), join(copy, '.size-limit.cjs'))
    const refused = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(copy, '.size-limit.cjs'))})`], { encoding: 'utf8' })
    expect(refused.status).not.toBe(0)
    expect(refused.stderr).toContain('run `npm run build` before size-limit')
  })

  it('says what it builds as it starts, and each part as it ends', () => {
    expect(lines[0]).toMatch(/building what the demo needs/)
    for (const names of demoParts) expect(lines.some((l) => l.endsWith(`built ${names.join(' + ')}`)), names.join(' + ')).toBe(true)
    expect(lines.at(-1)).toMatch(/dist\/ ready after \d+\.\d s/)
  })

  it('builds again only when a source file is newer than dist/', async () => {
    expect(await ensureBuilt(copy, () => {})).toBe(false)
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(copy, 'src', 'index.ts'), later, later)
    expect(isBuilt(copy)).toBe(false)
  })
})
