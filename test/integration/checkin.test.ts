/**
 * Check-in at the venue through the local cloud with the real SDK: online scans, offline batches,
 * check-out and hours, 补录, each refusal's code, and DB requests per action.
 */
import { randomBytes } from 'node:crypto'
import type { ActivityEditView, ActivityInput, ScanInput } from '../../types/api'
import { runningActivity as startActivity, signedUp as signUpPeople } from '../support/activity-cloud'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())
jest.setTimeout(60_000)

const ORGANIZER = 'demo-organizer' // organizer of 赫山区
const OTHER_ADMIN = 'demo-medical-admin'
const HOUR = 3_600_000

const runningActivity = (over: Partial<ActivityInput> = {}, startedHoursAgo = 0) =>
  startActivity(cloud, ORGANIZER, over, startedHoursAgo)
const signedUp = (a: ActivityEditView, prefix: string, n: number) => signUpPeople(cloud, a, prefix, n)

const nonce = () => randomBytes(9).toString('base64url')
const scan = (token: string, mode: 'in' | 'out' = 'in', at = new Date()): ScanInput => ({
  nonce: nonce(),
  token,
  mode,
  at: at.toISOString(),
})
const checksOf = (activityId: string) => cloud.cloud.store.find('checks', { activityId })
const snapshot = () =>
  JSON.stringify(['checks', 'activities', 'tickets', 'makeups', 'volunteers'].map((c) => cloud.cloud.store.find(c)))

describe('online scans', () => {
  it('checks a ticket in once: 签到成功, then 已签到 with when and which phone', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'on', 1)
    const first = await cloud.call(ORGANIZER, 'checkin.scan', {
      activityId: a.id,
      device: 'phone-A',
      scan: scan(p.ticket.token!),
    })
    expect(first).toMatchObject({
      ok: true,
      data: { result: 'done', message: '签到成功', nameMasked: p.ticket.nameMasked },
    })
    const again = await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: 'phone-B', scan: scan(p.ticket.token!) }),
    )
    expect(again).toMatchObject({ result: 'already', message: '已签到', first: { device: 'phone-A', method: 'scan' } })
    expect(checksOf(a.id)).toHaveLength(1)
  })

  it('costs 2 requests for a fresh ticket with the organizer’s grants warm, 1 for a repeat', async () => {
    const a = await runningActivity()
    const [p, q] = await signedUp(a, 'cost', 2)
    const at = { activityId: a.id, device: 'A' }
    await expectOk(cloud.call(ORGANIZER, 'checkin.scan', { ...at, scan: scan(q.ticket.token!) }))
    const first = await cloud.call(ORGANIZER, 'checkin.scan', { ...at, scan: scan(p.ticket.token!) })
    expect(first).toMatchObject({ ok: true, data: { result: 'done' } })
    // The ticket with its activity and checks; the insert whose id refuses a second.
    expect(first.breakdown.map((b) => b.action)).toEqual(['database.aggregateDocuments', 'database.insertDocument'])
    expect(first.docsExamined).toBeLessThanOrEqual(4)
    const again = await cloud.call(ORGANIZER, 'checkin.scan', { ...at, scan: scan(p.ticket.token!) })
    expect(again).toMatchObject({ ok: true, data: { result: 'already' } })
    expect(again.dbRequests).toBe(1)
  })

  it('three phones scanning one ticket at the same moment make one check-in', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'race', 1)
    const results = await Promise.all(
      ['A', 'B', 'C'].map((d) =>
        cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: d, scan: scan(p.ticket.token!) }),
      ),
    )
    const kinds = results.map((r) => (r.ok ? r.data.result : r.code)).sort()
    expect(kinds).toEqual(['already', 'already', 'done'])
    expect(checksOf(a.id)).toHaveLength(1)
  })

  it.each([
    ['a tampered token', 'TICKET_INVALID'],
    ['a truncated token', 'TICKET_INVALID'],
    ['a text that is not a ticket', 'TICKET_INVALID'],
    ['another activity’s ticket', 'TICKET_OTHER_ACTIVITY'],
    ['a cancelled ticket', 'TICKET_CANCELLED'],
    ['a scan before check-in opens', 'CHECKIN_NOT_OPEN'],
    ['a check-out of someone not checked in', 'NOT_CHECKED_IN'],
  ])('refuses %s with %s and writes nothing', async (what, code) => {
    const a = await runningActivity()
    const [p, q] = await signedUp(a, `bad-${code}-${what.length}`, 2)
    const token = p.ticket.token!
    let s = scan(token)
    if (what === 'a tampered token') s = scan(token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21))
    if (what === 'a truncated token') s = scan(token.slice(0, 60))
    if (what === 'a text that is not a ticket') s = scan('https://example.com/not-a-ticket')
    if (what === 'another activity’s ticket') {
      const b = await runningActivity()
      const [r] = await signedUp(b, `other-${what.length}`, 1)
      s = scan(r.ticket.token!)
    }
    if (what === 'a cancelled ticket') {
      cloud.cloud.store.update('tickets', { _id: q.ticket.id }, { $set: { status: 'cancelled' } })
      s = scan(q.ticket.token!)
    }
    if (what === 'a scan before check-in opens') s = scan(token, 'in', new Date(Date.now() - 5 * HOUR))
    if (what === 'a check-out of someone not checked in') s = scan(token, 'out')
    const before = snapshot()
    const r = await expectOk(cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: 'A', scan: s }))
    expect(r).toMatchObject({ result: 'refused', code })
    expect(snapshot()).toBe(before)
  })

  it('refuses an organizer of another team with NOT_IN_SCOPE and writes nothing', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'scope', 1)
    const before = snapshot()
    for (const who of [OTHER_ADMIN, p.openid]) {
      const r = await cloud.call(who, 'checkin.scan', { activityId: a.id, device: 'X', scan: scan(p.ticket.token!) })
      expect(r).toMatchObject({ ok: false, code: who === OTHER_ADMIN ? 'NOT_IN_SCOPE' : 'FORBIDDEN' })
    }
    expect(snapshot()).toBe(before)
  })

  it('checks someone in by hand with the ticket id, recorded as manual', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'manual', 1)
    const r = await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: 'A', scan: scan(p.ticket.id) }),
    )
    expect(r.result).toBe('done')
    expect(checksOf(a.id)[0]).toMatchObject({ method: 'manual', ticketId: p.ticket.id })
  })
})

