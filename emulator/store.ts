/**
 * The local cloud's database: every collection cached in memory, every acknowledged write
 * written through to SQLite in the same synchronous step, MongoDB semantics from mingo.
 *
 * Transactions behave like the cloud's (MongoDB snapshot isolation with first-writer-wins):
 * reads see the snapshot taken at the transaction's first operation (not at its start) plus its
 * own writes, a write to a document another open transaction has written (or that changed since
 * the snapshot) fails at once and aborts the transaction, commit is atomic, and a transaction
 * left open past its timeout is gone.
 * A write outside any transaction that touches a document an open transaction has written
 * waits for that transaction to end, as MongoDB's document lock makes it.
 *
 * Every read can be metered: pass a `reads` list and each operation adds what it read, with the
 * documents the cloud would examine for it (cost.ts) computed later, off the answer's path.
 */
import Database from 'better-sqlite3'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { readCost, type ReadCost, type ReadRequest } from './cost'
import { copy, decode, stringify } from './ejson'
import { CloudError, collectionMissing, dbFailed, duplicateKey, transactionConflict, transactionGone } from './errors'
import * as mingo from './mingo-mongo'

export type Doc = Record<string, unknown>
type Criteria = Record<string, unknown>

export interface IndexSpec {
  name: string
  /** 1 / -1 per key, or '2dsphere'. */
  keys: Record<string, number | string>
  unique?: boolean
}

/** One read an operation made: its collection and, computed on demand, what the cloud would examine. */
export interface Read {
  collection: string
  /** `$lookup volunteers` for the reads a pipeline makes per joined document. */
  label?: string
  returned?: number
  cost(): ReadCost
}
export interface DatabaseSpec {
  collections: Record<string, { indexes?: IndexSpec[] }>
}

export interface StoreOptions {
  /** SQLite file; its folder is created if missing. */
  file: string
  spec: DatabaseSpec
  /** Environment id, for error messages shaped like the cloud's. */
  envId?: string
  /** A transaction neither committed nor aborted within this time is gone (the cloud: 30 s). */
  txTimeoutMs?: number
  now?: () => number
}

export interface FindOptions {
  order?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

export interface UpdateOptions {
  query: Criteria
  data: Doc
  /** Update operators (true) or a replacement document (false). */
  merge: boolean
  multi: boolean
  upsert: boolean
}

interface UniqueIndex {
  name: string
  fields: string[]
  /** index key → document key */
  owners: Map<string, string>
}

interface Collection {
  name: string
  indexes: IndexSpec[]
  docs: Map<string, Doc>
  /** Sequence number of the last committed write per document key, kept after removal. */
  versions: Map<string, number>
  unique: UniqueIndex[]
  /**
   * Cost estimates already worked out for the documents and indexes as they are now, by request:
   * replaced (not cleared) on every change, so an estimate of an older snapshot is never kept here.
   */
  costs: Map<string, ReadCost>
}

interface Tx {
  id: string
  /** The sequence number of the snapshot, taken at the transaction's first operation. */
  startSeq?: number
  timer: NodeJS.Timeout
  writes: Map<string, { coll: string; key: string; doc: Doc | null }>
  /** Committed versions at the snapshot of documents changed by others since the start. */
  before: Map<string, Doc | null>
  done: Promise<void>
  finish(): void
}

interface Change {
  coll: Collection
  key: string
  before: Doc | undefined
  after: Doc | null
}

const MAX_LIMIT = 1000
const DEFAULT_LIMIT = 100
/** Aggregation answers 20 rows unless the pipeline has its own $limit, as the cloud does. */
const AGGREGATE_DEFAULT_LIMIT = 20

/** The Map/SQLite key of a document id: ids may be strings or numbers, which must not collide. */
export const docKey = (id: unknown) => (typeof id === 'string' ? id : `#${JSON.stringify(id)}`)
const txKey = (coll: string, key: string) => `${coll}\u0000${key}`
const clone = copy

/** A 32-hex-digit id like the cloud's: time prefix then randomness. */
export function newId(now = Date.now()): string {
  return (
    Math.floor(now / 1000)
      .toString(16)
      .padStart(8, '0') + crypto.randomBytes(12).toString('hex')
  )
}

function valueAt(doc: Doc, field: string): unknown {
  let v: unknown = doc
  for (const k of field.split('.')) v = v !== null && typeof v === 'object' ? (v as Doc)[k] : undefined
  return v === undefined ? null : v
}

function mongoError(e: unknown): CloudError {
  if (e instanceof CloudError) return e
  return dbFailed(`[FailedOperation] ${e instanceof Error ? e.message : String(e)}`)
}

/** Top-level names starting with `$` are refused, as by MongoDB. */
function checkFieldNames(doc: Doc) {
  for (const k of Object.keys(doc)) {
    if (k.startsWith('$')) throw dbFailed(`[FailedOperation] Document can't have $ prefixed field names: ${k}`)
  }
}

function checkModifier(data: Doc) {
  const ops = Object.keys(data)
  if (ops.length === 0) throw dbFailed('[FailedOperation] update document is empty')
  for (const op of ops) {
    if (!op.startsWith('$')) throw dbFailed(`[FailedOperation] update document requires atomic operators, found: ${op}`)
    const arg = data[op]
    if (arg === null || typeof arg !== 'object') throw dbFailed(`[FailedOperation] ${op} expects an object`)
    for (const p of Object.keys(arg)) {
      if (p.startsWith('$'))
        throw dbFailed(`[FailedOperation] The update path '${p}' contains an empty field name or starts with $`)
      if (p === '_id' || p.startsWith('_id.')) {
        throw dbFailed(
          "[FailedOperation] Performing an update on the path '_id' would modify the immutable field '_id'",
        )
      }
    }
  }
}

/** Equality fields of a query, the starting document of an upsert (MongoDB's rule, simplified). */
function equalityFields(query: Criteria): Doc {
  const out: Doc = {}
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue
    const isOperatorObject =
      v !== null && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).some((x) => x.startsWith('$'))
    if (!isOperatorObject && !(v instanceof RegExp)) out[k] = v
  }
  return out
}

