import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { appUrl } from '../../../../routes'
import { matchesQuery, toAttendanceView, toAttendeeLine, type Group } from '../../checkin/attendance-view'
import { deviceName, newNonce } from '../../checkin/storage'

export interface MakeupDraft {
  ticketId: string
  name: string
  hours: string
  reason: string
}

/** 撤销补录 being written: the 补录, whose it is, and the reason (required). */
export interface DeclineDraft {
  makeupId: string
  name: string
  text: string
  reason: string
}

/** 签到情况: counts and lists, finding someone without a smartphone, 补录 and 撤销补录, confirming the records. */
export function useAttendance(activityId: string) {
  const q = useQuery('checkin.attendance', { activityId })
  const [group, setGroup] = useState<Group>('in')
  const [query, setQuery] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [makeup, setMakeup] = useState<MakeupDraft | null>(null)
  const [makeupError, setMakeupError] = useState<string | null>(null)
  const [decline, setDecline] = useState<DeclineDraft | null>(null)
  const [declineError, setDeclineError] = useState<string | null>(null)
  const write = useSubmit()

  const view = useMemo(() => (q.data ? toAttendanceView(q.data) : undefined), [q.data])
  const found = useMemo(
    () =>
      q.data && query.trim() ? q.data.rows.filter((r) => matchesQuery(r, query)).map((r) => toAttendeeLine(r)) : [],
    [q.data, query],
  )

  /** Checks a person in (or out) by hand: the ticket id goes as the token; the server records 'manual'. */
  async function byHand(ticketId: string, mode: 'in' | 'out') {
    setNotice(null)
    const device = await deviceName()
    const r = await write.submit('checkin.scan', {
      activityId,
      device,
      scan: { nonce: newNonce(), token: ticketId, mode, at: new Date().toISOString() },
    })
    if (!r) return
    if (!r.ok) {
      setNotice(r.message)
      return
    }
    const who = r.data.nameMasked ?? ''
    setNotice(
      r.data.result === 'done'
        ? `${who} ${mode === 'in' ? '签到' : '签退'}成功（手动）`
        : r.data.result === 'already'
          ? `${who} ${mode === 'in' ? '已签到' : '已签退'}`
          : r.data.message,
    )
    await q.reload()
  }

  async function saveMakeup() {
    if (!makeup) return
    setMakeupError(null)
    const hours = Number(makeup.hours)
    if (!makeup.hours.trim() || !Number.isFinite(hours)) {
      setMakeupError('请填写补录时长（小时，以 0.5 为单位）')
      return
    }
    const r = await write.submit('checkin.makeup', { ticketId: makeup.ticketId, hours, reason: makeup.reason.trim() })
    if (!r) return
    if (!r.ok) {
      setMakeupError(r.message)
      return
    }
    setMakeup(null)
    setNotice(`已为 ${makeup.name} 补录 ${hours} 小时`)
    await q.reload()
  }

  /** 撤销补录: a reason is required, and the organizer confirms; the 补录 stays on record as 已撤销. */
  async function saveDecline() {
    if (!decline) return
    setDeclineError(null)
    const reason = decline.reason.trim()
    if (reason.length < 2) {
      setDeclineError('请填写撤销原因（至少 2 个字）')
      return
    }
    const { confirm } = await Taro.showModal({
      title: '撤销补录',
      content: `确定撤销${decline.name}的${decline.text.split(' · ')[0]}？撤销后不计入服务时长，记录仍会保留。`,
      confirmText: '撤销',
      cancelText: '再看看',
    })
    if (!confirm) return
    const r = await write.submit('checkin.declineMakeup', { makeupId: decline.makeupId, reason })
    if (!r) return
    if (!r.ok) {
      setDeclineError(r.message)
      return
    }
    setDecline(null)
    setNotice(`已撤销${decline.name}的${decline.text.split(' · ')[0]}`)
    await q.reload()
  }

  async function confirmRecords() {
    const { confirm } = await Taro.showModal({
      title: '确认服务记录',
      content: '确认后，本活动的签到、签退和服务时长作为服务记录，志愿者可在“服务记录”中查看。确认吗？',
      confirmText: '确认',
      cancelText: '再看看',
    })
    if (!confirm) return
    const r = await write.submit('checkin.confirmRecords', { activityId })
    if (r?.ok) {
      setNotice('服务记录已确认')
      await q.reload()
    }
  }

  return {
    loading: q.loading,
    error: q.error,
    reload: q.reload,
    view,
    group,
    setGroup,
    query,
    setQuery,
    found,
    notice,
    busy: write.busy,
    writeError: write.error?.message ?? null,
    byHand,
    makeup,
    makeupError,
    startMakeup: (ticketId: string, name: string) => {
      setMakeupError(null)
      setMakeup({ ticketId, name, hours: '', reason: '' })
    },
    editMakeup: (patch: Partial<MakeupDraft>) => setMakeup((m) => (m ? { ...m, ...patch } : m)),
    cancelMakeup: () => setMakeup(null),
    saveMakeup,
    decline,
    declineError,
    startDecline: (d: Omit<DeclineDraft, 'reason'>) => {
      setDeclineError(null)
      setDecline({ ...d, reason: '' })
    },
    editDecline: (reason: string) => setDecline((d) => (d ? { ...d, reason } : d)),
    cancelDecline: () => setDecline(null),
    saveDecline,
    confirmRecords,
    openScan: () => Taro.navigateTo({ url: appUrl.scan(activityId) }),
    openReport: () => Taro.navigateTo({ url: appUrl.report(activityId) }),
    openPrint: () => Taro.navigateTo({ url: appUrl.printTickets(activityId) }),
  }
}
