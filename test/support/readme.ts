import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './server'

const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The code of the README block marked `<!-- snippet: name -->`, exactly as written there. */
export function snippet(name: string): string {
  const match = new RegExp('<!-- snippet: ' + name + ' -->\\n```\\w+\\n([\\s\\S]*?)\\n```').exec(readme)
  if (!match) throw new Error(`README has no snippet "${name}"`)
  return match[1]!
}
