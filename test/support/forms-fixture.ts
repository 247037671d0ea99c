/**
 * The forms' fixture (DOMAIN.md "How the forms count"): the demo tree, people with overlapping,
 * suspended and departed memberships, activities inside, outside and at the edges of a reporting
 * period (one cancelled, one a draft), and the expected figures of each form worked out by hand.
 */
import { demoTeams } from '../../emulator/seed'
import type { ActivityDoc, CheckDoc, MakeupDoc, PeriodDoc } from '../../cloudfunctions/core/models'
import { newActivity } from '../../cloudfunctions/core/activity'
import { withMemberCounts } from '../../cloudfunctions/core/team'
import type { TestCloud } from './dev-cloud'

export const CITY = 'team-city'
export const HESHAN = 'team-heshan'
export const TOWN = 'team-heshan-longguangqiao'
export const MEDICAL = 'team-medical'
export const ANHUA = 'team-anhua'
export const PERIOD = 'period-forms'

export const ADMINS = {
  city: 'f-admin-city',
  heshan: 'f-admin-heshan',
  medical: 'f-admin-medical',
  town: 'f-admin-town',
}

const teamById = new Map(demoTeams.map((t) => [t._id, t]))
const pathOf = (id: string) => teamById.get(id)!.path
const refOf = (id: string) => {
  const t = teamById.get(id)!
  return { id: t._id, name: t.name, kind: t.kind }
}

export const period: PeriodDoc = {
  _id: PERIOD,
  name: '2023年度科技志愿服务',
  start: '2023-03-01',
  end: '2023-11-30',
  deadlines: [
    {
      key: 'roster',
      label: '报送《科技志愿者支队基本情况表》（附件2）',
      due: '2023-09-18',
      kinds: ['society', 'county'],
    },
    { key: 'statistics', label: '报送《活动情况统计表》（附件3）', due: '2023-11-30', kinds: ['society', 'county'] },
  ],
  targets: [{ kind: 'county', founding: 100, goal: 500, goalDate: '2023-12-31' }],
}

interface Person {
  openid: string
  name: string
  gender: 'male' | 'female'
  employer: string
  position: string
  /** [team, status, since (China day)] */
  memberships: [string, 'active' | 'suspended' | 'left', string][]
}

export const people: Person[] = [
  {
    openid: 'f-p1',
    name: '赵一',
    gender: 'male',
    employer: '赫山区科协',
    position: '干事',
    memberships: [[HESHAN, 'active', '2023-01-01']],
  },
  {
    openid: 'f-p2',
    name: '钱二',
    gender: 'female',
    employer: '龙光桥街道',
    position: '农技员',
    memberships: [[TOWN, 'active', '2023-01-02']],
  },
  {
    openid: 'f-p3',
    name: '孙三',
    gender: 'male',
    employer: '益阳市中心医院',
    position: '主任医师',
    memberships: [
      [HESHAN, 'active', '2023-01-03'],
      [MEDICAL, 'active', '2023-01-01'],
    ],
  },
  {
    openid: 'f-p4',
    name: '李四',
    gender: 'female',
    employer: '益阳市第一医院',
    position: '',
    memberships: [[MEDICAL, 'active', '2023-01-04']],
  },
  {
    openid: 'f-p5',
    name: '周五',
    gender: 'male',
    employer: '龙光桥中学',
    position: '教师',
    memberships: [[TOWN, 'left', '2023-01-05']],
  },
  {
    openid: 'f-p6',
    name: '吴六',
    gender: 'female',
    employer: '市妇幼保健院',
    position: '护士',
    memberships: [
      [HESHAN, 'suspended', '2023-01-06'],
      [MEDICAL, 'active', '2023-01-06'],
    ],
  },
  {
    openid: 'f-p7',
    name: '郑七',
    gender: 'male',
    employer: '安化县农业农村局',
    position: '农艺师',
    memberships: [
      [ANHUA, 'active', '2023-01-07'],
      [HESHAN, 'active', '2023-01-02'],
    ],
  },
  // Text that a spreadsheet would take for a formula.
  {
    openid: 'f-p9',
    name: '王九',
    gender: 'male',
    employer: '=cmd|calc',
    position: '@SUM(A1:A2)',
    memberships: [[CITY, 'active', '2023-01-08']],
  },
]

