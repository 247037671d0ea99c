import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { MeView, RoleGrant } from '../../../types/api'
import type { Result } from '../../../types/result'
import { Gender, Role, VolunteerStatus } from '../../../types/enums'
import { useQuery, useReloadOnReturn } from '../../hooks/use-query'
import { useSubmit } from '../../hooks/use-submit'
import { appUrl } from '../../routes'
import { call } from '../../services/client'
import { loadTickets } from '../../services/ticket-store'
import { formatDateTime } from '../../utils/datetime'
import { DANGER } from '../../styles/colors'

// The screens that do the work live in subpackages (the form needs valibot, which must not weigh
// down the main package); 我的 only links to them.
export const REGISTER_URL = appUrl.register()
export const ACTIVATE_URL = appUrl.activate()
export const CLAIM_URL = appUrl.claim()

export interface Entry {
  key: string
  title: string
  hint: string
  url: string
  /** A count to act on (待审核), shown next to the title. */
  badge?: string
}

/** Where the volunteer can go from here; `primary` is the one next step of 附件1. */
export interface Step {
  key: 'register' | 'claim' | 'edit' | 'resubmit' | 'activate' | 'reregister'
  label: string
  url: string
}

export interface MeScreen {
  status: VolunteerStatus
  statusLabel: string
  /** One sentence telling the volunteer where they stand and what comes next. */
  statusHint: string
  registered: boolean
  primary: Step | null
  secondary: Step[]
  /** 退出 is offered while registered; the record and its history are kept. */
  canLeave: boolean
  showHours: boolean
  profile: { label: string; value: string }[]
  /** Administrators, organizers and the owner: their work comes first on 我的. */
  staff: boolean
  /** 我的队伍与角色: one entry per team the caller holds a role in, naming the roles. */
  teams: Entry[]
  serviceHours: string
  /** 志愿服务: 我的活动, 服务记录. */
  service: Entry[]
  entries: Entry[]
  /** The same notices the subscribe messages carried, so a refused subscription loses nothing. */
  notices: { id: string; title: string; body: string; at: string }[]
  /** Teams that registered the caller (集体注册) and wait for 接受 or 婉拒. */
  invitations: Invitation[]
}

export interface Invitation {
  teamId: string
  teamName: string
  at: string
  /** Only an activated volunteer joins a team; the others see why the buttons wait. */
  canAccept: boolean
}

const REVIEW_ENTRY: Entry = {
  key: 'review',
  title: '待审核注册',
  hint: '审核本队伍及下级队伍的志愿者注册',
  url: '/packages/admin/pages/review/index',
}
const PENDING_ENTRY: Entry = {
  key: 'pending',
  title: '待激活',
  hint: '审核通过或集体注册后尚未激活的志愿者，可重发激活码',
  url: '/packages/admin/pages/pending/index',
}
const APPEALS_ENTRY: Entry = {
  key: 'appeals',
  title: '申诉',
  hint: '身份证号被他人注册的申诉，核实后可作废不实注册',
  url: '/packages/admin/pages/appeals/index',
}
const SCAN_ENTRY: Entry = {
  key: 'scan',
  title: '扫码签到',
  hint: '在活动现场扫描志愿者的签到码',
  url: appUrl.scan(),
}
const ORGANIZED_ENTRY: Entry = {
  key: 'organized',
  title: '我组织的活动',
  hint: '发布、修改和取消本队伍的活动',
  url: appUrl.organized(),
}
const RECORDS_TODO_ENTRY: Entry = {
  key: 'records-todo',
  title: '待确认服务记录',
  hint: '活动结束后 10 个工作日内核对签到并确认服务时长',
  url: appUrl.recordsTodo(),
}
const SERVICE_RECORDS_ENTRY: Entry = {
  key: 'service-records',
  title: '服务记录',
  hint: '每次签到和服务时长，可申请更正',
  url: appUrl.serviceRecords(),
}
const MY_ACTIVITIES_ENTRY: Entry = {
  key: 'my-activities',
  title: '我的活动',
  hint: '报名的活动和签到码',
  url: appUrl.myActivities(),
}

