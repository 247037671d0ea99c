import type { DeadlineState } from '../../types/api'
import type { PeriodDoc } from './models'
import { chinaTime } from './time'

/** Today in China, YYYY-MM-DD. */
export const chinaDay = (d: Date) => chinaTime(d).slice(0, 10)

/** [start 00:00, end+1 00:00) China time, as instants for range queries. */
export function periodRange(p: Pick<PeriodDoc, 'start' | 'end'>): [Date, Date] {
  const from = new Date(`${p.start}T00:00:00+08:00`)
  const to = new Date(new Date(`${p.end}T00:00:00+08:00`).getTime() + 86_400_000)
  return [from, to]
}

/** The period containing today, else the latest one that has started. */
export function currentPeriod(periods: PeriodDoc[], now: Date): PeriodDoc | null {
  const today = chinaDay(now)
  const started = periods.filter((p) => p.start <= today).sort((a, b) => b.start.localeCompare(a.start))
  return started.find((p) => p.end >= today) ?? started[0] ?? null
}

const DUE_SOON_DAYS = 7

/**
 * Whether a team has met a deadline of the period: a `…_formed` deadline once the team reaches its
 * founding size (or exists, without a target), a form's once the team has filed that form.
 */
function deadlineDone(key: string, t: { members: number; founding: number | null; filed: Set<string> }) {
  return (key.endsWith('_formed') && t.members >= (t.founding ?? 0)) || t.filed.has(key)
}

/** The period's deadlines that apply to a team of `kind`, each with its state for that team today. */
export function deadlineRows(
  p: Pick<PeriodDoc, 'deadlines'>,
  kind: PeriodDoc['deadlines'][number]['kinds'][number],
  t: { members: number; founding: number | null; filed: Set<string> },
  now: Date,
): { key: string; label: string; due: string; state: DeadlineState }[] {
  return p.deadlines
    .filter((d) => d.kinds.length === 0 || d.kinds.includes(kind))
    .map((d) => ({ key: d.key, label: d.label, due: d.due, state: deadlineState(d.due, deadlineDone(d.key, t), now) }))
}

export function deadlineState(due: string, done: boolean, now: Date): DeadlineState {
  if (done) return 'done'
  const today = chinaDay(now)
  if (today > due) return 'overdue'
  const soon = chinaDay(new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000))
  return soon >= due ? 'due_soon' : 'upcoming'
}
