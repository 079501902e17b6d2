// What each script-tag file is made of: the modules in every stage, largest first, built exactly as
// `npm run build` builds them (rollup.config.mjs), with the file's size minified and brotli-compressed.
// The module sizes are before minification (rollup's rendered length), so read them as shares.
// Run: node bench/modules.mjs [min share, default 0.01]
import { brotliCompressSync, constants } from 'node:zlib'
import { relative } from 'node:path'
import { rollup } from 'rollup'
import configs from '../rollup.config.mjs'

const minShare = Number(process.argv[2] ?? 0.01)
const stages = { 'src/iife.ts': 'first stage', 'src/engine.ts': 'engine', 'src/scriptUi.ts': 'UI' }
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

for (const [input, stage] of Object.entries(stages)) {
  const config = configs.find((c) => c.input === input)
  const bundle = await rollup({ ...config, plugins: config.plugins.filter((p) => p.name !== 'integrity-manifest') })
  const { output } = await bundle.generate(config.output)
  await bundle.close()
  for (const chunk of output.filter((o) => o.type === 'chunk')) {
    const modules = Object.entries(chunk.modules).map(([id, m]) => [relative(process.cwd(), id.replace(/^\0/, '')), m.renderedLength])
    const total = modules.reduce((sum, [, n]) => sum + n, 0)
    console.log(`\n${stage}: ${chunk.fileName}  ${brotli(chunk.code).toLocaleString('en')} B brotli`)
    for (const [id, n] of modules.sort((a, b) => b[1] - a[1])) {
      if (n / total >= minShare) console.log(`  ${((100 * n) / total).toFixed(1).padStart(5)} %  ${id}`)
    }
  }
}