const CERTIFICATE_ENTRY: Entry = {
  key: 'certificate',
  title: '服务记录证明',
  hint: '由组织活动的队伍出具，可保存为图片',
  url: appUrl.certificate(),
}

/**
 * 服务记录证明 for anyone who has been activated (kept after leaving). Hours live in the check-in
 * records, not on 我的's view, so the certificate page itself says when there is nothing to certify.
 */
export function certificateEntries(status: MeView['status']): Entry[] {
  return status === 'active' || status === 'left' ? [CERTIFICATE_ENTRY] : []
}

/**
 * The team page lives in the admin subpackage; a literal path keeps this main-package component from
 * importing anything of the subpackage. Without an id the page opens the caller's own teams.
 */
const TEAM_PAGE = '/packages/admin/pages/team/index'

/** One entry per team the caller holds a role in (several roles on one team share it); the owner's opens the root. */
export function teamEntries(roles: RoleGrant[]): Entry[] {
  const entries: Entry[] = []
  if (roles.some((g) => g.role === 'owner')) {
    entries.push({
      key: 'owner',
      title: '全部队伍',
      hint: `${Role.map.owner} · 从市支队起管理各级队伍`,
      url: TEAM_PAGE,
    })
  }
  const byTeam = new Map<string, { name: string; roles: string[] }>()
  for (const g of roles) {
    if (g.role === 'owner') continue
    const e = byTeam.get(g.team.id) ?? { name: g.team.name, roles: [] }
    e.roles.push(Role.map[g.role])
    byTeam.set(g.team.id, e)
  }
  for (const [id, e] of byTeam) {
    entries.push({
      key: id,
      title: e.name,
      hint: `${e.roles.join('、')} · 查看队伍、成员与报送进度`,
      url: `${TEAM_PAGE}?id=${encodeURIComponent(id)}`,
    })
  }
  return entries
}

/** Management screens the caller's roles open; the functions check the role again on every call. */
export function entriesFor(roles: RoleGrant[]): Entry[] {
  const has = (...rs: RoleGrant['role'][]) => roles.some((g) => rs.includes(g.role))
  const entries: Entry[] = []
  // The owner (city 科协) may do everything an admin may.
  if (has('admin', 'owner')) entries.push(REVIEW_ENTRY, PENDING_ENTRY, APPEALS_ENTRY)
  if (has('organizer', 'admin', 'owner')) entries.push(ORGANIZED_ENTRY)
  if (has('organizer')) entries.push(SCAN_ENTRY)
  if (has('organizer', 'admin', 'owner')) entries.push(RECORDS_TODO_ENTRY)
  return entries
}

/**
 * 我的活动 for those who can have sign-ups: activated volunteers, those who left (their history stays),
 * and anyone whose phone keeps a ticket (say, a volunteer back in review after editing their identity).
 */
export function volunteerEntries(status: MeView['status'], keptTickets: boolean): Entry[] {
  const entries = status === 'active' || status === 'left' || keptTickets ? [MY_ACTIVITIES_ENTRY] : []
  // Service records are kept after 退出, like the hours.
  if (status === 'active' || status === 'left') entries.push(SERVICE_RECORDS_ENTRY)
  return entries
}

const step = (key: Step['key'], label: string, url: string): Step => ({ key, label, url })
const EDIT = step('edit', '修改资料', REGISTER_URL)

