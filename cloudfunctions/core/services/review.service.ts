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
import { AppError, notFound, notInScope, wrongState } from '../errors'
import type { AppealDoc, ReviewDoc, VolunteerDoc } from '../models'
import { AppealOutcome } from '../../../types/enums'
import type { ReviewNotice, ReviewResult } from '../notify'
import { sealedFor, unseal } from '../pii'
import type { AppealRepository } from '../repositories/appeal.repository'
import type { MembershipRepository } from '../repositories/membership.repository'
import type { RecordRepository } from '../repositories/record.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { QueueCursor, VolunteerRepository } from '../repositories/volunteer.repository'
import { decodeCursor, encodeCursor, keysetPage } from './cursor'
import { isUnclaimed, issueActivation, issueActivations } from '../volunteer'
import { countedIn } from '../team'
import { config } from '../config'
import { chinaDayStart } from '../time'
import { profileView } from './volunteer.service'

export interface ReviewDeps {
  volunteers: VolunteerRepository
  records: RecordRepository
  memberships: MembershipRepository
  appeals: AppealRepository
  teams: Pick<TeamRepository, 'get'>
  /** Review results to their people: subscribe messages, and the notices on 我的 in one write. */
  notifyReview(items: ReviewNotice[]): Promise<void>
}

const DEFAULT_LIMIT = 20
const HISTORY_SHOWN = 20

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

/** The appeal was closed already (by another administrator, or from a stale screen). */
const appealClosed = () => new AppError('CONFLICT', '该申诉已处理，请刷新列表')
const handledElsewhere = () => new AppError('CONFLICT', '该注册已被其他管理员处理，请刷新列表')
/** The volunteer edited the registration after the reviewer opened it. */
const changedSince = () => new AppError('CONFLICT', '资料已更新，请重新查看')
const revisionOf = (v: VolunteerDoc) => v.revision ?? 0

/**
 * Who hears a review result: the person, or for a record someone registered for them (代为注册)
 * and not yet claimed, the one who did; a record a team registered has no one to tell.
 */
function resultTo(v: VolunteerDoc, result: ReviewResult): ReviewNotice[] {
  if (!isUnclaimed(v)) return [{ openid: v.openid, result }]
  return v.proxy ? [{ openid: v.proxy.by, result: { ...result, forName: v.name } }] : []
}

/**
 * Why a decision's conditional update left a record unchanged, told from the record as it is now:
 * the states are checked by the update's condition, not before it, so a stale screen and a race
 * are answered alike.
 */
