import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActivityEditView } from '../../../../../types/api'
import { ActivityStatus } from '../../../../../types/enums'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import { appUrl } from '../../../../routes'
import { formatTimeRange } from '../../../../utils/datetime'

export interface OrganizedRow {
  id: string
  title: string
  teamName: string
  time: string
  /** 草稿, 报名中, 进行中, 已结束, 已取消 */
  statusLabel: string
  status: ActivityEditView['status']
  stage: ActivityEditView['stage']
  /** `已报名 12/30 · 候补 2` */
  counts: string
}

export function toOrganizedRow(a: ActivityEditView): OrganizedRow {
  const status = a.stage === 'draft' ? 'draft' : a.stage === 'cancelled' ? 'cancelled' : a.status
  return {
    id: a.id,
    title: a.input.title,
    teamName: a.team.name,
    time: formatTimeRange(a.input.startAt, a.input.endAt),
    status,
    stage: a.stage,
    statusLabel: ActivityStatus.map[status],
    counts: `已报名 ${a.signedUp}/${a.input.capacity}${a.waiting ? ` · 候补 ${a.waiting}` : ''}`,
  }
}

/** 我组织的活动: the activities of the teams the caller organizes or administers, newest first. */
export function useOrganized() {
  const list = usePagedQuery('activity.organized', { limit: 20 })
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return {
    ...list,
    rows: list.items.map(toOrganizedRow),
    open: (id: string) => Taro.navigateTo({ url: appUrl.editActivity(id) }),
    create: () => Taro.navigateTo({ url: appUrl.newActivity() }),
    attendance: (id: string) => Taro.navigateTo({ url: appUrl.attendance(id) }),
    scan: () => Taro.navigateTo({ url: appUrl.scan() }),
    todo: () => Taro.navigateTo({ url: appUrl.recordsTodo() }),
  }
}
