/** Activities, tickets and callers to start component tests from; a test changes only what it is about. */
import type { ActivityDetail, ActivityEditView, ActivityInput, ElderView, MeView, MyTicket } from '../../types/api'
import type { Result } from '../../types/result'

export const heshan = { id: 't-heshan', name: '赫山区科技志愿者队', kind: 'county' as const }

/** 2030-09-20 09:30–12:30 China time, sign-up until the evening before. */
export const START = '2030-09-20T01:30:00.000Z'
export const END = '2030-09-20T04:30:00.000Z'
export const DEADLINE = '2030-09-19T10:00:00.000Z'
/** A moment well before the deadline. */
export const BEFORE = new Date('2030-09-10T00:00:00.000Z')

export function ticket(over: Partial<MyTicket> = {}, activity: Partial<MyTicket['activity']> = {}): MyTicket {
  return {
    id: 'tk-1',
    status: 'confirmed',
    activity: {
      id: 'act-1',
      title: '防灾减灾科普进社区',
      status: 'open',
      team: heshan,
      venueKind: 'community_center',
      address: '赫山区金银山街道社区服务中心',
      startAt: START,
      endAt: END,
      cancelReason: null,
      ...activity,
    },
    token: 'KPYY1-TICKET-TOKEN-0001',
    nameMasked: '刘*',
    signedUpAt: '2030-09-01T02:00:00.000Z',
    promotedAt: null,
    changed: false,
    cancelUntil: '2030-09-19T01:30:00.000Z',
    attendance: null,
    ...over,
  }
}

export function detail(over: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    id: 'act-1',
    title: '防灾减灾科普进社区',
    type: 'lecture',
    focusTags: ['key_event', 'public_concern'],
    status: 'open',
    team: heshan,
    venueKind: 'community_center',
    address: '赫山区金银山街道社区服务中心',
    startAt: START,
    endAt: END,
    signupDeadline: DEADLINE,
    capacity: 30,
    signedUp: 12,
    waiting: 0,
    audience: 'city',
    theme: 'disaster',
    location: { latitude: 28.55, longitude: 112.36 },
    description: '讲解地震、洪水来临时的避险要点。',
    beneficiaries: ['elderly', 'minors'],
    contact: { name: '王老师', phone: '0737-4221234' },
    insured: true,
    cancelReason: null,
    mine: null,
    overlaps: [],
    subscribeTemplateIds: ['tmpl-signup'],
    ...over,
  }
}

export function me(over: Partial<MeView> = {}): MeView {
  return {
    status: 'active',
    profile: null,
    team: heshan,
    rejectReason: null,
    submittedAt: null,
    roles: [],
    memberOf: ['t-city', 't-heshan'],
    serviceHours: 0,
    activationLocked: false,
    invitations: [],
    activationCode: null,
    notices: [],
    subscribeTemplateIds: [],
    ...over,
  }
}

export function input(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    teamId: 't-heshan',
    title: '防灾减灾科普进社区',
    type: 'lecture',
    focusTags: ['key_event'],
    theme: 'disaster',
    venueKind: 'community_center',
    address: '赫山区金银山街道社区服务中心',
    location: null,
    startAt: START,
    endAt: END,
    capacity: 30,
    signupDeadline: DEADLINE,
    description: '讲解地震、洪水来临时的避险要点。',
    beneficiaries: ['elderly'],
    contact: { name: '王老师', phone: '13807370001' },
    audience: 'city',
    insured: true,
    ...over,
  }
}

export function editView(over: Partial<ActivityEditView> = {}): ActivityEditView {
  return {
    id: 'act-1',
    rev: 3,
    stage: 'draft',
    status: 'draft',
    input: input(),
    team: heshan,
    signedUp: 0,
    waiting: 0,
    cancelReason: null,
    ticketPublicKey: 'ab'.repeat(32),
    ...over,
  }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = (code: string, message: string, field?: string) =>
  ({ ok: false, code, message, ...(field ? { field } : {}) }) as Result<never>

/** Someone the caller registered (代为注册), with the sign-ups made for them. */
export const elder = (over: Partial<ElderView> = {}): ElderView => ({
  volunteerId: 'vol-e1',
  nameMasked: '王**',
  relation: 'family',
  status: 'active',
  tickets: [],
  ...over,
})