/** 2023-03-01 00:30 China time is 2023-02-28T16:30Z. */
const china = (day: string, time = '09:30') => new Date(`${day}T${time}:00+08:00`)

function act(
  id: string,
  teamId: string,
  type: ActivityDoc['type'],
  stage: ActivityDoc['stage'],
  start: Date,
  extra: Partial<ActivityDoc> = {},
): ActivityDoc {
  const base = newActivity(
    {
      title: `活动${id}`,
      type,
      focusTags: [],
      theme: null,
      venueKind: 'community_center',
      address: `${id}的地点`,
      location: null,
      startAt: start,
      endAt: new Date(start.getTime() + 3 * 3_600_000),
      signupDeadline: new Date(start.getTime() - 3_600_000),
      capacity: 30,
      description: '',
      beneficiaries: [],
      contact: { name: '王老师', phone: '0737-4221234' },
      audience: 'city',
      insured: false,
      team: refOf(teamId),
      teamId,
      teamPath: pathOf(teamId),
    },
    'f-admin-heshan',
  )
  return { ...base, _id: id, stage, createdAt: start, updatedAt: start, ...extra }
}

export const activities: ActivityDoc[] = [
  // The period's first minute of its first day counts.
  act('f-a1', HESHAN, 'lecture', 'published', china('2023-03-01', '00:30'), {
    focusTags: ['key_event', 'public_concern'],
    checkedIn: 3,
    peopleServed: 120,
    highlight: { content: '防灾减灾科普讲座', effect: '群众反响热烈', photos: [] },
  }),
  // The last day counts in full.
  act('f-a2', TOWN, 'agriculture', 'published', china('2023-11-30', '23:00'), {
    focusTags: ['key_group'],
    checkedIn: 2,
    peopleServed: null,
  }),
  // Cancelled: never counts, whatever its counters say.
  act('f-a3', HESHAN, 'medical', 'cancelled', china('2023-05-01'), {
    focusTags: ['public_concern'],
    checkedIn: 5,
    peopleServed: 50,
    highlight: { content: '已取消的活动', effect: '', photos: [] },
  }),
  // Started the evening before the period, ends inside it: does not count.
  act('f-a4', HESHAN, 'training', 'published', china('2023-02-28', '23:30'), { checkedIn: 7, peopleServed: 70 }),
  // A draft never counts.
  act('f-a5', HESHAN, 'consulting', 'draft', china('2023-06-01')),
  // A blank write-up is no highlight candidate.
  act('f-a6', MEDICAL, 'medical', 'published', china('2023-06-01'), {
    focusTags: ['public_concern'],
    checkedIn: 4,
    peopleServed: 30,
    highlight: { content: '   ', effect: '', photos: [] },
  }),
  act('f-a7', ANHUA, 'youth', 'published', china('2023-07-01'), {
    checkedIn: 1,
    peopleServed: 0,
    highlight: { content: '机器人进校园', effect: '学生动手搭建', photos: [] },
  }),
  // The day after the period.
  act('f-a8', HESHAN, 'lecture', 'published', china('2023-12-01', '00:00'), { checkedIn: 9, peopleServed: 90 }),
  act('f-a9', CITY, 'other', 'published', china('2023-05-05'), {
    focusTags: ['key_event'],
    checkedIn: 0,
    peopleServed: 10,
  }),
]

/**
 * 孙三's service: checked in and out at f-a1 (150 min) and f-a2 (45 min, plus 30 min of 补录 and a
 * declined 补录), at 医学会's f-a6 (120 min); checked in at f-a8 without a check-out yet.
 */
