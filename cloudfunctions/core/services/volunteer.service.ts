import type { MeView, ProfileView, ProxyReceipt, RoleGrant } from '../../../types/api'
import { ProxyRelation } from '../../../types/enums'
import { proxyConsentStatement, type ProxyRegistration } from '../../../types/proxy'
import { maskIdNumber, maskMobile } from '../../../types/idcard'
import { IDENTITY_FIELDS, type Registration } from '../../../types/registration'
import { codeMatches } from '../activation'
import { rolesHeld } from '../auth'
import { config } from '../config'
import { chinaDay } from '../time'
import type { Caller } from '../context'
import { AppError, wrongState } from '../errors'
import type { Invitation, MessageDoc, TeamDoc, VolunteerDoc } from '../models'
import { idNumberHash, legacyIdNumberHash, seal, sealedFor, unseal } from '../pii'
import { countedIn } from '../team'
import {
  isUnclaimed,
  newVolunteer,
  newVolunteerId,
  ownActivationCode,
  registrationFields,
  UNCLAIMED,
} from '../volunteer'
import { asActivated } from '../repositories/volunteer.repository'
import type { AppealRepository } from '../repositories/appeal.repository'
import type { LimitRepository } from '../repositories/limit.repository'
import type { MembershipRepository } from '../repositories/membership.repository'
import type { RecordRepository } from '../repositories/record.repository'
import type { TeamRepository } from '../repositories/team.repository'
import { DuplicateRegistration, idTaken, type VolunteerRepository } from '../repositories/volunteer.repository'
import { memberItem } from './team-page'

export interface VolunteerDeps {
  volunteers: VolunteerRepository
  teams: TeamRepository
  memberships: MembershipRepository
  records: RecordRepository
  limits: LimitRepository
  appeals: AppealRepository
}

const NOTICES_SHOWN = 5

export function profileView(v: VolunteerDoc): ProfileView {
  return {
    name: v.name,
    gender: v.gender,
    idNumberMasked: v.idNumberMasked,
    birthYear: Number(v.birthDate.slice(0, 4)),
    employer: v.employer,
    position: v.position,
    mobileMasked: v.mobileMasked,
    skills: v.skills,
    skillsOther: v.skillsOther,
    specialty: v.specialty,
    availability: v.availability,
    source: v.source,
  }
}

/** Whether an edit touches 身份信息 or the team, which an administrator must review again. */
function identityChanged(v: VolunteerDoc, r: Registration): boolean {
  const before: Record<(typeof IDENTITY_FIELDS)[number], string> = {
    name: v.name,
    gender: v.gender,
    idNumber: unseal(v.idNumberSealed, sealedFor(v._id, 'idNumber')),
    employer: v.employer,
    position: v.position,
    teamId: v.team.id,
  }
  return IDENTITY_FIELDS.some((f) => before[f] !== r[f])
}

function invitationOf(v: VolunteerDoc, teamId: string): Invitation {
  // Own keys only: a team id from the event never reaches a prototype.
  const inv =
    v.invitations && Object.prototype.hasOwnProperty.call(v.invitations, teamId) ? v.invitations[teamId] : null
  if (!inv) throw new AppError('NOT_FOUND', '该邀请不存在或已处理')
  return inv
}

/** 我的 for a record (or none), the roles the person holds and their newest notices: no reads of its own. */
export function meView(v: VolunteerDoc | null, roles: RoleGrant[], messages: MessageDoc[]): MeView {
  const notices = messages.map((m) => ({
    id: m._id,
    title: m.title,
    body: m.body,
    at: new Date(m.createdAt).toISOString(),
    delivered: m.delivered,
  }))
  const templates = [config.reviewResultTemplateId()].filter(Boolean)
  if (!v) {
    return {
      status: 'unregistered',
      profile: null,
      team: null,
      rejectReason: null,
      submittedAt: null,
      roles,
      memberOf: [],
      serviceHours: 0,
      activationLocked: false,
      activationCode: null,
      invitations: [],
      notices,
      subscribeTemplateIds: templates,
    }
  }
  return {
    status: v.status,
    profile: profileView(v),
    team: v.team,
    rejectReason: v.status === 'rejected' ? v.rejectReason : null,
    submittedAt: new Date(v.submittedAt).toISOString(),
    roles,
    // Records activated before memberOf existed fall back to their primary team's path.
    memberOf: v.status === 'active' ? (v.memberOf ?? v.teamPath) : [],
    serviceHours: Math.round((v.serviceMinutes ?? 0) / 6) / 10,
    activationLocked: v.status === 'approved' && (v.activation?.failures ?? 0) >= config.activationMaxFailures(),
    activationCode: ownActivationCode(v),
    invitations: Object.values(v.invitations ?? {}).map((i) => ({ team: i.team, at: new Date(i.at).toISOString() })),
    notices,
    subscribeTemplateIds: templates,
  }
}

