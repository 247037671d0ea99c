/**
 * mingo, set up to answer like MongoDB where the two differ (DESIGN.md):
 * - `$elemMatch` with field conditions matches embedded documents only (never scalars or arrays);
 * - `$week` counts weeks starting on Sunday, days before the year's first Sunday being week 0.
 *
 * Plain JS on purpose: the overrides need mingo's base classes and operator modules, which are
 * subpath exports that TypeScript's node10 module resolution (used by this repo) cannot see, and
 * mingo's top-level helpers merge contexts so that the default operators win over ours.
 */
'use strict'
const { Context, ProcessingMode } = require('mingo')
const { Query } = require('mingo/query')
const { Aggregator } = require('mingo/aggregator')
const { update } = require('mingo/updater')

const expression = require('mingo/operators/expression')
const query = require('mingo/operators/query')

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

const context = Context.init({
  accumulator: require('mingo/operators/accumulator'),
  expression: { ...expression, $week },
  pipeline: require('mingo/operators/pipeline'),
  projection: require('mingo/operators/projection'),
  query: { ...query, $elemMatch },
  window: require('mingo/operators/window'),
})

const options = (extra) => ({ context, ...extra })

module.exports = {
  /** A compiled query; `test(doc)` and `find(docs, projection)`. */
  compile: (criteria) => new Query(criteria, options()),
  /** Runs a pipeline on a copy of the input, so stored documents are never touched. */
  aggregate: (docs, stages, collectionResolver) =>
    new Aggregator(stages, options({ collectionResolver, processingMode: ProcessingMode.CLONE_INPUT })).run(docs),
  /** Applies update operators to `doc` in place; `condition` serves the positional `$` operator. */
  applyUpdate: (doc, modifier, condition) =>
    update(doc, modifier, [], condition, { cloneMode: 'deep', queryOptions: options() }),
}
