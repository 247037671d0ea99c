/** Answers of the team, role and import actions, for the admin screens' component and bundle tests. */
import type { ImportPreview, MemberItem, PeriodView, RoleItem, TeamNode, TeamPage, TeamRef } from '../../types/api'
import type { Err, Ok } from '../../types/result'

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })
export const fail = (code: Err['code'], message: string, field?: string): Err => ({
  ok: false,
  code,
  message,
  ...(field ? { field } : {}),
})

export const city: TeamRef = { id: 'team-city', name: '湖南省科技志愿者益阳市支队', kind: 'city' }
export const heshan: TeamRef = { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' }
export const longguangqiao: TeamRef = {
  id: 'team-heshan-longguangqiao',
  name: '龙光桥街道科技志愿者服务分队',
  kind: 'township',
}
export const medical: TeamRef = { id: 'team-medical', name: '益阳市医学会科技志愿者支队', kind: 'society' }

export function member(n: number, over: Partial<MemberItem> = {}): MemberItem {
  return {
    volunteerId: `vol-${n}`,
    name: `成员${n}`,
    gender: n % 2 ? 'male' : 'female',
    employer: '赫山区科协',
    position: '科普干事',
    mobileMasked: `138****${String(1000 + n).slice(-4)}`,
    team: heshan,
    ...over,
  }
}

/** 赫山区: a county team of the current period, short of its founding target, with one sub-team. */
export function teamPage(over: Partial<TeamPage> = {}): TeamPage {
  return {
    team: { ...heshan, parentId: city.id, depth: 1 },
    breadcrumb: [city, heshan],
    children: [
      { ...longguangqiao, parentId: heshan.id, depth: 2, members: 4, path: ['team-city', heshan.id, longguangqiao.id] },
    ],
    moreChildren: false,
    members: 12,
    target: { kind: 'county', founding: 100, goal: 500, goalDate: '2020-12-31' },
    leader: member(1, { name: '赵强' }),
    deputies: [member(2, { name: '钱敏' })],
    warnings: ['副队长一般为 2–3 名，现有 1 名'],
    period: {
      id: 'period-2024',
      name: '2024年度科技志愿服务',
      deadlines: [
        { key: 'teams_formed', label: '学会、区县（市）队伍组建完成', due: '2024-09-14', state: 'overdue' },
        { key: 'roster', label: '报送《科技志愿者支队基本情况表》（附件2）', due: '2024-09-18', state: 'done' },
        { key: 'summary', label: '报送工作总结', due: '2024-11-20', state: 'due_soon' },
        { key: 'statistics', label: '报送《活动情况统计表》（附件3）及工作总结', due: '2024-12-15', state: 'upcoming' },
      ],
    },
    focusMissing: ['key_event', 'key_group'],
    can: { manage: true, appointAdmins: false, appointOrganizers: true },
    ...over,
  }
}

export function tree(): TeamNode[] {
  return [
    { ...city, parentId: null, depth: 0 },
    { ...heshan, parentId: city.id, depth: 1 },
    { ...longguangqiao, parentId: heshan.id, depth: 2 },
    { ...medical, parentId: city.id, depth: 1 },
  ]
}

export function roleItem(over: Partial<RoleItem> = {}): RoleItem {
  return { id: 'role-1', role: 'organizer', team: heshan, volunteerId: 'vol-1', name: '赵强', ...over }
}

export function period(over: Partial<PeriodView> = {}): PeriodView {
  return {
    id: 'period-2024',
    name: '2024年度科技志愿服务',
    start: '2024-01-01',
    end: '2024-12-31',
    deadlines: [
      { key: 'teams_formed', label: '学会、区县（市）队伍组建完成', due: '2024-09-14', kinds: ['society', 'county'] },
    ],
    targets: [{ kind: 'county', founding: 100, goal: 500, goalDate: '2024-12-31' }],
    ...over,
  }
}

export function importPreview(): ImportPreview {
  return {
    rows: [
      { row: 2, name: '王医生', idNumberMasked: '430***********0011', outcome: 'new', errors: [] },
      { row: 3, name: '刘洋', idNumberMasked: '430***********0642', outcome: 'new', errors: [] },
      { row: 4, name: '李护士', idNumberMasked: '430***********0023', outcome: 'member', errors: [] },
      {
        row: 5,
        name: '张三',
        idNumberMasked: '',
        outcome: 'invalid',
        errors: ['身份证号校验位不正确', '请填写手机号'],
      },
    ],
    counts: { new: 2, invited: 0, member: 1, invalid: 1 },
  }
}
