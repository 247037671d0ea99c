import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActivitySummary } from '../../../types/api'
import { ActivityStatus, ActivityType } from '../../../types/enums'
import { usePagedQuery } from '../../hooks/use-paged-query'
import { formatTimeRange } from '../../utils/datetime'

const PAGE_SIZE = 20

export interface ActivityCard {
  id: string
  title: string
  typeLabel: string
  status: ActivitySummary['status']
  statusLabel: string
  teamName: string
  time: string
  address: string
  /** `已报名 12/30` */
  seats: string
  full: boolean
}

export function toCard(a: ActivitySummary): ActivityCard {
  return {
    id: a.id,
    title: a.title,
    typeLabel: ActivityType.map[a.type],
    status: a.status,
    statusLabel: ActivityStatus.map[a.status],
    teamName: a.team.name,
    time: formatTimeRange(a.startAt, a.endAt),
    address: a.address,
    seats: `已报名 ${a.signedUp}/${a.capacity}`,
    full: a.signedUp >= a.capacity,
  }
}

export function useActivities() {
  const list = usePagedQuery('activity.list', { tab: 'upcoming', limit: PAGE_SIZE })

  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  return { ...list, cards: list.items.map(toCard) }
}
