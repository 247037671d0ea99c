/** The attendance page as words, from `checkin.attendance`. */
import type { Attendance, AttendeeRow, RecordMethod } from '../../../../types/api'
import { formatDateTime, formatTimeRange } from '../../../utils/datetime'
import { clock, hoursText } from './scan-view'

export const METHOD_LABEL: Record<RecordMethod, string> = {
  scan: '扫码',
  offline: '离线扫码',
  manual: '手动',
  auto: '活动结束自动签退',
}

export type Group = 'in' | 'absent' | 'out'

/** One 补录 as the attendance page lists it. */
export interface MakeupLine {
  id: string
  /** 补录 1 小时 · 布展 · 9月20日 10:00 */
  text: string
  /** 已撤销：原因; null while it counts. */
  declined: string | null
}

export interface AttendeeLine {
  ticketId: string
  name: string
  phone: string
  /** 签到 09:30（扫码） · 签退 12:30（手动） */
  times: string
  /** 2.5 小时 · 补录 1 小时 */
  hours: string
  checkedIn: boolean
  checkedOut: boolean
  /** Only confirmed sign-ups can be checked in by hand. */
  canCheckIn: boolean
  makeups: MakeupLine[]
}

export interface AttendanceView {
  title: string
  time: string
  counts: { label: string; value: number; key: string }[]
  hoursRule: string
  confirmed: string | null
  groups: Record<Group, AttendeeLine[]>
  peopleServed: string
  hasHighlight: boolean
}

export function toAttendeeLine(r: AttendeeRow, now = new Date()): AttendeeLine {
  const parts: string[] = []
  if (r.checkedInAt) parts.push(`签到 ${clock(r.checkedInAt, now)}（${METHOD_LABEL[r.checkedInMethod ?? 'scan']}）`)
  if (r.checkedOutAt) parts.push(`签退 ${clock(r.checkedOutAt, now)}（${METHOD_LABEL[r.checkedOutMethod ?? 'scan']}）`)
  const hours = [r.checkedInAt ? hoursText(r.hours) : '', r.makeupHours ? `补录 ${hoursText(r.makeupHours)}` : '']
  return {
    ticketId: r.ticketId,
    name: r.nameMasked,
    phone: `尾号 ${r.phoneLast4}`,
    times: parts.join(' · ') || (r.status === 'confirmed' ? '未签到' : r.status === 'absent' ? '已请假' : '未签到'),
    hours: hours.filter(Boolean).join(' · '),
    checkedIn: r.checkedInAt !== null,
    checkedOut: r.checkedOutAt !== null,
    canCheckIn: r.status === 'confirmed',
    makeups: (r.makeups ?? []).map((m) => ({
      id: m.id,
      text: `补录 ${hoursText(m.hours)} · ${m.reason} · ${formatDateTime(m.at)}`,
      declined: m.declined ? `已撤销：${m.declined.reason}` : null,
    })),
  }
}

export function toAttendanceView(a: Attendance, now = new Date()): AttendanceView {
  const lines = a.rows.filter((r) => r.status === 'confirmed' || r.status === 'absent' || r.checkedInAt)
  const groups: Record<Group, AttendeeLine[]> = { in: [], absent: [], out: [] }
  for (const r of lines) {
    const l = toAttendeeLine(r, now)
    if (l.checkedOut) groups.out.push(l)
    else if (l.checkedIn) groups.in.push(l)
    else groups.absent.push(l)
  }
  return {
    title: a.title,
    time: formatTimeRange(a.startAt, a.endAt, now),
    counts: [
      { key: 'signedUp', label: '已报名', value: a.counts.signedUp },
      { key: 'checkedIn', label: '已签到', value: a.counts.checkedIn },
      { key: 'checkedOut', label: '已签退', value: a.counts.checkedOut },
      { key: 'absent', label: '未到', value: a.counts.absent },
    ],
    hoursRule: a.hoursRule,
    confirmed: a.recordsConfirmedAt ? formatDateTime(a.recordsConfirmedAt) : null,
    groups,
    peopleServed: a.peopleServed === null ? '未填写' : `${a.peopleServed} 人次`,
    hasHighlight: a.highlight !== null,
  }
}

/**
 * Whether a signed-up person matches what the organizer typed: the last four digits of the phone,
 * or a name, compared with the masked name character by character (刘明 finds 刘*).
 */
export function matchesQuery(r: Pick<AttendeeRow, 'nameMasked' | 'phoneLast4'>, query: string): boolean {
  const q = query.trim()
  if (!q) return false
  if (/^\d{4}$/.test(q)) return r.phoneLast4 === q
  if (/^\d+$/.test(q)) return r.phoneLast4.includes(q)
  const name = r.nameMasked
  if (name[0] !== q[0]) return false
  for (let i = 1; i < Math.min(name.length, q.length); i++) {
    if (name[i] !== '*' && name[i] !== q[i]) return false
  }
  return true
}
