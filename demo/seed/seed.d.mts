import type { Database } from '../collector/db.mjs'

export function seed(db: Database, options?: { count?: number; days?: number; until?: number; seed?: number }): Promise<number>
