/**
 * Makes a fixed set of representative calls through the real wx-server-sdk, for the contract test
 * to capture what goes over the wire. Run as a child process with the SDK's environment.
 */
const cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()
const _ = db.command
const $ = _.aggregate

async function main() {
  const things = db.collection('things')
  await things
    .where({
      a: 1,
      b: _.gt(2),
      at: _.lt(new Date(5)),
      name: db.RegExp({ regexp: '^x', options: 'i' }),
      'f.g': _.in(['p', 'q']),
    })
    .orderBy('a', 'desc')
    .orderBy('b', 'asc')
    .skip(5)
    .limit(10)
    .field({ a: true, secret: false })
    .get()
  await things.where(_.or([{ a: 1 }, { b: _.exists(false) }])).get()
  await things.doc('id1').get()
  await things.add({ data: { a: 1, at: db.serverDate(), d: new Date(7), half: 0.5, nested: { x: [1, 'two'] } } })
  await things.doc('id1').update({
    data: {
      a: _.inc(1),
      'n.x': 2,
      n: { y: 3 },
      p: _.push(['q']),
      u: _.addToSet('v'),
      w: _.pull('z'),
      r: _.remove(),
      t: db.serverDate({ offset: 1000 }),
    },
  })
  await things.doc('id1').set({ data: { a: 1 } })
  await things.where({ a: 1 }).update({ data: { b: 2 } })
  await things.where({ a: 1 }).remove()
  await things.doc('id1').remove()
  await things.where({ a: 1 }).count()
  // Not on wx-server-sdk's Query wrapper; the @cloudbase/database Query it wraps sends it.
  await things.where({ a: 1 })._query.updateAndReturn({ b: _.inc(1), c: 'x' })
  await things
    .aggregate()
    .match({ a: _.gt(1) })
    .group({ _id: '$a', n: $.sum(1) })
    .sort({ n: -1 })
    .limit(5)
    .end()
  await db.createCollection('made')

  const t = await db.startTransaction()
  await t.collection('things').doc('id1').get()
  await t.collection('things').add({ data: { a: 2 } })
  await t
    .collection('things')
    .doc('id1')
    .update({ data: { a: 3 } })
  await t
    .collection('things')
    .doc('id2')
    .set({ data: { a: 4 } })
  await t.collection('things').doc('id3').remove()
  await t.commit()
  await db
    .runTransaction(async (tx) => {
      await tx.rollback('nope')
    })
    .catch(() => undefined)

  const up = await cloud.uploadFile({ cloudPath: 'dir/file.txt', fileContent: Buffer.from('content') })
  await cloud.getTempFileURL({ fileList: [up.fileID, { fileID: 'cloud://x.y/other.txt', maxAge: 60 }] })
  await cloud.deleteFile({ fileList: [up.fileID] })
  await cloud.callFunction({ name: 'other', data: { x: 1 } })
  await cloud.openapi.subscribeMessage.send({
    touser: 'o-1',
    templateId: 'tmpl',
    page: 'pages/me/index',
    data: { thing1: { value: '你好' } },
    miniprogramState: 'formal',
  })
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
