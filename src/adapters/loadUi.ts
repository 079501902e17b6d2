// How the loader reaches the lazily loaded half. Bundlers turn this dynamic import into a
// chunk of their own; the script-tag build swaps this file for one that loads the chunk from
// the script's own base URL (see rollup.config.mjs).
export const loadUi = (): Promise<typeof import('../ui')> => import('../ui')
