/** Documents as stored in the cloud database. Dates are Date objects (server time where written). */
import type {
  ActivityType,
  AppealOutcome,
  Audience,
  AvailabilitySlot,
  BeneficiaryGroup,
  FocusTag,
  ProxyRelation,
  Gender,
  Role,
  SourceCategory,
  TeamKind,
  Theme,
  TicketStatus,
  VenueKind,
  VolunteerStatus,
  AuditAction,
} from '../../types/enums'
import type {
  CertificateRow,
  CoverageAnswers,
  EnteredFigures,
  FormKind,
  MemberItem,
  StatisticsForm,
  TeamRef,
} from '../../types/api'

export interface TeamDoc {
  _id: string
  name: string
  /** The name as compared and searched (core/team.ts nameKey); absent on teams written before it. */
  nameKey?: string
  kind: TeamKind
  parentId: string | null
  /** Ids of the team's ancestors and itself, root first: subtree queries match on one element. */
  path: string[]
  /** 支队长/队长 and deputies, by openid; chosen from the team's activated members. */
  leaderOpenid: string | null
  deputyOpenids: string[]
  createdBy: string
  /**
   * Distinct activated people in the team's subtree, moved with the memberships it counts
   * (membership.repository.ts) and repaired by the nightly recount; absent on teams before it (0).
   */
  members?: number
  /**
   * The leader's and deputies' records as shown on the team page (masked), by openid, written with
   * them by setLeaders so the page reads no volunteer record; absent before it (none shown).
   */
  leaderCards?: (MemberItem & { openid: string })[]
}

export interface PeriodDoc {
  _id: string
  name: string
  start: string
  end: string
  deadlines: { key: string; label: string; due: string; kinds: TeamKind[] }[]
  targets: { kind: TeamKind; founding: number; goal: number; goalDate: string }[]
}

export interface VolunteerDoc {
  _id: string
  openid: string
  status: Exclude<VolunteerStatus, 'unregistered'>
  name: string
  gender: Gender
  /** HMAC of the ID number: finds a duplicate registration without storing the number in clear. */
  idNumberHash: string
  /** AES-GCM ciphertext of the ID number; revealed only to admins in scope, and audited. */
  idNumberSealed: string
  idNumberMasked: string
  birthDate: string
  employer: string
  position: string
  mobileSealed: string
  mobileMasked: string
  skills: ActivityType[]
  skillsOther: string
  specialty: string
  availability: { slots: AvailabilitySlot[]; note: string }
  source: SourceCategory
  team: TeamRef
  /** `team`'s path, copied so a subtree's registrations are one indexed query. */
  teamPath: string[]
  consentAt: Date
  /** The first submission is told by consentAt, not by a separate review entry (one write). */
  firstSubmissionInRecord?: boolean
  submittedAt: Date
  rejectReason: string | null
  /**
   * Bumped by every edit of the owner: an approval or rejection names the revision its reviewer
   * saw and fails on any other. Records written before it existed count as 0.
   */
  revision?: number
  /** Submitted again after a rejection or an identity change. */
  resubmitted: boolean
  reviewedBy: string | null
  reviewedAt: Date | null
  /** Set on approval; cleared on activation. Only the code's hash is kept. */
  activation: Activation | null
  activatedAt: Date | null
  /**
   * Ids of the teams the person is an active member of, with their ancestors (the union of the
   * memberships' paths), kept on the record so sign-up checks an activity's audience without
   * reading memberships. Set on activation; a membership added later adds its path.
   */
  memberOf?: string[]
  /**
   * Teams that registered this person (集体注册) while they were registered elsewhere, by team id:
   * not a membership until the person accepts under 我的.
   */
  invitations?: Record<string, Invitation>
  leftAt: Date | null
  /** Set when an administrator voided (作废) a false registration; its ID number is released. */
  voided?: { by: string; reason: string; at: Date }
  /** 服务时长 in minutes, summed from check-outs. */
  serviceMinutes: number
  /** 代为注册: who registered this person for them, how related, and the consent statement they confirmed. */
  proxy?: ProxyRecord
}

export interface ProxyRecord {
  /** The helper's openid: review results go to them until the person claims the record. */
  by: string
  relation: ProxyRelation
  statement: string
}

export interface Invitation {
  team: TeamRef
  teamPath: string[]
  by: string
  at: Date
}