/** What the first stages of a pipeline ask of an index: its `$match`, and a `$sort`, `$skip`, `$limit` right after. */
function pipelineRead(stages: Doc[], limited: boolean): ReadRequest {
  let i = 0
  const take = (op: string) => (stages[i] && op in stages[i] ? stages[i++][op] : undefined)
  const filter = (take('$match') as Criteria | undefined) ?? {}
  const sort = take('$sort') as Record<string, number> | undefined
  const skip = Number(take('$skip') ?? 0)
  const own = take('$limit')
  // Without a $limit of its own the cloud answers 20 rows, so a pipeline that ends here reads 20.
  const limit = own !== undefined ? Number(own) : i === stages.length && !limited ? AGGREGATE_DEFAULT_LIMIT : undefined
  return { filter, sort, skip, limit }
}

function setPath(doc: Doc, path: string, value: unknown) {
  const keys = path.split('.')
  let o = doc
  for (const k of keys.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object') o[k] = {}
    o = o[k] as Doc
  }
  o[keys[keys.length - 1]] = value
}

export class Store {
  private readonly sql: Database.Database
  private readonly collections = new Map<string, Collection>()
  private readonly txs = new Map<string, Tx>()
  /** Document (txKey) → the open transaction that has written it. */
  private readonly locks = new Map<string, Tx>()
  private seq = 0
  private readonly envId: string
  private readonly txTimeoutMs: number
  readonly now: () => number
  private readonly stmt: {
    upsert: Database.Statement
    remove: Database.Statement
    addCollection: Database.Statement
    log: Database.Statement
  }

