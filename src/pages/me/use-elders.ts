import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ElderView, MyTicket } from '../../../types/api'
import { ProxyRelation, VolunteerStatus } from '../../../types/enums'
import { ErrorCode } from '../../../types/result'
import { useQuery } from '../../hooks/use-query'
import { useSubmit } from '../../hooks/use-submit'
import { loadFamily, saveFamily } from '../../services/ticket-store'
import { appUrl } from '../../routes'
import { formatTimeRange } from '../../utils/datetime'

export interface ElderRow {
  id: string
  title: string
  status: ElderView['status']
  statusLabel: string
  hint: string
  tickets: { id: string; title: string; when: string; state: string; canShow: boolean; canCancel: boolean }[]
}

const HINT: Record<ElderView['status'], string> = {
  pending: '等待队伍审核，结果会发给您。',
  rejected: '未通过审核，可按退回原因修改后重新代为注册。',
  approved: '待激活：请本人用身份证号和激活码在“我的”中认领并激活，之后您可以代为报名。',
  active: '可以在活动详情中为其报名。',
  left: '已退出志愿者队伍，不能再报名。',
}

const ticketState = (t: MyTicket) =>
  t.status === 'confirmed' ? '报名成功' : t.status === 'waitlisted' ? '候补中' : '已登记无法参加'

/** 我代为注册的家人 as rows: each person with their status and the sign-ups made for them. */
export function toElderRows(elders: ElderView[], now = new Date()): ElderRow[] {
  return elders.map((e) => ({
    id: e.volunteerId,
    title: `${e.nameMasked}（${ProxyRelation.map[e.relation]}代为注册）`,
    status: e.status,
    statusLabel: VolunteerStatus.map[e.status],
    hint: HINT[e.status],
    tickets: e.tickets.map((t) => ({
      id: t.id,
      title: t.activity.title,
      when: formatTimeRange(t.activity.startAt, t.activity.endAt, now),
      state: t.activity.status === 'cancelled' ? '活动已取消' : ticketState(t),
      canShow: t.token !== null,
      canCancel: t.status !== 'absent' && now <= new Date(t.cancelUntil) && t.activity.status !== 'cancelled',
    })),
  }))
}

/** The people the caller registered for them (代为注册), and what the caller can do for each. */
export function useElders() {
  const q = useQuery('activity.elders', {})
  const { busy, error, submit } = useSubmit()
  // Every answer is kept on the phone; with no network the kept one is shown, so the codes of the
  // family members signed up still open at a venue with no signal.
  const [kept, setKept] = useState<ElderView[] | undefined>(undefined)
  useEffect(() => {
    if (q.data) void saveFamily(q.data.elders)
  }, [q.data])
  const offline = !q.data && q.error?.code === ErrorCode.NETWORK
  useEffect(() => {
    let stale = false
    if (offline)
      void loadFamily().then((k) => {
        if (!stale) setKept(k)
      })
    return () => {
      stale = true
    }
  }, [offline])

  async function cancel(ticketId: string) {
    const { confirm } = await Taro.showModal({
      title: '取消代为报名',
      content: '取消后名额会让给候补的志愿者。确定取消吗？',
      confirmText: '取消报名',
      cancelText: '不取消',
    })
    if (!confirm) return
    const r = await submit('activity.cancelFor', { ticketId })
    if (!r?.ok) return
    void Taro.showToast({ title: '已取消报名', icon: 'success' })
    await q.reload()
  }

  return {
    loading: q.loading,
    error: q.error,
    /** Shown from the answer kept on the phone because the network is down. */
    offline: offline && kept !== undefined && kept.length > 0,
    reload: q.reload,
    rows: q.data ? toElderRows(q.data.elders) : offline && kept ? toElderRows(kept) : [],
    busy,
    actionError: error?.message,
    cancel: (ticketId: string) => void cancel(ticketId),
    showTicket: (ticketId: string) => void Taro.navigateTo({ url: appUrl.elderTicket(ticketId) }),
  }
}
