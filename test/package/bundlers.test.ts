import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { build as esbuild } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserAvailable, launchChromium } from '../support/chromium'
import { root, serve, type StaticServer } from '../support/server'

const run = promisify(execFile)
const work = join(root, 'test-results', 'bundlers')
const app = join(root, 'test', 'fixtures', 'bundler-app')

// The packed package (what npm publishes), installed into a scratch app as a user would have it,
// then bundled by Vite, webpack and esbuild with no configuration beyond an entry point.
beforeAll(async () => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(join(work, 'node_modules'), { recursive: true })
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root })
  const tarball = join(work, stdout.trim().split('\n').at(-1)!)
  mkdirSync(join(work, 'node_modules', 'npskit'))
  await run('tar', ['-xzf', tarball, '-C', join(work, 'node_modules', 'npskit'), '--strip-components=1'])
}, 120_000)

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js') && statSync(join(dir, f)).isFile())
}

async function bundle(tool: 'vite' | 'webpack' | 'esbuild'): Promise<string> {
  const dir = join(work, tool)
  cpSync(app, dir, { recursive: true })
  const out = join(dir, 'out')
  if (tool === 'vite') {
    const { build } = await import('vite')
    await build({ root: dir, logLevel: 'silent', build: { outDir: out, emptyOutDir: true }, configFile: false })
  } else if (tool === 'webpack') {
    const { default: webpack } = await import('webpack')
    const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
      webpack({ mode: 'production', context: dir, entry: './main.js', output: { path: out, publicPath: 'auto' } }, (error, s) =>
        error || !s ? reject(error) : resolve(s),
      ),
    )
    const info = stats.toJson({ all: false, errors: true, warnings: true })
    expect(info.errors ?? []).toEqual([])
    // webpack's only remark may be its size hint about the app as a whole.
    expect((info.warnings ?? []).filter((w) => !/size limit|performance/i.test(w.message))).toEqual([])
    writeFileSync(join(out, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8'))
  } else {
    const result = await esbuild({ entryPoints: [join(dir, 'main.js')], bundle: true, splitting: true, format: 'esm', outdir: out, minify: true, logLevel: 'silent' })
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    writeFileSync(join(out, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8'))
  }
  return out
}

describe.runIf(browserAvailable())('bundlers, with no configuration', () => {
  let browser: Browser
  const servers: StaticServer[] = []
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), ...servers.map((s) => s.close())])
  })

  it.each(['vite', 'webpack', 'esbuild'] as const)('%s splits the UI into its own chunk, and the bundled app shows the survey', async (tool) => {
    const out = await bundle(tool)
    const files = jsFiles(out)
    // The UI (Preact, the view: the only code that names the npskit-survey element) is not in the entry chunk.
    const withView = files.filter((f) => readFileSync(join(out, f), 'utf8').includes('npskit-survey'))
    expect(files.length).toBeGreaterThan(2)
    expect(withView.length).toBeGreaterThan(0)
    const entry = files.find((f) => readFileSync(join(out, f), 'utf8').includes('__app'))!
    expect(withView).not.toContain(entry)

    const server = await serve({ dir: out })
    servers.push(server)
    const page = await browser.newPage()
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(e.message))
    await page.goto(server.origin + '/index.html')
    await page.waitForFunction(() => (window as unknown as { __app?: unknown }).__app !== undefined)
    expect(await page.evaluate(() => {
      const a = (window as unknown as { __app: { nps: number; element: string } }).__app
      return [Math.round(a.nps), a.element]
    })).toEqual([33, 'function'])
    await page.evaluate(() => void (window as unknown as { __app: { show(): unknown } }).__app.show())
    await expect(page.locator('npskit-survey [part~=question]').textContent()).resolves.toContain('rekommendera Nordhandel')
    expect(problems).toEqual([])
    await page.close()
  })
})