function stepsOf(me: MeView): { hint: string; primary: Step | null; secondary: Step[] } {
  switch (me.status) {
    case 'unregistered':
      return {
        hint: '注册成为科技志愿者，参加科普益阳的志愿服务活动。',
        primary: step('register', '注册成为科技志愿者', REGISTER_URL),
        secondary: [step('claim', '已由队伍集体注册？用身份证号和激活码激活', CLAIM_URL)],
      }
    case 'pending': {
      const when = me.submittedAt ? `已于 ${formatDateTime(me.submittedAt)} 提交，` : '已提交，'
      return {
        hint: `注册信息${when}等待所在队伍管理员审核，审核结果将通过微信消息和本页的消息通知告诉你。审核前仍可修改。`,
        primary: null,
        secondary: [step('edit', '修改资料', REGISTER_URL)],
      }
    }
    case 'rejected':
      return {
        hint: `注册未通过审核。退回原因：${me.rejectReason || '管理员未填写'}。请按原因修改后重新提交。`,
        primary: step('resubmit', '修改后重新提交', REGISTER_URL),
        secondary: [],
      }
    case 'approved':
      return me.activationLocked
        ? {
            hint: '激活码输错次数过多，激活已锁定。请联系所在队伍的管理员重新发放激活码，收到新激活码后再激活。',
            primary: null,
            secondary: [EDIT],
          }
        : {
            hint: me.activationCode
              ? '审核已通过。点击“激活”即可完成激活（激活码已由系统填好），激活后即可报名参加活动。'
              : '审核已通过。请输入审核通过消息中的 6 位激活码完成激活，激活后即可报名参加活动。',
            primary: step(
              'activate',
              '激活',
              me.activationCode ? `${ACTIVATE_URL}?code=${me.activationCode}` : ACTIVATE_URL,
            ),
            secondary: [EDIT],
          }
    case 'active':
      return { hint: '你已是科技志愿者，可以报名参加活动。', primary: null, secondary: [EDIT] }
    case 'left':
      return {
        hint: '你已退出科技志愿者队伍，服务记录仍然保留。重新注册并通过审核后可再次参加活动。',
        primary: step('reregister', '重新注册', REGISTER_URL),
        secondary: [],
      }
  }
}

export function toMeScreen(me: MeView, keptTickets = false): MeScreen {
  const { hint, primary, secondary } = stepsOf(me)
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
    primary,
    secondary,
    canLeave: me.status !== 'unregistered' && me.status !== 'left',
    // Hours are earned only once activated; after 退出 they stay as part of the kept history.
    showHours: me.status === 'active' || me.status === 'left',
    profile,
    staff: me.roles.length > 0,
    teams: teamEntries(me.roles),
    serviceHours: `${me.serviceHours.toFixed(1)} 小时`,
    service: [...volunteerEntries(me.status, keptTickets), ...certificateEntries(me.status)],
    entries: entriesFor(me.roles),
    invitations: me.invitations.map((i) => ({
      teamId: i.team.id,
      teamName: i.team.name,
      at: formatDateTime(i.at),
      canAccept: me.status === 'active',
    })),
    notices: [...me.notices]
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .map((n) => ({ id: n.id, title: n.title, body: n.body, at: formatDateTime(n.at) })),
  }
}

const withBadge = (s: MeScreen, badge: string | undefined): MeScreen => ({
  ...s,
  entries: s.entries.map((e) => (e.key === 'review' ? { ...e, badge } : e)),
})

const LEAVE_CONFIRM = {
  title: '退出科技志愿者队伍',
  content: '退出后将不能报名参加志愿服务活动。你的注册信息和服务记录会保留，以后可以重新注册。确定退出吗？',
  confirmText: '确定退出',
  confirmColor: DANGER,
  cancelText: '再想想',
}

const declineConfirm = (teamName: string) => ({
  title: '婉拒邀请',
  content: `婉拒后不会加入${teamName}，该队伍也看不到你的信息。确定婉拒吗？`,
  confirmText: '婉拒',
  cancelText: '再想想',
})

/** What the first page of the review queue says about the work waiting: "3", "10+", or nothing. */
export function pendingBadge(items: number, more: boolean): string | undefined {
  if (items === 0) return undefined
  return more ? `${items}+` : String(items)
}

