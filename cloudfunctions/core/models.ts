/** Documents as stored in the cloud database. Dates are Date objects (server time where written). */
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
} from '../../types/enums'
import type { TeamRef } from '../../types/api'

export interface TeamDoc {
  _id: string
  name: string
  kind: TeamKind
  parentId: string | null
  /** Ids of the team's ancestors and itself, root first: subtree queries match on one element. */
  path: string[]
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
  skills: string[]
  specialty: string
  availability: { slots: AvailabilitySlot[]; note: string }
  source: SourceCategory
  team: TeamRef
  /** `team`'s path, copied so a subtree's registrations are one indexed query. */
  teamPath: string[]
  consentAt: Date
  submittedAt: Date
  rejectReason: string | null
  /** 服务时长 in minutes, summed from check-outs. */
  serviceMinutes: number
}

export interface RoleDoc {
  _id: string
  openid: string
  role: Role
  teamId: string
  /** Denormalised so 我的 needs no second read; teams are rarely renamed. */
  team: TeamRef
  grantedBy: string
  grantedAt: Date
}

export interface ActivityDoc {
  _id: string
  title: string
  type: ActivityType
  focusTags: FocusTag[]
  status: ActivityStatus
  team: TeamRef
  teamPath: string[]
  address: string
  startAt: Date
  endAt: Date
  capacity: number
  signedUp: number
}
