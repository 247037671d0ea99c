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
  'activity.list': { req: { cursor?: string; limit?: number }; res: Page<ActivitySummary> }
}

export type ActionName = keyof Api
export type ReqOf<A extends ActionName> = Api[A]['req']
export type ResOf<A extends ActionName> = Api[A]['res']
export type FunctionOf<A extends ActionName> = A extends `${infer F}.${string}` ? F : never
