import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store, type DatabaseSpec } from './store'

const spec: DatabaseSpec = {
  collections: {
    people: { indexes: [{ name: 'openid_unique', keys: { openid: 1 }, unique: true }] },
    pairs: { indexes: [{ name: 'ab_unique', keys: { a: 1, b: 1 }, unique: true }] },
    items: {},
    places: { indexes: [{ name: 'loc', keys: { loc: '2dsphere' } }] },
  },
}

let dir: string
let store: Store
const open = (extra: Partial<ConstructorParameters<typeof Store>[0]> = {}) =>
  new Store({ file: path.join(dir, 'cloud.sqlite'), spec, ...extra })

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-test-'))
  store = open()
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const codeOf = (f: () => unknown) => {
  try {
    f()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return undefined
}
const asyncCodeOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e) => (e as { code?: string }).code,
  )

describe('reads', () => {
  beforeEach(() =>
    store.seed(
      'items',
      Array.from({ length: 1200 }, (_, i) => ({ _id: `i${String(i).padStart(4, '0')}`, n: i, even: i % 2 === 0 })),
    ),
  )

  it('answers 100 rows without a limit and at most 1000 with one', () => {
    expect(store.find('items', {})).toHaveLength(100)
    expect(store.find('items', {}, { limit: 5000 })).toHaveLength(1000)
    expect(store.find('items', {}, { limit: 7 })).toHaveLength(7)
  })

  it('filters, sorts, skips and projects', () => {
    const rows = store.find(
      'items',
      { even: true, n: { $lt: 10 } },
      { order: { n: -1 }, skip: 1, limit: 2, projection: { n: 1 } },
    )
    expect(rows).toEqual([
      { _id: 'i0006', n: 6 },
      { _id: 'i0004', n: 4 },
    ])
  })

  it('counts without the page limit', () => {
    expect(store.count('items', { even: true })).toBe(600)
  })

  it('refuses a collection that does not exist', () => {
    expect(codeOf(() => store.find('nope', {}))).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })
})

describe('MongoDB semantics where mingo differs', () => {
  it('matches $elemMatch field conditions against embedded documents only', () => {
    store.seed('items', [
      { _id: 'scalars', arr: [3] },
      { _id: 'docs', arr: [{ k: 1 }, { k: 2 }] },
      { _id: 'nested', arr: [[{ k: 1 }]] },
    ])
    const ids = (q: object) => store.find('items', q as Record<string, unknown>).map((d) => d._id)
    expect(ids({ arr: { $elemMatch: { k: { $ne: 1 } } } })).toEqual(['docs'])
    expect(ids({ arr: { $elemMatch: { k: 1 } } })).toEqual(['docs'])
    expect(ids({ arr: { $elemMatch: { $gt: 2 } } })).toEqual(['scalars'])
  })

  it('counts $week from Sunday, the days before the first Sunday being week 0', () => {
    store.seed('items', [
      { _id: 'sat', d: new Date('2024-01-06T12:00:00Z') },
      { _id: 'sun', d: new Date('2024-01-07T12:00:00Z') },
      { _id: 'dec31', d: new Date('2024-12-31T12:00:00Z') },
    ])
    const rows = store.aggregate('items', [{ $project: { w: { $week: '$d' } } }])
    expect(Object.fromEntries(rows.map((r) => [r._id, r.w]))).toEqual({ sat: 0, sun: 1, dec31: 52 })
  })
})

