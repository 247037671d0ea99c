/**
 * Demo data for the local cloud: the city detachment, its seven county teams, three society
 * detachments, a township sub-team, demo users for every role and every volunteer state, and a few
 * activities. Written straight into the store on the first start (development only; never deployed).
 */
import { idCardCheckChar, parseIdCard } from '../types/idcard'
import type { TeamKind, VolunteerStatus } from '../types/enums'
import type { ActivityDoc, PeriodDoc, RoleDoc, TeamDoc, VolunteerDoc } from '../cloudfunctions/core/models'
import { newActivity, type ActivityFields } from '../cloudfunctions/core/activity'
import { DEV_PII_KEY } from '../cloudfunctions/core/pii'
import { issueActivation, newVolunteer, registrationFields } from '../cloudfunctions/core/volunteer'
import { newTeam, withMemberCounts } from '../cloudfunctions/core/team'
import type { Registration } from '../types/registration'
import { DEV_TICKET_SIGNING_KEY } from '../cloudfunctions/core/ticket-signer'

/** Development-only key (refused unless ALLOW_DEV_KEYS); production functions get theirs from configuration. */
export { DEV_PII_KEY }
export const DEV_OWNER_OPENID = 'demo-owner'
export const DEV_TEMPLATE_REVIEW_RESULT = 'dev-template-review-result'
/** The functions' configuration on the local cloud: development keys (allowed only here) and template ids. */
export const DEV_FUNCTION_ENV = {
  PII_KEY: DEV_PII_KEY,
  OWNER_OPENIDS: DEV_OWNER_OPENID,
  TEMPLATE_REVIEW_RESULT: DEV_TEMPLATE_REVIEW_RESULT,
  TICKET_SIGNING_KEY: DEV_TICKET_SIGNING_KEY,
  ALLOW_DEV_KEYS: '1',
  TEMPLATE_SIGNUP: 'dev-template-signup',
  TEMPLATE_ACTIVITY_REMINDER: 'dev-template-activity-reminder',
  TEMPLATE_ACTIVITY_CANCELLED: 'dev-template-activity-cancelled',
  TEMPLATE_WAITLIST_PROMOTED: 'dev-template-waitlist-promoted',
  TEMPLATE_ACTIVITY_CHANGED: 'dev-template-activity-changed',
}
/** The activation code of the demo volunteer awaiting activation (told in their 我的 notices). */
export const DEMO_ACTIVATION_CODE = '246810'

export interface DemoUser {
  openid: string
  label: string
}

const team = (id: string, name: string, kind: TeamKind, parent: TeamDoc | null): TeamDoc =>
  newTeam({ _id: id, name, kind, createdBy: DEV_OWNER_OPENID }, parent)

const city = team('team-city', '湖南省科技志愿者益阳市支队', 'city', null)
const counties = [
  ['heshan', '赫山区'],
  ['ziyang', '资阳区'],
  ['yuanjiang', '沅江市'],
  ['nanxian', '南县'],
  ['taojiang', '桃江县'],
  ['anhua', '安化县'],
  ['datonghu', '大通湖区'],
].map(([id, name]) => team(`team-${id}`, `${name}科技志愿者队`, 'county', city))
const [heshan, , , , , anhua] = counties
const societies = [
  ['medical', '益阳市医学会'],
  ['agri', '益阳市农学会'],
  ['meteo', '益阳市气象学会'],
].map(([id, name]) => team(`team-${id}`, `${name}科技志愿者支队`, 'society', city))
const [medical] = societies
const township = team('team-heshan-longguangqiao', '龙光桥街道科技志愿者服务分队', 'township', heshan)

export const demoTeams: TeamDoc[] = [city, ...counties, ...societies, township]

const ref = (t: TeamDoc) => ({ id: t._id, name: t.name, kind: t.kind })

function idNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`
  return first17 + idCardCheckChar(first17)
}

interface PersonSpec {
  openid: string
  label: string
  name: string
  status: Exclude<VolunteerStatus, 'unregistered'>
  idNumber: string
  mobile: string
  team: TeamDoc
  employer: string
  position: string
  rejectReason?: string
  serviceMinutes?: number
}

const people: PersonSpec[] = [
  {
    openid: 'demo-pending',
    label: '志愿者 · 待审核',
    name: '李明',
    status: 'pending',
    idNumber: idNumber('430902', '19850312', 31),
    mobile: '13807371001',
    team: heshan,
    employer: '赫山区第一中学',
    position: '物理教师',
  },
  {
    openid: 'demo-rejected',
    label: '志愿者 · 未通过',
    name: '王芳',
    status: 'rejected',
    idNumber: idNumber('430921', '19900704', 42),
    mobile: '13807371002',
    team: anhua,
    employer: '安化县人民医院',
    position: '护士',
    rejectReason: '单位名称与证明材料不一致，请核对后重新提交',
  },
  {
    openid: 'demo-approved',
    label: '志愿者 · 待激活',
    name: '张伟',
    status: 'approved',
    idNumber: idNumber('430902', '19780120', 53),
    mobile: '13807371003',
    team: heshan,
    employer: '赫山区农业农村局',
    position: '高级农艺师',
  },
  {
    openid: 'demo-active',
    label: '志愿者 · 已激活',
    name: '刘洋',
    status: 'active',
    idNumber: idNumber('430903', '19820915', 64),
    mobile: '13807371004',
    team: medical,
    employer: '益阳市中心医院',
    position: '主治医师',
    serviceMinutes: 750,
  },
  {
    openid: 'demo-left',
    label: '志愿者 · 已退出',
    name: '陈静',
    status: 'left',
    idNumber: idNumber('430981', '19950228', 72),
    mobile: '13807371005',
    team: counties[2],
    employer: '沅江市科协',
    position: '干部',
  },
  {
    openid: 'demo-organizer',
    label: '组织者 · 赫山区',
    name: '赵强',
    status: 'active',
    idNumber: idNumber('430902', '19751101', 81),
    mobile: '13807371006',
    team: heshan,
    employer: '赫山区科协',
    position: '科普干事',
    serviceMinutes: 1320,
  },
]

export const demoUsers: DemoUser[] = [
  { openid: DEV_OWNER_OPENID, label: '超级管理员 · 市科协' },
  { openid: 'demo-city-admin', label: '管理员 · 市科协科普部' },
  { openid: 'demo-heshan-admin', label: '管理员 · 赫山区科协' },
  { openid: 'demo-medical-admin', label: '管理员 · 市医学会' },
  ...people.map((p) => ({ openid: p.openid, label: p.label })),
]

/** A demo person's record, built as registration builds one (core/volunteer.ts), then put in their state. */
function volunteerDoc(p: PersonSpec, at: Date): VolunteerDoc {
  const facts = parseIdCard(p.idNumber)
  if (!facts) throw new Error(`demo ID number for ${p.openid} is invalid`)
  const id = `vol-${p.openid}`
  const registration: Registration = {
    name: p.name,
    gender: facts.gender,
    idNumber: p.idNumber,
    employer: p.employer,
    position: p.position,
    skills: ['lecture'],
    skillsOther: '',
    specialty: '',
    availability: { slots: ['weekend'], note: '' },
    mobile: p.mobile,
    source: 'other',
    teamId: p.team._id,
    consent: true,
  }
  const fresh = newVolunteer(registrationFields(registration, id, p.team), { kind: 'registered', id, openid: p.openid })
  return {
    ...fresh,
    _id: id,
    status: p.status,
    consentAt: at,
    submittedAt: at,
    rejectReason: p.rejectReason ?? null,
    reviewedBy: p.status === 'pending' ? null : 'demo-heshan-admin',
    reviewedAt: p.status === 'pending' ? null : at,
    activation: p.status === 'approved' ? issueActivation(id, at, { code: DEMO_ACTIVATION_CODE }).activation : null,
    activatedAt: p.status === 'active' || p.status === 'left' ? at : null,
    leftAt: p.status === 'left' ? at : null,
    serviceMinutes: p.serviceMinutes ?? 0,
    ...(p.status === 'active' ? { memberOf: p.team.path } : {}),
  }
}

function role(openid: string, r: RoleDoc['role'], t: TeamDoc, at: Date): RoleDoc {
  return {
    _id: `${openid}_${r}_${t._id}`,
    openid,
    role: r,
    teamId: t._id,
    team: ref(t),
    teamPath: t.path,
    grantedBy: DEV_OWNER_OPENID,
    grantedAt: at,
  }
}

/** The notice's own dates as an example period, and the current year's. */
const TARGETS: PeriodDoc['targets'] = [
  { kind: 'society', founding: 20, goal: 50, goalDate: '2020-12-31' },
  { kind: 'county', founding: 100, goal: 500, goalDate: '2020-12-31' },
]
function period(year: number, start: string): PeriodDoc {
  return {
    _id: `period-${year}`,
    name: `${year}年度科技志愿服务`,
    start,
    end: `${year}-12-31`,
    deadlines: [
      { key: 'city_formed', label: '市支队组建完成', due: `${year}-09-01`, kinds: ['city'] },
      {
        key: 'teams_formed',
        label: '学会、区县（市）队伍组建完成',
        due: `${year}-09-14`,
        kinds: ['society', 'county'],
      },
      {
        key: 'roster',
        label: '报送《科技志愿者支队基本情况表》（附件2）',
        due: `${year}-09-18`,
        kinds: ['society', 'county'],
      },
      {
        key: 'statistics',
        label: '报送《活动情况统计表》（附件3）及工作总结',
        due: `${year}-12-15`,
        kinds: ['society', 'county'],
      },
    ],
    targets: year === 2019 ? TARGETS : TARGETS.map((t) => ({ ...t, goalDate: `${year}-12-31` })),
  }
}

function activity(
  id: string,
  t: TeamDoc,
  title: string,
  type: ActivityDoc['type'],
  stage: ActivityDoc['stage'],
  startInDays: number,
  extra: Partial<ActivityFields> = {},
): ActivityDoc {
  const startAt = new Date(Date.now() + startInDays * 86_400_000)
  startAt.setUTCHours(1, 30, 0, 0) // 09:30 in China
  const created = new Date(startAt.getTime() - 10 * 86_400_000)
  const draft = newActivity(
    {
      title,
      type,
      focusTags: [],
      theme: null,
      venueKind: 'community_center',
      address: '',
      location: null,
      startAt,
      endAt: new Date(startAt.getTime() + 3 * 3_600_000),
      signupDeadline: new Date(startAt.getTime() - 86_400_000),
      capacity: 30,
      description: '',
      beneficiaries: [],
      contact: { name: '王老师', phone: '0737-4221234' },
      audience: 'city',
      insured: false,
      team: ref(t),
      teamId: t._id,
      teamPath: t.path,
      ...extra,
    },
    'demo-organizer',
  )
  return {
    ...draft,
    _id: id,
    rev: 1,
    stage,
    createdAt: created,
    updatedAt: created,
    publishedAt: stage === 'draft' ? null : created,
  }
}

/** Everything the first start writes, by collection. The PII key must be set (DEV_PII_KEY locally). */
export function demoData(now = new Date()): Record<string, object[]> {
  const yesterday = new Date(now.getTime() - 86_400_000)
  const activeMembers = people.filter((p) => p.status === 'active')
  const volunteers = people.map((p) => volunteerDoc(p, yesterday))
  return {
    periods: [period(2019, '2019-08-01'), period(now.getUTCFullYear(), `${now.getUTCFullYear()}-01-01`)],
    memberships: activeMembers.map((p) => ({
      _id: `${p.openid}_${p.team._id}`,
      openid: p.openid,
      teamId: p.team._id,
      teamPath: p.team.path,
      status: 'active',
      primary: true,
      since: yesterday,
    })),
    messages: [
      {
        _id: 'msg-demo-approved',
        openid: 'demo-approved',
        title: '注册审核已通过',
        body: '点击微信消息或“我的”中的“激活”即可完成激活（激活码已自动填好）。激活码7天内有效',
        templateId: DEV_TEMPLATE_REVIEW_RESULT,
        delivered: true,
        errcode: null,
        createdAt: yesterday,
      },
      {
        _id: 'msg-demo-rejected',
        openid: 'demo-rejected',
        title: '注册审核未通过',
        body: '原因：单位名称与证明材料不一致，请核对后重新提交。请修改后重新提交。',
        templateId: DEV_TEMPLATE_REVIEW_RESULT,
        delivered: false,
        errcode: 43101,
        createdAt: yesterday,
      },
    ],
    teams: withMemberCounts(demoTeams, volunteers),
    volunteers,
    roles: [
      role('demo-city-admin', 'admin', city, now),
      role('demo-heshan-admin', 'admin', heshan, now),
      role('demo-medical-admin', 'admin', medical, now),
      role('demo-organizer', 'organizer', heshan, now),
    ],
    activities: [
      activity('act-1', heshan, '防灾减灾科普进社区', 'lecture', 'published', 5, {
        focusTags: ['public_concern'],
        theme: 'disaster',
        address: '赫山区桃花仑街道社区服务中心',
        description: '讲解洪涝、地震等灾害的避险常识，现场演示应急包的准备。',
        beneficiaries: ['elderly', 'youth'],
      }),
      activity('act-2', societies[1], '水稻病虫害绿色防控现场培训', 'agriculture', 'published', 9, {
        focusTags: ['key_group'],
        venueKind: 'rural_base',
        address: '南县三仙湖镇农技站',
        capacity: 50,
        description: '田间识别稻飞虱、二化螟，讲解绿色防控技术。',
        beneficiaries: ['rural_women'],
      }),
      activity('act-3', medical, '全国科普日 · 义诊与急救知识讲座', 'medical', 'published', -20, {
        focusTags: ['key_event', 'public_concern'],
        theme: 'first_aid',
        address: '益阳市中心医院门诊广场',
        capacity: 40,
      }),
      activity('act-4', anhua, '青少年科技教育 · 机器人进校园', 'youth', 'draft', 14, {
        venueKind: 'edu_base',
        address: '安化县第二中学',
      }),
      activity('act-5', heshan, '赫山区科技志愿者 · 食品安全进村', 'consulting', 'published', 3, {
        focusTags: ['public_concern'],
        theme: 'food',
        venueKind: 'party_center',
        address: '赫山区泉交河镇党群服务中心',
        audience: 'team',
        capacity: 2,
      }),
    ],
  }
}
