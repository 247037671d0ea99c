/**
 * Sign-up, waitlist, cancellation and tickets (DOMAIN.md "Sign-up and check-in"). Seats are counters
 * on the activity moved by conditional updates, so capacity holds exactly under any concurrency;
 * one live ticket per person and activity is a unique index on the ticket's key.
 */
import type { ElderView, MyTicket, Page } from '../../../types/api'
import { proxySignupStatement } from '../../../types/proxy'
import { cancelUntil, maskName, statusAt } from '../activity'
import { config } from '../config'
import { AppError, notFound } from '../errors'
import type { Caller } from '../context'
import type { ActivityDoc, CheckDoc, ProxyRecord, TicketDoc, VolunteerDoc } from '../models'
import type { ActivityMessage } from '../notify'
import type { ActivityRepository } from '../repositories/activity.repository'
import { checkId, type CheckRepository } from '../repositories/check.repository'
import { AlreadySignedUp, ticketKey, type TicketCopy, type TicketRepository } from '../repositories/ticket.repository'
import type { VolunteerRepository } from '../repositories/volunteer.repository'
import { toHours } from '../hours'
import { isUnclaimed } from '../volunteer'
import { newTicketId, signTicket } from '../ticket-signer'
import { decodeCursor, keysetPage } from './cursor'

const DEFAULT_LIMIT = 20
/** Waiting tickets tried, in order, when a seat is passed on (one that cancelled meanwhile is skipped). */
const PROMOTION_TRIES = 5
/** People one helper registered, and the live tickets they made for them, shown on one screen. */
const ELDERS_SHOWN = 20
const ELDER_TICKETS_SHOWN = 50
export const MY_ACTIVITIES_PAGE = 'packages/volunteer/pages/my-activities/index'
const ME_PAGE = 'pages/me/index'

export interface SignupDeps {
  activities: ActivityRepository
  tickets: TicketRepository
  checks: CheckRepository
  volunteers: VolunteerRepository
  tell: (openids: string[], m: ActivityMessage, keepNotice: boolean) => Promise<void>
}

const iso = (d: Date | string) => new Date(d).toISOString()

/** What a ticket keeps of its activity (kept in step by activity edits). */
export const copyOf = (
  a: Pick<ActivityDoc, 'title' | 'startAt' | 'endAt' | 'address' | 'venueKind' | 'team'>,
): TicketCopy => ({
  title: a.title,
  startAt: new Date(a.startAt),
  endAt: new Date(a.endAt),
  address: a.address,
  venueKind: a.venueKind,
  team: a.team,
})

/** A ticket with the activity as its copies tell it: for answers that need not read the activity again. */
export function fromCopies(t: TicketDoc): ActivityDoc {
  return {
    _id: t.activityId,
    stage: 'published',
    cancelReason: null,
    ...copyOf(t),
  } as ActivityDoc
}

/** 已签到 / 已签退 / 未签到 for a started activity, from the ticket's checks (`byId`: checks by id). */
function attendanceOf(t: TicketDoc, a: ActivityDoc, now: Date, byId?: Map<string, CheckDoc>): MyTicket['attendance'] {
  if (!byId || now < new Date(a.startAt) || a.stage !== 'published') return null
  const cin = byId.get(checkId(t._id, 'in'))
  const cout = byId.get(checkId(t._id, 'out'))
  return { checkedIn: Boolean(cin), checkedOut: Boolean(cout), hours: toHours(cout?.minutes ?? 0) }
}

export function toMyTicket(t: TicketDoc, a: ActivityDoc, now: Date, checks?: Map<string, CheckDoc>): MyTicket {
  const live = a.stage === 'published' && now < new Date(a.endAt)
  return {
    id: t._id,
    status: t.status,
    activity: {
      id: a._id,
      title: a.title,
      status: statusAt(a, now),
      team: a.team,
      venueKind: a.venueKind,
      address: a.address,
      startAt: iso(a.startAt),
      endAt: iso(a.endAt),
      cancelReason: a.cancelReason,
    },
    token: t.status === 'confirmed' && live ? signTicket(t.tid, a._id) : null,
    nameMasked: t.nameMasked,
    signedUpAt: iso(t.createdAt),
    promotedAt: t.promotedAt ? iso(t.promotedAt) : null,
    changed: t.changed,
    cancelUntil: cancelUntil(a.startAt).toISOString(),
    attendance: attendanceOf(t, a, now, checks),
  }
}