describe('offline', () => {
  it('gives a pack with public key, masked names and the revoked tickets, within 3 requests before the event', async () => {
    const a = await runningActivity()
    const people = await signedUp(a, 'pack', 3)
    await expectOk(
      cloud.call(people[2].openid, 'activity.absent', { ticketId: people[2].ticket.id, reason: '临时有事' }),
    )
    const r = await cloud.call(ORGANIZER, 'checkin.pack', { activityId: a.id })
    expect(r.dbRequests).toBeLessThanOrEqual(3)
    if (!r.ok) throw new Error(r.message)
    expect(r.data.tickets).toHaveLength(2)
    expect(r.data.revoked).toHaveLength(1)
    expect(JSON.stringify(r.data)).not.toMatch(/\d{17}[\dX]|1\d{10}/)
    expect(r.data.publicKey).toBe(a.ticketPublicKey)
  })

  it('gives the pack of 500 tickets in at most 3 requests, before and during check-in', async () => {
    const a = await runningActivity({ capacity: 500 })
    const [p] = await signedUp(a, 'pack500', 1)
    const ticket = cloud.cloud.store.find('tickets', { _id: p.ticket.id })[0]
    const { _id: _drop, ...shape } = ticket
    cloud.cloud.store.insert(
      'tickets',
      Array.from({ length: 499 }, (_, i) => ({
        ...shape,
        _id: `t-pack500-${i}`,
        key: `${a.id}_wx-pack500-${i}`,
        tid: randomBytes(8).toString('hex').toUpperCase().slice(0, 13),
        openid: `wx-pack500-${i}`,
      })),
    )
    const before = await cloud.call(ORGANIZER, 'checkin.pack', { activityId: a.id })
    expect(before.ok && before.data.tickets).toHaveLength(500)
    expect(before.dbRequests).toBeLessThanOrEqual(3)
    await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: 'A', scan: scan(p.ticket.token!) }),
    )
    const during = await cloud.call(ORGANIZER, 'checkin.pack', { activityId: a.id })
    expect(during.ok && during.data.tickets.filter((t) => t.checkedInAt)).toHaveLength(1)
    expect(during.dbRequests).toBeLessThanOrEqual(3)
  })

  it('syncs a batch of 100 offline scans in at most 12 requests; the same batch again adds nothing', async () => {
    const a = await runningActivity({ capacity: 100 })
    const people = await signedUp(a, 'batch', 100)
    const at = new Date(Date.now() - 10 * 60_000)
    const scans = people.map((p) => scan(p.ticket.token!, 'in', at))
    const first = await cloud.call(ORGANIZER, 'checkin.sync', { activityId: a.id, device: 'phone-A', scans })
    expect(first.dbRequests).toBeLessThanOrEqual(12)
    if (!first.ok) throw new Error(first.message)
    expect(first.data.outcomes.every((o) => o.result === 'done')).toBe(true)
    expect(checksOf(a.id)).toHaveLength(100)
    expect(checksOf(a.id)[0]).toMatchObject({ method: 'offline', device: 'phone-A', at: at })
    const again = await expectOk(cloud.call(ORGANIZER, 'checkin.sync', { activityId: a.id, device: 'phone-A', scans }))
    expect(again.conflicts).toEqual([])
    expect(checksOf(a.id)).toHaveLength(100)
  })

  it('reports one ticket admitted on two phones: the earlier stands', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'two', 1)
    const early = scan(p.ticket.token!, 'in', new Date(Date.now() - 20 * 60_000))
    const late = scan(p.ticket.token!, 'in', new Date(Date.now() - 10 * 60_000))
    await expectOk(cloud.call(ORGANIZER, 'checkin.sync', { activityId: a.id, device: 'phone-A', scans: [early] }))
    const r = await expectOk(
      cloud.call(ORGANIZER, 'checkin.sync', { activityId: a.id, device: 'phone-B', scans: [late] }),
    )
    expect(r.outcomes[0].result).toBe('already')
    expect(r.conflicts).toEqual([
      expect.objectContaining({ ticketId: p.ticket.id, first: expect.objectContaining({ device: 'phone-A' }) }),
    ])
    expect(checksOf(a.id)).toHaveLength(1)
  })

  it('reports a ticket cancelled after the pack was taken instead of admitting it', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'late-cancel', 1)
    cloud.cloud.store.update('tickets', { _id: p.ticket.id }, { $set: { status: 'cancelled' } })
    const r = await expectOk(
      cloud.call(ORGANIZER, 'checkin.sync', { activityId: a.id, device: 'A', scans: [scan(p.ticket.token!)] }),
    )
    expect(r.outcomes[0]).toMatchObject({ result: 'refused', code: 'TICKET_CANCELLED' })
    expect(checksOf(a.id)).toHaveLength(0)
  })
})

