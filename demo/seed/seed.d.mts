import type { Database } from '../../src/collector/storage/index'

export function seed(db: Database, options?: { count?: number; days?: number; until?: number; seed?: number }): Promise<number>
