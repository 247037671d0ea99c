/**
 * The validator behind `$jsonSchema` in queries: MongoDB's dialect of JSON Schema draft 4
 * (`bsonType` beside `type`, no `$ref`, no `format`). An unknown keyword is an error, as in MongoDB.
 * Numbers: JavaScript cannot tell MongoDB's int from double, so `int`/`long` mean an integer and
 * `double`/`decimal`/`number` any number.
 */
'use strict'

const isPlain = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
const tag = (v) => Object.prototype.toString.call(v).slice(8, -1)

const BSON_TYPES = {
  double: (v) => typeof v === 'number',
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  int: (v) => Number.isInteger(v),
  long: (v) => Number.isInteger(v),
  string: (v) => typeof v === 'string',
  object: (v) => isPlain(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  date: (v) => tag(v) === 'Date',
  null: (v) => v === null,
  regex: (v) => tag(v) === 'RegExp',
  objectId: (v) => typeof v === 'string' && /^[0-9a-f]{24}$/.test(v),
}
const JSON_TYPES = {
  object: BSON_TYPES.object,
  array: BSON_TYPES.array,
  string: BSON_TYPES.string,
  number: BSON_TYPES.number,
  boolean: BSON_TYPES.bool,
  null: BSON_TYPES.null,
}
const IGNORED = new Set(['title', 'description'])

function typeTest(names, table, keyword) {
  const list = Array.isArray(names) ? names : [names]
  for (const n of list) if (!table[n]) throw new Error(`$jsonSchema: unknown ${keyword} ${JSON.stringify(n)}`)
  return (v) => list.some((n) => table[n](v))
}

function equal(a, b) {
  if (a === b) return true
  if (tag(a) === 'Date' && tag(b) === 'Date') return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]))
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => equal(a[k], b[k]))
  }
  return false
}

/** Compiles a schema into a predicate; throws on a keyword MongoDB does not know. */
function compile(schema) {
  if (!isPlain(schema)) throw new Error('$jsonSchema must be an object')
  const checks = []
  const add = (f) => checks.push(f)
  for (const [k, s] of Object.entries(schema)) {
    switch (k) {
      case 'bsonType': {
        const t = typeTest(s, BSON_TYPES, 'bsonType')
        add((v) => t(v))
        break
      }
      case 'type': {
        const t = typeTest(s, JSON_TYPES, 'type')
        add((v) => t(v))
        break
      }
      case 'enum':
        add((v) => s.some((e) => equal(e, v)))
        break
      case 'minimum':
        add((v) => typeof v !== 'number' || (schema.exclusiveMinimum ? v > s : v >= s))
        break
      case 'maximum':
        add((v) => typeof v !== 'number' || (schema.exclusiveMaximum ? v < s : v <= s))
        break
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        break
      case 'multipleOf':
        add((v) => typeof v !== 'number' || Number.isInteger(v / s))
        break
      case 'minLength':
        add((v) => typeof v !== 'string' || [...v].length >= s)
        break
      case 'maxLength':
        add((v) => typeof v !== 'string' || [...v].length <= s)
        break
      case 'pattern': {
        const re = new RegExp(s, 'u')
        add((v) => typeof v !== 'string' || re.test(v))
        break
      }
      case 'required':
        add((v) => !isPlain(v) || s.every((name) => v[name] !== undefined))
        break
      case 'properties': {
        const props = Object.entries(s).map(([name, sub]) => [name, compile(sub)])
        add((v) => !isPlain(v) || props.every(([name, test]) => v[name] === undefined || test(v[name])))
        break
      }
      case 'patternProperties': {
        const pats = Object.entries(s).map(([p, sub]) => [new RegExp(p, 'u'), compile(sub)])
        add(
          (v) =>
            !isPlain(v) ||
            Object.entries(v).every(([name, x]) => pats.every(([re, test]) => !re.test(name) || test(x))),
        )
        break
      }
      case 'additionalProperties': {
        const known = new Set(Object.keys(schema.properties || {}))
        const pats = Object.keys(schema.patternProperties || {}).map((p) => new RegExp(p, 'u'))
        const extra = (name) => !known.has(name) && !pats.some((re) => re.test(name))
        const test = s === false ? () => false : s === true ? () => true : compile(s)
        add((v) => !isPlain(v) || Object.entries(v).every(([name, x]) => !extra(name) || test(x)))
        break
      }
      case 'minProperties':
        add((v) => !isPlain(v) || Object.keys(v).length >= s)
        break
      case 'maxProperties':
        add((v) => !isPlain(v) || Object.keys(v).length <= s)
        break
      case 'dependencies':
        for (const [name, dep] of Object.entries(s)) {
          const test = Array.isArray(dep) ? (v) => dep.every((d) => v[d] !== undefined) : compile(dep)
          add((v) => !isPlain(v) || v[name] === undefined || test(v))
        }
        break
      case 'items': {
        if (Array.isArray(s)) {
          const tests = s.map(compile)
          add((v) => !Array.isArray(v) || tests.every((t, i) => i >= v.length || t(v[i])))
        } else {
          const test = compile(s)
          add((v) => !Array.isArray(v) || v.every(test))
        }
        break
      }
      case 'additionalItems': {
        const n = Array.isArray(schema.items) ? schema.items.length : Infinity
        const test = s === false ? () => false : s === true ? () => true : compile(s)
        add((v) => !Array.isArray(v) || v.slice(n).every(test))
        break
      }
      case 'minItems':
        add((v) => !Array.isArray(v) || v.length >= s)
        break
      case 'maxItems':
        add((v) => !Array.isArray(v) || v.length <= s)
        break
      case 'uniqueItems':
        add((v) => !s || !Array.isArray(v) || v.every((x, i) => v.findIndex((y) => equal(x, y)) === i))
        break
      case 'allOf': {
        const tests = s.map(compile)
        add((v) => tests.every((t) => t(v)))
        break
      }
      case 'anyOf': {
        const tests = s.map(compile)
        add((v) => tests.some((t) => t(v)))
        break
      }
      case 'oneOf': {
        const tests = s.map(compile)
        add((v) => tests.filter((t) => t(v)).length === 1)
        break
      }
      case 'not': {
        const test = compile(s)
        add((v) => !test(v))
        break
      }
      default:
        if (!IGNORED.has(k)) throw new Error(`Unknown $jsonSchema keyword: ${k}`)
    }
  }
  return (v) => checks.every((c) => c(v))
}

module.exports = { compile }
