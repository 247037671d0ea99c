/**
 * A test function for the local cloud: each `event.op` exercises one SDK feature through the real
 * wx-server-sdk. SDK errors come back as `{ failed: { errCode, code, message } }`.
 */
const cloud = require('wx-server-sdk')
// wx-server-sdk 4.0.2 wraps @cloudbase/database's Query without updateAndReturn; the SDK it is
// built on (its dependency @cloudbase/node-sdk) has it, against the same environment.
const tcb = require('@cloudbase/node-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()
const tcbDb = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database()
const lenient = cloud.database({ throwOnNotFound: false })
const _ = db.command
const $ = _.aggregate
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until the test opens the gate (a document in `gates`), so steps interleave deterministically. */
async function gate(id) {
  while ((await db.collection('gates').where({ _id: id }).count()).total === 0) await sleep(5)
}
const rows = async (query) => (await query.get()).data
const signal = (id) => db.collection('signals').add({ data: { _id: id } })

const ops = {
  whoami: async (e) => {
    const startedAt = Date.now()
    await sleep(e.ms || 0)
    return {
      wx: cloud.getWXContext(),
      userInfo: e.userInfo,
      owners: process.env.OWNER_OPENIDS || null,
      startedAt,
      endedAt: Date.now(),
    }
  },
  add: (e) => db.collection(e.coll || 'things').add({ data: e.data }),
  addWithDates: () =>
    db.collection('things').add({
      data: {
        kind: 'dated',
        at: db.serverDate(),
        when: new Date('2025-05-01T00:00:00Z'),
        later: db.serverDate({ offset: 60000 }),
      },
    }),
  datesOf: async (e) => {
    const { data } = await db.collection('things').doc(e.id).get()
    return {
      atIsDate: data.at instanceof Date,
      whenIsDate: data.when instanceof Date,
      at: data.at.getTime(),
      when: data.when.getTime(),
      later: data.later.getTime(),
    }
  },
  doc: async (e) =>
    (
      await db
        .collection(e.coll || 'things')
        .doc(e.id)
        .get()
    ).data,
  list: async (e) => {
    let q = db.collection('things').where(e.gte === undefined ? e.where || {} : { ...e.where, n: _.gte(e.gte) })
    if (e.orderBy) q = q.orderBy(e.orderBy[0], e.orderBy[1])
    if (e.skip) q = q.skip(e.skip)
    if (e.limit) q = q.limit(e.limit)
    if (e.field) q = q.field(e.field)
    return (await q.get()).data
  },
  countAll: (e) => db.collection(e.coll || 'things').count(),
  bump: (e) =>
    db
      .collection('things')
      .doc(e.id)
      .update({ data: { n: _.inc(1) } }),
  update: (e) =>
    db
      .collection('things')
      .doc(e.id)
      .update({
        data: {
          n: _.inc(2),
          tags: _.push(['b', 'c']),
          'meta.seen': true,
          gone: _.remove(),
          touchedAt: db.serverDate(),
        },
      }),
  arrays: (e) =>
    db
      .collection('things')
      .doc(e.id)
      .update({ data: { tags: _.pull('b'), set: _.addToSet('x') } }),
  replace: (e) =>
    db
      .collection('things')
      .doc(e.id)
      .set({ data: { replaced: true } }),
  whereUpdate: () =>
    db
      .collection('things')
      .where({ group: 'g' })
      .update({ data: { flagged: true } }),
  whereRemove: () => db.collection('things').where({ group: 'g' }).remove(),
  docRemove: (e) => db.collection('things').doc(e.id).remove(),
  aggregate: () =>
    db
      .collection('things')
      .aggregate()
      .match({ group: _.exists(true) })
      .group({ _id: '$group', total: $.sum('$n'), count: $.sum(1) })
      .sort({ _id: 1 })
      .limit(10)
      .end(),
  aggregateNoLimit: () => db.collection('things').aggregate().match({}).end(),
  missing: () => db.collection('no_such_collection').get(),
  createCollection: async (e) => {
    await db.createCollection(e.coll)
    return db.collection(e.coll).add({ data: { ok: 1 } })
  },
  addMember: (e) => db.collection('members').add({ data: { openid: e.openid } }),
  badField: () => db.collection('things').add({ data: { $bad: 1 } }),

  updateAndReturn: (e) =>
    tcbDb
      .collection('things')
      .where(e.where)
      .updateAndReturn({ n: tcbDb.command.inc(1), by: e.by }),
  /** The same request through the Query wx-server-sdk wraps. */
  updateAndReturnWrapped: (e) =>
    db
      .collection('things')
      .where(e.where)
      ._query.updateAndReturn({ n: _.inc(1), by: e.by }),
  /** Claims one unclaimed ticket: a conditional update that answers the document it changed. */
  claim: async (e) => {
    const r = await tcbDb
      .collection('things')
      .where({ kind: 'ticket', holder: null })
      .updateAndReturn({ holder: e.who })
    return r.doc ? r.doc._id : null
  },
  setSame: (e) => db.collection('things').doc(e.id).set({ data: e.data }),
  jsonSchema: () =>
    rows(
      db.collection('things').where(
        _.jsonSchema({
          required: ['name'],
          properties: { name: { bsonType: 'string', minLength: 2 }, n: { bsonType: 'int', minimum: 0 } },
        }),
      ),
    ),
  strings: () =>
    db
      .collection('things')
      .aggregate()
      .match({ name: _.exists(true) })
      .project({
        _id: 0,
        at: $.indexOfCP(['$name', '志愿']),
        tail: $.substrCP(['$name', 2, -1]),
        bytesTail: $.substrBytes(['$name', 6, -1]),
      })
      .end(),
  addPlace: (e) => db.collection(e.coll || 'places').add({ data: { _id: e.id, loc: db.Geo.Point(e.lng, e.lat) } }),
  geoWithin: (e) =>
    rows(
      db.collection(e.coll || 'places').where({
        loc: _.geoWithin({
          geometry: db.Geo.Polygon([db.Geo.LineString(e.ring.map(([lng, lat]) => db.Geo.Point(lng, lat)))]),
        }),
      }),
    ),
  geoNearQuery: (e) =>
    rows(
      db
        .collection(e.coll || 'places')
        .where({ loc: _.geoNear({ geometry: db.Geo.Point(e.lng, e.lat), maxDistance: e.max }) }),
    ),
  geoNearStage: (e) =>
    db
      .collection(e.coll || 'places')
      .aggregate()
      .geoNear({ distanceField: 'd', spherical: true, near: db.Geo.Point(e.lng, e.lat), maxDistance: e.max })
      .project({ d: true })
      .end(),

  // Transactions
  txIncrement: async (e) => {
    let attempts = 0
    const value = await db.runTransaction(async (t) => {
      attempts++
      const { data } = await t.collection('things').doc(e.id).get()
      if (e.holdGate) {
        await signal(e.holdGate)
        await gate(e.holdGate)
      }
      await t
        .collection('things')
        .doc(e.id)
        .update({ data: { n: data.n + 1 } })
      return data.n + 1
    })
    return { value, attempts }
  },
  /** startTransaction: writes, tells the test, waits for the gate, then commits (or aborts). */
  txHold: async (e) => {
    const t = await db.startTransaction()
    const before = (await t.collection('things').doc(e.id).get()).data
    await t
      .collection('things')
      .doc(e.id)
      .update({ data: { holder: e.holder } })
    await t.collection('things').add({ data: { _id: `${e.holder}-child` } })
    const own = (await t.collection('things').doc(e.id).get()).data
    await signal(e.holdGate)
    await gate(e.holdGate)
    if (e.abort) await t.rollback()
    else await t.commit()
    return { before, own }
  },
  txThrow: async (e) => {
    await db.runTransaction(async (t) => {
      await t
        .collection('things')
        .doc(e.id)
        .update({ data: { n: 999 } })
      throw new Error('changed my mind')
    })
  },
  txUpdateAndReturn: (e) =>
    tcbDb.runTransaction(async (t) => {
      const r = await t
        .collection('things')
        .where({ n: e.n })
        .updateAndReturn({ n: tcbDb.command.inc(1) })
      return { updated: r.updated, doc: r.doc }
    }),
  /** Two reads of one document around outside changes the test makes at the gates; then a write. */
  txSnapshot: async (e) => {
    const t = await db.startTransaction()
    await signal(`${e.gate}-1`)
    await gate(`${e.gate}-1`)
    const first = (await t.collection('things').doc(e.id).get()).data
    await signal(`${e.gate}-2`)
    await gate(`${e.gate}-2`)
    const second = (await t.collection('things').doc(e.id).get()).data
    try {
      await t
        .collection('things')
        .doc(e.id)
        .update({ data: { mine: true } })
      await t.commit()
      return { first, second }
    } catch (err) {
      return { first, second, failed: err.message }
    }
  },
  txAfterCommit: async (e) => {
    const t = await db.startTransaction()
    await t.commit()
    await t
      .collection('things')
      .doc(e.id)
      .update({ data: { late: true } })
  },
  txWhere: () => db.runTransaction(async (t) => t.collection('things').where({ n: 1 }).get()),
  txMissing: async () => {
    const t = await lenient.startTransaction()
    const got = await t.collection('things').doc('does-not-exist').get()
    await t.commit()
    return got.data
  },
  /** The caller's own retry loop: what runTransaction does not do for a write-time conflict. */
  txIncrementRetrying: async (e) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ops.txIncrement(e)
      } catch (err) {
        if (!/TransactionConflict/.test(err.message) || attempt >= 50) throw err
        await sleep(Math.random() * 10)
      }
    }
  },

  // Other services
  send: (e) =>
    cloud.openapi.subscribeMessage.send({
      touser: e.touser,
      templateId: 'tmpl-1',
      page: 'pages/me/index',
      data: e.data || { thing1: { value: '审核通过' }, time2: { value: '2025-05-01 10:00' } },
      miniprogramState: 'formal',
    }),
  notEmulated: () => cloud.openapi.security.msgSecCheck({ content: 'hello' }),
  files: async (e) => {
    const up = await cloud.uploadFile({ cloudPath: e.path, fileContent: Buffer.from(e.text) })
    const urls = await cloud.getTempFileURL({ fileList: [up.fileID] })
    const down = await cloud.downloadFile({ fileID: up.fileID })
    return { fileID: up.fileID, url: urls.fileList[0].tempFileURL, text: down.fileContent.toString('utf8') }
  },
  deleteFile: async (e) => {
    const del = await cloud.deleteFile({ fileList: [e.fileID] })
    const after = await cloud.getTempFileURL({ fileList: [e.fileID] })
    return { deleted: del.fileList[0].status, after: after.fileList[0].status }
  },
  download: async (e) => (await cloud.downloadFile({ fileID: e.fileID })).fileContent.toString('utf8'),
  call: async (e) => (await cloud.callFunction({ name: e.name, data: e.data })).result,
  sequence: async () => {
    const { _id } = await db.collection('things').add({ data: { n: 1 } })
    await db.collection('things').doc(_id).get()
    await db
      .collection('things')
      .doc(_id)
      .update({ data: { n: _.inc(1) } })
    await db.collection('things').where({ n: 2 }).count()
    await db.runTransaction(async (t) => {
      await t.collection('things').doc(_id).get()
    })
    return _id
  },
}

exports.main = async (event) => {
  try {
    return await ops[event.op](event)
  } catch (e) {
    return { failed: { errCode: e.errCode, code: e.code, message: e.message } }
  }
}
