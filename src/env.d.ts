/** The package version, inlined at build time from package.json (see rollup.config.mjs and vitest.config.ts). */
declare const __NPSKIT_VERSION__: string

/**
 * The functions the script tag's first stage hands its engine (see `handover` in rollup.config.mjs):
 * `handover` in the first stage's build, `take` in the engine's.
 */
declare module 'virtual:handover' {
  export const handover: readonly unknown[]
  export function take(handover: readonly unknown[]): void
}
