// The building blocks of option validation, shared by core/options.ts and targeting/checks.ts.
// Each check returns what the value should have been, or undefined when it is fine.

/** Says what a value should have been, or `undefined` when it is fine (as in `core/options.ts`). */
export type Check = (value: unknown) => string | undefined

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
export const str: Check = (v) => (typeof v === 'string' ? undefined : 'a string')
export const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'a non-empty string')
export const bool: Check = (v) => (typeof v === 'boolean' ? undefined : 'true or false')
export const fn: Check = (v) => (typeof v === 'function' ? undefined : 'a function')
export const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? undefined : 'one of ' + values.map((x) => `'${x}'`).join(', ')
export const int =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `an integer from ${min} to ${max}`
export const num =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && v >= min && v <= max ? undefined : `a number from ${min} to ${max}`
export const finite: Check = (v) => (Number.isFinite(v) ? undefined : 'a finite number')
export const perCategory =
  (inner: Check): Check =>
  (v) => {
    if (!isObject(v)) return inner(v) && `${inner(v)} or an object per category`
    for (const key of Object.keys(v)) {
      if (key !== 'detractor' && key !== 'passive' && key !== 'promoter') return "an object with only 'detractor', 'passive', 'promoter'"
      const wrong = inner(v[key])
      if (wrong) return `${wrong} for '${key}'`
    }
    return undefined
  }


export const placement = oneOf('modal', 'bottom-right', 'bottom-left', 'top-bar', 'bottom-bar', 'inline')
export const followUp = perCategory((v) => (typeof v === 'string' || typeof v === 'boolean' ? undefined : 'a string or a boolean'))
export const thankYou = perCategory(str)
