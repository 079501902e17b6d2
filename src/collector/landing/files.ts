import { readFile } from 'node:fs/promises'

// The built package's folder: dist/ beside dist/collector.js. Run from the sources (the tests import
// src/collector), the widget is still the one built into dist/.
const dist = new URL(import.meta.url.endsWith('.ts') ? '../../../dist/' : './', import.meta.url)

/**
 * The files the landing page loads, under /r/assets/: its own script and stylesheet, and the widget
 * exactly as a shop installs it (its ESM entry, its lazy chunks and locales). Only names matching
 * these patterns are read, so no path reaches any other file.
 */
const served: readonly (readonly [RegExp, (name: string) => string])[] = [
  [/^landing\.(js|css)$/, (name) => `landing/${name}`],
  [/^(index|chunks\/[A-Za-z0-9_-]+|locales\/[a-z]{2,3})\.js$/, (name) => name],
]
const cache = new Map<string, Promise<Buffer>>()

/** The asset's bytes and content type, or undefined for a name that is not one. */
export async function landingFile(name: string): Promise<{ body: Buffer; type: string } | undefined> {
  const match = served.find(([pattern]) => pattern.test(name))
  if (!match) return undefined
  let body = cache.get(name)
  if (!body) {
    body = readFile(new URL(match[1](name), dist))
    // A failed read (a name that fits the pattern but is not in this build) is not cached.
    body.catch(() => cache.delete(name))
    cache.set(name, body)
  }
  try {
    return { body: await body, type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8' }
  } catch {
    return undefined
  }
}
