/**
 * The local cloud through the real wx-server-sdk, as functions use it: database, transactions,
 * identities, openapi, storage, function calls, the runner's limits and persistence.
 */
import fs from 'node:fs'
import path from 'node:path'
import { startKit, until, type Kit } from './local-cloud-kit'

let kit: Kit
beforeAll(async () => {
  kit = await startKit({ OWNER_OPENIDS: 'o-owner' })
}, 30_000)
afterAll(() => kit?.close())
beforeEach(() => kit.cloud.store.reset())

const things = () => kit.cloud.store.find('things')
const openGate = (id: string) => kit.cloud.store.insert('gates', [{ _id: id }])
const signalled = (id: string) => () => kit.cloud.store.find('signals', { _id: id }).length > 0

describe('database', () => {
  it('stores Dates and server dates and gives them back as Dates', async () => {
    const before = Date.now()
    const { result: added } = await kit.probe('addWithDates')
    const { result } = await kit.probe('datesOf', { id: added._id })
    expect(result).toMatchObject({ atIsDate: true, whenIsDate: true, when: Date.parse('2025-05-01T00:00:00Z') })
    expect(result.at).toBeGreaterThanOrEqual(before)
    expect(result.at).toBeLessThanOrEqual(Date.now())
    expect(result.later - result.at).toBe(60_000)
    expect(kit.cloud.store.find('things', { _id: added._id })[0].at).toBeInstanceOf(Date)
  })

  it('queries with where, commands, orderBy, skip, limit and field', async () => {
    kit.cloud.store.insert(
      'things',
      Array.from({ length: 10 }, (_, n) => ({ _id: `t${n}`, n, group: n % 2 ? 'odd' : 'even', extra: 'x' })),
    )
    const { result } = await kit.probe('list', {
      where: { group: 'even' },
      gte: 2,
      orderBy: ['n', 'desc'],
      skip: 1,
      limit: 2,
      field: { n: true },
    })
    expect(result).toEqual([
      { _id: 't6', n: 6 },
      { _id: 't4', n: 4 },
    ])
    expect((await kit.probe('countAll')).result.total).toBe(10)
  })

  it('answers get() with 100 rows unless limited, and at most 1000', async () => {
    kit.cloud.store.insert(
      'things',
      Array.from({ length: 1200 }, (_, n) => ({ n })),
    )
    expect((await kit.probe('list')).result).toHaveLength(100)
    expect((await kit.probe('list', { limit: 1000 })).result).toHaveLength(1000)
  })

  it('updates with _.inc, _.push, dot paths, _.remove and serverDate', async () => {
    kit.cloud.store.insert('things', [{ _id: 'u1', n: 1, tags: ['a'], meta: { x: 1 }, gone: true }])
    const { result } = await kit.probe('update', { id: 'u1' })
    expect(result.stats.updated).toBe(1)
    const [doc] = things()
    expect(doc).toMatchObject({ n: 3, tags: ['a', 'b', 'c'], meta: { x: 1, seen: true } })
    expect(doc).not.toHaveProperty('gone')
    expect(doc.touchedAt).toBeInstanceOf(Date)
  })

  it('pulls from and adds to sets', async () => {
    kit.cloud.store.insert('things', [{ _id: 'u2', tags: ['a', 'b'], set: ['x'] }])
    await kit.probe('arrays', { id: 'u2' })
    expect(things()).toEqual([{ _id: 'u2', tags: ['a'], set: ['x'] }])
  })

  it('replaces with set(), updates and removes every match of a where()', async () => {
    kit.cloud.store.insert('things', [
      { _id: 'a', group: 'g', n: 1 },
      { _id: 'b', group: 'g', n: 2 },
      { _id: 'c', group: 'h', n: 3 },
    ])
    expect((await kit.probe('replace', { id: 'c' })).result.stats).toEqual({ updated: 1, created: 0 })
    expect((await kit.probe('whereUpdate')).result.stats.updated).toBe(2)
    expect(things()).toEqual([
      { _id: 'a', group: 'g', n: 1, flagged: true },
      { _id: 'b', group: 'g', n: 2, flagged: true },
      { _id: 'c', replaced: true },
    ])
    expect((await kit.probe('whereRemove')).result.stats.removed).toBe(2)
    expect((await kit.probe('docRemove', { id: 'c' })).result.stats.removed).toBe(1)
    expect(things()).toEqual([])
  })

  it('aggregates; without a $limit of its own an aggregation answers 20 rows, like the cloud', async () => {
    kit.cloud.store.insert('things', [
      { group: 'a', n: 1 },
      { group: 'a', n: 2 },
      { group: 'b', n: 5 },
      ...Array.from({ length: 30 }, () => ({ n: 0 })),
    ])
    expect((await kit.probe('aggregate')).result.list).toEqual([
      { _id: 'a', total: 3, count: 2 },
      { _id: 'b', total: 5, count: 1 },
    ])
    expect((await kit.probe('aggregateNoLimit')).result.list).toHaveLength(20)
  })

  it('refuses a collection that does not exist, with the cloud code', async () => {
    const { result } = await kit.probe('missing')
    expect(result.failed.errCode).toBe(-502005)
    expect(result.failed.message).toMatch(/Db or Table not exist/)
  })

  it('creates a collection with createCollection, once', async () => {
    expect((await kit.probe('createCollection', { coll: 'fresh' })).result._id).toEqual(expect.any(String))
    expect((await kit.probe('createCollection', { coll: 'fresh' })).result.failed).toBeDefined()
  })

  it('refuses top-level field names starting with $', async () => {
    expect((await kit.probe('badField')).result.failed.message).toMatch(/\$ prefixed field names/)
  })

  it('enforces unique indexes: of ten simultaneous inserts of one key exactly one succeeds', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => kit.probe('addMember', { openid: 'same' })))
    const failures = results.filter((r) => r.result.failed)
    expect(results.length - failures.length).toBe(1)
    for (const f of failures)
      expect(f.result.failed.message).toMatch(
        /E11000 duplicate key error collection: local.members index: openid_unique/,
      )
    expect(kit.cloud.store.find('members')).toHaveLength(1)
  }, 20_000)

  it('applies 50 simultaneous _.inc exactly', async () => {
    kit.cloud.store.insert('things', [{ _id: 'counter', n: 0 }])
    await Promise.all(Array.from({ length: 50 }, () => kit.probe('bump', { id: 'counter' })))
    expect(things()[0].n).toBe(50)
  }, 20_000)

  it('counts every database request of an invocation, by action', async () => {
    const r = await kit.probe('sequence')
    expect(r.requests).toEqual({
      'database.insertDocument': 1,
      'database.getDocument': 2,
      'database.modifyDocument': 1,
      'database.calculateDocument': 1,
      'database.startTransaction': 1,
      'database.commitTransaction': 1,
    })
    expect(r.dbRequests).toBe(7)
  })
})

