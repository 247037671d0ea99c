/** Which activities the scan page offers, and in what order: today's first. */
import type { ActivityEditView } from '../../../../types/api'
import { formatTimeRange } from '../../../utils/datetime'
import { chinaDay } from '../../../utils/china-day'
import type { Admitted } from './offline-check'
import type { PackState } from './storage'

export interface ScanChoice {
  id: string
  title: string
  time: string
  signedUp: number
  today: boolean
}

const DAY = 86_400_000
/** Check-out and late uploads still happen for a few days after an activity. */
const KEEP_AFTER_END_MS = 3 * DAY

/**
 * Published, not cancelled, not long over; today's activities first (earliest start first), then the
 * ones under way, then upcoming ones soonest first, then those just ended, latest first.
 */
export function toScanChoices(items: ActivityEditView[], now: Date = new Date()): ScanChoice[] {
  const t = now.getTime()
  const today = chinaDay(t)
  const rank = (a: ActivityEditView) => {
    const start = Date.parse(a.input.startAt)
    const end = Date.parse(a.input.endAt)
    if (chinaDay(start) === today) return [0, start]
    if (start <= t && end >= t) return [1, start]
    if (start > t) return [2, start]
    return [3, -end]
  }
  return items
    .filter((a) => a.stage === 'published' && a.status !== 'cancelled')
    .filter((a) => Date.parse(a.input.endAt) + KEEP_AFTER_END_MS > t)
    .map((a) => ({ a, r: rank(a) }))
    .sort((x, y) => x.r[0] - y.r[0] || x.r[1] - y.r[1])
    .map(({ a, r }) => ({
      id: a.id,
      title: a.input.title,
      time: formatTimeRange(a.input.startAt, a.input.endAt, now),
      signedUp: a.signedUp,
      today: r[0] === 0,
    }))
}

/** People checked in as far as this phone knows: in the pack when it was taken, or admitted since. */
export function checkedInCount(state: PackState | null): number | null {
  if (!state) return null
  const admitted: Admitted = state.admitted
  let n = 0
  const seen = new Set<string>()
  for (const t of state.pack.tickets) {
    seen.add(t.tid)
    if (t.checkedInAt || admitted[t.tid]?.in) n++
  }
  for (const [tid, a] of Object.entries(admitted)) if (!seen.has(tid) && a.in) n++
  return n
}
