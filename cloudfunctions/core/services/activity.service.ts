/** Publishing and browsing activities (DOMAIN.md "Activities"). Sign-up lives in signup.service.ts. */
import type {
  ActivityDetail,
  ActivityEditView,
  ActivityInput,
  ActivityListQuery,
  ActivitySummary,
  Page,
} from '../../../types/api'
import { newActivity, statusAt, type ActivityFields } from '../activity'
import { assertInScope, organizerScope, type Scope } from '../auth'
import { config } from '../config'
import type { Caller } from '../context'
import { AppError, notFound } from '../errors'
import type { ActivityDoc, TeamDoc } from '../models'
import type { ActivityMessage } from '../notify'
import type { ActivityRepository, KeyCursor } from '../repositories/activity.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { TicketRepository } from '../repositories/ticket.repository'
import { ticketPublicKey } from '../ticket-signer'
import { chinaDayStart } from '../time'
import { decodeCursor, keysetPage } from './cursor'
import { copyOf, toMyTicket } from './signup.service'

const DEFAULT_LIMIT = 20
/** Signed-up people told of a change or cancellation in one call; more are told by the reminder pass. */
const TELL_LIMIT = 1000
const OVERLAPS_SHOWN = 10
export const ACTIVITY_PAGE = 'packages/volunteer/pages/activity/index'

export interface ActivityDeps {
  activities: ActivityRepository
  tickets: TicketRepository
  teams: TeamRepository
  tell: (openids: string[], m: ActivityMessage, keepNotice: boolean) => Promise<void>
}

const iso = (d: Date | string) => new Date(d).toISOString()

export function toSummary(a: ActivityDoc, now: Date): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    type: a.type,
    focusTags: a.focusTags,
    status: statusAt(a, now),
    team: a.team,
    venueKind: a.venueKind,
    address: a.address,
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    signupDeadline: iso(a.signupDeadline),
    capacity: a.capacity,
    signedUp: a.signedUp,
    waiting: a.waiting,
    audience: a.audience,
  }
}

export function toInput(a: ActivityDoc): ActivityInput {
  return {
    teamId: a.teamId,
    title: a.title,
    type: a.type,
    focusTags: a.focusTags,
    theme: a.theme,
    venueKind: a.venueKind,
    address: a.address,
    location: a.location,
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    capacity: a.capacity,
    signupDeadline: iso(a.signupDeadline),
    description: a.description,
    beneficiaries: a.beneficiaries,
    contact: a.contact,
    audience: a.audience,
    insured: a.insured,
  }
}

function toEditView(a: ActivityDoc, now: Date): ActivityEditView {
  return {
    id: a._id,
    rev: a.rev,
    stage: a.stage,
    status: statusAt(a, now),
    input: toInput(a),
    team: a.team,
    signedUp: a.signedUp,
    waiting: a.waiting,
    cancelReason: a.cancelReason,
    ticketPublicKey: ticketPublicKey(),
  }
}

/** The stored fields of a validated form. */
function fieldsOf(input: ActivityInput, team: TeamDoc): ActivityFields {
  const { teamId: _teamId, startAt, endAt, signupDeadline, ...rest } = input
  return {
    ...rest,
    startAt: new Date(startAt),
    endAt: new Date(endAt),
    signupDeadline: new Date(signupDeadline),
    team: { id: team._id, name: team.name, kind: team.kind },
    teamId: team._id,
    teamPath: team.path,
  }
}

const cursorOf = (c: string | undefined): KeyCursor | null => (c ? decodeCursor(c) : null)

