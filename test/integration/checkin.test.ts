/**
 * Check-in at the venue through the local cloud with the real SDK: online scans, offline batches,
 * check-out and hours, 补录, each refusal's code, and DB requests per action.
 */
import { randomBytes } from 'node:crypto'
import type { ActivityEditView, ActivityInput, MyTicket, ScanInput } from '../../types/api'
import { activityInput, addActiveVolunteers } from '../support/activity-cloud'
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

/** A published activity that started `startedHoursAgo` hours ago (default: now) and lasts 3 hours. */
async function runningActivity(over: Partial<ActivityInput> = {}, startedHoursAgo = 0): Promise<ActivityEditView> {
  const input = activityInput(over, 1)
  const draft = await expectOk(cloud.call(ORGANIZER, 'activity.save', { input }))
  const a = await expectOk(cloud.call(ORGANIZER, 'activity.publish', { activityId: draft.id, rev: draft.rev }))
  // Move it into the check-in window (publishing needs a start ahead, so it moves after).
  const start = new Date(Date.now() - startedHoursAgo * HOUR)
  cloud.cloud.store.update(
    'activities',
    { _id: a.id },
    { $set: { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR), signupDeadline: start } },
  )
  return a
}

/** People signed up before the move, each with their ticket. */
async function signedUp(
  a: ActivityEditView,
  prefix: string,
  n: number,
): Promise<{ openid: string; ticket: MyTicket }[]> {
  // Sign-up needs the deadline ahead: open it for a moment.
  cloud.cloud.store.update('activities', { _id: a.id }, { $set: { signupDeadline: new Date(Date.now() + HOUR) } })
  const people = addActiveVolunteers(cloud, prefix, n)
  const out = []
  for (const openid of people)
    out.push({ openid, ticket: await expectOk(cloud.call(openid, 'activity.signUp', { activityId: a.id })) })
  return out
}

const nonce = () => randomBytes(9).toString('base64url')
const scan = (token: string, mode: 'in' | 'out' = 'in', at = new Date()): ScanInput => ({
  nonce: nonce(),
  token,
  mode,
  at: at.toISOString(),
})
const checksOf = (activityId: string) => cloud.cloud.store.find('checks', { activityId })
const snapshot = () =>
  JSON.stringify(['checks', 'activities', 'tickets', 'makeups'].map((c) => cloud.cloud.store.find(c)))

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
    expect(first.dbRequests).toBeLessThanOrEqual(6)
    const again = await expectOk(
      cloud.call(ORGANIZER, 'checkin.scan', { activityId: a.id, device: 'phone-B', scan: scan(p.ticket.token!) }),
    )
    expect(again).toMatchObject({ result: 'already', message: '已签到', first: { device: 'phone-A', method: 'scan' } })
    expect(checksOf(a.id)).toHaveLength(1)
    expect(cloud.cloud.store.find('activities', { _id: a.id })[0].checkedIn).toBe(1)
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
    expect(cloud.cloud.store.find('activities', { _id: a.id })[0].checkedIn).toBe(1)
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
    expect(cloud.cloud.store.find('activities', { _id: a.id })[0].checkedIn).toBe(100)
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
