import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { RecordTodo } from '../../../../../types/api'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import { appUrl } from '../../../../routes'
import { formatDateTime } from '../../../../utils/datetime'

export interface TodoRow {
  id: string
  title: string
  ended: string
  /** 请于 9月30日 前确认 · 已逾期 */
  due: string
  overdue: boolean
  checkedIn: string
}

export function toTodoRow(t: RecordTodo, now = new Date()): TodoRow {
  const overdue = Date.parse(t.dueAt) < now.getTime()
  return {
    id: t.activityId,
    title: t.title,
    ended: `结束于 ${formatDateTime(t.endAt)}`,
    due: `${overdue ? '已逾期：应于' : '请于'} ${formatDateTime(t.dueAt)} 前确认`,
    overdue,
    checkedIn: `签到 ${t.checkedIn} 人`,
  }
}

/** 待确认服务记录: ended activities whose records the organizer has yet to confirm (10 working days). */
export function useRecordsTodo() {
  const list = usePagedQuery('checkin.todo', { limit: 20 })
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => void list.loadMore())
  return {
    ...list,
    rows: list.items.map((t) => toTodoRow(t)),
    open: (id: string) => Taro.navigateTo({ url: appUrl.attendance(id) }),
  }
}
