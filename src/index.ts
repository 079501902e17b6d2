// The ESM entry "npskit". It only re-exports: importing it must never touch the DOM,
// the network or storage (bundlers rely on "sideEffects" to drop what is unused).
export { version } from './version'