describe('documents examined', () => {
  it('reports what the declared indexes make the cloud examine, per call and per request', async () => {
    // `things` declares group_n { group: 1, n: 1 }.
    kit.cloud.store.insert(
      'things',
      Array.from({ length: 200 }, (_, n) => ({ _id: `t${n}`, n, group: n % 2 ? 'odd' : 'even', other: n % 10 })),
    )
    const served = await kit.probe('list', { where: { group: 'even' }, orderBy: ['n', 'desc'], limit: 5 })
    expect(served.result).toHaveLength(5)
    expect(served.docsExamined).toBe(5)
    expect(served.breakdown).toEqual([
      {
        action: 'database.getDocument',
        collection: 'things',
        docsExamined: 5,
        returned: 5,
        plan: 'index group_n (group=)',
      },
    ])
    const unserved = await kit.probe('list', { where: { other: 3 }, orderBy: ['n', 'desc'], limit: 5 })
    expect(unserved.docsExamined).toBe(200)
    expect(unserved.breakdown[0].plan).toBe('collection scan + sort in memory')
    expect((await kit.probe('doc', { id: 't7' })).docsExamined).toBe(1)
  })
})

describe('closer to the cloud', () => {
  it('updates and returns a document in one request (updateAndReturn)', async () => {
    kit.cloud.store.insert('things', [
      { _id: 'a', group: 'g', n: 1 },
      { _id: 'b', group: 'h', n: 1 },
    ])
    const r = await kit.probe('updateAndReturn', { where: { group: 'h' }, by: 'me' })
    expect(r.result).toEqual({
      requestId: expect.any(String),
      updated: 1,
      doc: { _id: 'b', group: 'h', n: 2, by: 'me' },
    })
    expect(r.requests).toEqual({ 'database.modifyAndReturnDoc': 1 })
    expect(r.docsExamined).toBe(1)
    // What a function on wx-server-sdk alone can reach: the same request through its wrapped Query.
    const wrapped = await kit.probe('updateAndReturnWrapped', { where: { group: 'g' }, by: 'wx' })
    expect(wrapped.result).toMatchObject({ updated: 1, doc: { _id: 'a', n: 2, by: 'wx' } })
    const none = await kit.probe('updateAndReturn', { where: { group: 'none' }, by: 'me' })
    expect(none.result).toMatchObject({ updated: 0, doc: null })
    expect(things()).toEqual([
      { _id: 'a', group: 'g', n: 2, by: 'wx' },
      { _id: 'b', group: 'h', n: 2, by: 'me' },
    ])
  })

  it('gives each of three tickets to exactly one of ten simultaneous claimers', async () => {
    kit.cloud.store.insert(
      'things',
      ['x', 'y', 'z'].map((id) => ({ _id: id, kind: 'ticket', holder: null })),
    )
    const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => kit.probe('claim', { who: `w${i}` })))
    const won = runs.map((r) => r.result).filter((id) => id !== null)
    expect(won.sort()).toEqual(['x', 'y', 'z'])
    expect(new Set(things().map((t) => t.holder)).size).toBe(3)
  }, 20_000)

  it('updates and returns inside a transaction', async () => {
    kit.cloud.store.insert('things', [{ _id: 'a', n: 4 }])
    expect((await kit.probe('txUpdateAndReturn', { n: 4 })).result).toEqual({ updated: 1, doc: { _id: 'a', n: 5 } })
    expect(things()).toEqual([{ _id: 'a', n: 5 }])
  })

  it('reports a set() of an existing document as updated even when nothing changes', async () => {
    kit.cloud.store.insert('things', [{ _id: 'a', n: 1 }])
    expect((await kit.probe('setSame', { id: 'a', data: { n: 1 } })).result.stats).toEqual({ updated: 1, created: 0 })
  })

  it('takes a transaction’s snapshot at its first operation, not at its start', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 0 }])
    const run = kit.probe('txSnapshot', { id: 'x', gate: 'snap' })
    await until(signalled('snap-1'))
    kit.cloud.store.update('things', { _id: 'x' }, { $set: { n: 1 } })
    openGate('snap-1')
    await until(signalled('snap-2'))
    kit.cloud.store.update('things', { _id: 'x' }, { $set: { n: 2 } })
    openGate('snap-2')
    const { result } = await run
    expect(result.first).toEqual({ _id: 'x', n: 1 })
    expect(result.second).toEqual({ _id: 'x', n: 1 })
    expect(result.failed).toMatch(/\[ResourceUnavailable.TransactionConflict\] Transaction is conflict/)
  })

  it('refuses a transaction used after its commit with the service’s message', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 0 }])
    expect((await kit.probe('txAfterCommit', { id: 'x' })).result.failed.message).toContain(
      '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    )
  })

  it('filters with $jsonSchema', async () => {
    kit.cloud.store.insert('things', [
      { _id: 'a', name: '科普志愿者', n: 3 },
      { _id: 'b', name: 'x', n: 3 },
      { _id: 'c', name: '李明', n: -1 },
      { _id: 'd', n: 3 },
    ])
    expect((await kit.probe('jsonSchema')).result.map((d: { _id: string }) => d._id)).toEqual(['a'])
  })

  it('has $indexOfCP, and $substrCP / $substrBytes with a negative length run to the end', async () => {
    kit.cloud.store.insert('things', [{ _id: 'a', name: '科普志愿者服务队' }])
    expect((await kit.probe('strings')).result.list).toEqual([
      { at: 2, tail: '志愿者服务队', bytesTail: '志愿者服务队' },
    ])
  })

  it('finds points within a polygon, and nearest first where a 2dsphere index is declared', async () => {
    // Yiyang's centre, then points 1, 2 and 3 km east (≈0.0102° of longitude per km at 28.55° N).
    const km = 1 / (111.32 * Math.cos((28.55 * Math.PI) / 180))
    for (const coll of ['places', 'unindexed_places'])
      for (const k of [2, 0, 3, 1]) await kit.probe('addPlace', { coll, id: `k${k}`, lng: 112.35 + k * km, lat: 28.55 })
    const ring = [
      [112.34, 28.5],
      [112.35 + 1.5 * km, 28.5],
      [112.35 + 1.5 * km, 28.6],
      [112.34, 28.6],
      [112.34, 28.5],
    ]
    const within = await kit.probe('geoWithin', { coll: 'unindexed_places', ring })
    expect(within.result.map((d: { _id: string }) => d._id)).toEqual(['k0', 'k1'])
    expect(within.result[0].loc).toEqual({ type: 'Point', coordinates: [112.35, 28.55] })

    const near = await kit.probe('geoNearQuery', { lng: 112.35, lat: 28.55, max: 2500 })
    expect(near.result.map((d: { _id: string }) => d._id)).toEqual(['k0', 'k1', 'k2'])
    const stage = await kit.probe('geoNearStage', { lng: 112.35, lat: 28.55, max: 1500 })
    expect(stage.result.list.map((d: { _id: string; d: number }) => [d._id, Math.round(d.d / 100) * 100])).toEqual([
      ['k0', 0],
      ['k1', 1000],
    ])

    const refused = await kit.probe('geoNearQuery', { coll: 'unindexed_places', lng: 112.35, lat: 28.55, max: 2500 })
    expect(refused.result.failed.message).toMatch(/unable to find index for \$geoNear query/)
    const refusedStage = await kit.probe('geoNearStage', { coll: 'unindexed_places', lng: 112.35, lat: 28.55, max: 1 })
    expect(refusedStage.result.failed.message).toMatch(/requires a 2d or 2dsphere index/)
  })
})

