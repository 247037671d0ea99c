/** Rules of an activity's life that reads and writes share. */
import type { ActivityStatus } from '../../types/enums'
import { config } from './config'
import type { ActivityDoc } from './models'

/** What the clock makes of a stored activity: 报名中 before the start, 进行中 until the end, then 已结束. */
export function statusAt(a: Pick<ActivityDoc, 'stage' | 'startAt' | 'endAt'>, now: Date): ActivityStatus {
  if (a.stage !== 'published') return a.stage
  if (now < new Date(a.startAt)) return 'open'
  return now < new Date(a.endAt) ? 'ongoing' : 'finished'
}

/** Cancelling a sign-up is possible until this long before the start (configuration). */
export function cancelUntil(startAt: Date | string): Date {
  return new Date(new Date(startAt).getTime() - config.cancelCutoffHours() * 3_600_000)
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: enough for an organizer to match a face, no more. */
export function maskName(name: string): string {
  const chars = [...name]
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
