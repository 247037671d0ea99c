/**
 * mingo, set up to answer like MongoDB where the two differ (DESIGN.md):
 * - `$elemMatch` with field conditions matches embedded documents only (never scalars or arrays);
 * - `$week` counts weeks starting on Sunday, days before the year's first Sunday being week 0;
 * - `$substrBytes` / `$substr` / `$substrCP` with a negative length run to the end of the string;
 * - `$indexOfCP` exists;
 * - `$jsonSchema` validates (json-schema.js);
 * - `$geoWithin` and `$nearSphere` / `$near` test GeoJSON points (geo.js); ordering by distance
 *   and the 2dsphere index they need are the store's business, as is the `$geoNear` stage.
 *
 * Plain JS on purpose: the overrides need mingo's base classes and operator modules, which are
 * subpath exports that TypeScript's node10 module resolution (used by this repo) cannot see, and
 * mingo's top-level helpers merge contexts so that the default operators win over ours.
 */
'use strict'
const { Context, ProcessingMode } = require('mingo')
const { evalExpr } = require('mingo/core')
const { Query } = require('mingo/query')
const { Aggregator } = require('mingo/aggregator')
const { update } = require('mingo/updater')

const expression = require('mingo/operators/expression')
const query = require('mingo/operators/query')
const geo = require('./geo')
const jsonSchema = require('./json-schema')

const isDocument = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype

/** Every value a dotted path reaches, descending into arrays of documents like MongoDB does. */
function valuesAt(doc, path) {
  let current = [doc]
  for (const key of path.split('.')) {
    const next = []
    for (const v of current) {
      if (Array.isArray(v) && !/^\d+$/.test(key)) {
        for (const e of v) if (isDocument(e) && key in e) next.push(e[key])
      } else if (v !== null && typeof v === 'object' && key in v) next.push(v[key])
    }
    current = next
  }
  return current
}

function $elemMatch(selector, criteria, options) {
  const keys = Object.keys(criteria)
  const onDocuments =
    keys.length === 0 || keys.some((k) => !k.startsWith('$') || k === '$and' || k === '$or' || k === '$nor')
  const q = new Query(onDocuments ? criteria : { v: criteria }, options)
  const test = onDocuments ? (e) => isDocument(e) && q.test(e) : (e) => q.test({ v: e })
  return (doc) => valuesAt(doc, selector).some((arr) => Array.isArray(arr) && arr.some(test))
}

/** MongoDB's %U week: floor((dayOfYear - dayOfWeek + 7) / 7) with Sunday = 1; honours `timezone`. */
function $week(obj, expr, options) {
  const doy = expression.$dayOfYear(obj, expr, options)
  const dow = expression.$dayOfWeek(obj, expr, options)
  return Math.floor((doy - dow + 7) / 7)
}

const evalArgs = (obj, expr, options) => evalExpr(obj, expr, options)
const literal = (v) => ({ $literal: v })

/** A substring operator whose negative length means "to the end", as MongoDB's (and the cloud's). */
function toEnd(op, lengthOf) {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 3) return op(obj, expr, options)
    const [s, start, count] = evalArgs(obj, expr, options)
    const rest = typeof s === 'string' && typeof count === 'number' && count < 0 ? lengthOf(s) - start : count
    return op(obj, [s, start, Math.max(0, rest)].map(literal), options)
  }
}
const utf8Length = (s) => Buffer.byteLength(s, 'utf8')
const cpLength = (s) => [...s].length

/** `$indexOfCP`: the code point index of the first occurrence in [start, end), -1 when none. */
function $indexOfCP(obj, expr, options) {
  const [s, sub, start = 0, end] = evalArgs(obj, expr, options)
  if (s === null || s === undefined) return null
  if (typeof s !== 'string' || typeof sub !== 'string') throw new Error('$indexOfCP requires strings')
  const points = [...s]
  const needle = [...sub]
  const stop = Math.min(end === undefined ? points.length : end, points.length)
  for (let i = start; i + needle.length <= stop; i++) {
    if (needle.every((c, j) => points[i + j] === c)) return i
  }
  return needle.length === 0 && start <= stop ? start : -1
}

function $geoWithin(selector, spec) {
  const inside = geo.withinTest(spec)
  return (doc) =>
    valuesAt(doc, selector).some((v) => {
      const coords = geo.coordinatesOf(v)
      return !!coords && coords.length > 0 && coords.every(inside)
    })
}

function $nearSphere(selector, spec) {
  const { center, min, max } = geo.nearSpec(spec)
  return (doc) =>
    valuesAt(doc, selector).some((v) => {
      const d = geo.metresFrom(center, v)
      return d !== undefined && (min === undefined || d >= min) && (max === undefined || d <= max)
    })
}

const context = Context.init({
  accumulator: require('mingo/operators/accumulator'),
  expression: {
    ...expression,
    $week,
    $indexOfCP,
    $substrBytes: toEnd(expression.$substrBytes, utf8Length),
    $substr: toEnd(expression.$substr, utf8Length),
    $substrCP: toEnd(expression.$substrCP, cpLength),
  },
  pipeline: require('mingo/operators/pipeline'),
  projection: require('mingo/operators/projection'),
  query: { ...query, $elemMatch, $geoWithin, $nearSphere, $near: $nearSphere },
  window: require('mingo/operators/window'),
})

const options = (extra) => ({ context, jsonSchemaValidator: jsonSchema.compile, ...extra })

module.exports = {
  /** A compiled query; `test(doc)` and `find(docs, projection)`. */
  compile: (criteria) => new Query(criteria, options()),
  /** Runs a pipeline on a copy of the input, so stored documents are never touched. */
  aggregate: (docs, stages, collectionResolver) =>
    new Aggregator(stages, options({ collectionResolver, processingMode: ProcessingMode.CLONE_INPUT })).run(docs),
  /** Applies update operators to `doc` in place; `condition` serves the positional `$` operator. */
  applyUpdate: (doc, modifier, condition) =>
    update(doc, modifier, [], condition, { cloneMode: 'deep', queryOptions: options() }),
  /** Every value a dotted path reaches, through arrays of documents. */
  valuesAt,
  /** Metres from a [lng, lat] centre to a stored point value; undefined when the value is no point. */
  metresFrom: geo.metresFrom,
  nearSpec: geo.nearSpec,
}
