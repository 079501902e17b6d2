// Checks a response against the package's JSON Schema (schema.json). A small hand-written
// validator for the keywords that schema uses, so a collector needs no validator library and
// can say exactly which field is wrong. It reads the schema file itself: when the schema gains
// a field, the collector follows.
import { readFileSync } from 'node:fs'

export const schema = JSON.parse(readFileSync(new URL('../../schema.json', import.meta.url), 'utf8'))

// RFC 3339 date-time, as JSON Schema's "format": "date-time" means it.
const dateTime = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/

function typeOf(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function hasType(value, type) {
  const actual = typeOf(value)
  return actual === type || (type === 'number' && actual === 'integer')
}

/**
 * @returns {{ error: string, field: string } | null} the first problem found, or null when the
 * value is valid. `field` is a dotted path such as `score` or `sdk.name` ('' for the body).
 */
export function check(value, rules = schema, path = '') {
  const at = (error) => ({ error, field: path })
  const name = path || 'the body'
  if (rules.type !== undefined) {
    const types = [].concat(rules.type)
    if (!types.some((type) => hasType(value, type))) return at(`${name} must be ${types.join(' or ')}, not ${typeOf(value)}`)
  }
  if ('const' in rules && value !== rules.const) return at(`${name} must be ${JSON.stringify(rules.const)}`)
  if (rules.enum && !rules.enum.includes(value)) return at(`${name} must be one of ${rules.enum.join(', ')}`)
  if (typeof value === 'string') {
    // Length in code points, as JSON Schema counts it.
    const length = [...value].length
    if (rules.minLength !== undefined && length < rules.minLength) return at(`${name} must be at least ${rules.minLength} characters`)
    if (rules.maxLength !== undefined && length > rules.maxLength) return at(`${name} must be at most ${rules.maxLength} characters`)
    if (rules.pattern && !new RegExp(rules.pattern, 'u').test(value)) return at(`${name} is not in the expected form`)
    if (rules.format === 'date-time' && (!dateTime.test(value) || Number.isNaN(Date.parse(value)))) return at(`${name} must be an ISO 8601 date-time`)
  }
  if (typeof value === 'number') {
    if (rules.minimum !== undefined && value < rules.minimum) return at(`${name} must be at least ${rules.minimum}`)
    if (rules.maximum !== undefined && value > rules.maximum) return at(`${name} must be at most ${rules.maximum}`)
  }
  if (typeOf(value) === 'object') {
    for (const key of rules.required ?? []) {
      if (!Object.hasOwn(value, key)) return { error: `${join(path, key)} is required`, field: join(path, key) }
    }
    for (const [key, item] of Object.entries(value)) {
      // hasOwn: a body may carry "__proto__" or "constructor", which are not fields of the schema.
      const rule = rules.properties && Object.hasOwn(rules.properties, key) ? rules.properties[key] : rules.additionalProperties
      if (rule === false || rule === undefined && rules.additionalProperties === false) {
        return { error: `${join(path, key)} is not a known field`, field: join(path, key) }
      }
      if (rule && rule !== true) {
        const problem = check(item, rule, join(path, key))
        if (problem) return problem
      }
    }
  }
  return null
}

const join = (path, key) => (path ? path + '.' + key : key)

const categoryOf = (score) => (score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter')

/** The schema, plus what a schema cannot say: the category follows from the score. */
export function validateResponse(value) {
  const problem = check(value)
  if (problem) return problem
  if (value.category !== categoryOf(value.score)) return { error: `category must be ${categoryOf(value.score)} for a score of ${value.score}`, field: 'category' }
  return null
}