export function volunteerService({ volunteers, teams, memberships, records, limits, appeals }: VolunteerDeps) {
  async function mine(caller: Caller): Promise<VolunteerDoc> {
    const v = await volunteers.findByOpenid(caller.openid)
    if (!v) throw wrongState('您还没有注册')
    return v
  }

  async function teamOf(teamId: string): Promise<TeamDoc> {
    const team = await teams.get(teamId)
    if (!team) throw new AppError('INVALID_INPUT', '所选队伍不存在，请重新选择', 'teamId')
    return team
  }

  const today = (caller: Caller) => chinaDay(caller.now())
  const tooMany = () => new AppError('RATE_LIMITED', '今天的提交次数已用完，请明天再试，或联系队伍管理员')
  /** Whether the caller may still be told "taken" today; checked before any write that could tell it. */
  const mayLearnTaken = async (caller: Caller) =>
    !(await limits.spent('taken', caller.openid, today(caller), config.takenAnswersPerDay()))
  /** Answers "taken", counting it against the caller's daily allowance. */
  async function taken(caller: Caller): Promise<AppError> {
    const ok = await limits.take('taken', caller.openid, today(caller), config.takenAnswersPerDay())
    return ok ? idTaken() : tooMany()
  }

  /**
   * 我的 read afresh: the record with its grants, and a page of notices on their index, side by
   * side. Someone with no record holds their grants as they are (auth.ts), read through the caller.
   */
  async function reread(caller: Caller): Promise<MeView> {
    const [own, messages] = await Promise.all([
      volunteers.mine(caller.openid, 0),
      records.messagesOf(caller.openid, NOTICES_SHOWN),
    ])
    if (!own) return meView(null, await caller.roles(), messages)
    return meView(own.volunteer, rolesHeld(caller.openid, own.grants, own.volunteer), messages)
  }

  const alreadyRegistered = () => new AppError('ALREADY_REGISTERED', '您已经提交过注册，可在“我的”中查看或修改')
  const changedMeanwhile = () => new AppError('CONFLICT', '激活码状态刚刚发生了变化，请重试')

  /**
   * Checks an activation code and, when right, activates the record for the caller and answers it
   * as activated. A wrong code is counted; after the configured number the code locks until an
   * administrator re-issues one. The code is compared here, before any write, so a right one costs
   * one conditional update: the activation itself, which also requires the count to be below the
   * limit, so a right code after the lock (or after simultaneous wrong ones locked it) is refused.
   */
  async function redeem(caller: Caller, v: VolunteerDoc, code: string): Promise<VolunteerDoc> {
    if (v.status !== 'approved' || !v.activation) throw wrongState('注册尚未审核通过，暂不能激活')
    const max = config.activationMaxFailures()
    const { codeHash, failures } = v.activation
    const locked = () => new AppError('CODE_LOCKED', '激活码错误次数过多，已锁定。请联系管理员重新发放激活码')
    if (caller.now() > new Date(v.activation.expiresAt))
      throw new AppError('CODE_EXPIRED', '激活码已过期，请联系管理员重新发放')
    // A locked code is refused by the conditions of the writes below, not by a check here.
    /** Why a conditional write of this attempt changed nothing: done by a simultaneous tap, locked, or re-issued. */
    const lost = async (): Promise<VolunteerDoc> => {
      const now = await volunteers.findById(v._id)
      if (now?.status === 'active' && now.openid === caller.openid) return now
      if (now?.status === 'approved' && now.activation?.codeHash === codeHash) throw locked()
      throw changedMeanwhile()
    }
    if (!codeMatches(v._id, code, codeHash)) {
      // Counted only while below the limit: of simultaneous wrong codes, those past it hear "locked".
      if (!(await volunteers.countWrongCode(v._id, codeHash, max))) return lost()
      const left = max - failures - 1
      if (left <= 0) throw locked()
      throw new AppError('CODE_INVALID', `激活码不正确，还可以尝试 ${left} 次`, 'code')
    }
    // Compare-and-set on the owner, the code and the count: a re-issue, another claim or the lock
    // that landed in between wins over this attempt.
    // The only active membership after (re)activation is the primary one (memberOf, models.ts).
    const expect = { owner: v.openid, codeHash, failuresBelow: max }
    const ok = await volunteers.activate(v._id, expect, caller.openid, v.teamPath)
    const done = ok ? asActivated(v, caller.openid, v.teamPath, caller.now()) : await lost()
    // Only the call that activated moves the counters (from nothing: the person was not active).
    await memberships.activate(caller.openid, { id: v.team.id, path: v.teamPath }, true, ok ? [] : null)
    return done
  }

  /**
   * register when the insert met a unique index: the same WeChat account submitting twice at once,
   * a volunteer coming back after 退出, or an ID number registered by another account — which one,
   * without revealing that account.
   */
  async function registerAgain(caller: Caller, r: Registration, team: TeamDoc): Promise<MeView> {
    const existing = await volunteers.findByOpenid(caller.openid)
    if (!existing) throw await taken(caller)
    if (existing.status !== 'left') throw alreadyRegistered()
    // Coming back after 退出: the same record, history kept, reviewed again.
    const {
      _id: _sameId,
      openid: _same,
      serviceMinutes: _kept,
      revision: _bumped,
      firstSubmissionInRecord: _first,
      ...fresh
    } = newVolunteer(registrationFields(r, existing._id, team), {
      kind: 'registered',
      id: existing._id,
      openid: caller.openid,
    })
    try {
      if (!(await volunteers.reRegister(existing._id, { ...fresh, resubmitted: true })))
        throw new AppError('CONFLICT', '注册状态已变化，请刷新后重试')
    } catch (e) {
      // The account is the returning volunteer's own: only the ID number can be taken.
      if (e instanceof DuplicateRegistration) throw await taken(caller)
      throw e
    }
    await records.addReview({ volunteerId: existing._id, action: 'submitted', reason: null, by: caller.openid })
    return reread(caller)
  }

  return {
    me: (caller: Caller) => reread(caller),

    /**
     * A first registration is one write after two reads (the team, today's "taken" allowance), and
     * answers 我的 from what it wrote: a new record's person holds no grants until activated
     * (auth.ts, so none are read) and has no notices yet (every message goes to a registered person).
     */
    async register(caller: Caller, r: Registration): Promise<MeView> {
      const [team, allowed] = await Promise.all([teamOf(r.teamId), mayLearnTaken(caller)])
      // Once the caller has been told "taken" too often today, no registration is tried: success
      // or refusal would both tell whether a number is registered.
      if (!allowed) {
        const existing = await volunteers.findByOpenid(caller.openid)
        throw existing && existing.status !== 'left' ? alreadyRegistered() : tooMany()
      }
      const id = newVolunteerId()
      const doc = newVolunteer(registrationFields(r, id, team), { kind: 'registered', id, openid: caller.openid })
      try {
        // One write: the first submission's history entry is read from the record (review.service).
        await volunteers.insert(doc)
      } catch (e) {
        if (!(e instanceof DuplicateRegistration)) throw e
        return registerAgain(caller, r, team)
      }
      // The insert stamps server times; the answer shows the function's, a moment apart.
      const written = { ...doc, _id: id, submittedAt: caller.now(), consentAt: caller.now() }
      return meView(written, rolesHeld(caller.openid, [], written), [])
    },

    async update(caller: Caller, r: Registration): Promise<MeView> {
      const v = await mine(caller)
      if (v.status === 'left') throw wrongState('您已退出，如需重新加入请重新注册')
      const team = v.team.id === r.teamId ? null : await teamOf(r.teamId)
      const numberChanged = unseal(v.idNumberSealed, sealedFor(v._id, 'idNumber')) !== r.idNumber
      if (numberChanged && !(await mayLearnTaken(caller))) throw tooMany()
      const fields = registrationFields(
        r,
        v._id,
        team ?? ({ _id: v.team.id, name: v.team.name, kind: v.team.kind, path: v.teamPath } as TeamDoc),
      )
      // Before a decision, or after a rejection, any edit is a (re)submission. After approval,
      // contact, skills and availability change freely; identity or team changes are reviewed again.
      const backToReview = v.status === 'pending' || v.status === 'rejected' || identityChanged(v, r)
      const patch = backToReview
        ? {
            ...fields,
            status: 'pending' as const,
            rejectReason: null,
            resubmitted: v.status !== 'pending' || v.resubmitted,
            activation: null,
          }
        : {
            mobileSealed: fields.mobileSealed,
            mobileMasked: fields.mobileMasked,
            skills: fields.skills,
            skillsOther: fields.skillsOther,
            specialty: fields.specialty,
            availability: fields.availability,
            source: fields.source,
          }
      try {
        const asRead = backToReview && v.status === 'active' ? { memberOf: v.memberOf } : undefined
        const ok = await volunteers.edit(v._id, v.status, patch, backToReview && v.status !== 'pending', asRead)
        if (!ok) throw new AppError('CONFLICT', '注册状态刚刚发生了变化（可能已被审核），请刷新后重试')
      } catch (e) {
        if (e instanceof DuplicateRegistration) throw await taken(caller)
        throw e
      }
      // A leader's card on the team page shows the masked phone: it follows a change of phone.
      if (!backToReview && v.status === 'active' && fields.mobileMasked !== v.mobileMasked)
        await teams.refreshLeaderCard({ ...memberItem({ ...v, mobileMasked: fields.mobileMasked }), openid: v.openid })
      if (backToReview && v.status !== 'pending') {
        if (v.status === 'active') await memberships.setAll(caller.openid, 'suspended', countedIn(v))
        await records.addReview({ volunteerId: v._id, action: 'submitted', reason: null, by: caller.openid })
      }
      return reread(caller)
    },

    /**
     * One read (the record, grants and notices), the activation and the membership: 我的 is
     * answered from them, as written.
     */
    async activate(caller: Caller, { code }: { code: string }): Promise<MeView> {
      const own = await volunteers.mine(caller.openid, NOTICES_SHOWN)
      if (!own) throw wrongState('您还没有注册')
      let v = own.volunteer
      if (v.status === 'active') {
        // A repeated tap, or a retry after a lost answer: make sure the membership exists.
        await memberships.activate(caller.openid, { id: v.team.id, path: v.teamPath }, true, null)
      } else v = await redeem(caller, v, code)
      return meView(v, rolesHeld(caller.openid, own.grants, v), own.messages)
    },

    /**
     * 集体注册: the person a team registered claims that record with their ID number and code.
     * Every way to fail says the same thing, so an ID number cannot be probed; attempts are counted
     * per caller and day, never on the record, so a stranger cannot lock its person out.
     */
    async claim(caller: Caller, { idNumber, code }: { idNumber: string; code: string }): Promise<MeView> {
      const [own, [v]] = await Promise.all([
        volunteers.findByOpenid(caller.openid),
        volunteers.findByIdNumberHashes([idNumberHash(idNumber), legacyIdNumberHash(idNumber)]),
      ])
      if (own?.status === 'left') throw wrongState('您的微信曾注册过志愿者，请在“我的”中重新注册，或联系队伍管理员')
      if (own) throw new AppError('ALREADY_REGISTERED', '您的微信已绑定志愿者身份，无需再次认领')
      if (!(await limits.take('claim', caller.openid, chinaDay(caller.now()), config.claimAttemptsPerDay())))
        throw new AppError('CODE_LOCKED', '今天尝试次数过多，请明天再试，或联系队伍管理员')
      const wrong = () => new AppError('CODE_INVALID', '身份证号或激活码不正确', 'code')
      if (!v || !v.openid.startsWith(UNCLAIMED) || v.status !== 'approved' || !v.activation) throw wrong()
      if (!codeMatches(v._id, code, v.activation.codeHash)) throw wrong()
      if (caller.now() > new Date(v.activation.expiresAt))
        throw new AppError('CODE_EXPIRED', '激活码已过期，请联系队伍管理员重新发放')
      const expect = { owner: v.openid, codeHash: v.activation.codeHash }
      const ok = await volunteers.activate(v._id, expect, caller.openid, v.teamPath)
      // A simultaneous tap of the same person may have claimed it already (and counted it).
      if (!ok && (await volunteers.findByOpenid(caller.openid))?._id !== v._id) throw wrong()
      await memberships.activate(caller.openid, { id: v.team.id, path: v.teamPath }, true, ok ? [] : null)
      return reread(caller)
    },
    /**
     * 代为注册: a family member or team leader registers an elder (types/proxy.ts). The record is
     * the elder's, under a placeholder until they claim it with their ID number and activation code
     * (as 集体注册's people do); it keeps who acted, how related and the statement they confirmed.
     * Audited before the write. The helper is answered only what they entered, masked, and may
     * submit again a registration of theirs that was rejected; any other holder of the number is
     * "taken", counted like register's.
     */
    async registerFor(caller: Caller, { registration: r, proxy }: ProxyRegistration): Promise<ProxyReceipt> {
      const [team, allowed] = await Promise.all([teamOf(r.teamId), mayLearnTaken(caller)])
      if (!allowed) throw tooMany()
      const [holder] = await volunteers.findByIdNumberHashes([idNumberHash(r.idNumber), legacyIdNumberHash(r.idNumber)])
      const again = holder && isUnclaimed(holder) && holder.proxy?.by === caller.openid && holder.status === 'rejected'
      if (holder && !again) throw await taken(caller)
      const id = holder?._id ?? newVolunteerId()
      const fields = registrationFields(r, id, team)
      const record = {
        by: caller.openid,
        relation: proxy.relation,
        statement: proxyConsentStatement(r.name, proxy.relation),
      }
      const detail = `${ProxyRelation.map[proxy.relation]}代为注册${again ? '（重新提交）' : ''}`
      await records.audit({ by: caller.openid, action: 'proxy', target: id, teamPath: team.path, detail })
      try {
        if (!again) await volunteers.insert(newVolunteer(fields, { kind: 'proxy', id, proxy: record }))
        else {
          const patch = { ...fields, status: 'pending' as const, rejectReason: null, resubmitted: true, proxy: record }
          if (!(await volunteers.edit(id, 'rejected', patch, true)))
            throw new AppError('CONFLICT', '注册状态刚刚发生了变化，请刷新后重试')
          await records.addReview({ volunteerId: id, action: 'submitted', reason: null, by: caller.openid })
        }
      } catch (e) {
        // The number was registered in between.
        if (e instanceof DuplicateRegistration) throw await taken(caller)
        throw e
      }
      return {
        name: fields.name,
        idNumberMasked: fields.idNumberMasked,
        mobileMasked: fields.mobileMasked,
        team: fields.team,
        status: 'pending',
      }
    },

    /**
     * 申诉: someone whose ID number is taken asks the holder's team administrators to check it. The
     * answer is the same whether or not the number is registered, and where.
     */
    async appeal(
      caller: Caller,
      a: { name: string; idNumber: string; mobile: string; note: string },
    ): Promise<{ received: true }> {
      if (!(await limits.take('appeal', caller.openid, today(caller), config.appealsPerDay()))) throw tooMany()
      const [holder] = await volunteers.findByIdNumberHashes([idNumberHash(a.idNumber), legacyIdNumberHash(a.idNumber)])
      await appeals.add({
        openid: caller.openid,
        volunteerId: holder?._id ?? null,
        teamPath: holder?.teamPath ?? [],
        name: a.name,
        idNumberMasked: maskIdNumber(a.idNumber),
        mobileSealed: seal(a.mobile),
        mobileMasked: maskMobile(a.mobile),
        note: a.note,
      })
      return { received: true }
    },

    /** Accepts a team's invitation (集体注册 of someone already registered): only now a member there. */
    async acceptInvitation(caller: Caller, { teamId }: { teamId: string }): Promise<MeView> {
      const v = await mine(caller)
      const inv = invitationOf(v, teamId)
      if (v.status !== 'active') throw wrongState('激活后才能接受队伍邀请')
      // Records activated before memberOf existed start from their primary team's path (as in 我的).
      const paths = [...new Set([...(v.memberOf ?? v.teamPath), ...inv.teamPath])]
      if (!(await volunteers.acceptInvitation(v._id, teamId, paths, { memberOf: v.memberOf })))
        throw new AppError('CONFLICT', '状态刚刚发生了变化，请刷新后重试')
      await memberships.activate(caller.openid, { id: teamId, path: inv.teamPath }, false, countedIn(v))
      return reread(caller)
    },

    async declineInvitation(caller: Caller, { teamId }: { teamId: string }): Promise<MeView> {
      const v = await mine(caller)
      invitationOf(v, teamId)
      await volunteers.declineInvitation(v._id, teamId)
      return reread(caller)
    },

    async leave(caller: Caller): Promise<MeView> {
      const v = await mine(caller)
      if (v.status === 'left') throw wrongState('您已经退出')
      const ok = await volunteers.leave(v._id, v.status, v.status === 'active' ? { memberOf: v.memberOf } : undefined)
      if (!ok) throw new AppError('CONFLICT', '状态刚刚发生了变化，请刷新后重试')
      await memberships.setAll(caller.openid, 'left', countedIn(v))
      return reread(caller)
    },
  }
}