describe('the activity’s 签到/签退 figures', () => {
  const figures = (id: string) => {
    const [doc] = cloud.cloud.store.find('activities', { _id: id })
    return { checkedIn: doc.checkedIn, checkedOut: doc.checkedOut }
  }
  const closeNow = () =>
    cloud.cloud.callFunction('scheduler', { Type: 'Timer', TriggerName: 'autoCheckout' }, { openid: '' })

  it('are counted from the records at close and for anything recorded after, not per scan', async () => {
    const a = await runningActivity()
    const [p, q, r, s] = await signedUp(a, 'figures', 4)
    const call = { activityId: a.id, device: 'A' }
    const start = new Date(Date.now() - 4 * HOUR)
    const at = (min: number) => new Date(start.getTime() + min * 60_000)
    for (const x of [p, q])
      await expectOk(cloud.call(ORGANIZER, 'checkin.scan', { ...call, scan: scan(x.ticket.token!) }))
    await expectOk(cloud.call(ORGANIZER, 'checkin.sync', { ...call, scans: [scan(r.ticket.token!)] }))
    // While it runs, the attendance page counts the records; the activity's figures wait for the close.
    expect((await expectOk(cloud.call(ORGANIZER, 'checkin.attendance', { activityId: a.id }))).counts).toMatchObject({
      checkedIn: 3,
      checkedOut: 0,
    })
    expect(figures(a.id)).toEqual({ checkedIn: 0, checkedOut: 0 })

    // It ended an hour ago: the automatic check-out closes it and counts.
    const times = { startAt: start, endAt: at(180) }
    cloud.cloud.store.update('activities', { _id: a.id }, { $set: times })
    cloud.cloud.store.update('tickets', { activityId: a.id }, { $set: times })
    cloud.cloud.store.update('checks', { activityId: a.id }, { $set: { at: at(5) } })
    expect((await closeNow()).result).toMatchObject({ ok: true })
    expect(figures(a.id)).toEqual({ checkedIn: 3, checkedOut: 3 })

    // A phone that had no signal syncs its scan from before the end, after the close: it is closed
    // at the scheduled end as the others were (2.5 hours from 0:30 to 3:00), and counted again.
    const late = await cloud.call(ORGANIZER, 'checkin.sync', { ...call, scans: [scan(s.ticket.token!, 'in', at(30))] })
    expect(late.ok && late.data.outcomes[0].result).toBe('done')
    expect(checksOf(a.id).find((c) => c.ticketId === s.ticket.id && c.mode === 'out')).toMatchObject({
      method: 'auto',
      minutes: 150,
    })
    expect(cloud.cloud.store.find('volunteers', { openid: s.openid })[0].serviceMinutes).toBe(150)
    expect(figures(a.id)).toEqual({ checkedIn: 4, checkedOut: 4 })
  })

  it('keep a larger count already written when an earlier count arrives late', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'settle-order', 1)
    await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: 'A', scan: scan(p.ticket.token!) }),
    )
    const start = new Date(Date.now() - 4 * HOUR)
    const times = { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR) }
    cloud.cloud.store.update('activities', { _id: a.id }, { $set: times })
    cloud.cloud.store.update('checks', { activityId: a.id }, { $set: { at: new Date(start.getTime() + 60_000) } })
    // As if a later count (with more records) had already been written: this count of 1 is older.
    cloud.cloud.store.update('activities', { _id: a.id }, { $set: { checkedIn: 2, checkedOut: 0 } })
    await expectOk(cloud.call(ORGANIZER, 'checkin.confirmRecords', { activityId: a.id }))
    expect(figures(a.id)).toEqual({ checkedIn: 2, checkedOut: 0 })
    // A count that is not older is written.
    cloud.cloud.store.update('activities', { _id: a.id }, { $set: { checkedIn: 0, checkedOut: 0 } })
    await expectOk(cloud.call(ORGANIZER, 'checkin.confirmRecords', { activityId: a.id }))
    expect(figures(a.id)).toEqual({ checkedIn: 1, checkedOut: 0 })
  })
})

