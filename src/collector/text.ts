const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Why a string cannot be stored as it is, or null when it can. PostgreSQL refuses NUL in `text`
 * and `jsonb`, and a lone UTF-16 surrogate has no UTF-8 form: both are refused (400), never cleaned,
 * so what is stored is exactly what was sent.
 */
export function textProblem(value: string): string | null {
  if (value.includes('\0')) return 'must not contain NUL characters'
  if (loneSurrogate.test(value)) return 'must not contain lone surrogates (invalid Unicode)'
  return null
}
