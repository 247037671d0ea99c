/**
 * Activities, sign-up, waitlist and tickets through the local cloud with the real SDK: the rules of
 * DOMAIN.md "Activities" / "Sign-up and check-in", each refusal's code, DB requests per action.
 */
import { verifyTicketToken } from '../../src/packages/organizer/ticket-verify'
import type { ActivityEditView, ActivityInput } from '../../types/api'
import { addActiveVolunteers, activityInput } from '../support/activity-cloud'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())
jest.setTimeout(60_000)

const ORGANIZER = 'demo-organizer' // organizer of 赫山区
const ADMIN_MEDICAL = 'demo-medical-admin'
const ACTIVE = 'demo-active' // activated volunteer of 市医学会

async function published(over: Partial<ActivityInput> = {}, inDays = 3): Promise<ActivityEditView> {
  const draft = await expectOk(cloud.call(ORGANIZER, 'activity.save', { input: activityInput(over, inDays) }))
  return expectOk(cloud.call(ORGANIZER, 'activity.publish', { activityId: draft.id, rev: draft.rev }))
}

/** Every document of the collections a sign-up touches, to prove a refusal wrote nothing. */
const snapshot = () => JSON.stringify(['activities', 'tickets', 'messages'].map((c) => cloud.cloud.store.find(c)))