describe('geo', () => {
  // Points east of a centre on latitude 28.5, one kilometre (≈0.0102°) apart.
  const centre = { type: 'Point', coordinates: [112, 28.5] }
  const km = 1 / (111.32 * Math.cos((28.5 * Math.PI) / 180))
  beforeEach(() => {
    const points = [3, 0, 2, 1].map((k) => ({
      _id: `k${k}`,
      k,
      loc: { type: 'Point', coordinates: [112 + k * km, 28.5] },
    }))
    store.seed('places', points)
    store.seed('items', points)
  })
  const ids = (rows: Record<string, unknown>[]) => rows.map((d) => d._id)

  it('answers $nearSphere nearest first within its distances, through a 2dsphere index only', () => {
    const near = { loc: { $nearSphere: { $geometry: centre, $minDistance: 500, $maxDistance: 2500 } } }
    expect(ids(store.find('places', near))).toEqual(['k1', 'k2'])
    expect(store.find('places', near, { order: { k: -1 } }).map((d) => d._id)).toEqual(['k2', 'k1'])
    expect(() => store.find('items', near)).toThrow(/unable to find index for \$geoNear query/)
  })

  it('selects within a polygon or a sphere with $geoWithin, index or not', () => {
    const box = {
      type: 'Polygon',
      coordinates: [
        [
          [111.9, 28],
          [112 + 1.5 * km, 28],
          [112 + 1.5 * km, 29],
          [111.9, 29],
          [111.9, 28],
        ],
      ],
    }
    expect(ids(store.find('items', { loc: { $geoWithin: { $geometry: box } } }))).toEqual(['k0', 'k1'])
    const sphere = { $centerSphere: [[112, 28.5], 2.5 / 6378.1] }
    expect(ids(store.find('places', { loc: { $geoWithin: sphere } }))).toEqual(['k0', 'k2', 'k1'])
  })

  it('runs $geoNear first in a pipeline with the distance, and only with a 2dsphere index', () => {
    const stage = {
      $geoNear: { near: centre, distanceField: 'd', maxDistance: 1500, spherical: true, query: { k: { $gte: 0 } } },
    }
    const rows = store.aggregate('places', [stage, { $project: { d: { $round: ['$d', 0] } } }])
    expect(rows).toEqual([
      { _id: 'k0', d: 0 },
      { _id: 'k1', d: expect.closeTo(1000, -1) },
    ])
    expect(() => store.aggregate('items', [stage])).toThrow(/requires a 2d or 2dsphere index/)
    expect(() => store.aggregate('places', [{ $match: {} }, stage])).toThrow(/only valid as the first stage/)
  })
})

describe('query and expression operators the cloud has', () => {
  beforeEach(() =>
    store.seed('items', [
      { _id: 'a', s: '科普 volunteers', age: 30 },
      { _id: 'b', s: 7 },
      { _id: 'c', s: 'x' },
    ]),
  )

  it('filters with $jsonSchema', () => {
    const q = {
      $jsonSchema: {
        required: ['s', 'age'],
        properties: { s: { bsonType: 'string', minLength: 3 }, age: { bsonType: 'int', minimum: 18 } },
      },
    }
    expect(store.find('items', q).map((d) => d._id)).toEqual(['a'])
    expect(store.find('items', { $jsonSchema: { properties: { s: { type: 'number' } } } }).map((d) => d._id)).toEqual([
      'b',
    ])
    expect(() => store.find('items', { $jsonSchema: { bogus: 1 } })).toThrow(/Unknown \$jsonSchema keyword: bogus/)
  })

  it('has $indexOfCP, and $substrCP / $substrBytes run to the end with a negative length', () => {
    const [row] = store.aggregate('items', [
      { $match: { _id: 'a' } },
      {
        $project: {
          _id: 0,
          at: { $indexOfCP: ['$s', 'vol'] },
          none: { $indexOfCP: ['$s', 'zz'] },
          cp: { $substrCP: ['$s', 3, -1] },
          bytes: { $substrBytes: ['$s', 7, -1] },
        },
      },
    ])
    expect(row).toEqual({ at: 3, none: -1, cp: 'volunteers', bytes: 'volunteers' })
  })
})

