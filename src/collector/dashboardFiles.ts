import { readFile } from 'node:fs/promises'

/** The dashboard's files, as shipped next to the collector's module (dist/dashboard/ in the package). */
const folder = new URL('./dashboard/', import.meta.url)
const types: Record<string, string> = {
  'dashboard.html': 'text/html; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  // The sign-in page's only script: it carries an alert's #inbox/<id> through the sign-in.
  'login.js': 'text/javascript; charset=utf-8',
}
const cache = new Map<string, Promise<Buffer>>()

/** The file's bytes and type, or undefined for any name that is not one of the dashboard's files. */
export async function dashboardFile(name: string): Promise<{ body: Buffer; type: string } | undefined> {
  const type = Object.hasOwn(types, name) ? types[name] : undefined
  if (type === undefined) return undefined
  let body = cache.get(name)
  if (!body) {
    body = readFile(new URL(name, folder))
    // A failed read is not cached: the next request tries again.
    body.catch(() => cache.delete(name))
    cache.set(name, body)
  }
  return { body: await body, type }
}
