// Checks a response against the package's JSON Schema (schema.json) with a small validator for
// the keywords that schema uses, so the collector needs no validator library and names exactly
// the wrong field. On top of the schema, what PostgreSQL and the read routes need: real dates,
// no NUL or lone surrogates anywhere, a canonical locale, and a category that matches the score.
import schemaJson from '../../schema.json'
import { parseDateTime } from './dateTime'
import type { ResponseInput } from './storage/index'
import { canonicalLocale } from './locale'
import { textProblem } from './text'

/** A JSON Schema, as far as schema.json uses it. */
export interface SchemaRules {
  readonly type?: string | readonly string[]
  readonly const?: unknown
  readonly enum?: readonly unknown[]
  readonly minLength?: number
  readonly maxLength?: number
  readonly pattern?: string
  readonly format?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly required?: readonly string[]
  readonly properties?: Readonly<Record<string, SchemaRules>>
  readonly additionalProperties?: boolean | SchemaRules
}

/** What is wrong with a body: a message and the dotted path of the field ('' for the body itself). */
export interface Problem {
  readonly error: string
  readonly field: string
}

/** schema.json as a whole: a response or an event (`oneOf` the two `$defs`). */
export interface PayloadSchema extends SchemaRules {
  readonly oneOf: readonly { readonly $ref: string }[]
  readonly $defs: { readonly response: SchemaRules; readonly event: SchemaRules }
}

/**
 * `npskit/schema.json` as the collector reads it: what may be POSTed, a response or an event.
 *
 * @example
 * payloadSchema.oneOf // [{ $ref: '#/$defs/response' }, { $ref: '#/$defs/event' }]
 */
export const payloadSchema = schemaJson as unknown as PayloadSchema

/**
 * The response's JSON Schema (`$defs.response` of `npskit/schema.json`).
 *
 * @example
 * responseSchema.properties?.comment?.maxLength // 10000
 */
export const responseSchema: SchemaRules = payloadSchema.$defs.response

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const hasType = (value: unknown, type: string) => {
  const actual = typeOf(value)
  return actual === type || (type === 'number' && actual === 'integer')
}
const join = (path: string, key: string) => (path ? path + '.' + key : key)

function checkString(value: string, rules: SchemaRules, name: string): string | null {
  const unsafe = textProblem(value)
  if (unsafe) return `${name} ${unsafe}`
  // Length in code points, as JSON Schema counts it.
  const length = [...value].length
  if (rules.minLength !== undefined && length < rules.minLength) return `${name} must be at least ${rules.minLength} characters`
  if (rules.maxLength !== undefined && length > rules.maxLength) return `${name} must be at most ${rules.maxLength} characters`
  if (rules.pattern !== undefined && !new RegExp(rules.pattern, 'u').test(value)) return `${name} is not in the expected form`
  if (rules.format === 'date-time' && Number.isNaN(parseDateTime(value))) {
    return `${name} must be a real RFC 3339 date-time between 2000 and 2099, such as 2026-11-27T10:00:00Z`
  }
  return null
}

function checkObject(value: Record<string, unknown>, rules: SchemaRules, path: string): Problem | null {
  for (const key of rules.required ?? []) {
    if (!Object.hasOwn(value, key)) return { error: `${join(path, key)} is required`, field: join(path, key) }
  }
  for (const [key, item] of Object.entries(value)) {
    const field = join(path, key)
    const unsafeKey = textProblem(key)
    if (unsafeKey) return { error: `A field name ${unsafeKey}`, field: path }
    // hasOwn: a body may carry "__proto__" or "constructor", which are not fields of the schema.
    const rule = rules.properties && Object.hasOwn(rules.properties, key) ? rules.properties[key] : rules.additionalProperties
    if (rule === false || rule === undefined) return { error: `${field} is not a known field`, field }
    if (rule !== true) {
      const problem = check(item, rule, field)
      if (problem) return problem
    }
  }
  return null
}

/**
 * The first problem of `value` against `rules`, or null when it is valid.
 *
 * @example
 * check({ score: 11 }, responseSchema) // { error: 'score must be at most 10', field: 'score' } (or a missing field first)
 */
export function check(value: unknown, rules: SchemaRules = responseSchema, path = ''): Problem | null {
  const name = path || 'the body'
  const at = (error: string): Problem => ({ error, field: path })
  if (rules.type !== undefined) {
    const types = typeof rules.type === 'string' ? [rules.type] : rules.type
    if (!types.some((type) => hasType(value, type))) return at(`${name} must be ${types.join(' or ')}, not ${typeOf(value)}`)
  }
  if ('const' in rules && value !== rules.const) return at(`${name} must be ${JSON.stringify(rules.const)}`)
  if (rules.enum && !rules.enum.includes(value)) return at(`${name} must be one of ${rules.enum.join(', ')}`)
  if (typeof value === 'string') {
    const problem = checkString(value, rules, name)
    if (problem) return at(problem)
  }
  if (typeof value === 'number') {
    if (rules.minimum !== undefined && value < rules.minimum) return at(`${name} must be at least ${rules.minimum}`)
    if (rules.maximum !== undefined && value > rules.maximum) return at(`${name} must be at most ${rules.maximum}`)
  }
  if (typeOf(value) === 'object') return checkObject(value as Record<string, unknown>, rules, path)
  return null
}

const categoryOf = (score: number) => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter')

/**
 * Checks a posted body. Returns the response to store (its `locale` in canonical form), or the
 * problem to answer with a 400.
 *
 * @example
 * const checked = validateResponse(JSON.parse(body))
 * if ('error' in checked) answer400(checked)
 * else await store.upsertResponse(checked.response)
 */
export function validateResponse(value: unknown): Problem | { readonly response: ResponseInput } {
  const problem = check(value)
  if (problem) return problem
  const r = value as ResponseInput
  if (r.category !== categoryOf(r.score)) return { error: `category must be ${categoryOf(r.score)} for a score of ${r.score}`, field: 'category' }
  const locale = canonicalLocale(r.locale)
  if (locale === null) return { error: 'locale must be a BCP 47 language tag such as en or en-US', field: 'locale' }
  return { response: { ...r, locale } }
}