describe('transactions', () => {
  it('commits with runTransaction', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 4 }])
    expect((await kit.probe('txIncrement', { id: 'x' })).result).toEqual({ value: 5, attempts: 1 })
    expect(things()[0].n).toBe(5)
  })

  it('keeps a startTransaction’s writes invisible to others until its commit, which is atomic', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 1 }])
    const held = kit.probe('txHold', { id: 'x', holder: 'A', holdGate: 'g1' })
    await until(signalled('g1'))
    expect(things()).toEqual([{ _id: 'x', n: 1 }])
    expect((await kit.probe('doc', { id: 'x' })).result).toEqual({ _id: 'x', n: 1 })
    openGate('g1')
    const { result } = await held
    expect(result).toEqual({ before: { _id: 'x', n: 1 }, own: { _id: 'x', n: 1, holder: 'A' } })
    expect(things()).toEqual([{ _id: 'x', n: 1, holder: 'A' }, { _id: 'A-child' }])
  })

  it('leaves nothing behind when rolled back', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 1 }])
    const held = kit.probe('txHold', { id: 'x', holder: 'A', holdGate: 'g2', abort: true })
    await until(signalled('g2'))
    openGate('g2')
    await held
    expect(things()).toEqual([{ _id: 'x', n: 1 }])
  })

  it('rolls back when the runTransaction callback throws', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 1 }])
    expect((await kit.probe('txThrow', { id: 'x' })).result.failed.message).toMatch(/changed my mind/)
    expect(things()).toEqual([{ _id: 'x', n: 1 }])
  })

  it('fails a write to a document another open transaction wrote at once; runTransaction (wx-server-sdk 4.0.2) does not retry it', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 1 }])
    const held = kit.probe('txHold', { id: 'x', holder: 'A', holdGate: 'g3' })
    await until(signalled('g3'))
    const loser = await kit.probe('txIncrement', { id: 'x' })
    // wx-server-sdk rewraps the service's DATABASE_TRANSACTION_CONFLICT as errCode -501001 without
    // `code`, and @cloudbase/database's runTransaction retries only on `code`.
    expect(loser.result.failed).toMatchObject({
      errCode: -501001,
      message: expect.stringContaining(
        '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
      ),
    })
    expect(loser.requests['database.abortTransaction']).toBe(1)
    openGate('g3')
    await held
    expect(things()).toEqual([{ _id: 'x', n: 1, holder: 'A' }, { _id: 'A-child' }])
  })

  it('serializes concurrent read-modify-write transactions when the caller retries conflicts', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 0 }])
    const runs = await Promise.all(Array.from({ length: 6 }, () => kit.probe('txIncrementRetrying', { id: 'x' })))
    expect(runs.map((r) => r.result.value).sort()).toEqual([1, 2, 3, 4, 5, 6])
    expect(things()[0].n).toBe(6)
  }, 20_000)

  it('makes a write outside transactions wait for the transaction that holds the document', async () => {
    kit.cloud.store.insert('things', [{ _id: 'x', n: 1 }])
    const held = kit.probe('txHold', { id: 'x', holder: 'A', holdGate: 'g4' })
    await until(signalled('g4'))
    let bumped = false
    const bump = kit.probe('bump', { id: 'x' }).then(() => (bumped = true))
    await new Promise((r) => setTimeout(r, 100))
    expect(bumped).toBe(false)
    openGate('g4')
    await Promise.all([held, bump])
    expect(things()[0]).toEqual({ _id: 'x', n: 2, holder: 'A' })
  })

  it('refuses a where() query inside a transaction', async () => {
    expect((await kit.probe('txWhere')).result.failed.message).toMatch(/single-document operations only/)
  })

  it('answers doc().get() of a missing document with null inside a transaction', async () => {
    expect((await kit.probe('txMissing')).result).toBeNull()
  })
})

