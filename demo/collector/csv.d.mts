export const csvColumns: string[]
export function cell(value: unknown): string
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string