describe('documents examined', () => {
  it('meters every read with what the declared indexes make the cloud examine', async () => {
    store.seed(
      'people',
      Array.from({ length: 50 }, (_, i) => ({ _id: `p${i}`, openid: `o${i}`, city: i % 5 })),
    )
    const reads: import('./store').Read[] = []
    store.find('people', { openid: 'o7' }, {}, reads)
    store.find('people', { city: 1 }, { order: { openid: 1 }, limit: 3 }, reads)
    store.count('people', { city: 2 }, reads)
    await store.update(
      'people',
      { query: { _id: 'p1' }, data: { $set: { x: 1 } }, merge: true, multi: false, upsert: false },
      reads,
    )
    store.aggregate(
      'people',
      [
        { $match: { city: 3 } },
        { $limit: 2 },
        { $lookup: { from: 'people', localField: 'openid', foreignField: 'openid', as: 'me' } },
      ],
      reads,
    )
    expect(reads.map((r) => [r.label ?? r.collection, r.returned, r.cost().examined])).toEqual([
      ['people', 1, 1],
      // openid_unique serves the sort: walked o0, o1, o10 … o16 to find three in city 1.
      ['people', 3, 9],
      ['people', 10, 50],
      ['people', undefined, 1],
      // No index on city, but a limit and no sort: the scan stops at the second match (p8).
      ['people', undefined, 9],
      ['$lookup people', undefined, 1],
      ['$lookup people', undefined, 1],
    ])
  })

  it('works out a repeated read once while the data is unchanged, and again after any change', () => {
    store.createCollection('cached')
    store.seed('cached', [{ _id: 'a', city: 1 }])
    const examined = (filter: Record<string, unknown>) => {
      const reads: import('./store').Read[] = []
      store.count('cached', filter, reads)
      return reads[0]
    }
    const first = examined({ city: 1 })
    expect(first.cost()).toBe(examined({ city: 1 }).cost())
    // A read metered before a write keeps its snapshot's figure and leaves nothing stale behind.
    const before = examined({ city: 1 })
    store.seed('cached', [{ _id: 'b', city: 1 }])
    expect(before.cost().examined).toBe(1)
    expect(examined({ city: 1 }).cost().examined).toBe(2)
    store.patch('cached', { _id: 'b' }, { $set: { city: 2 } })
    store.seed('cached', [{ _id: 'c', city: 3 }])
    expect(examined({ city: 1 }).cost().examined).toBe(3)
    expect(examined({ city: 2 }).cost()).not.toBe(first.cost())
  })
})

describe('aggregation', () => {
  it('answers 20 rows unless the pipeline limits itself, like the cloud', () => {
    store.seed(
      'items',
      Array.from({ length: 30 }, (_, i) => ({ n: i })),
    )
    expect(store.aggregate('items', [{ $match: {} }])).toHaveLength(20)
    expect(store.aggregate('items', [{ $limit: 25 }])).toHaveLength(25)
  })

  it('joins other collections with $lookup and leaves stored documents untouched', () => {
    store.seed('people', [{ _id: 'p1', openid: 'o1', name: 'A' }])
    store.seed('items', [{ _id: 'x', owner: 'o1' }])
    const rows = store.aggregate('items', [
      { $lookup: { from: 'people', localField: 'owner', foreignField: 'openid', as: 'p' } },
      { $addFields: { extra: 1 } },
    ])
    expect(rows).toEqual([{ _id: 'x', owner: 'o1', p: [{ _id: 'p1', openid: 'o1', name: 'A' }], extra: 1 }])
    expect(store.select('items')).toEqual([{ _id: 'x', owner: 'o1' }])
  })
})

