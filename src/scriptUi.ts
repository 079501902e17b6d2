// The script tag's UI file (dist/npskit-ui.js): the lazy half createSurvey loads (ui.ts), and the
// question its first stage paints before the engine arrives (prepaint.ts), which bundlers' users
// never need.
export * from './ui'
export { prepaint } from './prepaint'