describe('identities', () => {
  it('gives each of many simultaneous calls its own caller', async () => {
    const who = Array.from({ length: 16 }, (_, i) => ({
      openid: `o-${i}`,
      ...(i % 2 ? { unionid: `u-${i}` } : {}),
      ...(i === 3 ? { appid: 'wx-other' } : {}),
    }))
    const results = await Promise.all(who.map((w, i) => kit.call('probe', { op: 'whoami', ms: (i * 7) % 20 }, w)))
    results.forEach((r, i) => {
      const w = who[i]
      expect(r.result.wx).toEqual({
        OPENID: w.openid,
        APPID: w.appid ?? 'wx00000000000000',
        ...(w.unionid ? { UNIONID: w.unionid } : {}),
        ENV: 'local',
        SOURCE: 'wx_client',
      })
      expect(r.result.userInfo).toEqual({ appId: w.appid ?? 'wx00000000000000', openId: w.openid })
      expect(r.result.owners).toBe('o-owner')
    })
  }, 20_000)
})

describe('openapi', () => {
  it('puts a subscribe message in the outbox and answers like the real API', async () => {
    const { result } = await kit.probe('send', { touser: 'o-1' })
    expect(result).toEqual({ errMsg: 'openapi.subscribeMessage.send:ok', errCode: 0 })
    expect(kit.cloud.outbox()).toEqual([
      {
        touser: 'o-1',
        templateId: 'tmpl-1',
        page: 'pages/me/index',
        data: { thing1: { value: '审核通过' }, time2: { value: '2025-05-01 10:00' } },
        at: expect.any(String),
        fn: 'probe',
        errcode: 0,
      },
    ])
  })

  it('fails with errcode 43101 for a user who refused subscriptions, and records the attempt', async () => {
    kit.cloud.refuseSubscription('o-refuser')
    const { result } = await kit.probe('send', { touser: 'o-refuser' })
    expect(result.failed.errCode).toBe(43101)
    expect(kit.cloud.outbox().map((m) => [m.touser, m.errcode])).toEqual([['o-refuser', 43101]])
  })

  it('answers 40003 for an openid that cannot exist (a placeholder), and delivers nothing', async () => {
    const { result } = await kit.probe('send', { touser: 'unclaimed:vol-1' })
    expect(result.failed.errCode).toBe(40003)
    expect(kit.cloud.outbox()).toEqual([])
  })

  it('refuses keyword values the template cannot take (errcode 47003)', async () => {
    const { result } = await kit.probe('send', {
      touser: 'o-1',
      data: { thing1: { value: '这是一段超过二十个字的说明文字这是一段超过二十个字' } },
    })
    expect(result.failed.errCode).toBe(47003)
    expect(kit.cloud.outbox()).toEqual([])
  })

  it('refuses an API that config.json does not list (-604101)', async () => {
    const r = await kit.call('noperm', {}, 'o-1')
    expect(r.result.failed.errCode).toBe(-604101)
    expect(r.result.failed.message).toMatch(/function has no permission to call this API/)
    expect(kit.cloud.outbox()).toEqual([])
  })

  it('fails loudly on an API the local cloud does not emulate', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      expect((await kit.probe('notEmulated')).result.failed.message).toMatch(
        /openapi.security.msgSecCheck is not emulated by the local cloud/,
      )
    } finally {
      warn.mockRestore()
    }
  })
})

