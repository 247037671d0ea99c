/**
 * Check-in at the venue (DOMAIN.md "Sign-up and check-in", "Service records and certificates").
 * One path records both an online scan and a synced batch of offline ones: verify each token,
 * read the tickets and their existing checks in one request each, insert what is new in one
 * request (the first record of a ticket stands: its id is the primary key).
 *
 * The activity's 签到/签退 figures (what the forms and the to-do read) are counted from its records
 * when it closes (the automatic check-out), again for anything recorded after that, and when the
 * organizer confirms the records — not moved per scan, so a scan is one read and one insert.
 * While the activity runs, the scan and attendance pages count the records themselves.
 */
import type {
  Attendance,
  CheckinPack,
  Makeup,
  MyServiceRecord,
  Page,
  RecordTodo,
  ScanInput,
  ScanOutcome,
  SyncResult,
} from '../../../types/api'
import { verifyToken } from '../../../types/ticket-token'
import { assertInScope, organizerScope, type Scope } from '../auth'
import { config } from '../config'
import type { Caller } from '../context'
import { AppError, notFound } from '../errors'
import { describeRule, serviceMinutes, toHours } from '../hours'
import type { ActivityDoc, CheckDoc, MakeupDoc, TicketDoc } from '../models'
import type { ActivityMessage } from '../notify'
import type { ActivityRepository } from '../repositories/activity.repository'
import { checkId, type CheckRepository } from '../repositories/check.repository'
import type { TicketRepository } from '../repositories/ticket.repository'
import type { VolunteerRepository } from '../repositories/volunteer.repository'
import { signTicket, ticketPublicKey } from '../ticket-signer'
import { decodeCursor, encodeCursor, keysetPage } from './cursor'

const HOUR = 3_600_000
/** A phone's clock may run a little ahead; a scan further in the future is refused. */
const CLOCK_SKEW_MS = 5 * 60_000
/** Check-outs are accepted this long after the scheduled end (people leave late, phones sync later). */
const CHECKOUT_GRACE_MS = 12 * HOUR
const TICKETS_PER_ACTIVITY = 1000
const INSERT_TRIES = 3
/** People whose 服务时长 one nightly run compares with their records (records change for few a day). */
const RECOUNT_PEOPLE = 1000

export interface CheckinDeps {
  activities: ActivityRepository
  tickets: TicketRepository
  checks: CheckRepository
  volunteers: VolunteerRepository
  tell: (openids: string[], m: ActivityMessage, keepNotice: boolean) => Promise<void>
}

const iso = (d: Date | string) => new Date(d).toISOString()

/** 10 working days after `end` (weekends skipped; public holidays are not known here). */
export function recordsDueAt(end: Date): Date {
  const d = new Date(end)
  let left = 10
  while (left > 0) {
    d.setTime(d.getTime() + 24 * HOUR)
    const weekday = new Date(d.getTime() + 8 * HOUR).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left--
  }
  return d
}

function refused(scan: ScanInput, code: string, message: string, t?: TicketDoc): ScanOutcome {
  return {
    nonce: scan.nonce,
    result: 'refused',
    code,
    message,
    ticketId: t?._id ?? null,
    nameMasked: t?.nameMasked ?? null,
    first: null,
    hours: null,
  }
}

/** Service minutes per person from new check-outs: what their 服务时长 counters move by. */
function minutesByPerson(docs: { openid: string; mode: 'in' | 'out'; minutes: number }[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const d of docs) if (d.mode === 'out' && d.minutes) out.set(d.openid, (out.get(d.openid) ?? 0) + d.minutes)
  return out
}

/** The check-out at the scheduled end that closes a check-in nobody checked out, flagged as automatic. */
function autoOut(a: ActivityDoc, c: Pick<CheckDoc, 'ticketId' | 'openid' | 'at'>): Omit<CheckDoc, 'receivedAt'> {
  return {
    _id: checkId(c.ticketId, 'out'),
    ticketId: c.ticketId,
    activityId: a._id,
    openid: c.openid,
    mode: 'out',
    at: new Date(a.endAt),
    device: 'auto',
    by: 'scheduler',
    method: 'auto',
    nonce: `auto-${c.ticketId}`,
    minutes: serviceMinutes(new Date(c.at), new Date(a.endAt), {
      startAt: new Date(a.startAt),
      endAt: new Date(a.endAt),
    }),
  }
}

