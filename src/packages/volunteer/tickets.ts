/** 我的活动 rows and the ticket screen, as words, from the tickets `activity.mine` returns. */
import type { MyTicket } from '../../../types/api'
import { TicketStatus, VenueKind } from '../../../types/enums'
import { formatTimeRange } from '../../utils/datetime'

export interface TicketRow {
  id: string
  activityId: string
  title: string
  time: string
  place: string
  teamName: string
  status: MyTicket['status'] | 'activity_cancelled'
  statusLabel: string
  /** 活动已取消：reason, 时间地点有变更, 候补转正. */
  notes: string[]
  /** A confirmed ticket of a live activity opens its check-in code; anything else opens the activity. */
  opensCode: boolean
  /** Once the activity has started: 已签到, 已签退 · 2.5 小时 or 未签到; null before. */
  attendance: string | null
}

function attendanceLabel(t: MyTicket): string | null {
  // Tickets kept on the phone by an older version have no attendance.
  const a = t.attendance ?? null
  if (!a || t.status === 'cancelled' || t.status === 'waitlisted') return null
  if (a.checkedOut) return `已签退 · ${Number(a.hours.toFixed(1))} 小时`
  return a.checkedIn ? '已签到' : '未签到'
}

export function toTicketRow(t: MyTicket, now: Date = new Date()): TicketRow {
  const cancelled = t.activity.status === 'cancelled'
  const notes: string[] = []
  if (cancelled) notes.push(t.activity.cancelReason ? `活动已取消：${t.activity.cancelReason}` : '活动已取消')
  if (t.changed && !cancelled) notes.push('时间地点有变更')
  if (t.promotedAt) notes.push('候补转正')
  return {
    id: t.id,
    activityId: t.activity.id,
    title: t.activity.title,
    time: formatTimeRange(t.activity.startAt, t.activity.endAt, now),
    place: `${t.activity.address}（${VenueKind.map[t.activity.venueKind]}）`,
    teamName: t.activity.team.name,
    status: cancelled ? 'activity_cancelled' : t.status,
    statusLabel: cancelled ? '活动已取消' : TicketStatus.map[t.status],
    notes,
    opensCode: !cancelled && t.status === 'confirmed' && t.token !== null,
    attendance: cancelled ? null : attendanceLabel(t),
  }
}