describe('writes', () => {
  it('updates with operators, dot paths and array operators; counts only real changes', async () => {
    store.seed('items', [{ _id: 'a', n: 1, tags: ['x', 'y'], nested: { k: 1 }, gone: true }])
    const r = await store.update('items', {
      query: { _id: 'a' },
      data: { $inc: { n: 2 }, $set: { 'nested.j': 2 }, $push: { tags: { $each: ['z'] } }, $unset: { gone: '' } },
      merge: true,
      multi: false,
      upsert: false,
    })
    expect(r.updated).toBe(1)
    await store.update('items', {
      query: { _id: 'a' },
      data: { $pull: { tags: 'x' }, $addToSet: { more: 'y' } },
      merge: true,
      multi: false,
      upsert: false,
    })
    expect(store.select('items')).toEqual([{ _id: 'a', n: 3, tags: ['y', 'z'], nested: { k: 1, j: 2 }, more: ['y'] }])
    // Two operators on one path conflict, as in MongoDB.
    await expect(
      store.update('items', {
        query: { _id: 'a' },
        data: { $push: { tags: 'q' }, $pull: { tags: 'y' } },
        merge: true,
        multi: false,
        upsert: false,
      }),
    ).rejects.toThrow(/conflict/)
    const same = await store.update('items', {
      query: { _id: 'a' },
      data: { $set: { n: 3 } },
      merge: true,
      multi: false,
      upsert: false,
    })
    expect(same.updated).toBe(0)
  })

  it('replaces and upserts with set semantics', async () => {
    store.seed('items', [{ _id: 'a', n: 1, old: true }])
    await store.update('items', { query: { _id: 'a' }, data: { n: 2 }, merge: false, multi: false, upsert: true })
    const up = await store.update('items', {
      query: { _id: 'b' },
      data: { n: 9 },
      merge: false,
      multi: false,
      upsert: true,
    })
    expect(up).toEqual({ updated: 0, upsertId: 'b' })
    expect(store.select('items')).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', n: 9 },
    ])
  })

  it('reports a replacement of an existing document as updated even when nothing changes', async () => {
    store.seed('items', [{ _id: 'a', n: 1 }])
    const set = () =>
      store.update('items', { query: { _id: 'a' }, data: { n: 1 }, merge: false, multi: false, upsert: true })
    expect(await set()).toEqual({ updated: 1 })
  })

  it('updates the first match and returns it as updated (updateAndReturn)', async () => {
    store.seed('items', [
      { _id: 'a', k: 1, n: 0 },
      { _id: 'b', k: 1, n: 0 },
    ])
    expect(await store.updateAndReturn('items', { k: 1, n: { $lt: 1 } }, { $inc: { n: 1 } })).toEqual({
      updated: 1,
      doc: { _id: 'a', k: 1, n: 1 },
    })
    expect(await store.updateAndReturn('items', { k: 1, n: { $lt: 1 } }, { $inc: { n: 1 } })).toEqual({
      updated: 1,
      doc: { _id: 'b', k: 1, n: 1 },
    })
    expect(await store.updateAndReturn('items', { k: 1, n: { $lt: 1 } }, { $inc: { n: 1 } })).toEqual({
      updated: 0,
      doc: null,
    })
    expect(await asyncCodeOf(store.updateAndReturn('items', { k: 1 }, { n: 5 }))).toBe('DATABASE_REQUEST_FAILED')
  })

  it('updates and removes many or one', async () => {
    store.seed('items', [{ k: 1 }, { k: 1 }, { k: 2 }])
    expect(
      (
        await store.update('items', {
          query: { k: 1 },
          data: { $set: { seen: true } },
          merge: true,
          multi: true,
          upsert: false,
        })
      ).updated,
    ).toBe(2)
    expect(await store.remove('items', { k: 1 }, false)).toBe(1)
    expect(await store.remove('items', {}, true)).toBe(2)
  })

  it('refuses top-level names starting with $ and changes of _id', async () => {
    expect(await asyncCodeOf(store.insert('items', [{ $bad: 1 }]))).toBe('DATABASE_REQUEST_FAILED')
    store.seed('items', [{ _id: 'a' }])
    expect(
      await asyncCodeOf(
        store.update('items', { query: {}, data: { $set: { _id: 'b' } }, merge: true, multi: true, upsert: false }),
      ),
    ).toBe('DATABASE_REQUEST_FAILED')
  })

  it('enforces unique indexes, compound ones included, and frees keys on removal', async () => {
    await store.insert('people', [{ openid: 'o1' }])
    await expect(store.insert('people', [{ openid: 'o1' }])).rejects.toThrow(
      /E11000 duplicate key error collection: local.people index: openid_unique/,
    )
    await store.insert('pairs', [
      { a: 1, b: 1 },
      { a: 1, b: 2 },
    ])
    await expect(store.insert('pairs', [{ a: 1, b: 2 }])).rejects.toThrow(/E11000/)
    await expect(
      store.update('pairs', { query: { b: 1 }, data: { $set: { b: 2 } }, merge: true, multi: true, upsert: false }),
    ).rejects.toThrow(/E11000/)
    await store.remove('people', { openid: 'o1' }, true)
    await store.insert('people', [{ openid: 'o1' }])
    expect(store.count('people', {})).toBe(1)
  })

  it('keeps dates as dates and survives a reopen, in insertion order', async () => {
    const at = new Date('2025-03-01T08:00:00Z')
    await store.insert('items', [
      { _id: 'z', at },
      { _id: 'a', n: 1 },
    ])
    await store.update('items', {
      query: { _id: 'z' },
      data: { $set: { n: 2 } },
      merge: true,
      multi: false,
      upsert: false,
    })
    store.close()
    store = open()
    const rows = store.select('items')
    expect(rows.map((d) => d._id)).toEqual(['z', 'a'])
    expect(rows[0].at).toEqual(at)
    expect(rows[0].at).toBeInstanceOf(Date)
  })

  it('creates collections on demand, persistently', () => {
    store.createCollection('extra')
    expect(codeOf(() => store.createCollection('extra'))).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
    store.close()
    store = open()
    expect(store.hasCollection('extra')).toBe(true)
  })
})