describe('check-out, hours and 补录', () => {
  it('gives hours by the rule on check-out and closes the rest at the scheduled end, flagged', async () => {
    const a = await runningActivity()
    const [p, q] = await signedUp(a, 'hours', 2)
    // It started 4 hours ago and ended an hour ago.
    const start = new Date(Date.now() - 4 * HOUR)
    cloud.cloud.store.update(
      'activities',
      { _id: a.id },
      { $set: { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR) } },
    )
    const at = (min: number) => new Date(start.getTime() + min * 60_000)
    await expectOk(
      cloud.call(ORGANIZER, 'checkin.sync', {
        activityId: a.id,
        device: 'A',
        scans: [scan(p.ticket.token!, 'in', at(10)), scan(q.ticket.token!, 'in', at(0))],
      }),
    )
    // 10 → 110 minutes: 100 minutes, rounded down to 90.
    await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', {
        activityId: a.id,
        device: 'A',
        scan: scan(p.ticket.token!, 'out', at(110)),
      }),
    )
    const timer = await cloud.cloud.callFunction(
      'scheduler',
      { Type: 'Timer', TriggerName: 'autoCheckout' },
      { openid: '' },
    )
    expect(timer.result).toMatchObject({ ok: true })
    const att = await expectOk(cloud.call(ORGANIZER, 'checkin.attendance', { activityId: a.id }))
    const row = (id: string) => att.rows.find((r) => r.ticketId === id)!
    expect(row(p.ticket.id)).toMatchObject({ hours: 1.5, checkedOutMethod: 'scan' })
    expect(row(q.ticket.id)).toMatchObject({ hours: 3, checkedOutMethod: 'auto' })
    expect(att.counts).toMatchObject({ checkedIn: 2, checkedOut: 2 })
    const mine = await expectOk(cloud.call(q.openid, 'checkin.mine', {}))
    expect(mine).toMatchObject({ totalHours: 3, items: [expect.objectContaining({ autoCheckedOut: true, hours: 3 })] })
  })

  it('moves each person’s 服务时长 with every record, so the total equals the sum of the records', async () => {
    const a = await runningActivity()
    const [p, q, r] = await signedUp(a, 'total', 3)
    const start = new Date(Date.now() - 4 * HOUR)
    const times = { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR) }
    cloud.cloud.store.update('activities', { _id: a.id }, { $set: times })
    cloud.cloud.store.update('tickets', { activityId: a.id }, { $set: times })
    const at = (min: number) => new Date(start.getTime() + min * 60_000)
    const call = { activityId: a.id, device: 'A' }
    await expectOk(
      cloud.call(ORGANIZER, 'checkin.sync', {
        ...call,
        scans: [p, q, r].map((x) => scan(x.ticket.token!, 'in', at(0))),
      }),
    )
    const out = await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { ...call, scan: scan(p.ticket.token!, 'out', at(100)) }),
    )
    expect(out).toMatchObject({ result: 'done', hours: 1.5 })
    const again = await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { ...call, scan: scan(p.ticket.token!, 'out', at(120)) }),
    )
    expect(again).toMatchObject({ result: 'already', hours: 1.5 })
    await cloud.cloud.callFunction('scheduler', { Type: 'Timer', TriggerName: 'autoCheckout' }, { openid: '' })
    await expectOk(cloud.call(ORGANIZER, 'checkin.makeup', { ticketId: p.ticket.id, hours: 1, reason: '布展' }))
    const m = await expectOk(
      cloud.call(ORGANIZER, 'checkin.makeup', { ticketId: q.ticket.id, hours: 0.5, reason: '撤展' }),
    )
    // Two declines at once: the conditional update lets one of them take the minutes back.
    await Promise.all(
      [1, 2].map(() => cloud.call(ORGANIZER, 'checkin.declineMakeup', { makeupId: m.id, reason: '核实后不符' })),
    )
    await expectOk(cloud.call(ORGANIZER, 'checkin.declineMakeup', { makeupId: m.id, reason: '再次驳回' }))

    const recorded = (openid: string) =>
      checksOf(a.id)
        .filter((c) => c.openid === openid && c.mode === 'out')
        .reduce((n, c) => n + c.minutes, 0) +
      cloud.cloud.store
        .find('makeups', { openid, declined: null })
        .reduce((n: number, x: { minutes: number }) => n + x.minutes, 0)
    const counter = (openid: string) => cloud.cloud.store.find('volunteers', { openid })[0].serviceMinutes
    expect([p, q, r].map((x) => counter(x.openid))).toEqual([150, 180, 180])
    for (const x of [p, q, r]) expect(counter(x.openid)).toBe(recorded(x.openid))
    // 我的活动 marks the ended activity, with one more request for the page's checks.
    const past = await cloud.call(p.openid, 'activity.mine', { tab: 'past' })
    expect(past.ok && past.data.items[0].attendance).toEqual({ checkedIn: true, checkedOut: true, hours: 1.5 })
    expect(past.dbRequests).toBe(3)
    // 我的 shows the same counter (volunteer.service serviceHours); the records page reads it too.
    expect((await expectOk(cloud.call(p.openid, 'checkin.mine', {}))).totalHours).toBe(2.5)
  })

  it('repairs at night a 服务时长 counter a failed call left apart from the records', async () => {
    const a = await runningActivity()
    const [p, q] = await signedUp(a, 'repair', 2)
    const start = new Date(Date.now() - 4 * HOUR)
    const times = { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR) }
    cloud.cloud.store.update('activities', { _id: a.id }, { $set: times })
    cloud.cloud.store.update('tickets', { activityId: a.id }, { $set: times })
    const at = (min: number) => new Date(start.getTime() + min * 60_000).toISOString()
    const call = { activityId: a.id, device: 'A' }
    await expectOk(
      cloud.call(ORGANIZER, 'checkin.sync', {
        ...call,
        scans: [p, q].flatMap((x, i) => [
          { ...scan(x.ticket.token!, 'in'), at: at(0) },
          { ...scan(x.ticket.token!, 'out'), at: at(60 + 60 * i) },
        ]),
      }),
    )
    await expectOk(cloud.call(ORGANIZER, 'checkin.makeup', { ticketId: p.ticket.id, hours: 0.5, reason: '布展' }))
    const counter = (openid: string) => cloud.cloud.store.find('volunteers', { openid })[0].serviceMinutes
    expect([counter(p.openid), counter(q.openid)]).toEqual([90, 120])
    // As if the counter's update had failed after the records were written.
    cloud.cloud.store.update('volunteers', { openid: p.openid }, { $set: { serviceMinutes: 30 } })
    const night = () =>
      cloud.cloud.callFunction('scheduler', { Type: 'Timer', TriggerName: 'recountHours' }, { openid: '' })
    const run = await night()
    // Recent people (check-outs, 补录), their counters, their check-outs and 补录 summed, one repair.
    expect(run.dbRequests).toBe(6)
    const r = run.result as { ok: boolean; data: { people: number; repaired: number } }
    expect(r).toMatchObject({ ok: true, data: { repaired: 1 } })
    expect(r.data.people).toBeGreaterThanOrEqual(2)
    expect([counter(p.openid), counter(q.openid)]).toEqual([90, 120])
    expect((await night()).result).toMatchObject({ data: { repaired: 0 } })
  })

  it('refuses a 补录 longer than the activity, and for someone never signed up; declines rather than deletes', async () => {
    const a = await runningActivity()
    const [p] = await signedUp(a, 'makeup', 1)
    const before = snapshot()
    expect(
      await cloud.call(ORGANIZER, 'checkin.makeup', { ticketId: p.ticket.id, hours: 3.5, reason: '现场补录' }),
    ).toMatchObject({
      ok: false,
      code: 'MAKEUP_TOO_LONG',
    })
    expect(
      await cloud.call(ORGANIZER, 'checkin.makeup', { ticketId: 'no-such-ticket', hours: 1, reason: '现场补录' }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(snapshot()).toBe(before)
    const m = await expectOk(
      cloud.call(ORGANIZER, 'checkin.makeup', { ticketId: p.ticket.id, hours: 2, reason: '签到设备故障' }),
    )
    expect(m).toMatchObject({ hours: 2, by: ORGANIZER, declined: null })
    const d = await expectOk(cloud.call(ORGANIZER, 'checkin.declineMakeup', { makeupId: m.id, reason: '核实后不符' }))
    expect(d.declined).toMatchObject({ reason: '核实后不符' })
    expect(cloud.cloud.store.find('makeups', { _id: m.id })).toHaveLength(1)
    // The attendance page lists it by id, declined, and no longer counts it.
    const att = await expectOk(cloud.call(ORGANIZER, 'checkin.attendance', { activityId: a.id }))
    expect(att.rows.find((r) => r.ticketId === p.ticket.id)).toMatchObject({
      makeupHours: 0,
      makeups: [{ id: m.id, hours: 2, reason: '签到设备故障', declined: { reason: '核实后不符' } }],
    })
  })

  it('keeps people served and the write-up, and lists unconfirmed records as a to-do', async () => {
    const a = await runningActivity({}, 4)
    const att = await expectOk(
      cloud.call(ORGANIZER, 'checkin.saveReport', {
        activityId: a.id,
        peopleServed: 120,
        highlight: { content: '讲解防灾常识', effect: '群众反响好', photos: [] },
      }),
    )
    expect(att).toMatchObject({ peopleServed: 120, highlight: { effect: '群众反响好' } })
    const todo = await expectOk(cloud.call(ORGANIZER, 'checkin.todo', { limit: 50 }))
    expect(todo.items.map((t) => t.activityId)).toContain(a.id)
    await expectOk(cloud.call(ORGANIZER, 'checkin.confirmRecords', { activityId: a.id }))
    const after = await expectOk(cloud.call(ORGANIZER, 'checkin.todo', { limit: 50 }))
    expect(after.items.map((t) => t.activityId)).not.toContain(a.id)
  })
})