/** What an online scan looks a ticket up by: the id in a valid token, or a ticket id typed by hand. */
function scanKey(token: string, activityId: string): { tid: string } | { id: string } | null {
  if (!token.startsWith('KP')) return { id: token }
  const v = verifyToken(token, ticketPublicKey(), activityId)
  return v.ok ? { tid: v.tid } : null
}

export function checkinService({ activities, tickets, checks, volunteers, tell }: CheckinDeps) {
  /** The activity, if the caller may run it. */
  async function runnable(caller: Caller, activityId: string): Promise<{ a: ActivityDoc; scope: Scope }> {
    const [scope, a] = await Promise.all([organizerScope(caller), activities.get(activityId)])
    if (!a || a.stage === 'draft') throw notFound('活动')
    assertInScope(scope, a.teamPath)
    return { a, scope }
  }

  /** The refusal a scan gets before any ticket is read, or the ticket's tid / id to look up. */
  function identify(a: ActivityDoc, scan: ScanInput, now: Date, publicKey: string) {
    const at = new Date(scan.at)
    const opens = new Date(a.startAt).getTime() - config.checkinOpensHours() * HOUR
    const closes = new Date(a.endAt).getTime() + (scan.mode === 'out' ? CHECKOUT_GRACE_MS : 0)
    if (a.stage === 'cancelled') return { error: refused(scan, 'CHECKIN_NOT_OPEN', '活动已取消') }
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS || at.getTime() < opens || at.getTime() > closes)
      return {
        error: refused(scan, 'CHECKIN_NOT_OPEN', `签到时间为活动开始前 ${config.checkinOpensHours()} 小时至活动结束`),
      }
    if (!scan.token.startsWith('KP')) return { id: scan.token }
    const v = verifyToken(scan.token, publicKey, a._id)
    if (v.ok) return { tid: v.tid }
    return v.reason === 'other_activity'
      ? { error: refused(scan, 'TICKET_OTHER_ACTIVITY', '不是本活动的票') }
      : { error: refused(scan, 'TICKET_INVALID', '无效二维码') }
  }

  /**
   * Records scans of one activity from one phone. Online scans and synced offline batches take
   * the same path; `method` says which. Returns one outcome per scan and the conflicts found.
   */
  async function record(
    caller: Caller,
    a: ActivityDoc,
    device: string,
    scans: ScanInput[],
    method: CheckDoc['method'],
    read?: { tickets: TicketDoc[]; checks: CheckDoc[] },
  ): Promise<SyncResult> {
    const now = caller.now()
    const publicKey = ticketPublicKey()
    const ids = scans.map((s) => identify(a, s, now, publicKey))
    const tids = ids.flatMap((x) => ('tid' in x && x.tid ? [x.tid] : []))
    const direct = ids.flatMap((x) => ('id' in x && x.id ? [x.id] : []))
    const found = read?.tickets ?? (await tickets.byTidsOrIds(a._id, tids, direct))
    const byTid = new Map(found.map((t) => [t.tid, t]))
    const byId = new Map(found.map((t) => [t._id, t]))
    const conflicts: SyncResult['conflicts'] = []

    for (let attempt = 0; ; attempt++) {
      const existing = attempt === 0 && read ? read.checks : await checks.ofTickets(found.map((t) => t._id))
      const known = new Map(existing.map((c) => [c._id, c]))
      const fresh: Omit<CheckDoc, 'receivedAt'>[] = []
      const outcomes = scans.map((scan, i): ScanOutcome => {
        const x = ids[i]
        if ('error' in x && x.error) return x.error
        const t = 'tid' in x && x.tid ? byTid.get(x.tid) : byId.get((x as { id: string }).id)
        if (!t) return refused(scan, 'TICKET_INVALID', '无效二维码')
        if (t.status !== 'confirmed') return refused(scan, 'TICKET_CANCELLED', '票已取消', t)
        const own = 'id' in x ? 'manual' : method
        const key = checkId(t._id, scan.mode)
        const first = known.get(key)
        const base = { ticketId: t._id, nameMasked: t.nameMasked, nonce: scan.nonce, code: null }
        if (first) {
          const hours = scan.mode === 'out' ? toHours(first.minutes) : null
          // The same scan sent again (a replayed batch) is itself, not a second phone.
          if (first.nonce === scan.nonce) return { ...base, result: 'done', message: '已记录', first: null, hours }
          if (method === 'offline' && first.device !== device && scan.mode === 'in')
            conflicts.push({
              ticketId: t._id,
              nameMasked: t.nameMasked,
              first: { at: iso(first.at), device: first.device },
              second: { at: iso(scan.at), device },
            })
          return {
            ...base,
            result: 'already',
            message: scan.mode === 'in' ? '已签到' : '已签退',
            first: { at: iso(first.at), device: first.device, method: first.method },
            hours,
          }
        }
        let minutes = 0
        if (scan.mode === 'out') {
          const checkedIn = known.get(checkId(t._id, 'in'))
          if (!checkedIn) return refused(scan, 'NOT_CHECKED_IN', '尚未签到，不能签退', t)
          minutes = serviceMinutes(new Date(checkedIn.at), new Date(scan.at), {
            startAt: new Date(a.startAt),
            endAt: new Date(a.endAt),
          })
        }
        const doc = {
          _id: key,
          ticketId: t._id,
          activityId: a._id,
          openid: t.openid,
          mode: scan.mode,
          at: new Date(scan.at),
          device,
          by: caller.openid,
          method: own,
          nonce: scan.nonce,
          minutes,
        }
        fresh.push(doc)
        known.set(key, { ...doc, receivedAt: now })
        const hours = scan.mode === 'out' ? toHours(minutes) : null
        return { ...base, result: 'done', message: scan.mode === 'in' ? '签到成功' : '签退成功', first: null, hours }
      })
      // Check-ins that reach a closed activity (a phone that had no signal syncs in the evening)
      // are closed at the scheduled end as the automatic check-out would have, unless checked out.
      if (a.autoCheckedOutAt)
        for (const c of fresh.filter((x) => x.mode === 'in' && !known.has(checkId(x.ticketId, 'out'))))
          fresh.push(autoOut(a, c))
      if (await checks.insertMany(fresh)) {
        await Promise.all([
          volunteers.addServiceMinutes(minutesByPerson(fresh)),
          fresh.length && a.autoCheckedOutAt ? settle([a._id]) : null,
        ])
        if (fresh.length) console.log(`[checkin] ${fresh.length} recorded (${method})`)
        return { outcomes, conflicts }
      }
      // Another phone recorded one of these between our read and write: read again and redo.
      conflicts.length = 0
      if (attempt + 1 >= INSERT_TRIES) throw new AppError('CONFLICT', '多台手机同时上传，请稍后重试')
    }
  }

  /** Counts the activities' records and writes their figures (one read, one write per activity). */
  async function settle(ids: string[]) {
    const counted = await checks.tally(ids)
    await Promise.all([...counted].map(([id, n]) => activities.settleChecks(id, n.in, n.out)))
  }

  async function attendance(a: ActivityDoc): Promise<Attendance> {
    const rows = await tickets.ofActivity(a._id, TICKETS_PER_ACTIVITY)
    const [all, makeups, people] = await Promise.all([
      checks.ofActivity(a._id, TICKETS_PER_ACTIVITY * 2),
      checks.makeupsOf(a._id, TICKETS_PER_ACTIVITY),
      volunteers.findByOpenids([...new Set(rows.map((t) => t.openid))]),
    ])
    const byKey = new Map(all.map((c) => [c._id, c]))
    const phone = new Map(people.map((v) => [v.openid, v.mobileMasked.slice(-4)]))
    const listed = rows.filter((t) => t.status !== 'cancelled')
    return {
      activityId: a._id,
      title: a.title,
      startAt: iso(a.startAt),
      endAt: iso(a.endAt),
      counts: {
        signedUp: a.signedUp,
        checkedIn: all.filter((c) => c.mode === 'in').length,
        checkedOut: all.filter((c) => c.mode === 'out').length,
        absent: a.absent,
        waiting: a.waiting,
      },
      peopleServed: a.peopleServed,
      highlight: a.highlight,
      recordsConfirmedAt: a.recordsConfirmedAt ? iso(a.recordsConfirmedAt) : null,
      rows: listed.map((t) => {
        const cin = byKey.get(checkId(t._id, 'in'))
        const cout = byKey.get(checkId(t._id, 'out'))
        const own = makeups
          .filter((m) => m.ticketId === t._id)
          .sort((x, y) => +new Date(x.at) - +new Date(y.at) || (x._id < y._id ? -1 : 1))
        const made = own.filter((m) => !m.declined).reduce((s, m) => s + m.minutes, 0)
        return {
          ticketId: t._id,
          nameMasked: t.nameMasked,
          phoneLast4: phone.get(t.openid) ?? '',
          status: t.status,
          checkedInAt: cin ? iso(cin.at) : null,
          checkedInMethod: cin?.method ?? null,
          checkedOutAt: cout ? iso(cout.at) : null,
          checkedOutMethod: cout?.method ?? null,
          hours: toHours(cout?.minutes ?? 0),
          makeupHours: toHours(made),
          makeups: own.map(makeupView),
        }
      }),
      hoursRule: describeRule(),
    }
  }

  function makeupView(m: MakeupDoc): Makeup {
    return {
      id: m._id,
      ticketId: m.ticketId,
      hours: toHours(m.minutes),
      reason: m.reason,
      by: m.by,
      at: iso(m.at),
      declined: m.declined ? { by: m.declined.by, at: iso(m.declined.at), reason: m.declined.reason } : null,
    }
  }

  return {
    /**
     * One scan, online: the ticket, its activity and its checks in one read, then one insert whose
     * primary key (`${ticketId}_in`) refuses a second check-in — two requests (a check-out with
     * hours adds the person's 服务时长). A scan that finds no ticket takes the general path, which
     * explains the refusal.
     */
    async scan(caller: Caller, q: { activityId: string; device: string; scan: ScanInput }): Promise<ScanOutcome> {
      const scope = await organizerScope(caller)
      const key = scanKey(q.scan.token, q.activityId)
      const hit = key && (await tickets.forScan(q.activityId, key))
      if (!hit || !hit.activity) {
        const { a } = await runnable(caller, q.activityId)
        return (await record(caller, a, q.device, [q.scan], 'scan')).outcomes[0]
      }
      const a = hit.activity
      if (a.stage === 'draft') throw notFound('活动')
      assertInScope(scope, a.teamPath)
      const read = { tickets: [hit.ticket], checks: hit.checks }
      return (await record(caller, a, q.device, [q.scan], 'scan', read)).outcomes[0]
    },

    async sync(caller: Caller, q: { activityId: string; device: string; scans: ScanInput[] }): Promise<SyncResult> {
      const { a } = await runnable(caller, q.activityId)
      if (new Set(q.scans.map((s) => s.nonce)).size !== q.scans.length)
        throw new AppError('INVALID_INPUT', '扫码编号重复', 'scans')
      return record(caller, a, q.device, q.scans, 'offline')
    },

    async pack(caller: Caller, { activityId }: { activityId: string }): Promise<CheckinPack> {
      const { a } = await runnable(caller, activityId)
      const rows = await tickets.ofActivityCheckedIn(a._id, TICKETS_PER_ACTIVITY)
      return {
        activity: { id: a._id, title: a.title, startAt: iso(a.startAt), endAt: iso(a.endAt), address: a.address },
        publicKey: ticketPublicKey(),
        tickets: rows
          .filter((t) => t.status === 'confirmed')
          .map((t) => ({
            tid: t.tid,
            ticketId: t._id,
            nameMasked: t.nameMasked,
            checkedInAt: t.checkedInAt ? iso(t.checkedInAt) : null,
          })),
        revoked: rows.filter((t) => t.status !== 'confirmed').map((t) => t.tid),
        takenAt: caller.now().toISOString(),
      }
    },

    async attendance(caller: Caller, { activityId }: { activityId: string }): Promise<Attendance> {
      const { a } = await runnable(caller, activityId)
      return attendance(a)
    },

    async printTokens(caller: Caller, q: { activityId: string; ticketIds: string[] }) {
      const { a } = await runnable(caller, q.activityId)
      const rows = await tickets.byTidsOrIds(a._id, [], q.ticketIds)
      return rows
        .filter((t) => t.status === 'confirmed')
        .map((t) => ({ ticketId: t._id, nameMasked: t.nameMasked, token: signTicket(t.tid, a._id) }))
    },

    async makeup(caller: Caller, q: { ticketId: string; hours: number; reason: string }): Promise<Makeup> {
      const t = await tickets.get(q.ticketId)
      if (!t) throw notFound('报名记录')
      const { a } = await runnable(caller, t.activityId)
      if (t.status === 'cancelled' || t.status === 'waitlisted')
        throw new AppError('WRONG_STATE', '该志愿者没有报名成功，不能补录')
      const minutes = Math.round(q.hours * 60)
      const length = (new Date(a.endAt).getTime() - new Date(a.startAt).getTime()) / 60_000
      if (minutes > length)
        throw new AppError('MAKEUP_TOO_LONG', `补录时长不能超过活动时长 ${toHours(length)} 小时`, 'hours')
      const doc = {
        ticketId: t._id,
        activityId: a._id,
        openid: t.openid,
        minutes,
        reason: q.reason,
        by: caller.openid,
        declined: null,
      }
      const id = await checks.addMakeup(doc)
      await volunteers.addServiceMinutes(new Map([[t.openid, minutes]]))
      return makeupView({ ...doc, _id: id, at: caller.now() })
    },

    async declineMakeup(caller: Caller, q: { makeupId: string; reason: string }): Promise<Makeup> {
      const m = await checks.getMakeup(q.makeupId)
      if (!m) throw notFound('补录记录')
      await runnable(caller, m.activityId)
      if (m.declined) return makeupView(m)
      if (!(await checks.declineMakeup(m._id, caller.openid, q.reason)))
        throw new AppError('CONFLICT', '补录记录刚刚发生了变化，请刷新后重试')
      // Only the call whose conditional update declined it takes the minutes back.
      await volunteers.addServiceMinutes(new Map([[m.openid, -m.minutes]]))
      return makeupView({ ...m, declined: { by: caller.openid, at: caller.now(), reason: q.reason } })
    },

    async saveReport(
      caller: Caller,
      q: { activityId: string; peopleServed: number; highlight: Attendance['highlight'] },
    ) {
      const { a } = await runnable(caller, q.activityId)
      if (a.stage !== 'published') throw new AppError('WRONG_STATE', '活动已取消')
      await activities.saveReport(a._id, q.peopleServed, q.highlight)
      return attendance({ ...a, peopleServed: q.peopleServed, highlight: q.highlight })
    },

    async confirmRecords(caller: Caller, { activityId }: { activityId: string }) {
      const { a } = await runnable(caller, activityId)
      if (caller.now() < new Date(a.endAt)) throw new AppError('WRONG_STATE', '活动结束后才能确认服务记录')
      await Promise.all([activities.confirmRecords(a._id), settle([a._id])])
      return attendance({ ...a, recordsConfirmedAt: a.recordsConfirmedAt ?? caller.now() })
    },

    async todo(caller: Caller, q: { cursor?: string; limit?: number }): Promise<Page<RecordTodo>> {
      const scope = await organizerScope(caller)
      const limit = q.limit ?? 20
      const rows = await activities.unconfirmed(
        scope,
        caller.now(),
        q.cursor ? decodeCursor(q.cursor) : null,
        limit + 1,
      )
      return keysetPage(
        rows,
        limit,
        (a) => a.endAt,
        (page) =>
          page.map((a) => ({
            activityId: a._id,
            title: a.title,
            endAt: iso(a.endAt),
            dueAt: recordsDueAt(new Date(a.endAt)).toISOString(),
            checkedIn: a.checkedIn,
          })),
      )
    },

    async mine(
      caller: Caller,
      q: { cursor?: string; limit?: number },
    ): Promise<Page<MyServiceRecord> & { totalHours: number }> {
      const limit = q.limit ?? 20
      // A person's checks are few (one or two per activity): read whole, paged here.
      const all = await checks.ofPerson(caller.openid, null, 1000)
      const ins = all.filter((c) => c.mode === 'in')
      const start = q.cursor ? decodeCursor(q.cursor) : null
      const after = start
        ? ins.filter((c) => +new Date(c.at) < +start.at || (+new Date(c.at) === +start.at && c._id < start.id))
        : ins
      const page = after.slice(0, limit)
      const activityIds = [...new Set(page.map((c) => c.activityId))]
      // The total is the person's 服务时长 counter, moved with every record that earns it (not summed here).
      const [docs, makeups, person] = await Promise.all([
        activities.byIds(activityIds),
        checks.makeupsOfPerson(caller.openid, activityIds),
        volunteers.findByOpenid(caller.openid),
      ])
      const byId = new Map(docs.map((a) => [a._id, a]))
      const out = new Map(all.filter((c) => c.mode === 'out').map((c) => [c.ticketId, c]))
      const made = (activityId: string) =>
        makeups.filter((m) => m.activityId === activityId && !m.declined).reduce((s, m) => s + m.minutes, 0)
      const total = person?.serviceMinutes ?? 0
      const last = page[page.length - 1]
      return {
        items: page.flatMap((c) => {
          const a = byId.get(c.activityId)
          if (!a) return []
          const o = out.get(c.ticketId)
          return [
            {
              activityId: a._id,
              title: a.title,
              team: { id: a.team.id, name: a.team.name },
              startAt: iso(a.startAt),
              checkedInAt: iso(c.at),
              checkedOutAt: o ? iso(o.at) : null,
              hours: toHours(o?.minutes ?? 0),
              makeupHours: toHours(made(a._id)),
              autoCheckedOut: o?.method === 'auto',
            },
          ]
        }),
        nextCursor: after.length > limit && last ? encodeCursor({ at: new Date(last.at), id: last._id }) : null,
        totalHours: toHours(total),
      }
    },

    async requestCorrection(caller: Caller, q: { activityId: string; note: string }): Promise<{ sent: true }> {
      const [a] = await activities.byIds([q.activityId])
      if (!a) throw notFound('活动')
      const own = (await checks.ofPerson(caller.openid, null, 1000)).some((c) => c.activityId === a._id)
      if (!own) throw notFound('服务记录')
      await tell(
        [a.createdBy],
        {
          title: '志愿者申请更正服务记录',
          body: `「${a.title}」有志愿者申请更正服务记录：${q.note}`,
          templateId: '',
          page: '',
          activity: { title: a.title, startAt: new Date(a.startAt), place: a.address },
          note: '',
        },
        true,
      )
      return { sent: true }
    },

    /**
     * Timer, nightly: the 服务时长 counters of people whose records changed in the last two days
     * are compared with their records and repaired where a failed call left them apart. Counters
     * are read before the records are summed and written only if unchanged since, so a check-out
     * recorded meanwhile is never lost (it repairs on the next run if it must).
     */
    async recountHours(now: Date): Promise<{ people: number; repaired: number }> {
      const people = await checks.recentPeople(new Date(now.getTime() - 2 * 24 * HOUR), RECOUNT_PEOPLE)
      if (people.length === 0) return { people: 0, repaired: 0 }
      const records = await volunteers.findByOpenids(people)
      const totals = await checks.minutesOf(people)
      const wrong = records.filter((v) => (v.serviceMinutes ?? 0) !== totals.get(v.openid))
      const done = await Promise.all(
        wrong.map((v) => volunteers.repairServiceMinutes(v.openid, v.serviceMinutes ?? 0, totals.get(v.openid)!)),
      )
      if (wrong.length) console.log(`[checkin] 服务时长 repaired for ${done.filter(Boolean).length} of ${wrong.length}`)
      return { people: people.length, repaired: done.filter(Boolean).length }
    },

    /** Timer: tickets still checked in when their activity ended are checked out at the scheduled end, flagged. */
    async autoCheckout(now: Date): Promise<{ activities: number; closed: number }> {
      const ended = await activities.endedUnclosed(now, 50)
      const open = await checks.openCheckins(
        ended.map((a) => a._id),
        1000,
      )
      const byId = new Map(ended.map((a) => [a._id, a]))
      const outs = open.map((c) => autoOut(byId.get(c.activityId)!, c))
      // A check-out scanned meanwhile wins; the next run closes whatever is left.
      if (!(await checks.insertMany(outs))) return { activities: 0, closed: 0 }
      const ids = ended.map((a) => a._id)
      await volunteers.addServiceMinutes(minutesByPerson(outs))
      // Closed first, counted after: a scan that reads the activity after this counts itself again.
      await activities.markAutoClosed(ids)
      await settle(ids)
      return { activities: ended.length, closed: outs.length }
    },
  }
}
