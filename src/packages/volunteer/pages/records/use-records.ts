import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyServiceRecord } from '../../../../../types/api'
import type { Err } from '../../../../../types/result'
import { useReloadOnReturn } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/client'
import { formatDate, formatDateTime } from '../../../../utils/datetime'

export interface RecordRow {
  activityId: string
  title: string
  team: string
  date: string
  checkIn: string
  checkOut: string
  /** 2.5 小时 · 补录 1 小时 */
  hours: string
}

const h = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} 小时`

export function toRecordRow(r: MyServiceRecord): RecordRow {
  return {
    activityId: r.activityId,
    title: r.title,
    team: r.team.name,
    date: formatDate(r.startAt),
    checkIn: r.checkedInAt ? `签到 ${formatDateTime(r.checkedInAt)}` : '未签到（补录）',
    checkOut: r.checkedOutAt
      ? `签退 ${formatDateTime(r.checkedOutAt)}${r.autoCheckedOut ? '（活动结束自动签退）' : ''}`
      : r.checkedInAt
        ? '未签退'
        : '',
    hours: [h(r.hours), r.makeupHours ? `补录 ${h(r.makeupHours)}` : ''].filter(Boolean).join(' · '),
  }
}

const PAGE = 20

/** 服务记录: each check-in and the hours it earned, the total, and 申请更正 to the organizing team. */
export function useRecords() {
  const [items, setItems] = useState<MyServiceRecord[]>([])
  const [total, setTotal] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Err | undefined>()
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<Err | undefined>()
  const latest = useRef(0)

  const refresh = useCallback(async () => {
    const id = ++latest.current
    const r = await call('checkin.mine', { limit: PAGE })
    if (id !== latest.current) return
    setLoading(false)
    if (!r.ok) {
      setError(r)
      return
    }
    setError(undefined)
    setItems(r.data.items)
    setTotal(r.data.totalHours)
    setCursor(r.data.nextCursor)
  }, [])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(undefined)
    const r = await call('checkin.mine', { limit: PAGE, cursor })
    setLoadingMore(false)
    if (!r.ok) {
      setMoreError(r)
      return
    }
    setItems((s) => [...s, ...r.data.items])
    setCursor(r.data.nextCursor)
  }, [cursor, loadingMore])

  useEffect(() => {
    void refresh()
  }, [refresh])
  useReloadOnReturn(refresh)

  // 申请更正
  const [correcting, setCorrecting] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [sentFor, setSentFor] = useState<string[]>([])
  const write = useSubmit()

  async function sendCorrection() {
    if (!correcting) return
    const r = await write.submit('checkin.requestCorrection', { activityId: correcting, note: note.trim() })
    if (r?.ok) {
      setSentFor((s) => [...s, correcting])
      setCorrecting(null)
      setNote('')
    }
  }

  return {
    loading,
    error,
    refresh,
    rows: items.map(toRecordRow),
    total: h(total),
    hasMore: cursor !== null,
    loadingMore,
    moreError,
    loadMore,
    correcting,
    startCorrection: (activityId: string) => {
      write.setError(undefined)
      setNote('')
      setCorrecting(activityId)
    },
    cancelCorrection: () => setCorrecting(null),
    note,
    setNote,
    sendCorrection,
    sending: write.busy,
    correctionError: write.error?.message ?? null,
    sentFor,
  }
}