function whyUnchanged(now: VolunteerDoc | null, revision: number, decided: VolunteerDoc['status']): AppError {
  if (!now) return notFound('该注册')
  if (now.status === 'pending') return revisionOf(now) !== revision ? changedSince() : handledElsewhere()
  return now.status === decided ? handledElsewhere() : wrongState('该注册不在待审核状态')
}

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
  async function inScopeVolunteer(caller: Caller, volunteerId: string): Promise<VolunteerDoc> {
    const [scope, v] = await Promise.all([adminScope(caller), volunteers.findById(volunteerId)])
    if (!v) throw notFound('该注册')
    assertInScope(scope, v.teamPath)
    return v
  }

  /** An appeal the caller administers: its holder's team in scope (one with no holder is the owner's). */
  async function inScopeAppeal(caller: Caller, appealId: string): Promise<AppealDoc> {
    const [scope, a] = await Promise.all([adminScope(caller), appeals.get(appealId)])
    if (!a) throw notFound('该申诉')
    if (!inScope(scope, a.teamPath)) throw notInScope('该申诉不在您的管理范围内')
    return a
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
        proxy: v.proxy ? { relation: v.proxy.relation, statement: v.proxy.statement } : null,
        history: history.map((h) => ({ action: h.action, reason: h.reason, at: new Date(h.at).toISOString() })),
      }
    },

    async reveal(caller: Caller, { volunteerId, field }: { volunteerId: string; field: 'idNumber' | 'mobile' }) {
      const v = await inScopeVolunteer(caller, volunteerId)
      // Recorded before the value leaves the function: no reveal goes unaudited.
      await records.audit({ by: caller.openid, action: 'reveal', target: v._id, teamPath: v.teamPath, detail: field })
      return { value: unseal(field === 'idNumber' ? v.idNumberSealed : v.mobileSealed, sealedFor(v._id, field)) }
    },

    /**
     * Up to 50 approvals in a fixed number of requests: the records read together, one conditional
     * update per revision the reviewer saw (so, nearly always, one) writing one batch of codes
     * (activation.ts), their history in one write, their messages in one. Which records it changed
     * is read back only when it changed fewer than it was given.
     */
    async approve(
      caller: Caller,
      { items }: { items: { volunteerId: string; revision: number }[] },
    ): Promise<BatchResult> {
      const seen = new Map(items.map((i) => [i.volunteerId, i.revision]))
      const ids = [...seen.keys()]
      const [scope, found] = await Promise.all([adminScope(caller), volunteers.findByIds(ids)])
      const byId = new Map(found.map((v) => [v._id, v]))
      const failures = new Map<string, AppError>()
      const tried = new Map<number, VolunteerDoc[]>()
      for (const id of ids) {
        const v = byId.get(id)
        if (!v) failures.set(id, notFound('该注册'))
        else if (!inScope(scope, v.teamPath)) failures.set(id, new AppError('NOT_IN_SCOPE', '该注册不在您的管理范围内'))
        else tried.set(seen.get(id)!, [...(tried.get(seen.get(id)!) ?? []), v])
      }
      const now = caller.now()
      const { days, activation, codeOf } = issueActivations(now)
      const attempted = [...tried.values()].flat()
      let changed = 0
      for (const [revision, group] of tried)
        changed += await volunteers.approveMany(
          group.map((v) => v._id),
          revision,
          activation,
          caller.openid,
        )
      const after =
        changed === attempted.length
          ? null
          : new Map((await volunteers.findByIds(attempted.map((v) => v._id))).map((v) => [v._id, v]))
      const done = attempted.filter((v) => {
        const current = after ? (after.get(v._id) ?? null) : null
        if (!after || current?.activation?.codeHash === activation.codeHash) return true
        failures.set(v._id, whyUnchanged(current, seen.get(v._id)!, 'approved'))
        return false
      })
      await records.addReviews(
        done.map((v) => ({ volunteerId: v._id, action: 'approved' as const, reason: null, by: caller.openid })),
      )
      await notifyReview(
        done.flatMap((v) =>
          resultTo(v, { approved: true, note: `激活码${days}天内有效`, code: codeOf(v._id), at: now }),
        ),
      )
      // A single approval that failed is an error to its caller, not a half-empty batch.
      if (ids.length === 1 && failures.size === 1) throw [...failures.values()][0]
      const doneIds = new Set(done.map((v) => v._id))
      return {
        done: ids.filter((id) => doneIds.has(id)),
        failed: ids.flatMap((id) => {
          const e = failures.get(id)
          return e ? [{ volunteerId: id, code: e.code, message: e.message }] : []
        }),
      }
    },

    async reject(
      caller: Caller,
      { volunteerId, revision, reason }: { volunteerId: string; revision: number; reason: string },
    ) {
      const v = await inScopeVolunteer(caller, volunteerId)
      // The state and revision are the update's condition; a refusal is explained afterwards.
      if (!(await volunteers.reject(v._id, revision, reason, caller.openid)))
        throw whyUnchanged(await volunteers.findById(v._id), revision, 'rejected')
      await records.addReview({ volunteerId: v._id, action: 'rejected', reason, by: caller.openid })
      await notifyReview(resultTo(v, { approved: false, note: reason, at: caller.now() }))
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
      await notifyReview([
        { openid: v.openid, result: { approved: true, note: `已重新发放激活码，${days}天内有效`, code, at: now } },
      ])
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
      const asRead = v.status === 'active' ? { memberOf: v.memberOf } : undefined
      if (!(await volunteers.voidRecord(v._id, v.status, caller.openid, reason, asRead)))
        throw new AppError('CONFLICT', '该注册刚刚发生了变化，请刷新后重试')
      await memberships.setAll(v.openid, 'left', countedIn(v))
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

    /** Open appeals in scope, newest first, a page at a time (closed ones leave the list). */
    async appeals(caller: Caller, data: { cursor?: string; limit?: number }): Promise<Page<AppealItem>> {
      const limit = data.limit ?? DEFAULT_LIMIT
      const after = data.cursor ? (({ at, id }) => ({ at, id }))(decodeCursor(data.cursor)) : null
      const rows = await appeals.openInScope(await adminScope(caller), after, limit + 1)
      return keysetPage(
        rows,
        limit,
        (a) => a.at,
        (page) =>
          page.map((a) => ({
            id: a._id,
            volunteerId: a.volunteerId,
            name: a.name,
            idNumberMasked: a.idNumberMasked,
            mobileMasked: a.mobileMasked,
            note: a.note,
            at: new Date(a.at).toISOString(),
          })),
      )
    },

    /**
     * The appellant's full mobile, so the administrator can call them back. Recorded before the
     * value leaves the function, under the same action as a registration's reveal.
     */
    async revealAppeal(caller: Caller, { appealId }: { appealId: string }): Promise<{ value: string }> {
      const a = await inScopeAppeal(caller, appealId)
      await records.audit({
        by: caller.openid,
        action: 'reveal',
        target: a._id,
        teamPath: a.teamPath,
        detail: 'appeal mobile',
      })
      return { value: unseal(a.mobileSealed) }
    },

    /**
     * Closes an open 申诉 with its outcome and note. The status is the update's condition, so it
     * closes once; the closed record names who closed it and when, and only a close that happened
     * is audited and told to the appellant (a notice on 我的: no subscribe message, since the
     * appellant never subscribed to a template for it).
     */
    async closeAppeal(
      caller: Caller,
      { appealId, outcome, note }: { appealId: string; outcome: AppealOutcome; note: string },
    ): Promise<{ appealId: string; outcome: AppealOutcome }> {
      const a = await inScopeAppeal(caller, appealId)
      if (!(await appeals.close(a._id, { by: caller.openid, outcome, note }))) throw appealClosed()
      await records.audit({
        by: caller.openid,
        action: 'appeal_closed',
        target: a._id,
        teamPath: a.teamPath,
        detail: outcome,
      })
      await records.addMessages([
        {
          openid: a.openid,
          title: '申诉处理结果',
          body: `你提交的身份证号 ${a.idNumberMasked} 的申诉已处理：${AppealOutcome.map[outcome]}。说明：${note}`,
          templateId: '',
          delivered: false,
          errcode: null,
        },
      ])
      return { appealId: a._id, outcome }
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
