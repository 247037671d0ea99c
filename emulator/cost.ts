/**
 * How many documents the cloud's database examines to answer one read, given the indexes declared
 * in cloudfunctions/database.json. A model, not a query planner: simple enough to explain, close
 * enough that a read which grows with the data shows up at demo size.
 *
 * The rule. An index serves a query through its leading keys: the longest run of keys the filter
 * pins by equality (a value, `$eq`, a one-value `$in` or `$all`; on an array field that is one of
 * its elements, as a multikey index stores them), then at most one more key bounded by a range
 * (`$gt`/`$gte`/`$lt`/`$lte`, an anchored regular expression, a many-value `$in`, or a geo
 * condition on a 2dsphere key). The documents inside those bounds are "the matched range".
 * If the requested sort is the index's next keys (all in the same directions, or all reversed;
 * sort keys pinned by equality drop out, and `_id` counts only where the index declares it) or no
 * sort is asked, the read walks the range in order and stops once it has skip + limit documents
 * that pass the rest of the filter: examined = returned + those rejected on the way. Otherwise it
 * reads the whole range and sorts in memory. The cheapest index that bounds the query or serves
 * its sort is used (the cloud's planner races candidates and keeps the most productive); `_id`
 * equality or `$in` is the primary key. With no such index the whole collection is read, stopping
 * early only when there is a limit and no sort. A `$or` costs the sum of its branches.
 */
import * as mingo from './mingo-mongo'

export type Doc = Record<string, unknown>
export type Criteria = Record<string, unknown>

export interface IndexDef {
  name: string
  /** 1 / -1, or '2dsphere'. */
  keys: Record<string, number | string>
}

export interface ReadRequest {
  filter: Criteria
  sort?: Record<string, number>
  skip?: number
  /** Absent: every match is needed (count, update or remove of a where, a pipeline's $group). */
  limit?: number
}

export interface ReadCost {
  examined: number
  /** How it was read, for people: `index status_start (status=, startAt range)`, `collection scan`… */
  plan: string
}

type Kind = 'eq' | 'range' | 'geo'
interface FieldCond {
  kind: Kind
  /** How the plan names it: `=`, ` range`, ` in`, ` geo`. */
  how?: string
  /** The part of the condition an index bound can use. */
  bound: unknown
}

const PRIMARY: IndexDef = { name: '_id_', keys: { _id: 1 } }
const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte']
const GEO_OPS = ['$nearSphere', '$near', '$geoWithin', '$geoIntersects']

const isRegExp = (v: unknown): v is RegExp => Object.prototype.toString.call(v) === '[object RegExp]'
const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !isRegExp(v) &&
  Object.prototype.toString.call(v) !== '[object Date]' &&
  Object.keys(v).some((k) => k.startsWith('$'))
const anchored = (r: RegExp | string) => {
  const source = typeof r === 'string' ? r : r.source
  return /^\^[^.*+?()[\]{}|\\^$]/.test(source) && !(typeof r !== 'string' && r.flags.includes('i'))
}

/** What an index can use of one field's condition; undefined when only the residual filter can test it. */
function classify(value: unknown): FieldCond | undefined {
  if (isRegExp(value)) return anchored(value) ? { kind: 'range', bound: value } : undefined
  if (!isOperatorObject(value)) return { kind: 'eq', bound: value }
  const ops = value
  if ('$eq' in ops) return { kind: 'eq', bound: ops.$eq }
  if (Array.isArray(ops.$in) && ops.$in.length === 1) return { kind: 'eq', bound: ops.$in[0] }
  if (Array.isArray(ops.$all) && ops.$all.length === 1 && !isOperatorObject(ops.$all[0]))
    return { kind: 'eq', bound: ops.$all[0] }
  if (Array.isArray(ops.$in)) return { kind: 'range', how: ' in', bound: { $in: ops.$in } }
  const geo = GEO_OPS.find((k) => k in ops)
  if (geo) return { kind: 'geo', bound: { [geo]: ops[geo] } }
  const range = Object.fromEntries(RANGE_OPS.filter((k) => k in ops).map((k) => [k, ops[k]]))
  if (Object.keys(range).length) return { kind: 'range', bound: range }
  if (typeof ops.$regex === 'string' && anchored(ops.$regex) && !String(ops.$options ?? '').includes('i'))
    return { kind: 'range', bound: { $regex: ops.$regex } }
  return undefined
}

/** Top-level field conditions of a filter, `$and` flattened; the first `$or` found is returned apart. */
function split(filter: Criteria): { fields: Map<string, FieldCond[]>; or?: Criteria[]; rest: Criteria } {
  const fields = new Map<string, FieldCond[]>()
  let or: Criteria[] | undefined
  const rest: Criteria[] = []
  const visit = (f: Criteria) => {
    for (const [k, v] of Object.entries(f)) {
      if (k === '$and' && Array.isArray(v)) v.forEach((x) => visit(x as Criteria))
      else if (k === '$or' && Array.isArray(v) && !or) or = v as Criteria[]
      else {
        rest.push({ [k]: v })
        if (k.startsWith('$')) continue
        const c = classify(v)
        if (c) fields.set(k, [...(fields.get(k) ?? []), c])
      }
    }
  }
  visit(filter)
  return { fields, or, rest: rest.length === 1 ? rest[0] : rest.length ? { $and: rest } : {} }
}