describe('storage', () => {
  it('uploads, serves a temporary URL, downloads and deletes', async () => {
    const { result } = await kit.probe('files', { path: 'exports/报表 1.txt', text: '你好, storage' })
    expect(result).toMatchObject({ fileID: 'cloud://local.local-local/exports/报表 1.txt', text: '你好, storage' })
    expect(await (await fetch(encodeURI(result.url))).text()).toBe('你好, storage')
    const forged = encodeURI(result.url).replace(/sign=\w+/, 'sign=0000')
    expect((await fetch(forged)).status).toBe(403)
    const del = await kit.probe('deleteFile', { fileID: result.fileID })
    expect(del.result).toEqual({ deleted: 0, after: -503003 })
  })

  it('lets tests and the dev server put files where functions find them', async () => {
    const fileID = kit.cloud.storage.upload('imports/名单.csv', 'name\n李明\n')
    expect((await kit.probe('download', { fileID })).result).toBe('name\n李明\n')
    expect(kit.cloud.storage.download(fileID)?.toString()).toBe('name\n李明\n')
    expect(kit.cloud.storage.download('cloud://local.local-local/none.txt')).toBeUndefined()
  })
})

describe('functions', () => {
  it('calls another function as the same caller, counting its requests for the caller', async () => {
    const who = await kit.call('probe', { op: 'call', name: 'probe', data: { op: 'whoami' } }, 'o-caller')
    expect(who.result.wx).toMatchObject({ OPENID: 'o-caller', SOURCE: 'wx_client,scf' })
    const counted = await kit.probe('call', { name: 'probe', data: { op: 'countAll' } })
    expect(counted.result.total).toBe(0)
    expect(counted.requests).toEqual({ 'functions.invokeFunction': 1, 'database.calculateDocument': 1 })
    expect(counted.dbRequests).toBe(1)
  })

  it('enforces the timeout of config.json, then serves the next call', async () => {
    const r = await kit.call('slow', { ms: 5000 }, 'o-1')
    expect(r.error).toEqual({
      code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      message: 'Invoking task timed out after 1 seconds',
    })
    expect(r.ms).toBeLessThan(2500)
    expect((await kit.call('slow', { ms: 1 }, 'o-1')).result).toBe('finished')
  })

  it('loads a function’s module at a cold start outside the first call’s timeout', async () => {
    // heavy takes 1.5 s to load and has a 1 s timeout.
    const first = await kit.call('heavy', {}, 'o-1')
    expect(first.error).toBeUndefined()
    expect(first.result).toBe('loaded')
    expect(first.coldStartMs).toBeGreaterThanOrEqual(1400)
    const warm = await kit.call('heavy', {}, 'o-1')
    expect(warm.result).toBe('loaded')
    expect(warm.coldStartMs).toBeUndefined()
  })

  it('turns an error in a function into an error result', async () => {
    expect((await kit.call('crash', { op: 'throw' }, 'o-1')).error).toEqual({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: 'boom',
    })
    expect((await kit.call('crash', { op: 'escape' }, 'o-1')).error).toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringMatching(/escaped/),
    })
    expect((await kit.call('crash', {}, 'o-1')).result).toBe('fine')
  })

  it('answers a function that does not exist with an error', async () => {
    expect((await kit.call('nope', {}, 'o-1')).error?.code).toBe('FUNCTION_NOT_FOUND')
  })

  it('runs simultaneous calls concurrently', async () => {
    const call = (ms: number) => kit.call('probe', { op: 'whoami', ms }, 'o-1')
    await Promise.all([call(0), call(0), call(0), call(0)]) // four warm instances
    const runs = await Promise.all([call(200), call(200), call(200), call(200)])
    // Every call had started before any ended: they ran side by side, not one after another.
    const lastStart = Math.max(...runs.map((r) => r.result.startedAt))
    const firstEnd = Math.min(...runs.map((r) => r.result.endedAt))
    expect(lastStart).toBeLessThan(firstEnd)
  }, 20_000)

  it('gives new calls fresh instances when a bundle changes on disk', async () => {
    const dir = path.join(kit.functionsDir, 'versioned')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'config.json'), '{ "timeout": 5 }')
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.main = async () => "v1"')
    expect((await kit.call('versioned', {}, 'o-1')).result).toBe('v1')
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.main = async () => "v2, rebuilt"')
    expect((await kit.call('versioned', {}, 'o-1')).result).toBe('v2, rebuilt')
  })
})

