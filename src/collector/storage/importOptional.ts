// `pg` and `@electric-sql/pglite` are optional peer dependencies: a shop installs the one it
// uses. Loading the other must fail with what to do, not with a resolver's stack trace.

/** The drivers the collector can load, and the package each comes from. */
export type DriverPackage = 'pg' | '@electric-sql/pglite'

/**
 * Runs `load` (a dynamic import of `name`) and turns "module not found" for that package into an
 * Error that says which package to install. Any other failure is passed on as it is.
 *
 * @example
 * const { PGlite } = await importOptional('@electric-sql/pglite', () => import('@electric-sql/pglite'))
 */
export async function importOptional<T>(name: DriverPackage, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (!isMissing(error, name)) throw error
    const use = name === 'pg' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (a data folder, no database server)'
    throw new Error(`The collector needs the package ${name} to use ${use}: npm install ${name}`, { cause: error })
  }
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = Object(error) as { code?: unknown; message?: unknown }
  // ESM says ERR_MODULE_NOT_FOUND, CommonJS and some bundlers MODULE_NOT_FOUND; both name the package.
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(`'${name}'`)
}
