import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useQuery } from '../../../../hooks/use-query'
import { toDashboardScreen } from './dashboard-view'

/** The team's 数据看板 for a period, as the screen draws it. */
export function useDashboard(teamId: string, periodId: string) {
  const q = useQuery('report.dashboard', { teamId, periodId })
  usePullDownRefresh(async () => {
    await q.reload()
    Taro.stopPullDownRefresh()
  })
  return { ...q, screen: q.data ? toDashboardScreen(q.data) : undefined }
}
