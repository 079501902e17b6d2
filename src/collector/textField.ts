import { HttpError } from './httpError'
import { textProblem } from './text'

/**
 * A string field of a JSON body: trimmed, at most `max` characters, no NUL or lone surrogates;
 * null when absent or blank (a 400 naming the field when it is `required`, or not a string).
 *
 * @example
 * textField({ by: ' Kari ' }, 'by', 100, true) // → 'Kari'
 */
export function textField(body: Record<string, unknown>, name: string, max: number, required: boolean): string | null {
  const value = body[name]
  if (value === undefined || value === null) {
    if (required) throw new HttpError(400, `${name} is required`, name)
    return null
  }
  if (typeof value !== 'string') throw new HttpError(400, `${name} must be a string`, name)
  const problem = textProblem(value)
  if (problem) throw new HttpError(400, `${name} ${problem}`, name)
  const trimmed = value.trim()
  if (required && trimmed === '') throw new HttpError(400, `${name} must not be blank`, name)
  if ([...trimmed].length > max) throw new HttpError(400, `${name} must be at most ${max} characters`, name)
  return trimmed === '' ? null : trimmed
}