/** Rows of the review queue read for the badge: one indexed request, at most this many documents. */
const BADGE_LIMIT = 10

/**
 * The 待审核 count for administrators. The queue has no stored total, so the badge reads its first
 * page (1 request, ≤ 11 documents on the status/team/submittedAt index) and says "10+" beyond it.
 */
function usePendingBadge(admin: boolean) {
  const [badge, setBadge] = useState<string | undefined>()
  const load = useCallback(async () => {
    if (!admin) return
    const r = await call('admin.reviewQueue', { limit: BADGE_LIMIT })
    // No badge on a failure: the entry itself still opens the queue, which shows the error.
    setBadge(r.ok ? pendingBadge(r.data.items.length, r.data.nextCursor !== null) : undefined)
  }, [admin])
  useEffect(() => {
    void load()
  }, [load])
  useReloadOnReturn(load)
  return badge
}

export function useMe() {
  const q = useQuery('volunteer.me', {})
  const isAdmin = (q.data?.roles ?? []).some((g) => g.role === 'admin' || g.role === 'owner')
  const badge = usePendingBadge(isAdmin)
  // One write of each kind at a time, each with its own message where its button is.
  const leaving = useSubmit()
  const invitation = useSubmit()
  const activation = useSubmit()
  /** The team whose invitation is being answered; one at a time. */
  const [answering, setAnswering] = useState<string | null>(null)

  /** After a write: its toast and 我的 read again; a refusal is shown by the write's own message. */
  async function done(r: Result<unknown> | null, toast: Taro.showToast.Option) {
    if (!r?.ok) return
    void Taro.showToast(toast)
    await q.reload()
  }

  /**
   * The next step. 激活 with the volunteer's own code on record (shown only to them) activates at
   * once: one tap (issue 10); without it, the code entry opens.
   */
  async function primary() {
    const step = q.data ? stepsOf(q.data).primary : null
    if (!step || activation.busy) return
    const code = q.data?.activationCode
    if (step.key !== 'activate' || !code) {
      void Taro.navigateTo({ url: step.url })
      return
    }
    await done(await activation.submit('volunteer.activate', { code }), { title: '已激活', icon: 'success' })
  }

  async function answerInvitation(teamId: string, accept: boolean) {
    if (answering) return
    const teamName = q.data?.invitations.find((i) => i.team.id === teamId)?.team.name ?? '该队伍'
    if (!accept) {
      const { confirm } = await Taro.showModal(declineConfirm(teamName))
      if (!confirm) return
    }
    setAnswering(teamId)
    const r = await invitation.submit(accept ? 'volunteer.acceptInvitation' : 'volunteer.declineInvitation', { teamId })
    setAnswering(null)
    await done(r, { title: accept ? `已加入${teamName}` : '已婉拒', icon: 'none' })
  }
  const [keptTickets, setKeptTickets] = useState(false)

  useEffect(() => {
    let stale = false
    void loadTickets().then((t) => {
      if (!stale) setKeptTickets(t.length > 0)
    })
    return () => {
      stale = true
    }
  }, [])

  async function leave() {
    const { confirm } = await Taro.showModal(LEAVE_CONFIRM)
    if (!confirm) return
    await done(await leaving.submit('volunteer.leave', {}), { title: '已退出', icon: 'success' })
  }

  return {
    loading: q.loading,
    error: q.error,
    screen: q.data ? withBadge(toMeScreen(q.data, keptTickets), badge) : undefined,
    reload: q.reload,
    leaving: leaving.busy,
    actionError: leaving.error?.message,
    leave,
    answering,
    invitationError: invitation.error?.message,
    answerInvitation,
    activating: activation.busy,
    stepError: activation.error?.message,
    primary,
    go: (url: string) => Taro.navigateTo({ url }),
  }
}
