import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { MyTicket } from '../../../../../types/api'
import { ErrorCode } from '../../../../../types/result'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import { appUrl } from '../../../../routes'
import { loadTickets, saveTickets } from '../../../../services/ticket-store'
import { toTicketRow, type TicketRow } from '../../tickets'

export type Tab = 'upcoming' | 'past'

const PAGE_SIZE = 20

/** 我的 → 我的活动: upcoming and past sign-ups, kept on the phone so the codes open offline. */
export function useMyActivities() {
  const [tab, setTab] = useState<Tab>('upcoming')
  const list = usePagedQuery('activity.mine', { tab, limit: PAGE_SIZE })
  /** Upcoming tickets from the phone, when the network is down. */
  const [kept, setKept] = useState<MyTicket[] | null>(null)

  useEffect(() => {
    if (tab === 'upcoming' && list.items.length) void saveTickets(list.items)
  }, [tab, list.items])

  const offline = tab === 'upcoming' && list.error?.code === ErrorCode.NETWORK && list.items.length === 0
  useEffect(() => {
    if (!offline) {
      setKept(null)
      return
    }
    let stale = false
    void loadTickets().then((t) => {
      if (!stale) setKept(t)
    })
    return () => {
      stale = true
    }
  }, [offline])

  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const shownKept = offline && kept && kept.length ? kept : null
  const rows: TicketRow[] = (shownKept ?? list.items).map((t) => toTicketRow(t))

  return {
    ...list,
    tab,
    setTab,
    rows,
    /** The rows come from the phone, not the cloud. */
    offline: shownKept !== null,
    open: (row: TicketRow) =>
      Taro.navigateTo({ url: row.opensCode ? appUrl.ticket(row.id) : appUrl.activity(row.activityId) }),
    browse: () => Taro.switchTab({ url: appUrl.activities() }),
  }
}
