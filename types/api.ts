/**
 * The contract between the app and the cloud functions: every action, its request and its answer.
 * An action is named `<function>.<action>`; the client sends `{ action, data }` to function `<function>`.
 */
import type {
  ActivityStatus,
  ActivityType,
  AvailabilitySlot,
  FocusTag,
  Gender,
  Role,
  SourceCategory,
  TeamKind,
  VolunteerStatus,
} from './enums'
import type { Registration } from './registration'

export type Empty = Record<string, never>

export interface TeamRef {
  id: string
  name: string
  kind: TeamKind
}

export interface RoleGrant {
  role: Role
  team: TeamRef
}

/** A registration as its owner or a reviewer sees it: personal numbers masked. */
export interface ProfileView {
  name: string
  gender: Gender
  /** 430***********123X */
  idNumberMasked: string
  birthDate: string
  employer: string
  position: string
  mobileMasked: string
  skills: ActivityType[]
  skillsOther: string
  specialty: string
  availability: { slots: AvailabilitySlot[]; note: string }
  source: SourceCategory
}

/** A message the volunteer was sent; kept so a refused subscription loses nothing. */
export interface Notice {
  id: string
  title: string
  body: string
  at: string
  /** Whether the WeChat subscribe message was delivered (false: refused or failed). */
  delivered: boolean
}

/** What 我的 shows: the caller's own state, always masked. */
export interface MeView {
  status: VolunteerStatus
  profile: ProfileView | null
  team: TeamRef | null
  /** Reason of the latest rejection, when status is rejected. */
  rejectReason: string | null
  submittedAt: string | null
  roles: RoleGrant[]
  /** 服务时长, hours, one decimal. */
  serviceHours: number
  /** Activation is locked after too many wrong codes until an admin re-issues one. */
  activationLocked: boolean
  /** Latest notices, newest first. */
  notices: Notice[]
  /** Subscribe-message templates to ask for on the next submit tap (from configuration). */
  subscribeTemplateIds: string[]
}

/** The team tree, flattened: parents come before their children. */
export interface TeamNode extends TeamRef {
  parentId: string | null
  depth: number
}

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
}

export interface ReviewEvent {
  action: 'submitted' | 'approved' | 'rejected' | 'code_reissued'
  reason: string | null
  at: string
}

export interface ReviewDetail extends ReviewItem {
  status: VolunteerStatus
  profile: ProfileView
  history: ReviewEvent[]
}

export interface BatchResult {
  done: string[]
  failed: { volunteerId: string; code: string; message: string }[]
}

export interface ActivitySummary {
  id: string
  title: string
  type: ActivityType
  focusTags: FocusTag[]
  status: ActivityStatus
  team: TeamRef
  address: string
  startAt: string
  endAt: string
  capacity: number
  signedUp: number
}

export interface Page<T> {
  items: T[]
  /** Opaque; pass back to get the next page. Null when there is none. */
  nextCursor: string | null
}

/** A member as an administrator sees them in a list: numbers masked. */
export interface MemberItem {
  volunteerId: string
  name: string
  gender: Gender
  employer: string
  position: string
  mobileMasked: string
  /** The person's primary team. */
  team: TeamRef
}

export type DeadlineState = 'done' | 'overdue' | 'due_soon' | 'upcoming'

export interface DeadlineView {
  key: string
  label: string
  /** YYYY-MM-DD, China time. */
  due: string
  state: DeadlineState
}

/** Size targets of the notice for a kind of team (社团 ≥20 at founding, ≥50 by 2020-12-31 …). */
export interface TeamTarget {
  kind: TeamKind
  founding: number
  goal: number
  goalDate: string
}

export interface PeriodView {
  id: string
  name: string
  /** YYYY-MM-DD, inclusive. */
  start: string
  end: string
  deadlines: { key: string; label: string; due: string; kinds: TeamKind[] }[]
  targets: TeamTarget[]
}

