import type {
  AppealItem,
  AuditItem,
  BatchResult,
  Page,
  PendingActivationItem,
  ReviewDetail,
  ReviewItem,
} from '../../../types/api'
import { adminScope, assertCityLevel, assertInScope, inScope, teamInScope } from '../auth'
import type { Caller } from '../context'
import { AppError, notFound, wrongState } from '../errors'
import type { ReviewDoc, VolunteerDoc } from '../models'
import type { ReviewResult } from '../notify'
import { sealedFor, unseal } from '../pii'
import type { AppealRepository } from '../repositories/appeal.repository'
import type { MembershipRepository } from '../repositories/membership.repository'
import type { RecordRepository } from '../repositories/record.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { QueueCursor, VolunteerRepository } from '../repositories/volunteer.repository'
import { decodeCursor, encodeCursor, keysetPage } from './cursor'
import { isUnclaimed, issueActivation } from '../volunteer'
import { config } from '../config'
import { chinaDayStart } from '../time'
import { profileView } from './volunteer.service'

export interface ReviewDeps {
  volunteers: VolunteerRepository
  records: RecordRepository
  memberships: MembershipRepository
  appeals: AppealRepository
  teams: Pick<TeamRepository, 'get'>
  notifyReview(openid: string, r: ReviewResult): Promise<void>
}

const DEFAULT_LIMIT = 20
const HISTORY_SHOWN = 20
const APPEALS_SHOWN = 50

function item(v: VolunteerDoc): ReviewItem {
  return {
    volunteerId: v._id,
    name: v.name,
    gender: v.gender,
    employer: v.employer,
    position: v.position,
    team: v.team,
    submittedAt: new Date(v.submittedAt).toISOString(),
    resubmitted: v.resubmitted,
    revision: v.revision ?? 0,
  }
}

const handledElsewhere = () => new AppError('CONFLICT', '该注册已被其他管理员处理，请刷新列表')
/** The volunteer edited the registration after the reviewer opened it. */
const changedSince = () => new AppError('CONFLICT', '资料已更新，请重新查看')
const revisionOf = (v: VolunteerDoc) => v.revision ?? 0

/**
 * A registration is one write: its first submission is not logged separately but read from the
 * record (consentAt is stamped by that insert and never changes). Records from before this carry
 * the logged entry instead.
 */
function firstSubmission(v: VolunteerDoc, logged: ReviewDoc[]): Pick<ReviewDoc, 'action' | 'reason' | 'at'>[] {
  if (!v.firstSubmissionInRecord || logged.length >= HISTORY_SHOWN) return logged
  return [...logged, { action: 'submitted', reason: null, at: v.consentAt }]
}

