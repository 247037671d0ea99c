/** The admin function: review, reveal, roles and reporting periods. */
import type { AppealOutcome, AuditAction, Gender, ProxyRelation, Role, VolunteerStatus } from '../enums'
import type { Empty, Page, TeamRef } from './common'
import type { PeriodView } from './team'
import type { ProfileView } from './volunteer'

/** One row of the review queue. */
export interface ReviewItem {
  volunteerId: string
  name: string
  gender: Gender
  employer: string
  position: string
  team: TeamRef
  submittedAt: string
  /** Submitted again after a rejection or an identity change. */
  resubmitted: boolean
  /** What the reviewer saw: approve and reject name it, and fail with CONFLICT after any edit. */
  revision: number
}

export interface ReviewEvent {
  action: 'submitted' | 'approved' | 'rejected' | 'code_reissued' | 'voided'
  reason: string | null
  at: string
}

export interface ReviewDetail extends ReviewItem {
  status: VolunteerStatus
  profile: ProfileView
  history: ReviewEvent[]
  /** 代为注册: how the one who registered this person is related to them, and the statement they confirmed. */
  proxy?: { relation: ProxyRelation; statement: string } | null
}

/** One row of 待激活: approved (or imported) and not activated yet. */
export interface PendingActivationItem {
  volunteerId: string
  name: string
  team: TeamRef
  /** Registered by a team (集体注册) and not claimed: a re-issued code is shown to the administrator. */
  imported: boolean
  issuedAt: string | null
  /** Whole days since the code was issued. */
  codeAgeDays: number | null
  expired: boolean
  /** Too many wrong codes: only a re-issue lets the person activate. */
  locked: boolean
}

/** An open 申诉 as an administrator in scope sees it: numbers masked. */
export interface AppealItem {
  id: string
  /** The record holding the number (open it to review or void it), or null when none does. */
  volunteerId: string | null
  name: string
  idNumberMasked: string
  mobileMasked: string
  note: string
  at: string
}

/** One entry of the audit log (full reveals, exports, imports, invitations, re-issued codes, voids). */
export interface AuditItem {
  id: string
  action: AuditAction
  /** The openid of who did it. */
  actor: string
  target: string
  detail: string
  at: string
}

export interface BatchResult {
  done: string[]
  failed: { volunteerId: string; code: string; message: string }[]
}

export interface RoleItem {
  id: string
  role: Role
  team: TeamRef
  volunteerId: string | null
  name: string
}

export interface AdminApi {
  /** Oldest first; `teamId` narrows it to that team and the teams below it (in the caller's scope). */
  'admin.reviewQueue': { req: { teamId?: string; cursor?: string; limit?: number }; res: Page<ReviewItem> }
  'admin.reviewDetail': { req: { volunteerId: string }; res: ReviewDetail }
  /** Full ID number or mobile of a volunteer in scope; every reveal is audited. */
  'admin.reveal': { req: { volunteerId: string; field: 'idNumber' | 'mobile' }; res: { value: string } }
  /** Each registration at the revision the reviewer saw. */
  'admin.approve': { req: { items: { volunteerId: string; revision: number }[] }; res: BatchResult }
  'admin.reject': { req: { volunteerId: string; revision: number; reason: string }; res: { volunteerId: string } }
  /**
   * A new activation code for an approved volunteer; the old one stops working. Sent to the person,
   * or, for an unclaimed 集体注册 record, returned here (`code`) for the administrator to hand over.
   */
  'admin.reissueCode': { req: { volunteerId: string }; res: { volunteerId: string; code: string | null; days: number } }
  /** 作废: voids a false registration in scope, recorded and audited; its ID number is released. */
  'admin.voidRegistration': { req: { volunteerId: string; reason: string }; res: { volunteerId: string } }
  /** The audit log for the owner and city administrators, newest first; filters combine. Read-only. */
  'admin.auditLog': {
    req: {
      action?: AuditItem['action']
      actor?: string
      teamId?: string
      /** YYYY-MM-DD, China time, inclusive. */
      from?: string
      to?: string
      cursor?: string
      limit?: number
    }
    res: Page<AuditItem>
  }
  /** Open 申诉 about records in the caller's scope, newest first, keyset-paged; closed ones leave it. */
  'admin.appeals': { req: { cursor?: string; limit?: number }; res: Page<AppealItem> }
  /** The appellant's full mobile, so an administrator in scope can call them back; every reveal is audited. */
  'admin.revealAppeal': { req: { appealId: string }; res: { value: string } }
  /**
   * Closes an open 申诉 in scope with its outcome and a note, once: a second close is CONFLICT and
   * writes nothing. Audited; the appellant finds the outcome among the notices on 我的.
   */
  'admin.closeAppeal': {
    req: { appealId: string; outcome: AppealOutcome; note: string }
    res: { appealId: string; outcome: AppealOutcome }
  }
  /** 待激活 in the caller's scope, oldest first. */
  'admin.pendingActivation': { req: { cursor?: string; limit?: number }; res: Page<PendingActivationItem> }
  /** Grants on the team and every team below it. */
  'admin.roles': { req: { teamId: string }; res: RoleItem[] }
  'admin.grantRole': { req: { volunteerId: string; role: 'admin' | 'organizer'; teamId: string }; res: RoleItem }
  'admin.revokeRole': { req: { roleId: string }; res: { roleId: string } }
  'admin.periods': { req: Empty; res: PeriodView[] }
  'admin.savePeriod': { req: Omit<PeriodView, 'id'> & { id?: string }; res: PeriodView }
}
