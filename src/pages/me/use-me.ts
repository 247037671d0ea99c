import Taro from '@tarojs/taro'
import type { MeView, RoleGrant } from '../../../types/api'
import { Gender, Role, VolunteerStatus } from '../../../types/enums'
import { useQuery } from '../../hooks/use-query'
import { formatDateTime } from '../../utils/datetime'

export interface Entry {
  key: 'review' | 'scan'
  title: string
  hint: string
  url: string
}

export interface MeScreen {
  status: VolunteerStatus
  statusLabel: string
  /** One sentence telling the volunteer where they stand and what comes next. */
  statusHint: string
  registered: boolean
  profile: { label: string; value: string }[]
  roles: { key: string; text: string }[]
  serviceHours: string
  entries: Entry[]
  /** The same notices the subscribe messages carried, so a refused subscription loses nothing. */
  notices: { id: string; title: string; body: string; at: string }[]
}

const STATUS_HINT: Record<VolunteerStatus, string> = {
  unregistered: '注册成为科技志愿者，参加科普益阳的志愿服务活动。',
  pending: '注册信息已提交，等待所在队伍审核，审核结果将通过微信消息通知你。',
  rejected: '注册未通过审核，请按退回原因修改后重新提交。',
  approved: '审核已通过，请使用微信消息中的激活码激活后报名活动。',
  active: '你已是科技志愿者，可以报名参加活动。',
  left: '你已退出科技志愿者队伍，服务记录仍然保留。',
}

const ACTIVATION_LOCKED_HINT = '激活码输错次数过多，已暂停激活，请联系所在队伍管理员重新发放激活码。'

const REVIEW_ENTRY: Entry = {
  key: 'review',
  title: '待审核注册',
  hint: '审核本队伍及下级队伍的志愿者注册',
  url: '/packages/admin/pages/review/index',
}
const SCAN_ENTRY: Entry = {
  key: 'scan',
  title: '扫码签到',
  hint: '在活动现场扫描志愿者的签到码',
  url: '/packages/organizer/pages/scan/index',
}

/** Management screens the caller's roles open; the functions check the role again on every call. */
export function entriesFor(roles: RoleGrant[]): Entry[] {
  const has = (...rs: RoleGrant['role'][]) => roles.some((g) => rs.includes(g.role))
  const entries: Entry[] = []
  // The owner (city 科协) may do everything an admin may.
  if (has('admin', 'owner')) entries.push(REVIEW_ENTRY)
  if (has('organizer')) entries.push(SCAN_ENTRY)
  return entries
}

export function toMeScreen(me: MeView): MeScreen {
  const hint =
    me.status === 'rejected' && me.rejectReason
      ? `${STATUS_HINT.rejected}退回原因：${me.rejectReason}`
      : me.status === 'approved' && me.activationLocked
        ? ACTIVATION_LOCKED_HINT
        : STATUS_HINT[me.status]
  const p = me.profile
  const profile = p
    ? [
        { label: '姓名', value: p.name },
        { label: '性别', value: Gender.map[p.gender] },
        { label: '身份证号', value: p.idNumberMasked },
        { label: '手机号', value: p.mobileMasked },
        { label: '单位', value: p.employer },
        { label: '职务/职称', value: p.position },
        ...(me.team ? [{ label: '所属队伍', value: me.team.name }] : []),
        ...(me.submittedAt ? [{ label: '提交时间', value: formatDateTime(me.submittedAt) }] : []),
      ]
    : []
  return {
    status: me.status,
    statusLabel: VolunteerStatus.map[me.status],
    statusHint: hint,
    registered: me.status !== 'unregistered',
    profile,
    roles: me.roles.map((g) => ({ key: `${g.role}:${g.team.id}`, text: `${Role.map[g.role]} · ${g.team.name}` })),
    serviceHours: `${me.serviceHours.toFixed(1)} 小时`,
    entries: entriesFor(me.roles),
    notices: me.notices.map((n) => ({ id: n.id, title: n.title, body: n.body, at: formatDateTime(n.at) })),
  }
}

export function useMe() {
  const q = useQuery('volunteer.me', {})
  return {
    loading: q.loading,
    error: q.error,
    screen: q.data ? toMeScreen(q.data) : undefined,
    reload: q.reload,
    open: (entry: Entry) => Taro.navigateTo({ url: entry.url }),
  }
}
