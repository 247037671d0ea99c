/**
 * The activity function: browse and publish activities (DOMAIN.md "Activities"), sign up, tickets
 * (DOMAIN.md "Sign-up and check-in"). Times travel as ISO strings; the server's clock decides status.
 */
import type {
  ActivityStatus,
  ActivityType,
  Audience,
  BeneficiaryGroup,
  FocusTag,
  ProxyRelation,
  Theme,
  TicketStatus,
  VenueKind,
  VolunteerStatus,
} from '../enums'
import type { Empty, Page, TeamRef } from './common'

/** Everything an organizer fills in; the same shape for a new draft, an edit and a copy. */
export interface ActivityInput {
  teamId: string
  title: string
  /** Exactly one of the seven types of 附件3. */
  type: ActivityType
  focusTags: FocusTag[]
  theme: Theme | null
  /** 阵地 */
  venueKind: VenueKind
  address: string
  /** Optional map point; opens the map from the detail page. */
  location: { latitude: number; longitude: number } | null
  startAt: string
  endAt: string
  capacity: number
  /** 报名截止 — at or before the start. */
  signupDeadline: string
  description: string
  beneficiaries: BeneficiaryGroup[]
  /** The activity's contact person, shown to volunteers so they can call. */
  contact: { name: string; phone: string }
  audience: Audience
  /** 条例 Art. 17: activities with personal risk need accident insurance arranged first. */
  insured: boolean
}

/** A card of the 活动 list. */
export interface ActivitySummary {
  id: string
  title: string
  type: ActivityType
  focusTags: FocusTag[]
  /** By the clock: 报名中 before the start, 进行中 until the end, then 已结束. */
  status: ActivityStatus
  team: TeamRef
  venueKind: VenueKind
  address: string
  startAt: string
  endAt: string
  signupDeadline: string
  capacity: number
  /** Confirmed sign-ups (a counter kept with every sign-up and cancellation). */
  signedUp: number
  /** 候补 */
  waiting: number
  audience: Audience
}

/** The caller's own sign-up for an activity, as 我的 → 我的活动 shows it. */
export interface MyTicket {
  id: string
  status: TicketStatus
  activity: Pick<
    ActivitySummary,
    'id' | 'title' | 'status' | 'team' | 'venueKind' | 'address' | 'startAt' | 'endAt'
  > & { cancelReason: string | null }
  /** The signed check-in token drawn as the QR code; only for a confirmed ticket of a live activity. */
  token: string | null
  /** 张** — shown under the QR code. */
  nameMasked: string
  signedUpAt: string
  /** Moved from the waitlist to a seat (a message was sent too). */
  promotedAt: string | null
  /** Time or place changed after this sign-up. */
  changed: boolean
  /** Cancelling is allowed until the cut-off before the start; after it only 无法参加 (absent). */
  cancelUntil: string
  /**
   * In 我的活动 once the activity has started: checked in (已签到), out (已签退, with the hours it
   * earned) or neither (未签到). Null before the start, and where the list did not read it.
   */
  attendance: { checkedIn: boolean; checkedOut: boolean; hours: number } | null
}

/** 我代为注册的家人: a person the caller registered for them (代为注册), with the tickets the caller made. */
export interface ElderView {
  volunteerId: string
  /** 张** */
  nameMasked: string
  relation: ProxyRelation
  /** 待审核 / 未通过 / 待激活 (not yet claimed) / 已激活 / 已退出: only 已激活 can be signed up. */
  status: Exclude<VolunteerStatus, 'unregistered'>
  /** Live sign-ups the caller made for them, for activities not yet ended, soonest first. */
  tickets: MyTicket[]
}

export interface ActivityDetail extends ActivitySummary {
  theme: Theme | null
  location: { latitude: number; longitude: number } | null
  description: string
  beneficiaries: BeneficiaryGroup[]
  contact: { name: string; phone: string }
  insured: boolean
  cancelReason: string | null
  /** The caller's live sign-up for this activity (confirmed, waitlisted or absent), if any. */
  mine: MyTicket | null
  /** The caller's other live sign-ups whose time overlaps this one: a warning, not a refusal. */
  overlaps: { id: string; title: string; startAt: string; endAt: string }[]
  /** Subscribe-message templates to ask for on the 报名 tap (from configuration). */
  subscribeTemplateIds: string[]
}

/** An activity as its organizers see it: the form's values plus its counters. */
export interface ActivityEditView {
  id: string
  /** Increases with every save; a save or publish from a stale screen is refused (CONFLICT). */
  rev: number
  /** draft | published | cancelled as stored; `status` is what the clock makes of it. */
  stage: 'draft' | 'published' | 'cancelled'
  status: ActivityStatus
  input: ActivityInput
  team: TeamRef
  signedUp: number
  waiting: number
  cancelReason: string | null
  /** Ed25519 public key (hex) that verifies this activity's tickets offline. */
  ticketPublicKey: string
}

export interface ActivityListQuery {
  /** upcoming: not yet ended, soonest first; past: ended, latest first. */
  tab: 'upcoming' | 'past'
  /** A team (for example a county); matches its whole subtree. */
  teamId?: string
  type?: ActivityType
  focus?: FocusTag
  /** YYYY-MM-DD, China time, inclusive: activities starting on these days. */
  from?: string
  to?: string
  /** Only activities with seats left. */
  seatsOnly?: boolean
  /** Part of the title. */
  q?: string
  cursor?: string
  limit?: number
}

export interface ActivityApi {
  'activity.list': { req: ActivityListQuery; res: Page<ActivitySummary> }
  /** Anyone may open an activity; drafts only its organizers. */
  'activity.detail': { req: { activityId: string }; res: ActivityDetail }
  /** Activated volunteers within the audience; a full activity puts the caller on the waitlist. */
  'activity.signUp': { req: { activityId: string }; res: MyTicket }
  /**
   * 代为报名: the person who registered an elder (代为注册) signs that elder up, with the same seat,
   * waitlist and audience rules; the elder must have claimed and activated the record. The ticket is
   * the elder's and records who made it and the consent statement confirmed for this activity.
   */
  'activity.signUpFor': { req: { activityId: string; volunteerId: string; consent: true }; res: MyTicket }
  /** Cancels a sign-up the caller made for an elder (same cut-off as cancelSignup). */
  'activity.cancelFor': { req: { ticketId: string }; res: MyTicket }
  /** The people the caller registered for them, with their status and the live tickets made for them. */
  'activity.elders': { req: Empty; res: { elders: ElderView[] } }
  /** Until the cut-off before the start; frees the seat for the first on the waitlist. */
  'activity.cancelSignup': { req: { ticketId: string }; res: MyTicket }
  /** 无法参加: after the cut-off, tells the organizer; the record stays. */
  'activity.absent': { req: { ticketId: string; reason: string }; res: MyTicket }
  'activity.mine': { req: { tab: 'upcoming' | 'past'; cursor?: string; limit?: number }; res: Page<MyTicket> }
  /** 我组织的活动: activities of the teams the caller organizes or administers, newest first. */
  'activity.organized': { req: { cursor?: string; limit?: number }; res: Page<ActivityEditView> }
  'activity.forEdit': { req: { activityId: string }; res: ActivityEditView }
  /** Creates a draft (no id; also how a copy is saved) or saves an edit of the revision shown. */
  'activity.save': { req: { id?: string; rev?: number; input: ActivityInput }; res: ActivityEditView }
  'activity.publish': { req: { activityId: string; rev: number }; res: ActivityEditView }
  /** The reason reaches every signed-up volunteer. */
  'activity.cancel': { req: { activityId: string; reason: string }; res: ActivityEditView }
}