describe('publishing', () => {
  it('creates a draft, publishes it within the budget, and lists it as 报名中', async () => {
    const draft = await cloud.call(ORGANIZER, 'activity.save', { input: activityInput({ title: '发布预算测试' }) })
    expect(draft).toMatchObject({ ok: true, data: { stage: 'draft', status: 'draft', rev: 0 } })
    expect(draft.dbRequests).toBeLessThanOrEqual(4)
    if (!draft.ok) return
    const pub = await cloud.call(ORGANIZER, 'activity.publish', { activityId: draft.data.id, rev: 0 })
    expect(pub).toMatchObject({ ok: true, data: { stage: 'published', status: 'open', rev: 1 } })
    expect(pub.dbRequests).toBeLessThanOrEqual(3)
    const list = await expectOk(cloud.call(ACTIVE, 'activity.list', { tab: 'upcoming', q: '发布预算' }))
    expect(list.items.map((a) => a.id)).toEqual([draft.data.id])
  })

  it('refuses a publish from a stale screen with CONFLICT', async () => {
    const draft = await expectOk(cloud.call(ORGANIZER, 'activity.save', { input: activityInput() }))
    await expectOk(
      cloud.call(ORGANIZER, 'activity.save', { id: draft.id, rev: 0, input: activityInput({ title: '改过' }) }),
    )
    expect(await cloud.call(ORGANIZER, 'activity.publish', { activityId: draft.id, rev: 0 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
  })

  it('keeps organizers to their own teams: another county is NOT_IN_SCOPE and nothing is written', async () => {
    const before = snapshot()
    expect(
      await cloud.call(ORGANIZER, 'activity.save', { input: activityInput({ teamId: 'team-anhua' }) }),
    ).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
    const other = await expectOk(
      cloud.call(ADMIN_MEDICAL, 'activity.save', { input: activityInput({ teamId: 'team-medical' }) }),
    )
    const afterCreate = snapshot()
    for (const call of [
      cloud.call(ORGANIZER, 'activity.publish', { activityId: other.id, rev: other.rev }),
      cloud.call(ORGANIZER, 'activity.save', { id: other.id, rev: other.rev, input: activityInput() }),
      cloud.call(ORGANIZER, 'activity.cancel', { activityId: other.id, reason: '越权取消' }),
      cloud.call(ORGANIZER, 'activity.forEdit', { activityId: other.id }),
    ]) {
      expect(await call).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' })
    }
    expect(snapshot()).toBe(afterCreate)
    expect(before).not.toBe(afterCreate)
  })

  it('refuses volunteers and new users any publishing action', async () => {
    for (const who of [ACTIVE, 'wx-nobody']) {
      expect(await cloud.call(who, 'activity.save', { input: activityInput() })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      })
      expect(await cloud.call(who, 'activity.organized', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  it('refuses an end before the start and a deadline after the start, naming the field', async () => {
    const start = new Date(Date.now() + 86_400_000)
    const bad = activityInput({ endAt: new Date(start.getTime() - 1000).toISOString(), startAt: start.toISOString() })
    expect(await cloud.call(ORGANIZER, 'activity.save', { input: bad })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'input.endAt',
    })
    const late = activityInput({}, 2)
    late.signupDeadline = new Date(Date.parse(late.startAt) + 60_000).toISOString()
    expect(await cloud.call(ORGANIZER, 'activity.save', { input: late })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'input.signupDeadline',
    })
  })

  it('refuses a capacity below the number signed up', async () => {
    const a = await published({ capacity: 5 })
    for (const v of addActiveVolunteers(cloud, 'cap', 3))
      await expectOk(cloud.call(v, 'activity.signUp', { activityId: a.id }))
    const r = await cloud.call(ORGANIZER, 'activity.save', { id: a.id, rev: a.rev, input: { ...a.input, capacity: 2 } })
    expect(r).toMatchObject({ ok: false, code: 'CAPACITY_TOO_LOW', field: 'capacity' })
    const fine = await expectOk(
      cloud.call(ORGANIZER, 'activity.save', { id: a.id, rev: a.rev, input: { ...a.input, capacity: 3 } }),
    )
    expect(fine).toMatchObject({ signedUp: 3, input: { capacity: 3 } })
    const [doc] = cloud.cloud.store.find('activities', { _id: a.id })
    expect(doc).toMatchObject({ seatsLeft: 0, signedUp: 3 })
  })
})

describe('sign-up', () => {
  it('signs an activated volunteer up within the budget and issues a verifiable ticket', async () => {
    const a = await published()
    const r = await cloud.call(ACTIVE, 'activity.signUp', { activityId: a.id })
    if (!r.ok) throw new Error(r.message)
    expect(r.dbRequests).toBeLessThanOrEqual(4)
    expect(r.data).toMatchObject({ status: 'confirmed', nameMasked: expect.stringMatching(/^.\*+$/) })
    expect(r.data.token).toMatch(/^KP[A-Z2-7]+$/)
    expect(verifyTicketToken(r.data.token!, a.ticketPublicKey, a.id)).toMatchObject({ ok: true })
    expect(verifyTicketToken(r.data.token!, a.ticketPublicKey, 'another-activity')).toEqual({
      ok: false,
      reason: 'other_activity',
    })
    const detail = await cloud.call(ACTIVE, 'activity.detail', { activityId: a.id })
    expect(detail).toMatchObject({ ok: true, data: { signedUp: 1, mine: { id: r.data.id, status: 'confirmed' } } })
    expect(detail.dbRequests).toBeLessThanOrEqual(2)
    const mine = await cloud.call(ACTIVE, 'activity.mine', { tab: 'upcoming' })
    expect(mine.dbRequests).toBeLessThanOrEqual(2)
    expect(mine.ok && mine.data.items.map((t) => t.id)).toContain(r.data.id)
  })

  it('refuses a second sign-up with ALREADY_SIGNED_UP and keeps the counters', async () => {
    const a = await published({ capacity: 3 })
    await expectOk(cloud.call(ACTIVE, 'activity.signUp', { activityId: a.id }))
    expect(await cloud.call(ACTIVE, 'activity.signUp', { activityId: a.id })).toMatchObject({
      ok: false,
      code: 'ALREADY_SIGNED_UP',
    })
    expect(cloud.cloud.store.find('activities', { _id: a.id })[0]).toMatchObject({ signedUp: 1, seatsLeft: 2 })
    expect(cloud.cloud.store.find('tickets', { activityId: a.id })).toHaveLength(1)
  })

  it.each([
    ['a draft', 'NOT_FOUND'],
    ['a cancelled activity', 'ACTIVITY_NOT_OPEN'],
    ['an activity past its deadline', 'SIGNUP_CLOSED'],
    ['an activity of another team’s members', 'NOT_IN_AUDIENCE'],
  ])('refuses %s with %s and writes nothing', async (what, code) => {
    let id: string
    if (what === 'a draft') {
      id = (await expectOk(cloud.call(ORGANIZER, 'activity.save', { input: activityInput() }))).id
    } else if (what === 'a cancelled activity') {
      id = (await published()).id
      await expectOk(cloud.call(ORGANIZER, 'activity.cancel', { activityId: id, reason: '天气原因' }))
    } else if (what === 'an activity past its deadline') {
      id = (await published()).id
      cloud.cloud.store.update('activities', { _id: id }, { $set: { signupDeadline: new Date(Date.now() - 1000) } })
    } else {
      id = (
        await expectOk(
          cloud.call(ORGANIZER, 'activity.save', { input: activityInput({ teamId: 'team-heshan', audience: 'team' }) }),
        )
      ).id
      await expectOk(cloud.call(ORGANIZER, 'activity.publish', { activityId: id, rev: 0 }))
    }
    const before = snapshot()
    expect(await cloud.call(ACTIVE, 'activity.signUp', { activityId: id })).toMatchObject({ ok: false, code })
    expect(snapshot()).toBe(before)
  })

  it('refuses people who are not activated with NOT_ACTIVATED and writes nothing', async () => {
    const a = await published()
    const before = snapshot()
    for (const who of ['demo-pending', 'demo-approved', 'demo-left', 'wx-nobody']) {
      expect(await cloud.call(who, 'activity.signUp', { activityId: a.id })).toMatchObject({
        ok: false,
        code: 'NOT_ACTIVATED',
      })
    }
    expect(snapshot()).toBe(before)
  })

  it('gives exactly 100 tickets for 100 seats to 500 simultaneous sign-ups and waitlists the rest', async () => {
    const a = await published({ capacity: 100 })
    const people = addActiveVolunteers(cloud, 'rush', 500)
    const started = Date.now()
    const results = await Promise.all(people.map((p) => cloud.call(p, 'activity.signUp', { activityId: a.id })))
    const ms = Date.now() - started
    const codes = results.map((r) => (r.ok ? r.data.status : r.code))
    expect(codes.filter((c) => c === 'confirmed')).toHaveLength(100)
    expect(codes.filter((c) => c === 'waitlisted')).toHaveLength(100)
    // Seats and waitlist places both full: the rest are told so, and nothing else goes wrong.
    expect(codes.filter((c) => c === 'ACTIVITY_FULL')).toHaveLength(300)
    const tickets = cloud.cloud.store.find('tickets', { activityId: a.id })
    expect(tickets.filter((t) => t.status === 'confirmed')).toHaveLength(100)
    expect(cloud.cloud.store.find('activities', { _id: a.id })[0]).toMatchObject({
      signedUp: 100,
      seatsLeft: 0,
      waiting: 100,
      waitSlots: 0,
    })
    console.log(`[activities] 500 sign-ups for 100 seats in ${ms} ms`)
  }, 180_000)

  it('promotes the first waiting person when a seat is cancelled, and messages them', async () => {
    const a = await published({ capacity: 1 })
    const [first, second, third] = addActiveVolunteers(cloud, 'wait', 3)
    const byPerson = (o: string) => cloud.cloud.store.find('tickets', { activityId: a.id, openid: o })
    const counters = () => cloud.cloud.store.find('activities', { _id: a.id })[0]
    const seat = await expectOk(cloud.call(first, 'activity.signUp', { activityId: a.id }))
    expect((await expectOk(cloud.call(second, 'activity.signUp', { activityId: a.id }))).status).toBe('waitlisted')
    // The waitlist holds as many people as there are seats.
    expect(await cloud.call(third, 'activity.signUp', { activityId: a.id })).toMatchObject({ code: 'ACTIVITY_FULL' })
    const cancel = await cloud.call(first, 'activity.cancelSignup', { ticketId: seat.id })
    expect(cancel).toMatchObject({ ok: true, data: { status: 'cancelled', token: null } })
    expect(cancel.dbRequests).toBeLessThanOrEqual(5)
    expect(byPerson(second)[0]).toMatchObject({ status: 'confirmed', promotedAt: expect.anything() })
    expect(counters()).toMatchObject({ signedUp: 1, seatsLeft: 0, waiting: 0, waitSlots: 1 })
    const promoted = cloud.cloud.outbox().filter((m) => m.touser === second)
    expect(promoted.map((m) => m.templateId)).toContain('dev-template-waitlist-promoted')
    // A waiting person who cancels frees the place; the freed key lets the first sign up again.
    const waiting = await expectOk(cloud.call(third, 'activity.signUp', { activityId: a.id }))
    expect(waiting.status).toBe('waitlisted')
    await expectOk(cloud.call(third, 'activity.cancelSignup', { ticketId: waiting.id }))
    expect((await expectOk(cloud.call(first, 'activity.signUp', { activityId: a.id }))).status).toBe('waitlisted')
    expect(counters()).toMatchObject({ signedUp: 1, waiting: 1, waitSlots: 0 })
    expect(
      byPerson(first)
        .map((t) => t.status)
        .sort(),
    ).toEqual(['cancelled', 'waitlisted'])
  })

  it('refuses a cancel of someone else’s ticket as NOT_FOUND and writes nothing', async () => {
    const a = await published()
    const t = await expectOk(cloud.call(ACTIVE, 'activity.signUp', { activityId: a.id }))
    const before = snapshot()
    expect(await cloud.call('demo-organizer', 'activity.cancelSignup', { ticketId: t.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(snapshot()).toBe(before)
  })

  it('refuses a cancel after the cut-off and takes 无法参加 instead, telling the organizer', async () => {
    const a = await published({}, 0.05) // starts in about 72 minutes: inside the 2-hour cut-off
    const t = await expectOk(cloud.call(ACTIVE, 'activity.signUp', { activityId: a.id }))
    const before = snapshot()
    expect(await cloud.call(ACTIVE, 'activity.cancelSignup', { ticketId: t.id })).toMatchObject({
      ok: false,
      code: 'CANCEL_CLOSED',
    })
    expect(snapshot()).toBe(before)
    const absent = await expectOk(cloud.call(ACTIVE, 'activity.absent', { ticketId: t.id, reason: '家中有事' }))
    expect(absent.status).toBe('absent')
    expect(cloud.cloud.store.find('messages', { openid: ORGANIZER, title: '有志愿者无法参加' }).length).toBeGreaterThan(
      0,
    )
  })

  it('tells everyone signed up when the organizer cancels, with the reason', async () => {
    const a = await published()
    const people = addActiveVolunteers(cloud, 'told', 3)
    for (const p of people) await expectOk(cloud.call(p, 'activity.signUp', { activityId: a.id }))
    await expectOk(cloud.call(ORGANIZER, 'activity.cancel', { activityId: a.id, reason: '暴雨预警' }))
    for (const p of people) {
      expect(cloud.cloud.store.find('messages', { openid: p, title: '活动已取消' })[0].body).toContain('暴雨预警')
      const mine = await expectOk(cloud.call(p, 'activity.mine', { tab: 'upcoming' }))
      expect(mine.items.find((t) => t.activity.id === a.id)).toMatchObject({
        token: null,
        activity: { status: 'cancelled', cancelReason: '暴雨预警' },
      })
    }
  })
})

describe('lists', () => {
  it('reads one request for a page of the 活动 list, with filters', async () => {
    const r = await cloud.call(ACTIVE, 'activity.list', { tab: 'upcoming', type: 'lecture', seatsOnly: true, limit: 5 })
    expect(r.ok).toBe(true)
    expect(r.dbRequests).toBe(1)
    expect(r.ok && r.data.items.every((a) => a.type === 'lecture' && a.signedUp < a.capacity)).toBe(true)
  })

  it('filters by a county and its subtree, and shows past activities latest first', async () => {
    const heshan = await expectOk(
      cloud.call(ACTIVE, 'activity.list', { tab: 'upcoming', teamId: 'team-heshan', limit: 50 }),
    )
    expect(heshan.items.length).toBeGreaterThan(0)
    expect(heshan.items.every((a) => a.team.id === 'team-heshan')).toBe(true)
    const past = await expectOk(cloud.call(ACTIVE, 'activity.list', { tab: 'past' }))
    expect(past.items.map((a) => a.id)).toContain('act-3')
  })

  it('treats a search as literal text, not a pattern', async () => {
    const r = await expectOk(cloud.call(ACTIVE, 'activity.list', { tab: 'upcoming', q: '.*' }))
    expect(r.items).toEqual([])
  })
})

describe('reminders', () => {
  it('reminds confirmed people the day before, once, from the timer only', async () => {
    const a = await published({ title: '明天的活动' }, 1)
    // Starts tomorrow in China time whatever the hour now: move it to 10:00 tomorrow.
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)
    const start = new Date(`${tomorrow}T02:00:00.000Z`)
    cloud.cloud.store.update(
      'activities',
      { _id: a.id },
      { $set: { startAt: start, endAt: new Date(start.getTime() + 3_600_000), signupDeadline: start } },
    )
    const [p] = addActiveVolunteers(cloud, 'remind', 1)
    await expectOk(cloud.call(p, 'activity.signUp', { activityId: a.id }))
    expect(await cloud.raw(p, 'scheduler', { Type: 'Timer', TriggerName: 'remind' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    const timer = () => cloud.cloud.callFunction('scheduler', { Type: 'Timer', TriggerName: 'remind' }, { openid: '' })
    expect((await timer()).result).toMatchObject({ ok: true })
    expect((await timer()).result).toMatchObject({ ok: true, data: { activities: 0 } })
    const sent = cloud.cloud.outbox().filter((m) => m.touser === p && m.templateId === 'dev-template-activity-reminder')
    expect(sent).toHaveLength(1)
  })
})

describe('authorization matrix of the publishing actions', () => {
  // Who may do what to a 赫山区 activity: its organizer and the admins above it; nobody else.
  // A draft is seen only by those who may edit it; a refused call writes nothing.
  const actors: [string, string, 'ok' | string][] = [
    ['organizer in scope', ORGANIZER, 'ok'],
    ['county admin in scope', 'demo-heshan-admin', 'ok'],
    ['city admin above it', 'demo-city-admin', 'ok'],
    ['owner', 'demo-owner', 'ok'],
    ['society admin out of scope', ADMIN_MEDICAL, 'NOT_IN_SCOPE'],
    ['activated volunteer', ACTIVE, 'FORBIDDEN'],
    ['new user', 'wx-matrix-new', 'FORBIDDEN'],
  ]
  it.each(actors)('%s', async (_who, openid, expected) => {
    const a = await published()
    const draft = await expectOk(cloud.call(ORGANIZER, 'activity.save', { input: activityInput() }))
    const calls = [
      () => cloud.call(openid, 'activity.forEdit', { activityId: a.id }),
      () => cloud.call(openid, 'activity.save', { id: a.id, rev: a.rev, input: { ...a.input, title: '改名' } }),
      () => cloud.call(openid, 'activity.publish', { activityId: draft.id, rev: draft.rev }),
      () => cloud.call(openid, 'activity.detail', { activityId: draft.id }),
      () => cloud.call(openid, 'activity.cancel', { activityId: a.id, reason: '矩阵测试' }),
      () => cloud.call(openid, 'activity.save', { input: activityInput() }),
    ]
    for (const [i, call] of calls.entries()) {
      const before = snapshot()
      const r = await call()
      // The action's index in the message tells which one failed.
      expect([i, r.ok ? 'ok' : r.code]).toEqual([i, expected])
      if (expected !== 'ok') expect(snapshot()).toBe(before)
    }
  })
})