export function activityService({ activities, tickets, teams, tell }: ActivityDeps) {
  async function teamInScope(scope: Scope, teamId: string): Promise<TeamDoc> {
    const team = await teams.get(teamId)
    if (!team) throw new AppError('INVALID_INPUT', '所选队伍不存在，请重新选择', 'teamId')
    assertInScope(scope, team.path)
    return team
  }

  /** An activity the caller organizes: missing and out-of-scope look alike to others. */
  async function organized(caller: Caller, id: string): Promise<{ a: ActivityDoc; scope: Scope }> {
    const [scope, a] = await Promise.all([organizerScope(caller), activities.get(id)])
    if (!a) throw notFound('活动')
    assertInScope(scope, a.teamPath)
    return { a, scope }
  }

  async function reread(id: string): Promise<ActivityDoc> {
    const a = await activities.get(id)
    if (!a) throw notFound('活动')
    return a
  }

  function message(a: ActivityDoc, kind: 'changed' | 'cancelled'): ActivityMessage {
    const when = { title: a.title, startAt: new Date(a.startAt), place: a.address }
    return kind === 'cancelled'
      ? {
          title: '活动已取消',
          body: `您报名的「${a.title}」已取消。原因：${a.cancelReason ?? ''}`,
          templateId: config.templates.cancelled(),
          page: `${ACTIVITY_PAGE}?id=${encodeURIComponent(a._id)}`,
          activity: when,
          note: `已取消：${a.cancelReason ?? ''}`,
        }
      : {
          title: '活动时间或地点有变更',
          body: `您报名的「${a.title}」时间或地点有变更，请查看最新安排。`,
          templateId: config.templates.changed(),
          page: `${ACTIVITY_PAGE}?id=${encodeURIComponent(a._id)}`,
          activity: when,
          note: '时间或地点有变更，请查看',
        }
  }

  async function tellSignedUp(a: ActivityDoc, kind: 'changed' | 'cancelled') {
    const holders = await tickets.liveOf([a._id], TELL_LIMIT)
    await tell(
      holders.map((t) => t.openid),
      message(a, kind),
      true,
    )
  }

  return {
    async list(caller: Caller, q: ActivityListQuery): Promise<Page<ActivitySummary>> {
      const limit = q.limit ?? DEFAULT_LIMIT
      const now = caller.now()
      const rows = await activities.list(
        {
          tab: q.tab,
          now,
          teamId: q.teamId,
          type: q.type,
          focus: q.focus,
          from: q.from ? chinaDayStart(q.from) : undefined,
          to: q.to ? new Date(chinaDayStart(q.to).getTime() + 86_400_000) : undefined,
          seatsOnly: q.seatsOnly,
          q: q.q || undefined,
        },
        cursorOf(q.cursor),
        limit + 1,
      )
      return keysetPage(
        rows,
        limit,
        (a) => a.endAt,
        (page) => page.map((a) => toSummary(a, now)),
      )
    },

    async detail(caller: Caller, { activityId }: { activityId: string }): Promise<ActivityDetail> {
      const a = await activities.get(activityId)
      if (!a) throw notFound('活动')
      // A draft is seen only by those who may edit it.
      if (a.stage === 'draft') assertInScope(await organizerScope(caller), a.teamPath)
      const now = caller.now()
      const live = await tickets.liveOverlapping(
        caller.openid,
        new Date(a.startAt),
        new Date(a.endAt),
        OVERLAPS_SHOWN + 1,
      )
      const own = live.find((t) => t.activityId === a._id)
      return {
        ...toSummary(a, now),
        theme: a.theme,
        location: a.location,
        description: a.description,
        beneficiaries: a.beneficiaries,
        contact: a.contact,
        insured: a.insured,
        cancelReason: a.cancelReason,
        mine: own ? toMyTicket(own, a, now) : null,
        overlaps: live
          .filter((t) => t.activityId !== a._id)
          .slice(0, OVERLAPS_SHOWN)
          .map((t) => ({ id: t.activityId, title: t.title, startAt: iso(t.startAt), endAt: iso(t.endAt) })),
        subscribeTemplateIds: [
          config.templates.signup(),
          config.templates.reminder(),
          config.templates.promoted(),
        ].filter(Boolean),
      }
    },

    async organized(caller: Caller, q: { cursor?: string; limit?: number }): Promise<Page<ActivityEditView>> {
      const limit = q.limit ?? DEFAULT_LIMIT
      const scope = await organizerScope(caller)
      const rows = await activities.organized(scope, cursorOf(q.cursor), limit + 1)
      const now = caller.now()
      return keysetPage(
        rows,
        limit,
        (a) => a.startAt,
        (page) => page.map((a) => toEditView(a, now)),
      )
    },

    async forEdit(caller: Caller, { activityId }: { activityId: string }): Promise<ActivityEditView> {
      const { a } = await organized(caller, activityId)
      return toEditView(a, caller.now())
    },

    async save(caller: Caller, { id, rev, input }: { id?: string; rev?: number; input: ActivityInput }) {
      if (id === undefined) {
        const scope = await organizerScope(caller)
        const team = await teamInScope(scope, input.teamId)
        const newId = await activities.insert(newActivity(fieldsOf(input, team), caller.openid))
        return toEditView(await reread(newId), caller.now())
      }
      if (rev === undefined) throw new AppError('INVALID_INPUT', '缺少版本号，请刷新后重试', 'rev')
      const { a, scope } = await organized(caller, id)
      if (a.stage === 'cancelled') throw new AppError('WRONG_STATE', '活动已取消，不能再修改')
      if (a.rev !== rev) throw new AppError('CONFLICT', '活动刚刚被修改过，请刷新后重试')
      if (input.capacity < a.signedUp)
        throw new AppError('CAPACITY_TOO_LOW', `已有 ${a.signedUp} 人报名，人数上限不能少于 ${a.signedUp}`, 'capacity')
      const team = input.teamId === a.teamId ? null : await teamInScope(scope, input.teamId)
      const fields = fieldsOf(
        input,
        team ?? ({ _id: a.teamId, name: a.team.name, kind: a.team.kind, path: a.teamPath } as TeamDoc),
      )
      const delta = input.capacity - a.capacity
      if (!(await activities.saveEdit(a._id, rev, fields, delta, delta))) {
        const now = await reread(a._id)
        if (now.rev !== rev) throw new AppError('CONFLICT', '活动刚刚被修改过，请刷新后重试')
        throw new AppError(
          'CAPACITY_TOO_LOW',
          `已有 ${now.signedUp} 人报名，人数上限不能少于 ${now.signedUp}`,
          'capacity',
        )
      }
      const moved =
        +new Date(a.startAt) !== +fields.startAt || +new Date(a.endAt) !== +fields.endAt || a.address !== fields.address
      const saved = { ...a, ...fields, rev: rev + 1, seatsLeft: a.seatsLeft + delta, waitSlots: a.waitSlots + delta }
      if (a.stage === 'published' && (a.signedUp > 0 || a.waiting > 0)) {
        await tickets.updateCopies(a._id, copyOf(fields), moved)
        if (moved) await tellSignedUp(saved, 'changed')
      }
      return toEditView(saved, caller.now())
    },

    async publish(caller: Caller, { activityId, rev }: { activityId: string; rev: number }) {
      const scope = await organizerScope(caller)
      const now = caller.now()
      // The scope is a condition of the update itself: nothing outside it is ever written.
      if (!(await activities.publish(activityId, rev, now, scope))) {
        const a = await activities.get(activityId)
        if (!a) throw notFound('活动')
        assertInScope(scope, a.teamPath)
        if (a.stage !== 'draft')
          throw new AppError('WRONG_STATE', a.stage === 'published' ? '活动已发布' : '活动已取消')
        if (a.rev !== rev) throw new AppError('CONFLICT', '活动刚刚被修改过，请刷新后重试')
        throw new AppError('INVALID_INPUT', '开始时间已过，请修改时间后再发布', 'startAt')
      }
      return toEditView(await reread(activityId), now)
    },

    async cancel(caller: Caller, { activityId, reason }: { activityId: string; reason: string }) {
      const { a } = await organized(caller, activityId)
      if (a.stage === 'cancelled') return toEditView(a, caller.now())
      if (caller.now() >= new Date(a.endAt)) throw new AppError('WRONG_STATE', '活动已结束，不能取消')
      if (!(await activities.cancel(a._id, reason)))
        throw new AppError('CONFLICT', '活动状态刚刚发生了变化，请刷新后重试')
      const cancelled: ActivityDoc = { ...a, stage: 'cancelled', cancelReason: reason, rev: a.rev + 1 }
      if (a.stage === 'published') await tellSignedUp(cancelled, 'cancelled')
      return toEditView(cancelled, caller.now())
    },
  }
}