export interface TeamPage {
  team: TeamNode
  /** Root first, the team itself last. */
  breadcrumb: TeamRef[]
  children: (TeamNode & { members: number })[]
  /** Distinct activated members of the team and every team below it. */
  members: number
  target: TeamTarget | null
  leader: MemberItem | null
  deputies: MemberItem[]
  /** The notice says "一般": counts outside the ranges are warnings, not errors. */
  warnings: string[]
  period: { id: string; name: string; deadlines: DeadlineView[] } | null
  /** Focus tags with no activity of this subtree in the current period yet. */
  focusMissing: FocusTag[]
  can: { manage: boolean; appointAdmins: boolean; appointOrganizers: boolean }
}

export interface RoleItem {
  id: string
  role: Role
  team: TeamRef
  volunteerId: string | null
  name: string
}

export interface ImportRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number
  name: string
  idNumberMasked: string
  /** new: will be registered; member: already in this team; join: registered elsewhere, joins this team too; invalid: see errors. */
  outcome: 'new' | 'member' | 'join' | 'invalid'
  errors: string[]
}

export interface ImportPreview {
  rows: ImportRow[]
  counts: Record<ImportRow['outcome'], number>
}

export interface ImportResult extends ImportPreview {
  /** Activation codes of the people registered now, to hand out; shown once, stored only as hashes. */
  codes: { row: number; name: string; code: string }[]
}

export interface Api {
  'volunteer.me': { req: Empty; res: MeView }
  'volunteer.register': { req: Registration; res: MeView }
  /** Before review or after rejection: edit and (re)submit. After activation: identity changes go back to review. */
  'volunteer.update': { req: Registration; res: MeView }
  'volunteer.activate': { req: { code: string }; res: MeView }
  'volunteer.leave': { req: Empty; res: MeView }
  'team.tree': { req: Empty; res: TeamNode[] }
  'admin.reviewQueue': { req: { cursor?: string; limit?: number }; res: Page<ReviewItem> }
  'admin.reviewDetail': { req: { volunteerId: string }; res: ReviewDetail }
  /** Full ID number or mobile of a volunteer in scope; every reveal is audited. */
  'admin.reveal': { req: { volunteerId: string; field: 'idNumber' | 'mobile' }; res: { value: string } }
  'admin.approve': { req: { volunteerIds: string[] }; res: BatchResult }
  'admin.reject': { req: { volunteerId: string; reason: string }; res: { volunteerId: string } }
  /** A new activation code for an approved volunteer; the old one stops working. */
  'admin.reissueCode': { req: { volunteerId: string }; res: { volunteerId: string } }
  /** Someone registered by their team (集体注册) claims the record with their ID number and code. */
  'volunteer.claim': { req: { idNumber: string; code: string }; res: MeView }
  'team.page': { req: { teamId: string }; res: TeamPage }
  'team.members': { req: { teamId: string; cursor?: string; limit?: number }; res: Page<MemberItem> }
  'team.create': { req: { parentId: string; name: string; kind: TeamKind }; res: TeamNode }
  'team.rename': { req: { teamId: string; name: string }; res: TeamNode }
  'team.setLeaders': { req: { teamId: string; leaderId: string | null; deputyIds: string[] }; res: TeamPage }
  /** Grants on the team and every team below it. */
  'admin.roles': { req: { teamId: string }; res: RoleItem[] }
  'admin.grantRole': { req: { volunteerId: string; role: 'admin' | 'organizer'; teamId: string }; res: RoleItem }
  'admin.revokeRole': { req: { roleId: string }; res: { roleId: string } }
  'admin.periods': { req: Empty; res: PeriodView[] }
  'admin.savePeriod': { req: Omit<PeriodView, 'id'> & { id?: string }; res: PeriodView }
  /** An .xlsx template for 集体注册, as a temporary download URL. */
  'spreadsheet.importTemplate': { req: Empty; res: { fileID: string; url: string } }
  'spreadsheet.importPreview': { req: { teamId: string; fileID: string }; res: ImportPreview }
  'spreadsheet.importCommit': { req: { teamId: string; fileID: string }; res: ImportResult }
  'activity.list': { req: { cursor?: string; limit?: number }; res: Page<ActivitySummary> }
}

export type ActionName = keyof Api
export type ReqOf<A extends ActionName> = Api[A]['req']
export type ResOf<A extends ActionName> = Api[A]['res']
export type FunctionOf<A extends ActionName> = A extends `${infer F}.${string}` ? F : never
