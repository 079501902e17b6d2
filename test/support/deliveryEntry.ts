import { build } from 'esbuild'
import { root } from './server'

/**
 * Bundles test/fixtures/delivery-entry.ts into `test-results/<dir>/entry.js`, where
 * test/fixtures/delivery.html loads it (each browser's suite has its own `dir`, so the
 * suites can run side by side).
 */
export async function bundleDeliveryEntry(dir: string): Promise<void> {
  await build({
    entryPoints: [root + 'test/fixtures/delivery-entry.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    outfile: root + `test-results/${dir}/entry.js`,
    logLevel: 'error',
  })
}
