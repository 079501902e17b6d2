/** The package version, inlined at build time from package.json (see rollup.config.mjs and vitest.config.ts). */
declare const __NPSKIT_VERSION__: string