describe('the service API', () => {
  const post = async (body: string) =>
    (
      await fetch(`${kit.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    ).json()

  it('answers errors in the cloud’s shape, always with a string requestId', async () => {
    expect(await post('{not json')).toEqual({
      code: 'INVALID_PARAM',
      message: expect.any(String),
      requestId: expect.any(String),
    })
    expect(await post(JSON.stringify({ action: 'database.nope' }))).toEqual({
      code: 'INVALID_PARAM',
      message: expect.stringMatching(/not supported/),
      requestId: expect.any(String),
    })
    expect(
      await post(JSON.stringify({ action: 'database.getDocument', collectionName: 'ghost', queryType: 'WHERE' })),
    ).toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      requestId: expect.any(String),
    })
  })

  it('caps a page at 1000 rows whatever limit is asked', async () => {
    kit.cloud.store.insert(
      'things',
      Array.from({ length: 1100 }, (_, n) => ({ n })),
    )
    const r = await post(
      JSON.stringify({ action: 'database.getDocument', collectionName: 'things', queryType: 'WHERE', limit: 5000 }),
    )
    expect(r.data.list).toHaveLength(1000)
    expect(r.requestId).toEqual(expect.any(String))
  })
})

describe('persistence', () => {
  it('keeps data and the outbox across close() and a restart', async () => {
    const { result } = await kit.probe('add', { data: { kept: true, at: '2025-01-01' } })
    await kit.probe('send', { touser: 'o-kept' })
    await kit.restart()
    expect(kit.cloud.store.find('things')).toEqual([{ _id: result._id, kept: true, at: '2025-01-01' }])
    expect(kit.cloud.outbox().map((m) => m.touser)).toEqual(['o-kept'])
    expect((await kit.probe('doc', { id: result._id })).result).toEqual({
      _id: result._id,
      kept: true,
      at: '2025-01-01',
    })
  })
})