  constructor(opts: StoreOptions) {
    this.envId = opts.envId ?? 'local'
    this.txTimeoutMs = opts.txTimeoutMs ?? 30_000
    this.now = opts.now ?? Date.now
    fs.mkdirSync(path.dirname(opts.file), { recursive: true })
    this.sql = new Database(opts.file)
    // WAL + NORMAL: a committed write survives a crash of this process (not necessarily of the OS).
    this.sql.pragma('journal_mode = WAL')
    this.sql.pragma('synchronous = NORMAL')
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS docs (seq INTEGER PRIMARY KEY, coll TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (coll, id));
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS log (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL);
    `)
    this.stmt = {
      upsert: this.sql.prepare(
        'INSERT INTO docs (coll, id, doc) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET doc = excluded.doc',
      ),
      remove: this.sql.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      addCollection: this.sql.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
      log: this.sql.prepare('INSERT INTO log (kind, body) VALUES (?, ?)'),
    }
    for (const [name, def] of Object.entries(opts.spec.collections ?? {})) this.addCollection(name, def.indexes ?? [])
    for (const row of this.sql.prepare('SELECT name FROM collections').all() as { name: string }[])
      this.addCollection(row.name, [])
    const now = this.now()
    for (const row of this.sql.prepare('SELECT coll, id, doc FROM docs ORDER BY seq').all() as {
      coll: string
      id: string
      doc: string
    }[]) {
      const coll = this.addCollection(row.coll, [])
      const doc = decode(JSON.parse(row.doc), { now }) as Doc
      coll.docs.set(row.id, doc)
      coll.costs = new Map()
      for (const idx of coll.unique) {
        const k = this.indexKey(idx, doc)
        if (idx.owners.has(k))
          console.warn(`[local cloud] stored data of ${coll.name} violates unique index ${idx.name}`)
        else idx.owners.set(k, row.id)
      }
    }
  }

  close() {
    for (const tx of [...this.txs.values()]) this.end(tx)
    this.sql.close()
  }

  // ---- collections -------------------------------------------------------------------------

  private addCollection(name: string, indexes: IndexSpec[]): Collection {
    let coll = this.collections.get(name)
    if (!coll) {
      coll = { name, indexes: [], docs: new Map(), versions: new Map(), unique: [], costs: new Map() }
      this.collections.set(name, coll)
    }
    if (indexes.length) coll.costs = new Map()
    for (const ix of indexes) {
      coll.indexes.push(ix)
      if (ix.unique) coll.unique.push({ name: ix.name, fields: Object.keys(ix.keys), owners: new Map() })
    }
    return coll
  }

  private coll(name: unknown): Collection {
    const coll = typeof name === 'string' ? this.collections.get(name) : undefined
    if (!coll) throw collectionMissing(String(name))
    return coll
  }

  hasCollection(name: string) {
    return this.collections.has(name)
  }

  createCollection(name: string) {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw new CloudError('INVALID_PARAM', `invalid collection name: ${name}`)
    if (this.collections.has(name)) {
      throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] collection already exists: ${name}`)
    }
    this.stmt.addCollection.run(name)
    this.addCollection(name, [])
  }

  // ---- reads -------------------------------------------------------------------------------

  private candidates(coll: Collection, query: Criteria): Doc[] {
    const id = query._id
    if (typeof id === 'string' || typeof id === 'number') {
      const doc = coll.docs.get(docKey(id))
      return doc ? [doc] : []
    }
    // `_id` in a list (a batch by primary key): those documents only; the full filter still applies.
    const list = id !== null && typeof id === 'object' ? (id as { $in?: unknown }).$in : undefined
    if (Array.isArray(list) && list.every((x) => typeof x === 'string' || typeof x === 'number')) {
      const keys = new Set(list.map((x) => docKey(x as string | number)))
      return [...keys].flatMap((k): Doc[] => {
        const d = coll.docs.get(k)
        return d ? [d] : []
      })
    }
    return [...coll.docs.values()]
  }

  private matching(coll: Collection, query: Criteria): Doc[] {
    try {
      const q = mingo.compile(query)
      return this.candidates(coll, query).filter((d) => q.test(d))
    } catch (e) {
      throw mongoError(e)
    }
  }

  /** Records a read of `coll` as it is now; the cost is worked out only when asked for. */
  private meter(reads: Read[] | undefined, coll: Collection, req: ReadRequest, returned?: number, label?: string) {
    if (!reads) return
    const docs = [...coll.docs.values()]
    const indexes = coll.indexes
    // The estimate is the local cloud's own bookkeeping (the cloud does none): a read repeated over
    // unchanged data takes it from the collection's cache instead of walking the documents again.
    const costs = coll.costs
    const cost = () => {
      const key = stringify(req)
      let c = costs.get(key)
      if (!c) costs.set(key, (c = readCost(indexes, docs, req)))
      return c
    }
    reads.push({ collection: coll.name, label, returned, cost })
  }

  /** The field of a top-level `$nearSphere` / `$near` condition, checked to have a 2dsphere index. */
  private nearField(coll: Collection, query: Criteria): { field: string; spec: unknown } | undefined {
    for (const [field, cond] of Object.entries(query)) {
      if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) continue
      const c = cond as Record<string, unknown>
      const spec = c.$nearSphere ?? c.$near
      if (spec === undefined) continue
      if (!coll.indexes.some((ix) => ix.keys[field] === '2dsphere')) {
        throw dbFailed(
          `[FailedOperation] error processing query: planner returned error :: caused by :: unable to find index for $geoNear query (collection: ${coll.name}, field: ${field})`,
        )
      }
      return { field, spec }
    }
    return undefined
  }

  /** A query as `get()` runs it: 100 rows unless limited, at most 1000. Returns stored objects. */
  find(collection: string, query: Criteria, opts: FindOptions = {}, reads?: Read[]): Doc[] {
    const coll = this.coll(collection)
    const limit = Math.min(opts.limit && opts.limit > 0 ? opts.limit : DEFAULT_LIMIT, MAX_LIMIT)
    let list: Doc[]
    try {
      const near = this.nearField(coll, query)
      const ordered = opts.order && Object.keys(opts.order).length
      const q = mingo.compile(query)
      let cursor
      if (near && !ordered) {
        // $nearSphere answers nearest first, unless the query asks for another order.
        const { center } = mingo.nearSpec(near.spec)
        const dist = (d: Doc) => mingo.metresFrom(center, mingo.valuesAt(d, near.field)[0]) ?? Infinity
        const byDistance = this.candidates(coll, query)
          .filter((d) => q.test(d))
          .map((d) => [dist(d), d] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, d]) => d)
        cursor = mingo.compile({}).find(byDistance, opts.projection)
      } else {
        cursor = q.find(this.candidates(coll, query), opts.projection)
        if (ordered) cursor = cursor.sort(opts.order!)
      }
      if (opts.skip) cursor = cursor.skip(opts.skip)
      list = cursor.limit(limit).all()
    } catch (e) {
      throw mongoError(e)
    }
    this.meter(reads, coll, { filter: query, sort: opts.order, skip: opts.skip, limit }, list.length)
    return list
  }

  count(collection: string, query: Criteria, reads?: Read[]): number {
    const coll = this.coll(collection)
    const n = this.matching(coll, query).length
    this.meter(reads, coll, { filter: query }, n)
    return n
  }

  aggregate(collection: string, stages: Doc[], reads?: Read[]): Doc[] {
    const coll = this.coll(collection)
    stages.forEach((s, i) => {
      const op = Object.keys(s)[0]
      if (op === '$out' || op === '$merge') throw dbFailed(`[FailedOperation] ${op} is not supported`)
      if (op === '$geoNear' && i > 0)
        throw dbFailed('[FailedOperation] $geoNear is only valid as the first stage in a pipeline.')
    })
    const limited = stages.some((s) => '$limit' in s)
    const resolve = (name: string) =>
      this.collections.has(name) ? clone([...this.collections.get(name)!.docs.values()]) : []
    try {
      let docs: Doc[]
      let rest = stages
      if (stages[0] && '$geoNear' in stages[0]) {
        docs = this.geoNear(coll, stages[0].$geoNear as Record<string, unknown>)
        rest = stages.slice(1)
        if (reads) {
          const examined = docs.length
          reads.push({ collection: coll.name, cost: () => ({ examined, plan: '2dsphere index ($geoNear)' }) })
        }
      } else {
        docs = [...coll.docs.values()]
        this.meter(reads, coll, pipelineRead(stages, limited))
      }
      const lookups = rest.flatMap((s, i) => ('$lookup' in s ? [i] : []))
      let out: Doc[]
      if (!reads || lookups.length === 0) out = mingo.aggregate(docs, rest, resolve)
      else {
        // Run up to each $lookup to know what it joins, and meter one foreign read per document.
        let from = 0
        out = docs
        for (const i of [...lookups, rest.length]) {
          if (i > from) out = mingo.aggregate(out, rest.slice(from, i), resolve)
          if (i === rest.length) break
          const spec = rest[i].$lookup as Record<string, unknown>
          this.meterLookup(reads, out, spec)
          out = mingo.aggregate(out, [rest[i]], this.joinable(out, spec) ?? resolve)
          from = i + 1
        }
      }
      return limited ? out : out.slice(0, AGGREGATE_DEFAULT_LIMIT)
    } catch (e) {
      throw mongoError(e)
    }
  }

  /**
   * For an equality `$lookup`, the foreign documents that can join `input` (a superset: every one
   * whose field holds one of the local values), so a join never copies a whole large collection.
   * Undefined when the values are not plain (then the whole collection is offered, as before).
   */
  private joinable(input: Doc[], spec: Record<string, unknown>): ((name: string) => Doc[]) | undefined {
    const foreign = this.collections.get(String(spec.from))
    if (!foreign || typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string') return undefined
    const plain = (v: unknown): v is string | number | boolean =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    const key = (v: string | number | boolean) => `${typeof v}:${String(v)}`
    const local = input.flatMap((d) =>
      mingo.valuesAt(d, spec.localField as string).flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v])),
    )
    if (local.length === 0 || !local.every((v) => plain(v) || Array.isArray(v))) return undefined
    const wanted = new Set(local.filter(plain).map(key))
    const field = spec.foreignField
    const docs = [...foreign.docs.values()].filter((d) =>
      mingo
        .valuesAt(d, field)
        .flatMap((v) => (Array.isArray(v) ? v : [v]))
        .some((v) => plain(v) && wanted.has(key(v))),
    )
    return (name) => (name === foreign.name ? clone(docs) : [])
  }

  private meterLookup(reads: Read[], input: Doc[], spec: Record<string, unknown>) {
    const foreign = this.collections.get(String(spec.from))
    if (!foreign) return
    const label = `$lookup ${foreign.name}`
    for (const doc of input) {
      if (typeof spec.localField !== 'string' || typeof spec.foreignField !== 'string') {
        // The pipeline form: modelled as reading the foreign collection for each joined document.
        this.meter(reads, foreign, { filter: {} }, undefined, label)
        continue
      }
      const values = mingo.valuesAt(doc, spec.localField).flatMap((v) => (Array.isArray(v) ? v : [v]))
      const cond = values.length === 0 ? null : values.length === 1 ? values[0] : { $in: values }
      this.meter(reads, foreign, { filter: { [spec.foreignField]: cond } }, undefined, label)
    }
  }

  /** The `$geoNear` stage: documents by distance from `near` through the collection's 2dsphere index. */
  private geoNear(coll: Collection, spec: Record<string, unknown>): Doc[] {
    const keys = coll.indexes.flatMap((ix) => Object.keys(ix.keys).filter((k) => ix.keys[k] === '2dsphere'))
    if (keys.length === 0)
      throw dbFailed('[FailedOperation] $geoNear requires a 2d or 2dsphere index, but none were found')
    const key = typeof spec.key === 'string' ? spec.key : keys.length === 1 ? keys[0] : undefined
    if (!key)
      throw dbFailed(
        `[FailedOperation] There is more than one 2dsphere index on ${this.envId}.${coll.name}; unsure which to use for $geoNear`,
      )
    if (!keys.includes(key)) throw dbFailed(`[FailedOperation] no 2dsphere index with key ${key} on ${coll.name}`)
    if (typeof spec.distanceField !== 'string' || !spec.distanceField)
      throw dbFailed("[FailedOperation] $geoNear requires a 'distanceField' option as a String")
    const { center } = mingo.nearSpec({ $geometry: spec.near })
    const min = typeof spec.minDistance === 'number' ? spec.minDistance : 0
    const max = typeof spec.maxDistance === 'number' ? spec.maxDistance : Infinity
    const multiplier = typeof spec.distanceMultiplier === 'number' ? spec.distanceMultiplier : 1
    const q = mingo.compile((spec.query as Criteria) ?? {})
    const found: [number, Doc][] = []
    for (const doc of coll.docs.values()) {
      const location = mingo.valuesAt(doc, key)[0]
      const d = mingo.metresFrom(center, location)
      if (d === undefined || d < min || d > max || !q.test(doc)) continue
      const out = clone(doc)
      setPath(out, spec.distanceField, d * multiplier)
      if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, clone(location))
      found.push([d, out])
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, d]) => d)
  }

  // ---- writes outside transactions --------------------------------------------------------

  /**
   * Computes changes from the committed state and applies them; while a document they touch is
   * written by an open transaction, waits for it to end and computes again.
   */
  private async write<R>(
    compute: () => { changes: Change[]; touched: Change['key'][]; coll: Collection; result: R },
  ): Promise<R> {
    for (;;) {
      const { changes, touched, coll, result } = compute()
      const busy = touched.map((k) => this.locks.get(txKey(coll.name, k))).filter((t): t is Tx => !!t)
      if (busy.length === 0) {
        this.apply(changes)
        return result
      }
      await Promise.all(busy.map((t) => t.done))
    }
  }

  private prepareInsert(raw: Doc): { key: string; doc: Doc } {
    const doc = clone(raw)
    checkFieldNames(doc)
    if (doc._id === undefined || doc._id === null) doc._id = newId(this.now())
    if (typeof doc._id !== 'string' && typeof doc._id !== 'number')
      throw dbFailed('[FailedOperation] _id must be a string or a number')
    return { key: docKey(doc._id), doc: { _id: doc._id, ...doc } }
  }

  async insert(collection: string, docs: Doc[]): Promise<unknown[]> {
    return this.write(() => {
      const coll = this.coll(collection)
      const changes = docs.map((raw) => {
        const { key, doc } = this.prepareInsert(raw)
        if (coll.docs.has(key)) throw duplicateKey(this.envId, coll.name, '_id_', ['_id'])
        return { coll, key, before: undefined, after: doc }
      })
      return { changes, touched: changes.map((c) => c.key), coll, result: changes.map((c) => c.after!._id) }
    })
  }

  /**
   * Update (operators) or replace; `upsert` inserts when nothing matches. `updated` counts changed
   * documents for an update, and matched ones for a replacement (doc().set()), as the cloud does.
   */
  async update(collection: string, u: UpdateOptions, reads?: Read[]): Promise<{ updated: number; upsertId?: unknown }> {
    if (u.merge) checkModifier(u.data)
    else checkFieldNames(u.data)
    this.meter(reads, this.coll(collection), { filter: u.query, limit: u.multi ? undefined : 1 })
    return this.write(() => {
      const coll = this.coll(collection)
      let matched = this.matching(coll, u.query)
      if (!u.multi) matched = matched.slice(0, 1)
      const changes: Change[] = []
      for (const before of matched) {
        const after = this.updated(before, u)
        if (stringify(after) !== stringify(before)) changes.push({ coll, key: docKey(before._id), before, after })
      }
      let upsertId: unknown
      if (matched.length === 0 && u.upsert) {
        const seed = this.updated(equalityFields(u.query), u)
        const { key, doc } = this.prepareInsert(seed)
        upsertId = doc._id
        changes.push({ coll, key, before: undefined, after: doc })
      }
      const touched = [...matched.map((d) => docKey(d._id)), ...changes.map((c) => c.key)]
      const updated = upsertId !== undefined ? 0 : u.merge ? changes.length : matched.length
      return { changes, touched, coll, result: { updated, upsertId } }
    })
  }

  /**
   * `updateAndReturn`: updates the first document matching `query` and returns it as updated,
   * in one request (the cloud's database.modifyAndReturnDoc, MongoDB's findAndModify).
   */
  async updateAndReturn(
    collection: string,
    query: Criteria,
    data: Doc,
    reads?: Read[],
  ): Promise<{ updated: number; doc: Doc | null }> {
    checkModifier(data)
    this.meter(reads, this.coll(collection), { filter: query, limit: 1 })
    const u: UpdateOptions = { query, data, merge: true, multi: false, upsert: false }
    return this.write<{ updated: number; doc: Doc | null }>(() => {
      const coll = this.coll(collection)
      const [before] = this.matching(coll, query)
      if (!before) return { changes: [], touched: [], coll, result: { updated: 0, doc: null } }
      const after = this.updated(before, u)
      const key = docKey(before._id)
      const changes = stringify(after) === stringify(before) ? [] : [{ coll, key, before, after }]
      return { changes, touched: [key], coll, result: { updated: 1, doc: after } }
    })
  }

  /** The document after an update; never changes `before`. */
  private updated(before: Doc, u: UpdateOptions): Doc {
    if (!u.merge) return before._id === undefined ? clone(u.data) : { _id: before._id, ...clone(u.data) }
    const doc = clone(before)
    try {
      mingo.applyUpdate(doc, u.data, u.query)
    } catch (e) {
      throw mongoError(e)
    }
    return doc
  }

  async remove(collection: string, query: Criteria, multi: boolean, reads?: Read[]): Promise<number> {
    this.meter(reads, this.coll(collection), { filter: query, limit: multi ? undefined : 1 })
    return this.write(() => {
      const coll = this.coll(collection)
      let matched = this.matching(coll, query)
      if (!multi) matched = matched.slice(0, 1)
      const changes = matched.map((before) => ({ coll, key: docKey(before._id), before, after: null }))
      return { changes, touched: changes.map((c) => c.key), coll, result: changes.length }
    })
  }

  // ---- applying changes: unique indexes, SQLite, memory ------------------------------------

  private indexKey(idx: UniqueIndex, doc: Doc) {
    return stringify(idx.fields.map((f) => valueAt(doc, f)))
  }

  /** Refuses changes that would give two documents the same key of a unique index. */
  private checkUnique(changes: Change[]) {
    const byColl = new Map<Collection, Change[]>()
    for (const c of changes) byColl.set(c.coll, [...(byColl.get(c.coll) ?? []), c])
    for (const [coll, list] of byColl) {
      const changed = new Map(list.map((c) => [c.key, c]))
      for (const idx of coll.unique) {
        const claimed = new Map<string, string>()
        for (const c of list) {
          if (!c.after) continue
          const k = this.indexKey(idx, c.after)
          const owner = idx.owners.get(k)
          const ownerMoves =
            owner !== undefined &&
            changed.has(owner) &&
            (changed.get(owner)!.after === null || this.indexKey(idx, changed.get(owner)!.after!) !== k)
          if ((owner !== undefined && owner !== c.key && !ownerMoves) || (claimed.has(k) && claimed.get(k) !== c.key)) {
            throw duplicateKey(this.envId, coll.name, idx.name, idx.fields)
          }
          claimed.set(k, c.key)
        }
      }
    }
  }

  /** Applies changes atomically: SQLite first (so a failure leaves memory untouched), then memory. */
  private apply(changes: Change[], committing?: Tx) {
    if (changes.length === 0) return
    this.checkUnique(changes)
    this.sql.transaction(() => {
      for (const c of changes) {
        if (c.after) this.stmt.upsert.run(c.coll.name, c.key, stringify(c.after))
        else this.stmt.remove.run(c.coll.name, c.key)
      }
    })()
    const seq = ++this.seq
    for (const c of changes) {
      const tk = txKey(c.coll.name, c.key)
      // Open transactions keep seeing the version of their snapshot.
      for (const tx of this.txs.values()) {
        if (tx !== committing && tx.startSeq !== undefined && !tx.before.has(tk))
          tx.before.set(tk, c.coll.docs.get(c.key) ?? null)
      }
      const old = c.coll.docs.get(c.key)
      for (const idx of c.coll.unique) {
        if (old) {
          const k = this.indexKey(idx, old)
          if (idx.owners.get(k) === c.key) idx.owners.delete(k)
        }
      }
      if (c.after) c.coll.docs.set(c.key, c.after)
      else c.coll.docs.delete(c.key)
      c.coll.versions.set(c.key, seq)
      c.coll.costs = new Map()
    }
    for (const c of changes) {
      if (c.after) for (const idx of c.coll.unique) idx.owners.set(this.indexKey(idx, c.after), c.key)
    }
  }

  // ---- transactions -------------------------------------------------------------------------

  begin(): string {
    const id = crypto.randomBytes(16).toString('hex')
    let finish!: () => void
    const done = new Promise<void>((resolve) => (finish = resolve))
    const tx: Tx = {
      id,
      writes: new Map(),
      before: new Map(),
      done,
      finish,
      timer: undefined as unknown as NodeJS.Timeout,
    }
    tx.timer = setTimeout(() => this.end(tx), this.txTimeoutMs)
    tx.timer.unref()
    this.txs.set(id, tx)
    return id
  }

  private tx(id: unknown): Tx {
    const tx = typeof id === 'string' ? this.txs.get(id) : undefined
    if (!tx) throw transactionGone()
    return tx
  }

  /** A transaction operating on data: its snapshot is taken now if this is its first operation. */
  private txOp(id: unknown): Tx {
    const tx = this.tx(id)
    tx.startSeq ??= this.seq
    return tx
  }

  /** Forgets a transaction and releases what it holds; later use of it fails. */
  private end(tx: Tx) {
    clearTimeout(tx.timer)
    this.txs.delete(tx.id)
    for (const k of tx.writes.keys()) if (this.locks.get(k) === tx) this.locks.delete(k)
    tx.finish()
  }

  commit(id: unknown) {
    const tx = this.tx(id)
    const changes = [...tx.writes.values()].map((w) => {
      const coll = this.coll(w.coll)
      return { coll, key: w.key, before: coll.docs.get(w.key), after: w.doc }
    })
    try {
      this.apply(changes, tx)
    } finally {
      this.end(tx)
    }
  }

  abort(id: unknown) {
    this.end(this.tx(id))
  }

  /** A document as the transaction sees it: its own write, else its snapshot. */
  private txRead(tx: Tx, coll: Collection, key: string): Doc | null {
    const tk = txKey(coll.name, key)
    if (tx.writes.has(tk)) return tx.writes.get(tk)!.doc
    if (tx.before.has(tk)) return tx.before.get(tk)!
    return coll.docs.get(key) ?? null
  }

  txGet(id: unknown, collection: string, docId: unknown, projection?: Record<string, unknown>, reads?: Read[]): Doc[] {
    const tx = this.txOp(id)
    const coll = this.coll(collection)
    this.meter(reads, coll, { filter: { _id: docId } })
    const doc = this.txRead(tx, coll, docKey(docId))
    if (!doc) return []
    return projection ? mingo.compile({}).find([doc], projection).all() : [doc]
  }

  /** Records a transaction's write of one document, failing at once on a conflict. */
  private txWrite(
    tx: Tx,
    coll: Collection,
    key: string,
    next: (current: Doc | null) => Doc | null | undefined,
  ): boolean {
    const tk = txKey(coll.name, key)
    const holder = this.locks.get(tk)
    if ((holder && holder !== tx) || (coll.versions.get(key) ?? 0) > tx.startSeq!) {
      this.end(tx)
      throw transactionConflict()
    }
    const current = this.txRead(tx, coll, key)
    const after = next(current)
    if (after === undefined) return false
    if (after) this.txCheckUnique(tx, coll, key, after)
    tx.writes.set(tk, { coll: coll.name, key, doc: after })
    this.locks.set(tk, tx)
    return true
  }

  /** Unique indexes against the committed data as this transaction would change it. */
  private txCheckUnique(tx: Tx, coll: Collection, key: string, doc: Doc) {
    for (const idx of coll.unique) {
      const k = this.indexKey(idx, doc)
      const owner = idx.owners.get(k)
      if (owner !== undefined && owner !== key) {
        const mine = tx.writes.get(txKey(coll.name, owner))
        if (!mine || (mine.doc && this.indexKey(idx, mine.doc) === k))
          throw duplicateKey(this.envId, coll.name, idx.name, idx.fields)
      }
      for (const w of tx.writes.values()) {
        if (w.coll === coll.name && w.key !== key && w.doc && this.indexKey(idx, w.doc) === k) {
          throw duplicateKey(this.envId, coll.name, idx.name, idx.fields)
        }
      }
    }
  }

  txInsert(id: unknown, collection: string, docs: Doc[]): unknown[] {
    const tx = this.txOp(id)
    const coll = this.coll(collection)
    return docs.map((raw) => {
      const { key, doc } = this.prepareInsert(raw)
      this.txWrite(tx, coll, key, (current) => {
        if (current) throw duplicateKey(this.envId, coll.name, '_id_', ['_id'])
        return doc
      })
      return doc._id
    })
  }

  txUpdate(
    id: unknown,
    collection: string,
    docId: unknown,
    u: Omit<UpdateOptions, 'query' | 'multi'>,
    reads?: Read[],
  ): { updated: number; upsertId?: unknown } {
    const tx = this.txOp(id)
    const coll = this.coll(collection)
    if (u.merge) checkModifier(u.data)
    else checkFieldNames(u.data)
    this.meter(reads, coll, { filter: { _id: docId } })
    const full: UpdateOptions = { ...u, query: { _id: docId }, multi: false }
    let upsertId: unknown
    let updated = 0
    this.txWrite(tx, coll, docKey(docId), (current) => {
      if (!current) {
        if (!u.upsert) return undefined
        upsertId = docId
        return { _id: docId, ...this.updated({}, full) }
      }
      const after = this.updated(current, full)
      // A replacement counts the document it matched; an update, a document it changed.
      if (!u.merge) updated = 1
      if (stringify(after) === stringify(current)) return undefined
      updated = 1
      return after
    })
    return { updated, upsertId }
  }

  /** The documents of a collection as a transaction sees them: its snapshot plus its own writes. */
  private txView(tx: Tx, coll: Collection): Doc[] {
    const keys = new Set(coll.docs.keys())
    const prefix = txKey(coll.name, '')
    for (const k of [...tx.writes.keys(), ...tx.before.keys()])
      if (k.startsWith(prefix)) keys.add(k.slice(prefix.length))
    return [...keys].map((k) => this.txRead(tx, coll, k)).filter((d): d is Doc => !!d)
  }

  /** `updateAndReturn` inside a transaction: the first match in its view, updated as one of its writes. */
  txUpdateAndReturn(
    id: unknown,
    collection: string,
    query: Criteria,
    data: Doc,
    reads?: Read[],
  ): { updated: number; doc: Doc | null } {
    const tx = this.txOp(id)
    const coll = this.coll(collection)
    checkModifier(data)
    this.meter(reads, coll, { filter: query, limit: 1 })
    let test: (d: Doc) => boolean
    try {
      const q = mingo.compile(query)
      test = (d) => q.test(d)
    } catch (e) {
      throw mongoError(e)
    }
    const before = this.txView(tx, coll).find(test)
    if (!before) return { updated: 0, doc: null }
    const after = this.updated(before, { query, data, merge: true, multi: false, upsert: false })
    this.txWrite(tx, coll, docKey(before._id), () => (stringify(after) === stringify(before) ? undefined : after))
    return { updated: 1, doc: after }
  }

  txRemove(id: unknown, collection: string, docId: unknown, reads?: Read[]): number {
    const tx = this.txOp(id)
    let deleted = 0
    this.meter(reads, this.coll(collection), { filter: { _id: docId } })
    this.txWrite(tx, this.coll(collection), docKey(docId), (current) => {
      if (!current) return undefined
      deleted = 1
      return null
    })
    return deleted
  }

  // ---- the backdoor for seeding and assertions, and a small log --------------------------

  /** Inserts documents directly (seeding); unique indexes still apply. */
  seed(collection: string, docs: Doc[]) {
    const coll = this.coll(collection)
    const now = this.now()
    // Through extended JSON so class instances become plain documents, as over the wire.
    const plain = docs.map((d) => decode(JSON.parse(stringify(d)), { now }) as Doc)
    this.apply(
      plain.map((raw) => {
        const { key, doc } = this.prepareInsert(raw)
        if (coll.docs.has(key)) throw duplicateKey(this.envId, coll.name, '_id_', ['_id'])
        return { coll, key, before: undefined, after: doc }
      }),
    )
  }

  /** Applies update operators to every matching document directly (tests, fixtures); returns how many changed. */
  patch(collection: string, query: Criteria, modifier: Doc): number {
    checkModifier(modifier)
    const coll = this.coll(collection)
    const u: UpdateOptions = { query, data: modifier, merge: true, multi: true, upsert: false }
    const changes: Change[] = []
    for (const before of this.matching(coll, query)) {
      const after = this.updated(before, u)
      if (stringify(after) !== stringify(before)) changes.push({ coll, key: docKey(before._id), before, after })
    }
    this.apply(changes)
    return changes.length
  }

  /** Copies of the committed documents matching `query`, in natural order, without a limit. */
  select(collection: string, query: Criteria = {}): Doc[] {
    return clone(this.matching(this.coll(collection), query))
  }

  /** Removes every document (collections stay) and every log entry; open transactions end. */
  reset() {
    for (const tx of [...this.txs.values()]) this.end(tx)
    this.sql.exec('DELETE FROM docs; DELETE FROM log;')
    for (const coll of this.collections.values()) {
      coll.docs.clear()
      coll.versions.clear()
      coll.costs = new Map()
      for (const idx of coll.unique) idx.owners.clear()
    }
  }

  appendLog(kind: string, body: unknown) {
    this.stmt.log.run(kind, stringify(body))
  }

  readLog(kind: string): unknown[] {
    const now = this.now()
    const rows = this.sql.prepare('SELECT body FROM log WHERE kind = ? ORDER BY seq').all(kind) as { body: string }[]
    return rows.map((r) => decode(JSON.parse(r.body), { now }))
  }
}
