import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { rollup, type OutputChunk, type RollupOptions } from 'rollup'
import { describe, expect, it } from 'vitest'
import { root } from '../support/server'

// Subresource Integrity only works if a version's files have one set of bytes: the README pins
// hashes, and dist/integrity.json lists them for every file the script tag can load.
const dist = join(root, 'dist')
const sha384 = (bytes: Buffer | string) => 'sha384-' + createHash('sha384').update(bytes).digest('base64')
const manifest = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')) as Record<string, string>

describe('Subresource Integrity', () => {
  it('dist/integrity.json lists every file the script tag can load, with its hash', () => {
    const files = [
      'npskit.iife.js',
      ...readdirSync(dist).filter((f) => /^npskit-.+\.js$/.test(f)),
      ...readdirSync(join(dist, 'locales')).filter((f) => f.endsWith('.js')).map((f) => `locales/${f}`),
    ]
    expect(Object.keys(manifest).sort()).toEqual(files.sort())
    for (const file of files) expect(manifest[file], file).toBe(sha384(readFileSync(join(dist, file))))
  })

  it('the README pins the hashes of this build', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const pinned = [...readme.matchAll(/npskit@[\d.]+\/dist\/([\w./-]+\.js)"[\s:]*(?:integrity=)?"(sha384-[\w+/=]+)"/g)]
    expect(pinned.length).toBeGreaterThanOrEqual(4)
    for (const [, file, hash] of pinned) expect(hash, `README's hash of ${file} (npm run build writes dist/integrity.json)`).toBe(manifest[file!])
  })

  it('building the script tag again gives the same bytes', async () => {
    const configs = (await import(join(root, 'rollup.config.mjs'))).default as RollupOptions[]
    for (const [input, file] of [['src/iife.ts', 'npskit.iife.js'], ['src/engine.ts', 'npskit-engine.js'], ['src/scriptUi.ts', 'npskit-ui.js']] as const) {
      const config = configs.find((c) => c.input === input)!
      // Only the build itself: the plugins that write beside it (the integrity manifest) stay out.
      const bundle = await rollup({ ...config, plugins: (config.plugins as { name: string }[]).filter((p) => p.name !== 'integrity-manifest') })
      const { output } = await bundle.generate(Array.isArray(config.output) ? config.output[0]! : config.output!)
      await bundle.close()
      const chunk = output.find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry)!
      expect(sha384(chunk.code), file).toBe(manifest[file])
    }
  }, 60_000)
})
