/**
 * The contract between the app and the cloud functions: every action, its request and its answer.
 * An action is named `<function>.<action>`; the client sends `{ action, data }` to function `<function>`.
 */
import type { ActivityStatus, ActivityType, FocusTag, Gender, Role, TeamKind, VolunteerStatus } from './enums'

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

/** What 我的 shows: the caller's own state, always masked. */
export interface MeView {
  status: VolunteerStatus
  profile: {
    name: string
    gender: Gender
    /** 430***********123X */
    idNumberMasked: string
    employer: string
    position: string
    mobileMasked: string
  } | null
  team: TeamRef | null
  /** Reason of the latest rejection, when status is rejected. */
  rejectReason: string | null
  submittedAt: string | null
  roles: RoleGrant[]
  /** 服务时长, hours, one decimal. */
  serviceHours: number
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
  'activity.list': { req: { cursor?: string; limit?: number }; res: Page<ActivitySummary> }
}

export type ActionName = keyof Api
export type ReqOf<A extends ActionName> = Api[A]['req']
export type ResOf<A extends ActionName> = Api[A]['res']
export type FunctionOf<A extends ActionName> = A extends `${infer F}.${string}` ? F : never