export function signupService({ activities, tickets, checks, volunteers, tell }: SignupDeps) {
  function message(t: Pick<TicketDoc, 'title' | 'startAt' | 'address'>, kind: 'signed' | 'waiting' | 'promoted') {
    const text = {
      signed: [
        '报名成功',
        `您已报名「${t.title}」，请按时参加，签到码在“我的 → 我的活动”。`,
        '报名成功，签到码在我的活动',
      ],
      waiting: ['已进入候补', `「${t.title}」名额已满，您已进入候补，有人取消时按顺序递补并通知您。`, '已进入候补'],
      promoted: ['候补成功', `有人取消报名，您已由候补转为报名成功：「${t.title}」。`, '候补转为报名成功'],
    }[kind]
    return {
      title: text[0],
      body: text[1],
      templateId: kind === 'promoted' ? config.templates.promoted() : config.templates.signup(),
      page: MY_ACTIVITIES_PAGE,
      activity: { title: t.title, startAt: new Date(t.startAt), place: t.address },
      note: text[2],
    }
  }

  /** The same news for the person who signed `name` up (代为报名): where they find the code is 我的. */
  function forHelper(
    m: ReturnType<typeof message>,
    kind: 'signed' | 'waiting' | 'promoted',
    name: string,
    title: string,
  ) {
    const text = {
      signed: [`您已为${name}报名「${title}」，签到码在“我的 → 我代为注册的家人”。`, '已代为报名，签到码在我的'],
      waiting: [`「${title}」名额已满，${name}已进入候补，有人取消时按顺序递补并通知您。`, '家人已进入候补'],
      promoted: [`有人取消报名，${name}已由候补转为报名成功：「${title}」。`, '家人候补转为报名成功'],
    }[kind]
    return { ...m, body: text[0], note: text[1], page: ME_PAGE }
  }

  /** Tells the ticket's person, and whoever signed them up for them. */
  async function tellAbout(
    t: Pick<TicketDoc, 'title' | 'startAt' | 'address' | 'openid' | 'nameMasked' | 'proxy'>,
    kind: 'signed' | 'waiting' | 'promoted',
  ) {
    const m = message(t, kind)
    await tell([t.openid], m, false)
    if (t.proxy) await tell([t.proxy.by], forHelper(m, kind, t.nameMasked, t.title), false)
  }

  /**
   * A seat came free (a confirmed ticket was cancelled): it passes to the longest-waiting ticket,
   * or back to the pool when nobody waits. A waiter promoted by someone else meanwhile is skipped.
   */
  async function passOnSeat(activityId: string): Promise<void> {
    const line = await tickets.waiting(activityId, PROMOTION_TRIES)
    for (const w of line) {
      if (await tickets.promote(w._id)) {
        await activities.seatPassedOn(activityId)
        await tellAbout(w, 'promoted')
        return
      }
    }
    await activities.releaseSeat(activityId)
  }

  async function ownTicket(caller: Caller, ticketId: string): Promise<TicketDoc> {
    const t = await tickets.get(ticketId)
    // Someone else's ticket looks exactly like a missing one.
    if (!t || t.openid !== caller.openid) throw notFound('报名记录')
    return t
  }

  async function withActivity(t: TicketDoc, caller: Caller): Promise<MyTicket> {
    const [a] = await activities.byIds([t.activityId])
    if (!a) throw notFound('活动')
    return toMyTicket(t, a, caller.now())
  }

  function eligible(v: VolunteerDoc | null, a: ActivityDoc) {
    if (!v || v.status !== 'active') throw new AppError('NOT_ACTIVATED', '请先完成注册并激活，再报名参加活动')
    const memberOf = v.memberOf ?? v.teamPath
    if (a.audience === 'team' && !memberOf.includes(a.teamId))
      throw new AppError('NOT_IN_AUDIENCE', `本活动仅限「${a.team.name}」及其下级队伍的成员报名`)
  }

  function open(a: ActivityDoc | null, now: Date): ActivityDoc {
    if (!a || a.stage === 'draft') throw notFound('活动')
    if (a.stage === 'cancelled') throw new AppError('ACTIVITY_NOT_OPEN', '活动已取消')
    if (now >= new Date(a.endAt)) throw new AppError('ACTIVITY_NOT_OPEN', '活动已结束')
    if (now > new Date(a.signupDeadline)) throw new AppError('SIGNUP_CLOSED', '报名已截止')
    return a
  }

  /**
   * The one sign-up path, for oneself or (代为报名) for an elder: a seat, else a waitlist place, and a
   * ticket under the person's own openid, whose unique key allows one live sign-up per activity.
   */
  async function enroll(caller: Caller, a: ActivityDoc, v: VolunteerDoc, proxy: ProxyRecord | null): Promise<MyTicket> {
    const now = caller.now()
    let status: TicketDoc['status'] = 'confirmed'
    if (!(await activities.takeSeat(a._id, now))) {
      if (!(await activities.joinWaitlist(a._id, now))) {
        // Neither: the last seat and waitlist place went meanwhile, or a seat came free just now.
        throw new AppError('ACTIVITY_FULL', '名额和候补都已满')
      }
      status = 'waitlisted'
    }
    const doc: Omit<TicketDoc, '_id' | 'createdAt'> = {
      key: ticketKey(a._id, v.openid),
      tid: newTicketId(),
      activityId: a._id,
      openid: v.openid,
      volunteerId: v._id,
      nameMasked: maskName(v.name),
      status,
      ...copyOf(a),
      promotedAt: null,
      cancelledAt: null,
      absentReason: null,
      changed: false,
      ...(proxy ? { proxy } : {}),
    }
    let id: string
    try {
      id = await tickets.insert(doc)
    } catch (e) {
      if (!(e instanceof AlreadySignedUp)) throw e
      // A second sign-up (a double tap, two phones, or the elder and the helper): give back what this call took.
      if (status === 'confirmed') await passOnSeat(a._id)
      else await activities.leaveWaitlist(a._id)
      throw new AppError(
        'ALREADY_SIGNED_UP',
        proxy ? `${doc.nameMasked}已报名本活动` : '您已报名本活动，签到码在“我的 → 我的活动”',
      )
    }
    // Made for an elder, the elder is told too: the ticket is theirs, under their own 我的活动.
    await tellAbout(doc, status === 'confirmed' ? 'signed' : 'waiting')
    return toMyTicket({ ...doc, _id: id, createdAt: now }, a, now)
  }

  async function cancel(caller: Caller, t: TicketDoc): Promise<MyTicket> {
    const now = caller.now()
    if (t.status === 'cancelled') return withActivity(t, caller)
    if (t.status === 'absent') throw new AppError('WRONG_STATE', '已登记无法参加，无需取消')
    if (now > cancelUntil(t.startAt))
      throw new AppError(
        'CANCEL_CLOSED',
        `活动开始前 ${config.cancelCutoffHours()} 小时内不能取消报名；如不能参加，请选择“无法参加”`,
      )
    if (!(await tickets.cancel(t._id, t.status, t.key))) {
      throw new AppError('CONFLICT', '报名状态刚刚发生了变化，请刷新后重试')
    }
    if (t.status === 'confirmed') await passOnSeat(t.activityId)
    else await activities.leaveWaitlist(t.activityId)
    return toMyTicket({ ...t, status: 'cancelled' }, fromCopies(t), now)
  }

  return {
    passOnSeat,

    async signUp(caller: Caller, { activityId }: { activityId: string }): Promise<MyTicket> {
      const [found, v] = await Promise.all([activities.get(activityId), volunteers.findByOpenid(caller.openid)])
      const a = open(found, caller.now())
      eligible(v, a)
      return enroll(caller, a, v!, null)
    },

    /**
     * 代为报名. Only the person who registered the elder may act, and only for an elder who claimed
     * and activated the record: an unclaimed record is never 已激活, so it can hold no ticket (its
     * ticket would sit under a placeholder nobody can show). Anyone else's elder looks missing.
     */
    async signUpFor(
      caller: Caller,
      { activityId, volunteerId }: { activityId: string; volunteerId: string },
    ): Promise<MyTicket> {
      const [found, v] = await Promise.all([activities.get(activityId), volunteers.findById(volunteerId)])
      if (!v || !v.proxy || v.proxy.by !== caller.openid) throw notFound('家人的注册记录')
      const a = open(found, caller.now())
      if (v.status === 'left') throw new AppError('NOT_ACTIVATED', `${maskName(v.name)}已退出志愿者队伍，不能报名`)
      if (v.status !== 'active' || isUnclaimed(v))
        throw new AppError(
          'NOT_ACTIVATED',
          `${maskName(v.name)}还未激活：请本人用身份证号和激活码在“我的”中认领并激活后，再为其报名`,
        )
      eligible(v, a)
      const relation = v.proxy.relation
      return enroll(caller, a, v, {
        by: caller.openid,
        relation,
        statement: proxySignupStatement(v.name, relation, a.title),
      })
    },

    async cancelSignup(caller: Caller, { ticketId }: { ticketId: string }): Promise<MyTicket> {
      return cancel(caller, await ownTicket(caller, ticketId))
    },

    /** Cancels a sign-up the caller made for someone (代为报名); any other ticket looks missing. */
    async cancelFor(caller: Caller, { ticketId }: { ticketId: string }): Promise<MyTicket> {
      const t = await tickets.get(ticketId)
      if (!t || t.proxy?.by !== caller.openid) throw notFound('报名记录')
      return cancel(caller, t)
    },

    /** 我代为注册的家人: the people the caller registered, each with the live tickets the caller made. */
    async elders(caller: Caller): Promise<{ elders: ElderView[] }> {
      const now = caller.now()
      const [people, made] = await Promise.all([
        volunteers.registeredBy(caller.openid, ELDERS_SHOWN),
        tickets.madeFor(caller.openid, now, ELDER_TICKETS_SHOWN),
      ])
      // The activities themselves: a cancelled one must show as cancelled and draw no code.
      const docs = made.length ? await activities.byIds([...new Set(made.map((t) => t.activityId))]) : []
      const byId = new Map(docs.map((a) => [a._id, a]))
      return {
        elders: people.map((v) => ({
          volunteerId: v._id,
          nameMasked: maskName(v.name),
          relation: v.proxy!.relation,
          status: v.status,
          tickets: made
            .filter((t) => t.volunteerId === v._id)
            .map((t) => toMyTicket(t, byId.get(t.activityId) ?? fromCopies(t), now)),
        })),
      }
    },

    async absent(caller: Caller, { ticketId, reason }: { ticketId: string; reason: string }): Promise<MyTicket> {
      const t = await ownTicket(caller, ticketId)
      if (t.status === 'absent') return withActivity(t, caller)
      if (t.status !== 'confirmed') throw new AppError('WRONG_STATE', '只有报名成功的活动可以登记无法参加')
      if (caller.now() >= new Date(t.endAt)) throw new AppError('WRONG_STATE', '活动已结束')
      if (!(await tickets.markAbsent(t._id, reason)))
        throw new AppError('CONFLICT', '报名状态刚刚发生了变化，请刷新后重试')
      await activities.countAbsent(t.activityId)
      const [a] = await activities.byIds([t.activityId])
      if (!a) throw notFound('活动')
      // The organizer is told (志愿服务条例 Art. 22: a volunteer who cannot attend says so).
      await tell(
        [a.createdBy],
        {
          title: '有志愿者无法参加',
          body: `「${a.title}」有 1 位志愿者（${t.nameMasked}）登记无法参加，原因：${reason}`,
          templateId: '',
          page: '',
          activity: { title: a.title, startAt: new Date(a.startAt), place: a.address },
          note: '',
        },
        true,
      )
      return toMyTicket({ ...t, status: 'absent', absentReason: reason }, a, caller.now())
    },

    async mine(
      caller: Caller,
      q: { tab: 'upcoming' | 'past'; cursor?: string; limit?: number },
    ): Promise<Page<MyTicket>> {
      const limit = q.limit ?? DEFAULT_LIMIT
      const now = caller.now()
      const after = q.cursor ? decodeCursor(q.cursor) : null
      const rows = await tickets.mine(caller.openid, q.tab, now, after, limit + 1)
      const shown = rows.slice(0, limit)
      // The checks of the page's started activities, in the same round as the activities (one request).
      const started = shown.filter((t) => new Date(t.startAt) <= now).map((t) => t._id)
      const [docs, done] = await Promise.all([
        activities.byIds([...new Set(shown.map((t) => t.activityId))]),
        checks.ofTickets(started),
      ])
      const byId = new Map(docs.map((a) => [a._id, a]))
      const checksById = new Map(done.map((c) => [c._id, c]))
      return keysetPage(
        rows,
        limit,
        (t) => t.endAt,
        (page) =>
          page.flatMap((t) => {
            const a = byId.get(t.activityId)
            return a ? [toMyTicket(t, a, now, checksById)] : []
          }),
      )
    },
  }
}