export interface Activation {
  /**
   * Which code: its keyed hash, or a batch's value (`n:…`, activation.ts) from which the code of
   * each record it was written to is derived. Compared by equality in the conditional updates.
   */
  codeHash: string
  /** The code sealed for its owner's 我的 (absent on imported records: their administrator hands it over). */
  codeSealed?: string
  /** When the code was issued (absent on codes issued before it was recorded). */
  issuedAt?: Date
  expiresAt: Date
  /** Wrong answers to this code, each counted by a conditional update and never beyond the limit. */
  failures: number
}

export interface MembershipDoc {
  /** `${openid}_${teamId}`: one membership per person and team, written idempotently. */
  _id: string
  openid: string
  teamId: string
  teamPath: string[]
  status: 'active' | 'suspended' | 'left'
  primary: boolean
  since: Date
}

export interface ReviewDoc {
  _id: string
  volunteerId: string
  action: 'submitted' | 'approved' | 'rejected' | 'code_reissued' | 'voided'
  reason: string | null
  by: string
  at: Date
}

/** 申诉: someone whose ID number is taken asks the holder's team administrators to check. */
export interface AppealDoc {
  _id: string
  openid: string
  /** The record holding the number, or null when none does (the appellant is not told which). */
  volunteerId: string | null
  /** The holder's team path (empty when none): administrators of these teams see the appeal. */
  teamPath: string[]
  name: string
  idNumberMasked: string
  mobileSealed: string
  mobileMasked: string
  note: string
  status: 'open' | 'closed'
  at: Date
  /** Set by the one conditional update that closes the appeal. */
  closed?: { by: string; at: Date; outcome: AppealOutcome; note: string }
}

export interface MessageDoc {
  _id: string
  openid: string
  title: string
  body: string
  templateId: string
  delivered: boolean
  /** errcode of a failed send (43101: the user refused the subscription). */
  errcode: number | null
  createdAt: Date
}

export interface AuditDoc {
  _id: string
  by: string
  /** reveal, export: personal information shown in full; import, invite, reissue: 集体注册 and its codes; void: a false registration voided; file: a form filed; certificate: a 服务记录证明 issued; recount: member counters recounted; proxy: someone registered by another person (代为注册); appeal_closed: a 申诉 closed with its outcome. */
  action: AuditAction
  target: string
  /** The team (with ancestors) the entry concerns, so the log filters by team. */
  teamPath?: string[]
  detail: string
  at: Date
}

export interface RoleDoc {
  /** `${openid}_${role}_${teamId}`: granting twice is one grant. */
  _id: string
  openid: string
  role: Role
  teamId: string
  /** Denormalised so 我的 needs no second read; teams are rarely renamed. */
  team: TeamRef
  teamPath: string[]
  grantedBy: string
  grantedAt: Date
}

/** An activity as stored. What the clock makes of it (报名中/进行中/已结束) is derived when read. */
export interface ActivityDoc {
  _id: string
  /** Increases with every save; an edit or publish from a stale screen is refused. */
  rev: number
  stage: 'draft' | 'published' | 'cancelled'
  title: string
  type: ActivityType
  focusTags: FocusTag[]
  theme: Theme | null
  venueKind: VenueKind
  address: string
  location: { latitude: number; longitude: number } | null
  startAt: Date
  endAt: Date
  signupDeadline: Date
  capacity: number
  description: string
  beneficiaries: BeneficiaryGroup[]
  contact: { name: string; phone: string }
  audience: Audience
  insured: boolean
  team: TeamRef
  teamId: string
  /** The team's path: a subtree's activities are one indexed query on one element. */
  teamPath: string[]
  /** Counters kept by the conditional updates that change them, never recounted on a read. */
  signedUp: number
  seatsLeft: number
  waiting: number
  /** Places left on the waitlist (it holds at most as many people as there are seats). */
  waitSlots: number
  absent: number
  /** 参与服务的专家人次: check-ins at this activity (each ticket once). */
  checkedIn: number
  checkedOut: number
  /** 接受服务的群众人次, entered by the organizer after the event; null until then. */
  peopleServed: number | null
  /** The 亮点 write-up for 附件3; photos are cloud storage fileIDs. */
  highlight: { content: string; effect: string; photos: string[] } | null
  /** When the organizer confirmed the service records (谁组织谁记录). */
  recordsConfirmedAt: Date | null
  /** When tickets still checked in were closed at the scheduled end. */
  autoCheckedOutAt: Date | null
  cancelReason: string | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  /** When the day-before reminder went out. */
  remindedAt: Date | null
}

