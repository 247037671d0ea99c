/**
 * 代为报名 through the local cloud: the person who registered an elder signs that elder up for an
 * activity with the same seat, waitlist and audience rules as signUp, the ticket is the elder's and
 * says who made it and what they confirmed, and only that helper may act.
 */
import type { ActivityEditView, ActivityInput, ElderView, MyTicket } from '../../types/api'
import { activityInput, addActiveVolunteers } from '../support/activity-cloud'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { snapshot } from '../support/snapshot'

const ORGANIZER = 'demo-organizer' // organizer of 赫山区

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

async function publish(over: Partial<ActivityInput> = {}): Promise<ActivityEditView> {
  const draft = await expectOk(cloud.call(ORGANIZER, 'activity.save', { input: activityInput(over) }))
  return expectOk(cloud.call(ORGANIZER, 'activity.publish', { activityId: draft.id, rev: draft.rev }))
}

let seq = 0
/** An elder registered by a new helper, written as the functions write it; claimed and activated unless told. */
function elder(over: Record<string, unknown> = {}) {
  seq += 1
  const helper = `wx-helper-su-${seq}`
  const id = `vol-elder-su-${seq}`
  cloud.cloud.store.insert('volunteers', [
    {
      _id: id,
      openid: `wx-elder-su-${seq}`,
      status: 'active',
      name: '王秀英',
      idNumberHash: `hash-elder-su-${seq}`,
      team: { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' },
      teamPath: ['team-city', 'team-heshan'],
      memberOf: ['team-city', 'team-heshan'],
      proxy: { by: helper, relation: 'family', statement: '本人是王秀英的家人……' },
      ...over,
    },
  ])
  return { helper, id, openid: (over.openid as string | undefined) ?? `wx-elder-su-${seq}` }
}

const signUpFor = (helper: string, activityId: string, volunteerId: string) =>
  cloud.call(helper, 'activity.signUpFor', { activityId, volunteerId, consent: true })

it('signs the elder up under their own ticket, recording who acted and the consent for this activity', async () => {
  const a = await publish()
  const e = elder()
  const r = await signUpFor(e.helper, a.id, e.id)
  const t = await expectOk<MyTicket>(Promise.resolve(r))
  // activity and record (one round), a seat, the ticket
  expect(r.dbRequests).toBeLessThanOrEqual(4)
  expect(t).toMatchObject({ status: 'confirmed', nameMasked: '王**', token: expect.any(String) })
  const [stored] = cloud.cloud.store.find('tickets', { _id: t.id })
  expect(stored).toMatchObject({
    openid: e.openid,
    volunteerId: e.id,
    key: `${a.id}_${e.openid}`,
    proxy: {
      by: e.helper,
      relation: 'family',
      statement: `本人是王秀英的家人，已向王秀英本人说明活动「${a.input.title}」的时间、地点和内容，王秀英本人同意由本人代为报名。`,
    },
  })
  // The ticket is the elder's: it shows under their own 我的活动, and the helper's is untouched.
  const own = await expectOk(cloud.call(e.openid, 'activity.mine', { tab: 'upcoming' }))
  expect(own.items.map((x) => x.id)).toEqual([t.id])
  const helpers = await expectOk(cloud.call(e.helper, 'activity.mine', { tab: 'upcoming' }))
  expect(helpers.items).toEqual([])
  // Both are told, each where they find the code.
  const sentTo = (openid: string) => cloud.cloud.outbox().filter((m) => m.touser === openid)
  expect(sentTo(e.openid)).toMatchObject([{ page: 'packages/volunteer/pages/my-activities/index' }])
  expect(sentTo(e.helper)).toMatchObject([{ page: 'pages/me/index' }])
})

it('lists the helper’s elders with their status and the tickets made for them, masked', async () => {
  const a = await publish()
  const e = elder()
  // A second elder, of another helper, not yet claimed: each list is only its caller's.
  const pending = elder({ status: 'pending', openid: `unclaimed:vol-su-p${seq + 1}` })
  const t = await expectOk(signUpFor(e.helper, a.id, e.id))
  const r = await cloud.call(e.helper, 'activity.elders', {})
  const { elders } = await expectOk<{ elders: ElderView[] }>(Promise.resolve(r))
  expect(r.dbRequests).toBeLessThanOrEqual(3)
  expect(elders).toEqual([
    {
      volunteerId: e.id,
      nameMasked: '王**',
      relation: 'family',
      status: 'active',
      tickets: [{ ...t, signedUpAt: expect.any(String) }],
    },
  ])
  expect(JSON.stringify(elders)).not.toContain('王秀英')
  const other = await expectOk<{ elders: ElderView[] }>(cloud.call(pending.helper, 'activity.elders', {}))
  expect(other.elders).toMatchObject([{ volunteerId: pending.id, status: 'pending', tickets: [] }])
})

it('keeps one live sign-up per elder and activity, whoever made it, and gives the seat back', async () => {
  const a = await publish({ capacity: 5 })
  const e = elder()
  await expectOk(signUpFor(e.helper, a.id, e.id))
  expect(await signUpFor(e.helper, a.id, e.id)).toMatchObject({ ok: false, code: 'ALREADY_SIGNED_UP' })
  // The elder signing up on their own phone meets the same key.
  expect(await cloud.call(e.openid, 'activity.signUp', { activityId: a.id })).toMatchObject({
    ok: false,
    code: 'ALREADY_SIGNED_UP',
  })
  expect(cloud.cloud.store.find('activities', { _id: a.id })[0]).toMatchObject({ signedUp: 1 })
})

it('signs up concurrently without a second ticket', async () => {
  const a = await publish({ capacity: 5 })
  const e = elder()
  const rs = await Promise.all([1, 2, 3].map(() => signUpFor(e.helper, a.id, e.id)))
  expect(rs.filter((r) => r.ok)).toHaveLength(1)
  expect(cloud.cloud.store.find('tickets', { activityId: a.id })).toHaveLength(1)
  expect(cloud.cloud.store.find('activities', { _id: a.id })[0]).toMatchObject({ signedUp: 1 })
})

it('puts the elder on the waitlist when the seats are gone, and refuses when both are full', async () => {
  const a = await publish({ capacity: 1 })
  const [first] = addActiveVolunteers(cloud, 'su-full', 1)
  await expectOk(cloud.call(first, 'activity.signUp', { activityId: a.id }))
  const e = elder()
  expect(await expectOk(signUpFor(e.helper, a.id, e.id))).toMatchObject({ status: 'waitlisted', token: null })
  // Fill the waitlist too.
  cloud.cloud.store.update('activities', { _id: a.id }, { $set: { waiting: 1000 } })
  const f = elder()
  const before = snapshot(cloud)
  expect(await signUpFor(f.helper, a.id, f.id)).toMatchObject({ ok: false, code: 'ACTIVITY_FULL' })
  expect(snapshot(cloud)).toBe(before)
})

describe('refusals write nothing', () => {
  const refused = async (openid: string, data: unknown) => {
    const before = snapshot(cloud)
    const r = await cloud.raw(openid, 'activity', { action: 'signUpFor', data })
    expect(snapshot(cloud)).toBe(before)
    return r
  }

  it('refuses another account, as if the elder did not exist', async () => {
    const a = await publish()
    const e = elder()
    expect(await refused('wx-stranger', { activityId: a.id, volunteerId: e.id, consent: true })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    // A volunteer nobody registered for them.
    addActiveVolunteers(cloud, 'su-plain', 1)
    expect(
      await refused('wx-stranger', { activityId: a.id, volunteerId: 'vol-su-plain-0', consent: true }),
    ).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('refuses an elder not yet claimed and activated, or one who left', async () => {
    const a = await publish()
    const unclaimed = elder({ status: 'approved', openid: `unclaimed:vol-su-u${seq}` })
    expect(
      await refused(unclaimed.helper, { activityId: a.id, volunteerId: unclaimed.id, consent: true }),
    ).toMatchObject({ code: 'NOT_ACTIVATED', message: expect.stringContaining('还未激活') })
    const left = elder({ status: 'left' })
    expect(await refused(left.helper, { activityId: a.id, volunteerId: left.id, consent: true })).toMatchObject({
      code: 'NOT_ACTIVATED',
      message: '王**已退出志愿者队伍，不能报名',
    })
  })

  it('refuses an elder outside a team-only activity’s audience', async () => {
    const a = await publish({ audience: 'team' })
    const e = elder({ memberOf: ['team-city', 'team-ziyang'], teamPath: ['team-city', 'team-ziyang'] })
    expect(await refused(e.helper, { activityId: a.id, volunteerId: e.id, consent: true })).toMatchObject({
      code: 'NOT_IN_AUDIENCE',
    })
  })

  it('refuses without the consent, or with fields of its own', async () => {
    const a = await publish()
    const e = elder()
    expect(await refused(e.helper, { activityId: a.id, volunteerId: e.id, consent: false })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请确认家人本人已同意报名',
    })
    expect(await refused(e.helper, { activityId: a.id, volunteerId: e.id })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(
      await refused(e.helper, { activityId: a.id, volunteerId: e.id, consent: true, openid: e.helper }),
    ).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await refused(e.helper, { activityId: a.id, volunteerId: { $ne: null }, consent: true })).toMatchObject({
      code: 'INVALID_INPUT',
    })
  })
})

describe('cancelFor', () => {
  it('lets the helper cancel a sign-up they made, passing the seat on', async () => {
    const a = await publish({ capacity: 1 })
    const e = elder()
    const t = await expectOk(signUpFor(e.helper, a.id, e.id))
    const [waiter] = addActiveVolunteers(cloud, 'su-wait', 1)
    await expectOk(cloud.call(waiter, 'activity.signUp', { activityId: a.id }))
    const r = await cloud.call(e.helper, 'activity.cancelFor', { ticketId: t.id })
    expect(await expectOk(Promise.resolve(r))).toMatchObject({ status: 'cancelled', token: null })
    const [w] = cloud.cloud.store.find('tickets', { openid: waiter })
    expect(w).toMatchObject({ status: 'confirmed' })
  })

  it('refuses anyone else, the elder’s own ticket included, writing nothing', async () => {
    const a = await publish()
    const e = elder()
    const t = await expectOk(signUpFor(e.helper, a.id, e.id))
    const before = snapshot(cloud)
    expect(await cloud.call('wx-stranger', 'activity.cancelFor', { ticketId: t.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    // A ticket the elder made themselves is not the helper's to cancel.
    const b = await publish()
    const own = await expectOk(cloud.call(e.openid, 'activity.signUp', { activityId: b.id }))
    const beforeOwn = snapshot(cloud)
    expect(await cloud.call(e.helper, 'activity.cancelFor', { ticketId: own.id })).toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(snapshot(cloud)).toBe(beforeOwn)
    expect(before).not.toBe(beforeOwn)
  })
})
