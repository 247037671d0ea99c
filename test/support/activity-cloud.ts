/** Activities and volunteers for integration tests, in the shapes the functions write. */
import type { ActivityEditView, ActivityInput, MyTicket } from '../../types/api'
import { expectOk, type TestCloud } from './dev-cloud'

const HOUR = 3_600_000

/** A valid form for a 赫山区 activity starting `inDays` from now (default 3), 3 hours long. */
export function activityInput(over: Partial<ActivityInput> = {}, inDays = 3): ActivityInput {
  const start = new Date(Date.now() + inDays * 24 * HOUR)
  return {
    teamId: 'team-heshan',
    title: '科普进社区测试活动',
    type: 'lecture',
    focusTags: ['public_concern'],
    theme: 'disaster',
    venueKind: 'community_center',
    address: '赫山区桃花仑街道社区服务中心',
    location: null,
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3 * HOUR).toISOString(),
    capacity: 30,
    signupDeadline: new Date(start.getTime() - HOUR).toISOString(),
    description: '讲解防灾减灾常识。',
    beneficiaries: ['elderly'],
    contact: { name: '王老师', phone: '13800001111' },
    audience: 'city',
    insured: false,
    ...over,
  }
}

/** Activated volunteers of 赫山区 written straight into the store (`wx-vol-<prefix>-<i>`). */
export function addActiveVolunteers(
  cloud: TestCloud,
  prefix: string,
  n: number,
  teamPath = ['team-city', 'team-heshan'],
) {
  const openids = Array.from({ length: n }, (_, i) => `wx-vol-${prefix}-${i}`)
  cloud.cloud.store.insert(
    'volunteers',
    openids.map((openid, i) => ({
      _id: `vol-${prefix}-${i}`,
      openid,
      status: 'active',
      name: `测试${i}`,
      idNumberHash: `hash-${prefix}-${i}`,
      mobileMasked: `138****${String(i).padStart(4, '0')}`,
      team: { id: teamPath[teamPath.length - 1], name: '赫山区科技志愿者队', kind: 'county' },
      teamPath,
      memberOf: teamPath,
    })),
  )
  return openids
}

/**
 * A published activity of 赫山区 by `organizer` that started `startedHoursAgo` hours ago (default:
 * now) and lasts 3 hours: inside its check-in window.
 */
export async function runningActivity(
  cloud: TestCloud,
  organizer: string,
  over: Partial<ActivityInput> = {},
  startedHoursAgo = 0,
): Promise<ActivityEditView> {
  const input = activityInput(over, 1)
  const draft = await expectOk(cloud.call(organizer, 'activity.save', { input }))
  const a = await expectOk(cloud.call(organizer, 'activity.publish', { activityId: draft.id, rev: draft.rev }))
  // Move it into the check-in window (publishing needs a start ahead, so it moves after).
  const start = new Date(Date.now() - startedHoursAgo * HOUR)
  cloud.cloud.store.update(
    'activities',
    { _id: a.id },
    { $set: { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR), signupDeadline: start } },
  )
  return a
}

/** `n` new volunteers (`wx-vol-<prefix>-<i>`) signed up for `a`, each with their ticket. */
export async function signedUp(
  cloud: TestCloud,
  a: ActivityEditView,
  prefix: string,
  n: number,
): Promise<{ openid: string; ticket: MyTicket }[]> {
  // Sign-up needs the deadline ahead: open it for a moment.
  cloud.cloud.store.update('activities', { _id: a.id }, { $set: { signupDeadline: new Date(Date.now() + HOUR) } })
  const people = addActiveVolunteers(cloud, prefix, n)
  const out = []
  for (const openid of people)
    out.push({ openid, ticket: await expectOk(cloud.call(openid, 'activity.signUp', { activityId: a.id })) })
  return out
}
