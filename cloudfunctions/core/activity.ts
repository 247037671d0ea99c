/** Rules of an activity's life that reads and writes share. */
import type { ActivityStatus } from '../../types/enums'
import { config } from './config'
import type { ActivityDoc } from './models'
import type { NewActivity } from './repositories/activity.repository'

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

/** What the organizer's form sets on an activity (with its team); the rest is kept by the system. */
export type ActivityFields = Pick<
  ActivityDoc,
  | 'title'
  | 'type'
  | 'focusTags'
  | 'theme'
  | 'venueKind'
  | 'address'
  | 'location'
  | 'startAt'
  | 'endAt'
  | 'signupDeadline'
  | 'capacity'
  | 'description'
  | 'beneficiaries'
  | 'contact'
  | 'audience'
  | 'insured'
  | 'team'
  | 'teamId'
  | 'teamPath'
>

/** A new draft: every counter at zero, seats and waitlist places as many as the capacity. */
export function newActivity(fields: ActivityFields, createdBy: string): NewActivity {
  return {
    ...fields,
    rev: 0,
    stage: 'draft',
    signedUp: 0,
    seatsLeft: fields.capacity,
    waiting: 0,
    waitSlots: fields.capacity,
    absent: 0,
    checkedIn: 0,
    checkedOut: 0,
    peopleServed: null,
    highlight: null,
    recordsConfirmedAt: null,
    autoCheckedOutAt: null,
    cancelReason: null,
    createdBy,
    publishedAt: null,
    remindedAt: null,
  }
}