interface Candidate {
  index: IndexDef
  /** Keys used, with how: `status=`, `startAt range`. */
  used: string[]
  bounds: Criteria
  sortServed: boolean
}

function candidate(index: IndexDef, fields: Map<string, FieldCond[]>, sort: [string, number][]): Candidate {
  const keys = Object.entries(index.keys)
  const used: string[] = []
  const bounds: Criteria[] = []
  let i = 0
  for (; i < keys.length; i++) {
    const eq = fields.get(keys[i][0])?.find((c) => c.kind === 'eq')
    if (!eq || keys[i][1] === '2dsphere') break
    used.push(`${keys[i][0]}=`)
    bounds.push({ [keys[i][0]]: eq.bound })
  }
  const eqPrefix = i
  if (i < keys.length) {
    const [field, dir] = keys[i]
    const conds = fields.get(field) ?? []
    const c = dir === '2dsphere' ? conds.find((x) => x.kind === 'geo') : conds.find((x) => x.kind === 'range')
    if (c) {
      used.push(`${field}${c.how ?? ` ${c.kind}`}`)
      bounds.push(...conds.filter((x) => x.kind === c.kind).map((x) => ({ [field]: x.bound })))
    }
  }
  // Sort keys pinned by equality are constant within the range and drop out of the sort.
  const wanted = sort.filter(([f]) => !fields.get(f)?.some((c) => c.kind === 'eq'))
  let sortServed = wanted.length === 0
  if (!sortServed) {
    const rest = keys.slice(eqPrefix)
    const sign = (n: number, d: number | string) => (typeof d === 'number' ? Math.sign(n) * Math.sign(d) : 0)
    const first = sign(wanted[0][1], rest[0]?.[1] ?? 0)
    sortServed =
      wanted.length <= rest.length &&
      first !== 0 &&
      wanted.every(([f, d], j) => rest[j][0] === f && sign(d, rest[j][1]) === first)
  }
  return {
    index,
    used,
    bounds: bounds.length === 1 ? bounds[0] : bounds.length ? { $and: bounds } : {},
    sortServed,
  }
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === undefined || a === null) return -1
  if (b === undefined || b === null) return 1
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime()
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
}
const valueAt = (doc: Doc, path: string) =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Doc)[k] : undefined), doc)

/** Documents walked in `order` until `want` of them pass `test`; all of them when fewer do. */
function walk(docs: Doc[], test: (d: Doc) => boolean, want: number): number {
  let found = 0
  for (let i = 0; i < docs.length; i++) {
    if (test(docs[i]) && ++found >= want) return i + 1
  }
  return docs.length
}

function describe(c: Candidate | undefined, inMemorySort: boolean) {
  const keys = c?.used.length ? c.used.join(', ') : 'sort'
  const how = c ? (c.index === PRIMARY ? 'primary key _id' : `index ${c.index.name} (${keys})`) : ''
  return `${c ? how : 'collection scan'}${inMemorySort ? ' + sort in memory' : ''}`
}

/**
 * Documents examined to answer `req` over a collection holding `docs` (in natural order), whose
 * declared indexes are `indexes`. Pure: reads its arguments only.
 */
export function readCost(indexes: IndexDef[], docs: Doc[], req: ReadRequest): ReadCost {
  const { fields, or, rest } = split(req.filter ?? {})
  if (or) {
    const branches = or.map((b) => readCost(indexes, docs, { ...req, filter: { $and: [rest, b] } }))
    return {
      examined: branches.reduce((n, b) => n + b.examined, 0),
      plan: `$or of ${branches.length}: ${branches.map((b) => b.plan).join('; ')}`,
    }
  }
  const sort = Object.entries(req.sort ?? {})
  const want = req.limit === undefined ? Infinity : (req.skip ?? 0) + req.limit
  const full = mingo.compile(req.filter ?? {})
  const test = (d: Doc) => full.test(d)
  const usable = [PRIMARY, ...indexes]
    .map((ix) => candidate(ix, fields, sort))
    .filter((c) => c.used.length > 0 || (c.sortServed && sort.length > 0))
  const order = (list: Doc[]) =>
    sort.length
      ? [...list].sort((a, b) => {
          for (const [f, d] of sort) {
            const r = compare(valueAt(a, f), valueAt(b, f))
            if (r) return r * Math.sign(d)
          }
          return 0
        })
      : list
  let best: { examined: number; plan: string } | undefined
  for (const c of usable) {
    const bound = c.used.length ? mingo.compile(c.bounds) : undefined
    const range = bound ? docs.filter((d) => bound.test(d)) : docs
    const examined = c.sortServed && want !== Infinity ? walk(order(range), test, want) : range.length
    if (!best || examined < best.examined) best = { examined, plan: describe(c, !c.sortServed) }
  }
  if (best) return best
  // No index applies: read everything, or, when any `want` matches will do, until that many are found.
  const examined = sort.length === 0 && want !== Infinity ? walk(docs, test, want) : docs.length
  return { examined, plan: describe(undefined, sort.length > 0) }
}
