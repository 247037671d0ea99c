/** Pure mappers from the report function's answers to what the forms screen shows. */
import type { FilingItem, FilingStatus, FormKind, PeriodView, RosterRow } from '../../../../../types/api'
import { Gender } from '../../../../../types/enums'
import { formatDateTime } from '../../../../utils/datetime'
import { chinaDay } from '../../../../utils/china-day'

export const FORM_NAME: Record<FormKind, string> = {
  roster: '附件2 科技志愿者支队基本情况表',
  statistics: '附件3 科技志愿服务活动情况统计表',
}

/** The period today falls in, else the latest one started, else the first listed. */
export function defaultPeriodId(periods: PeriodView[], now = new Date()): string | null {
  if (!periods.length) return null
  const today = chinaDay(now)
  const current = periods.find((p) => p.start <= today && today <= p.end)
  if (current) return current.id
  const started = periods.filter((p) => p.start <= today).sort((a, b) => (a.start < b.start ? 1 : -1))
  return (started[0] ?? periods[0]).id
}

export function rosterCells(r: RosterRow): string[] {
  return [String(r.no), r.name, Gender.map[r.gender], r.employer, r.position]
}

export function filingLine(f: FilingItem): string {
  const what = f.form === 'roster' ? `${f.rows ?? 0} 人` : '统计表'
  return `第 ${f.version} 次报送 · ${what} · ${f.by} · ${formatDateTime(f.at)}`
}

export function statusLine(s: FilingStatus, form: FormKind): string {
  const l = s.latest[form]
  if (l) return `已报送（第 ${l.version} 次，${formatDateTime(l.at)}）`
  return s.due[form] ? `未报送 · 截止 ${s.due[form]}` : '未报送'
}
