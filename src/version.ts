/**
 * The version of npskit that is running, e.g. `'0.1.0'`. Sent with every response
 * so a collector can tell which client produced it.
 *
 * @example
 * import { version } from 'npskit'
 * console.log(`npskit ${version}`)
 */
export const version: string = __NPSKIT_VERSION__