describe('transactions', () => {
  beforeEach(() =>
    store.seed('items', [
      { _id: 'a', n: 0 },
      { _id: 'b', n: 0 },
    ]),
  )

  it('reads its snapshot plus its own writes; others see nothing until the atomic commit', async () => {
    const t = store.begin()
    store.txUpdate(t, 'items', 'a', { data: { $inc: { n: 1 } }, merge: true, upsert: false })
    store.txInsert(t, 'items', [{ _id: 'c', n: 5 }])
    expect(store.txGet(t, 'items', 'a')[0]).toMatchObject({ n: 1 })
    expect(store.select('items', { _id: { $in: ['a', 'c'] } })).toEqual([{ _id: 'a', n: 0 }])
    // A change made by someone else after the start stays invisible to the transaction.
    await store.update('items', {
      query: { _id: 'b' },
      data: { $set: { n: 7 } },
      merge: true,
      multi: false,
      upsert: false,
    })
    expect(store.txGet(t, 'items', 'b')[0]).toMatchObject({ n: 0 })
    store.commit(t)
    expect(store.select('items').map((d) => [d._id, d.n])).toEqual([
      ['a', 1],
      ['b', 7],
      ['c', 5],
    ])
  })

  it('fails a write to a document another open transaction wrote, at once, and aborts the loser', () => {
    const t1 = store.begin()
    const t2 = store.begin()
    store.txUpdate(t1, 'items', 'a', { data: { $set: { by: 1 } }, merge: true, upsert: false })
    store.txUpdate(t2, 'items', 'b', { data: { $set: { by: 2 } }, merge: true, upsert: false })
    expect(
      codeOf(() => store.txUpdate(t2, 'items', 'a', { data: { $set: { by: 2 } }, merge: true, upsert: false })),
    ).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(codeOf(() => store.commit(t2))).toBe('DATABASE_TRANSACTION_FAIL')
    store.commit(t1)
    expect(store.select('items').map((d) => d.by)).toEqual([1, undefined])
  })

  it('fails a write to a document changed since its snapshot', async () => {
    const t = store.begin()
    store.txGet(t, 'items', 'b')
    await store.update('items', {
      query: { _id: 'a' },
      data: { $set: { n: 9 } },
      merge: true,
      multi: false,
      upsert: false,
    })
    expect(codeOf(() => store.txRemove(t, 'items', 'a'))).toBe('DATABASE_TRANSACTION_CONFLICT')
  })

  it('takes its snapshot at its first operation, not at its start', async () => {
    const t = store.begin()
    const set = (id: string, n: number) =>
      store.update('items', { query: { _id: id }, data: { $set: { n } }, merge: true, multi: false, upsert: false })
    await set('a', 1)
    // Changed between start and first operation: seen, and writable without a conflict.
    expect(store.txGet(t, 'items', 'a')[0]).toMatchObject({ n: 1 })
    await set('b', 2)
    expect(store.txGet(t, 'items', 'b')[0]).toMatchObject({ n: 0 })
    store.txUpdate(t, 'items', 'a', { data: { $inc: { n: 10 } }, merge: true, upsert: false })
    store.commit(t)
    expect(store.select('items').map((d) => d.n)).toEqual([11, 2])
  })

  it('fails with the cloud’s messages on a conflict and once it is gone', () => {
    const t1 = store.begin()
    const t2 = store.begin()
    store.txRemove(t1, 'items', 'a')
    expect(() => store.txRemove(t2, 'items', 'a')).toThrow(
      '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    )
    expect(() => store.commit(t2)).toThrow(
      '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    )
  })

  it('updates and returns the first match of a where(), seeing its own writes', () => {
    const t = store.begin()
    store.txUpdate(t, 'items', 'a', { data: { $set: { n: 5 } }, merge: true, upsert: false })
    expect(store.txUpdateAndReturn(t, 'items', { n: 5 }, { $inc: { n: 1 } })).toEqual({
      updated: 1,
      doc: { _id: 'a', n: 6 },
    })
    expect(store.txUpdateAndReturn(t, 'items', { n: 99 }, { $inc: { n: 1 } })).toEqual({ updated: 0, doc: null })
    expect(store.select('items', { _id: 'a' })[0].n).toBe(0)
    store.commit(t)
    expect(store.select('items', { _id: 'a' })[0].n).toBe(6)
  })

  it('makes a write outside transactions wait for the transaction holding the document', async () => {
    const t = store.begin()
    store.txUpdate(t, 'items', 'a', { data: { $inc: { n: 10 } }, merge: true, upsert: false })
    let done = false
    const outside = store
      .update('items', { query: {}, data: { $inc: { n: 1 } }, merge: true, multi: true, upsert: false })
      .then((r) => {
        done = true
        return r
      })
    await new Promise((r) => setImmediate(r))
    expect(done).toBe(false)
    store.commit(t)
    expect((await outside).updated).toBe(2)
    expect(store.select('items').map((d) => d.n)).toEqual([11, 1])
  })

  it('discards everything on abort', () => {
    const t = store.begin()
    store.txRemove(t, 'items', 'a')
    store.abort(t)
    expect(store.count('items', {})).toBe(2)
    expect(codeOf(() => store.abort(t))).toBe('DATABASE_TRANSACTION_FAIL')
  })

  it('forgets a transaction left open past the timeout', () => {
    jest.useFakeTimers()
    try {
      const t = store.begin()
      store.txUpdate(t, 'items', 'a', { data: { $set: { n: 1 } }, merge: true, upsert: false })
      jest.advanceTimersByTime(30_000)
      expect(codeOf(() => store.commit(t))).toBe('DATABASE_TRANSACTION_FAIL')
      expect(store.select('items', { _id: 'a' })[0].n).toBe(0)
      // Its lock is gone too: another transaction may write the document.
      const t2 = store.begin()
      store.txUpdate(t2, 'items', 'a', { data: { $set: { n: 2 } }, merge: true, upsert: false })
      store.commit(t2)
    } finally {
      jest.useRealTimers()
    }
  })

  it('checks unique indexes against its own writes and at commit', async () => {
    const t = store.begin()
    store.txInsert(t, 'people', [{ _id: 'p1', openid: 'o1' }])
    expect(codeOf(() => store.txInsert(t, 'people', [{ _id: 'p2', openid: 'o1' }]))).toBe('DATABASE_REQUEST_FAILED')
    await store.insert('people', [{ _id: 'p3', openid: 'o1' }])
    expect(() => store.commit(t)).toThrow(/E11000/)
    expect(store.select('people').map((d) => d._id)).toEqual(['p3'])
  })

  it('returns nothing for a missing document and upserts with set', () => {
    const t = store.begin()
    expect(store.txGet(t, 'items', 'nope')).toEqual([])
    // A replacement of an existing document reports it, changed or not.
    expect(store.txUpdate(t, 'items', 'a', { data: { n: 0 }, merge: false, upsert: true })).toEqual({ updated: 1 })
    expect(store.txUpdate(t, 'items', 'new', { data: { n: 1 }, merge: false, upsert: true })).toEqual({
      updated: 0,
      upsertId: 'new',
    })
    store.commit(t)
    expect(store.select('items', { _id: 'new' })).toEqual([{ _id: 'new', n: 1 }])
  })
})

describe('reset and log', () => {
  it('empties collections and the log but keeps collections', () => {
    store.seed('items', [{ n: 1 }])
    store.appendLog('outbox', { at: new Date(0), x: 1 })
    expect(store.readLog('outbox')).toEqual([{ at: new Date(0), x: 1 }])
    store.reset()
    expect(store.count('items', {})).toBe(0)
    expect(store.readLog('outbox')).toEqual([])
  })
})
