export interface Problem {
  error: string
  /** Dotted path of the wrong field, e.g. 'score' or 'sdk.name'; '' for the body itself. */
  field: string
}
export const schema: Record<string, unknown>
export function check(value: unknown, rules?: Record<string, unknown>, path?: string): Problem | null
export function validateResponse(value: unknown): Problem | null
