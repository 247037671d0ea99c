/** What the activity detail shows and what its 报名 button does, from the server's answers and the clock. */
import type { ActivityDetail, MeView } from '../../../../../types/api'
import {
  ActivityStatus,
  ActivityType,
  Audience,
  BeneficiaryGroup,
  FocusTag,
  Theme,
  TicketStatus,
  VenueKind,
} from '../../../../../types/enums'
import { formatDateTime, formatTimeRange } from '../../../../utils/datetime'

export type SignUpKind =
  /** 报名: seats left. */
  | 'signup'
  /** 已满，候补: signing up puts the caller on the waitlist. */
  | 'waitlist'
  /** 已报名（取消报名）or 候补中（取消候补）: cancelling is still allowed. */
  | 'cancel'
  /** 无法参加: signed up, past the cancel cut-off; tells the organizer with a reason. */
  | 'absent'
  /** 已请假: said 无法参加 already. */
  | 'excused'
  | 'closed'
  /** 需先激活: opens 我的 to register or activate. */
  | 'activate'
  /** 不在报名范围: the activity is for its team's members only. */
  | 'outside'
  | 'cancelled'
  | 'finished'

export interface SignUpState {
  kind: SignUpKind
  label: string
  /** Disabled states are shown as what they are, not as a button that does nothing. */
  enabled: boolean
  /** One sentence under the button saying why or what happens next. */
  hint: string
}

const state = (kind: SignUpKind, label: string, enabled: boolean, hint: string): SignUpState => ({
  kind,
  label,
  enabled,
  hint,
})

/** The 报名 button in its true state for `me` at `now`; the server checks every rule again. */
export function signUpState(d: ActivityDetail, me: MeView, now: Date): SignUpState {
  const t = now.getTime()
  if (d.status === 'cancelled')
    return state('cancelled', '活动已取消', false, d.cancelReason ? `取消原因：${d.cancelReason}` : '')
  if (d.status === 'finished' || Date.parse(d.endAt) <= t) return state('finished', '活动已结束', false, '')
  const mine = d.mine && d.mine.status !== 'cancelled' ? d.mine : null
  if (mine) {
    if (mine.status === 'absent') return state('excused', '已请假', false, '你已告知组织者无法参加。')
    const waiting = mine.status === 'waitlisted'
    if (Date.parse(mine.cancelUntil) > t) {
      return waiting
        ? state('cancel', '候补中（取消候补）', true, '有人取消报名时按顺序转为报名成功，并通知你。')
        : state('cancel', '已报名（取消报名）', true, `${formatDateTime(mine.cancelUntil)}前可以取消报名。`)
    }
    return state('absent', '无法参加', true, '已过取消报名的时间。如不能参加，请告诉组织者原因。')
  }
  if (d.status !== 'open' || Date.parse(d.signupDeadline) <= t) {
    return state('closed', '已截止', false, `报名已于 ${formatDateTime(d.signupDeadline)} 截止。`)
  }
  if (me.status !== 'active') {
    const hint =
      me.status === 'approved'
        ? '审核已通过，激活后即可报名。'
        : me.status === 'unregistered' || me.status === 'left'
          ? '报名前请先注册成为科技志愿者，通过审核并激活。'
          : '注册通过审核并激活后才能报名。'
    return state('activate', '需先激活', true, hint)
  }
  if (d.audience === 'team' && !me.memberOf.includes(d.team.id)) {
    return state('outside', '不在报名范围', false, `本活动只接受${d.team.name}（含下级队伍）成员报名。`)
  }
  if (d.signedUp >= d.capacity) return state('waitlist', '已满，候补', true, '名额已满，报名后进入候补。')
  return state('signup', '报名', true, '')
}

/** "与已报名的「X」时间重叠，仍要报名？", or null when nothing overlaps. */
export function overlapQuestion(d: ActivityDetail): string | null {
  if (d.overlaps.length === 0) return null
  return `与已报名的${d.overlaps.map((o) => `「${o.title}」`).join('')}时间重叠，仍要报名？`
}

export interface DetailView {
  title: string
  typeLabel: string
  status: ActivityDetail['status']
  statusLabel: string
  time: string
  deadline: string
  venue: string
  address: string
  /** Shown as a map link when the organizer set a point. */
  hasMap: boolean
  teamName: string
  contactName: string
  contactPhone: string
  theme: string | null
  beneficiaries: string | null
  focusTags: string[]
  insured: boolean
  audience: string
  seats: string
  cancelReason: string | null
  description: string
  /** The caller's sign-up as words: 报名成功 · 候补转正 · 时间地点有变更. */
  mine: { status: string; notes: string[]; canShowCode: boolean; ticketId: string } | null
}

export function toDetailView(d: ActivityDetail, now: Date = new Date()): DetailView {
  const left = Math.max(0, d.capacity - d.signedUp)
  const mine = d.mine && d.mine.status !== 'cancelled' ? d.mine : null
  return {
    title: d.title,
    typeLabel: ActivityType.map[d.type],
    status: d.status,
    statusLabel: ActivityStatus.map[d.status],
    time: formatTimeRange(d.startAt, d.endAt, now),
    deadline: formatDateTime(d.signupDeadline),
    venue: VenueKind.map[d.venueKind],
    address: d.address,
    hasMap: d.location !== null,
    teamName: d.team.name,
    contactName: d.contact.name,
    contactPhone: d.contact.phone,
    theme: d.theme ? Theme.map[d.theme] : null,
    beneficiaries: d.beneficiaries.length ? d.beneficiaries.map((b) => BeneficiaryGroup.map[b]).join('、') : null,
    focusTags: d.focusTags.map((f) => FocusTag.map[f]),
    insured: d.insured,
    audience: Audience.map[d.audience],
    seats:
      left > 0
        ? `剩余 ${left} 个名额（共 ${d.capacity} 人）`
        : `名额已满（共 ${d.capacity} 人）${d.waiting ? `，候补 ${d.waiting} 人` : ''}`,
    cancelReason: d.status === 'cancelled' ? d.cancelReason : null,
    description: d.description,
    mine: mine
      ? {
          status: TicketStatus.map[mine.status],
          notes: [...(mine.promotedAt ? ['候补转正'] : []), ...(mine.changed ? ['时间地点有变更'] : [])],
          canShowCode: mine.status === 'confirmed' && mine.token !== null,
          ticketId: mine.id,
        }
      : null,
  }
}