/** A sign-up. Its QR token is signed from `tid` whenever it is shown; nothing secret is stored. */
export interface TicketDoc {
  _id: string
  /**
   * `${activityId}_${openid}` while the sign-up is live, so a unique index allows one per person and
   * activity; a cancelled ticket gets its own id appended, which frees the key for a new sign-up.
   */
  key: string
  /** The id inside the QR token (8 random bytes, base32); unique. */
  tid: string
  activityId: string
  openid: string
  volunteerId: string
  nameMasked: string
  status: TicketStatus
  /**
   * Copies of the activity's, updated when it is edited: 我的活动 sorts and the cut-off checks on
   * them, and a cancellation answers from them without reading the activity again.
   */
  title: string
  startAt: Date
  endAt: Date
  address: string
  venueKind: VenueKind
  team: TeamRef
  createdAt: Date
  promotedAt: Date | null
  cancelledAt: Date | null
  absentReason: string | null
  /** Time or place changed after this sign-up. */
  changed: boolean
  /** 代为报名: made by the person who registered the volunteer, with the statement they confirmed. */
  proxy?: ProxyRecord
}

/**
 * A check-in or check-out, one document per ticket and direction (`${ticketId}_in` / `_out`), so the
 * first one stands and a second (another phone, a replayed batch) is refused by the primary key.
 * Offline scans keep the phone's scan time. Written by inserts only: a batch of offline scans is
 * one request however many times it holds.
 */
export interface CheckDoc {
  _id: string
  ticketId: string
  activityId: string
  openid: string
  mode: 'in' | 'out'
  /** When it happened: the scan's time on the phone, or the scheduled end for an automatic check-out. */
  at: Date
  device: string
  by: string
  method: 'scan' | 'offline' | 'manual' | 'auto'
  /** The scan's nonce: the same scan sent again is recognised as itself, not as a second phone. */
  nonce: string
  /** For a check-out: service minutes by the hours rule (信用时长). */
  minutes: number
  receivedAt: Date
}

/** 补录: hours an organizer or administrator adds afterwards, with a reason; declined, never deleted. */
export interface MakeupDoc {
  _id: string
  ticketId: string
  activityId: string
  openid: string
  minutes: number
  reason: string
  by: string
  at: Date
  declined: { by: string; at: Date; reason: string } | null
}

/**
 * The figures a team enters for a reporting period (附件3 服务阵地, 科技惠民(农), 网络动员), one
 * document per team and period (`${teamId}_${periodId}`, unique index on both). Only the team's own
 * figures: a unit's form adds those of the teams below when it is read, never when it is written.
 */
export interface ReportEntryDoc {
  _id: string
  teamId: string
  /** The team's path, so a subtree's entries for a period are one indexed query. */
  teamPath: string[]
  teamKind: TeamKind
  periodId: string
  /** Null: not entered (blank on the form); 0 is an entered zero. */
  figures: EnteredFigures
  /** Counties only; null for every other team. */
  coverage: CoverageAnswers
  /** The 1–2 亮点活动 chosen for this team's form. */
  highlightIds: string[]
  /**
   * False when only the highlights were saved (the figures above are blanks nobody entered): the team
   * still counts as not having entered its figures. True or absent on entries saved with their figures.
   */
  figuresEntered?: boolean
  updatedBy: string
  updatedAt: Date
}

/** A form as submitted: a frozen snapshot with who and when. A new filing never replaces an old one. */
export interface FilingDoc {
  _id: string
  teamId: string
  team: TeamRef
  teamPath: string[]
  periodId: string
  form: FormKind
  version: number
  by: string
  at: Date
  /** 附件2: the rows as filed, in cloud storage (JSON), and how many. */
  rosterFileID: string | null
  rows: number | null
  /** 附件3: the computed and entered figures as filed. */
  statistics: StatisticsForm | null
}

/** A 服务记录证明 as issued: its content is what the verification code signs. */
export interface CertificateDoc {
  /** The serial printed on the certificate. */
  _id: string
  openid: string
  volunteerId: string
  name: string
  gender: Gender
  issuer: TeamRef
  rows: CertificateRow[]
  totalScannedMinutes: number
  totalMakeupMinutes: number
  issuedOn: string
  issuedAt: Date
}
