import { build } from 'esbuild'
import { brotliCompressSync } from 'node:zlib'
for (const entry of process.argv.slice(2)) {
  const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, metafile: true, splitting: true, outdir: '/tmp/bd', jsx: 'automatic', jsxImportSource: 'preact' })
  for (const [name, out] of Object.entries(r.metafile.outputs)) {
    if (/\/[a-z]{2}-\w+\.js$/.test(name)) continue
    const f = r.outputFiles.find(f => f.path.endsWith(name.replace('/tmp/bd','').replace(/^tmp\/bd/,'')))
    console.log('==', name, out.bytes, f ? brotliCompressSync(f.contents).length : '')
    const rows = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput)
    for (const [k,v] of rows) if (v.bytesInOutput>100) console.log(String(v.bytesInOutput).padStart(6), k)
  }
}