export function checks(): Omit<CheckDoc, 'receivedAt'>[] {
  const c = (id: string, a: ActivityDoc, mode: 'in' | 'out', minutes = 0): Omit<CheckDoc, 'receivedAt'> => ({
    _id: id,
    ticketId: `tk-${a._id}`,
    activityId: a._id,
    openid: 'f-p3',
    mode,
    at: mode === 'in' ? a.startAt : a.endAt,
    device: 'phone-1',
    by: 'f-admin-heshan',
    method: 'scan',
    nonce: `nonce-${id}`,
    minutes,
  })
  const [a1, a2, , , , a6, , a8] = activities
  return [
    c('f-c1', a1, 'in'),
    c('f-c2', a1, 'out', 150),
    c('f-c3', a2, 'in'),
    c('f-c4', a2, 'out', 45),
    c('f-c5', a6, 'in'),
    c('f-c6', a6, 'out', 120),
    c('f-c7', a8, 'in'),
  ]
}

export function makeups(): MakeupDoc[] {
  const m = (id: string, minutes: number, declined: MakeupDoc['declined']): MakeupDoc => ({
    _id: id,
    ticketId: 'tk-f-a2',
    activityId: 'f-a2',
    openid: 'f-p3',
    minutes,
    reason: '签退时网络中断',
    by: 'f-admin-heshan',
    at: new Date('2023-12-01T00:00:00Z'),
    declined,
  })
  return [
    m('f-m1', 30, null),
    m('f-m2', 90, { by: 'f-admin-heshan', at: new Date('2023-12-02T00:00:00Z'), reason: '无证明材料' }),
  ]
}

/**
 * Sets every team's member counter to what the volunteers in the store give (core/team.ts), for tests
 * that add people to the fixture as the functions would have counted them.
 */
export function recountFixture(cloud: TestCloud) {
  const store = cloud.cloud.store
  for (const t of withMemberCounts(store.find('teams'), store.find('volunteers')))
    store.update('teams', { _id: t._id }, { $set: { members: t.members } })
}

/** Replaces every document of the test cloud with the fixture. */
export function loadFormsFixture(cloud: TestCloud) {
  const store = cloud.cloud.store
  store.reset()
  // memberOf: the paths of the person's active memberships, as the functions keep it; a person whose
  // only membership was left (周五) counts nowhere. The member counters agree with it (core/team.ts).
  const volunteers = people.map((p) => ({
    _id: `vol-${p.openid}`,
    openid: p.openid,
    status: 'active' as const,
    name: p.name,
    gender: p.gender,
    idNumberHash: `hash-${p.openid}`,
    employer: p.employer,
    position: p.position,
    team: refOf(p.memberships[0][0]),
    teamPath: pathOf(p.memberships[0][0]),
    memberOf: [...new Set(p.memberships.flatMap(([teamId, status]) => (status === 'active' ? pathOf(teamId) : [])))],
  }))
  store.insert('teams', withMemberCounts(demoTeams, volunteers))
  store.insert('periods', [period])
  const role = (openid: string, teamId: string) => ({
    _id: `${openid}_admin_${teamId}`,
    openid,
    role: 'admin',
    teamId,
    team: refOf(teamId),
    teamPath: pathOf(teamId),
    grantedBy: 'demo-owner',
    grantedAt: new Date('2023-01-01T00:00:00Z'),
  })
  store.insert('roles', [
    role(ADMINS.city, CITY),
    role(ADMINS.heshan, HESHAN),
    role(ADMINS.medical, MEDICAL),
    role(ADMINS.town, TOWN),
  ])
  store.insert('volunteers', volunteers)
  store.insert(
    'memberships',
    people.flatMap((p) =>
      p.memberships.map(([teamId, status, since], i) => ({
        _id: `${p.openid}_${teamId}`,
        openid: p.openid,
        teamId,
        teamPath: pathOf(teamId),
        status,
        primary: i === 0,
        since: china(since, '08:00'),
      })),
    ),
  )
  store.insert('activities', activities)
  store.insert(
    'checks',
    checks().map((c) => ({ ...c, receivedAt: c.at })),
  )
  store.insert('makeups', makeups())
}