export function reviewService({ volunteers, records, memberships, appeals, teams, notifyReview }: ReviewDeps) {
  /** Why a review's compare-and-set failed: another reviewer, or an edit by the volunteer. */
  async function lostRace(id: string, revision: number): Promise<AppError> {
    const now = await volunteers.findById(id)
    return now?.status === 'pending' && revisionOf(now) !== revision ? changedSince() : handledElsewhere()
  }

  async function inScopeVolunteer(caller: Caller, volunteerId: string): Promise<VolunteerDoc> {
    const [scope, v] = await Promise.all([adminScope(caller), volunteers.findById(volunteerId)])
    if (!v) throw notFound('该注册')
    assertInScope(scope, v.teamPath)
    return v
  }

  async function approveOne(caller: Caller, v: VolunteerDoc, revision: number): Promise<void> {
    if (v.status !== 'pending') throw v.status === 'approved' ? handledElsewhere() : wrongState('该注册不在待审核状态')
    if (revisionOf(v) !== revision) throw changedSince()
    const now = caller.now()
    const { code, days, activation } = issueActivation(v._id, now)
    if (!(await volunteers.approve(v._id, revision, activation, caller.openid))) throw await lostRace(v._id, revision)
    await records.addReview({ volunteerId: v._id, action: 'approved', reason: null, by: caller.openid })
    await notifyReview(v.openid, { approved: true, note: `激活码${days}天内有效`, code, at: now })
  }

  return {
    async queue(caller: Caller, data: { teamId?: string; cursor?: string; limit?: number }): Promise<Page<ReviewItem>> {
      // One team's subtree (in the caller's scope) narrows the same index: status, teamPath, submittedAt, _id.
      const scope = data.teamId ? [(await teamInScope(caller, teams, data.teamId))._id] : await adminScope(caller)
      const limit = data.limit ?? DEFAULT_LIMIT
      const after: QueueCursor | null = data.cursor
        ? (({ at, id }) => ({ submittedAt: at, id }))(decodeCursor(data.cursor))
        : null
      const rows = await volunteers.inStateInScope('pending', scope, after, limit + 1)
      return keysetPage(
        rows,
        limit,
        (v) => v.submittedAt,
        (page) => page.map(item),
      )
    },

    async detail(caller: Caller, { volunteerId }: { volunteerId: string }): Promise<ReviewDetail> {
      const v = await inScopeVolunteer(caller, volunteerId)
      const history = firstSubmission(v, await records.reviewsOf(v._id, HISTORY_SHOWN))
      return {
        ...item(v),
        status: v.status,
        profile: profileView(v),
        history: history.map((h) => ({ action: h.action, reason: h.reason, at: new Date(h.at).toISOString() })),
      }
    },

    async reveal(caller: Caller, { volunteerId, field }: { volunteerId: string; field: 'idNumber' | 'mobile' }) {
      const v = await inScopeVolunteer(caller, volunteerId)
      // Recorded before the value leaves the function: no reveal goes unaudited.
      await records.audit({ by: caller.openid, action: 'reveal', target: v._id, teamPath: v.teamPath, detail: field })
      return { value: unseal(field === 'idNumber' ? v.idNumberSealed : v.mobileSealed, sealedFor(v._id, field)) }
    },

    async approve(
      caller: Caller,
      { items }: { items: { volunteerId: string; revision: number }[] },
    ): Promise<BatchResult> {
      const seen = new Map(items.map((i) => [i.volunteerId, i.revision]))
      const ids = [...seen.keys()]
      const [scope, found] = await Promise.all([adminScope(caller), volunteers.findByIds(ids)])
      const byId = new Map(found.map((v) => [v._id, v]))
      const result: BatchResult = { done: [], failed: [] }
      for (const id of ids) {
        const v = byId.get(id)
        try {
          if (!v) throw notFound('该注册')
          if (!inScope(scope, v.teamPath)) throw new AppError('NOT_IN_SCOPE', '该注册不在您的管理范围内')
          await approveOne(caller, v, seen.get(id)!)
          result.done.push(id)
        } catch (e) {
          if (!(e instanceof AppError)) throw e
          result.failed.push({ volunteerId: id, code: e.code, message: e.message })
        }
      }
      // A single approval that failed is an error to its caller, not a half-empty batch.
      if (ids.length === 1 && result.failed.length === 1) {
        const f = result.failed[0]
        throw new AppError(f.code as AppError['code'], f.message)
      }
      return result
    },

    async reject(
      caller: Caller,
      { volunteerId, revision, reason }: { volunteerId: string; revision: number; reason: string },
    ) {
      const v = await inScopeVolunteer(caller, volunteerId)
      if (v.status !== 'pending')
        throw v.status === 'rejected' ? handledElsewhere() : wrongState('该注册不在待审核状态')
      if (revisionOf(v) !== revision) throw changedSince()
      if (!(await volunteers.reject(v._id, revision, reason, caller.openid))) throw await lostRace(v._id, revision)
      await records.addReview({ volunteerId: v._id, action: 'rejected', reason, by: caller.openid })
      await notifyReview(v.openid, { approved: false, note: reason, at: caller.now() })
      return { volunteerId: v._id }
    },

    /**
     * A new code; the old one stops working. A person's own record gets it by message; a record a
     * team registered and nobody claimed yet has no one to send it to, so the administrator is
     * shown it (audited) to hand over.
     */
    async reissueCode(caller: Caller, { volunteerId }: { volunteerId: string }) {
      const v = await inScopeVolunteer(caller, volunteerId)
      if (v.status !== 'approved' || !v.activation) throw wrongState('只有待激活的志愿者可以重新发放激活码')
      const now = caller.now()
      const unclaimed = isUnclaimed(v)
      const { code, days, activation } = issueActivation(v._id, now, { forOwner: !unclaimed })
      if (unclaimed)
        await records.audit({
          by: caller.openid,
          action: 'reissue',
          target: v._id,
          teamPath: v.teamPath,
          detail: 'shown to admin',
        })
      if (!(await volunteers.reissue(v._id, v.activation.codeHash, activation)))
        throw new AppError('CONFLICT', '激活码刚刚发生了变化，请刷新后重试')
      await records.addReview({ volunteerId: v._id, action: 'code_reissued', reason: null, by: caller.openid })
      if (unclaimed) return { volunteerId: v._id, code, days }
      await notifyReview(v.openid, { approved: true, note: `已重新发放激活码，${days}天内有效`, code, at: now })
      return { volunteerId: v._id, code: null, days }
    },

    /**
     * 作废 of a false registration (someone registered another person's ID number): recorded in the
     * review history and the audit log, memberships end, and the number is free for its person.
     */
    async voidRegistration(caller: Caller, { volunteerId, reason }: { volunteerId: string; reason: string }) {
      const v = await inScopeVolunteer(caller, volunteerId)
      if (v.voided && v.status === 'left') throw wrongState('该注册已作废')
      await records.audit({ by: caller.openid, action: 'void', target: v._id, teamPath: v.teamPath, detail: reason })
      if (!(await volunteers.voidRecord(v._id, v.status, caller.openid, reason)))
        throw new AppError('CONFLICT', '该注册刚刚发生了变化，请刷新后重试')
      await memberships.setAll(v.openid, 'left')
      await records.addReview({ volunteerId: v._id, action: 'voided', reason, by: caller.openid })
      return { volunteerId: v._id }
    },

    /** The audit log, read-only, for the owner and city administrators. */
    async auditLog(
      caller: Caller,
      data: {
        action?: AuditItem['action']
        actor?: string
        teamId?: string
        from?: string
        to?: string
        cursor?: string
        limit?: number
      },
    ): Promise<Page<AuditItem>> {
      await assertCityLevel(caller)
      const limit = data.limit ?? DEFAULT_LIMIT
      const after = data.cursor ? (({ at, id }) => ({ at, id }))(decodeCursor(data.cursor)) : null
      const filter = {
        action: data.action,
        by: data.actor,
        teamId: data.teamId,
        from: data.from ? chinaDayStart(data.from) : undefined,
        to: data.to ? new Date(chinaDayStart(data.to).getTime() + 86_400_000) : undefined,
      }
      const rows = await records.auditPage(filter, after, limit + 1)
      return keysetPage(
        rows,
        limit,
        (a) => a.at,
        (page) =>
          page.map((a) => ({
            id: a._id,
            action: a.action,
            actor: a.by,
            target: a.target,
            detail: a.detail,
            at: new Date(a.at).toISOString(),
          })),
      )
    },

    async appeals(caller: Caller): Promise<AppealItem[]> {
      const rows = await appeals.openInScope(await adminScope(caller), APPEALS_SHOWN)
      return rows.map((a) => ({
        id: a._id,
        volunteerId: a.volunteerId,
        name: a.name,
        idNumberMasked: a.idNumberMasked,
        mobileMasked: a.mobileMasked,
        note: a.note,
        at: new Date(a.at).toISOString(),
      }))
    },

    /** 待激活: self-registered and imported people who have not activated, with code age and lock state. */
    async pendingActivation(
      caller: Caller,
      data: { cursor?: string; limit?: number },
    ): Promise<Page<PendingActivationItem>> {
      const scope = await adminScope(caller)
      const limit = data.limit ?? DEFAULT_LIMIT
      const after: QueueCursor | null = data.cursor
        ? (({ at, id }) => ({ submittedAt: at, id }))(decodeCursor(data.cursor))
        : null
      const rows = await volunteers.inStateInScope('approved', scope, after, limit + 1)
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      const now = caller.now().getTime()
      const max = config.activationMaxFailures()
      return {
        items: page.map((v) => {
          const a = v.activation
          const issued =
            a?.issuedAt ??
            (a ? new Date(new Date(a.expiresAt).getTime() - config.activationCodeDays() * 86_400_000) : null)
          return {
            volunteerId: v._id,
            name: v.name,
            team: v.team,
            imported: isUnclaimed(v),
            issuedAt: issued ? new Date(issued).toISOString() : null,
            codeAgeDays: issued ? Math.floor((now - new Date(issued).getTime()) / 86_400_000) : null,
            expired: a ? now > new Date(a.expiresAt).getTime() : true,
            locked: (a?.failures ?? 0) >= max,
          }
        }),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: new Date(last.submittedAt), id: last._id }) : null,
      }
    },
  }
}
