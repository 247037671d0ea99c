import { Picker, Text, View } from '@tarojs/components'
import { Fragment, type ReactNode } from 'react'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { usePeriodChoice } from './use-period-choice'
import './index.scss'

interface Props {
  /** The page's block class: the screen takes its padding, and 更换 looks like the page's `__hint`. */
  block: string
  /** Empty-state hints naming the page: how to open it, and what a period makes possible. */
  noTeamHint: string
  noPeriodHint: string
  /** Keyed by the period, so a body's state starts afresh when another period is picked. */
  children: (teamId: string, periodId: string) => ReactNode
}

/**
 * A team's page for one reporting period (数据看板, 报表): the team from the route, the periods with
 * their loading/error/empty states, and the period picker above the body.
 */
export function PeriodScreen({ block, noTeamHint, noPeriodHint, children }: Props) {
  const teamId = useParam('id')
  const p = usePeriodChoice()
  if (!teamId) return <EmptyState title="未指定队伍" hint={noTeamHint} />
  if (!p.data) {
    if (p.error && !p.loading) return <ErrorState message={p.error.message} onRetry={p.reload} />
    return <Loading />
  }
  if (!p.periodId) return <EmptyState title="尚未设置报送周期" hint={noPeriodHint} />
  const index = Math.max(
    0,
    p.periods.findIndex((x) => x.id === p.periodId),
  )
  return (
    <View className={block}>
      <Picker
        mode="selector"
        range={p.periods.map((x) => x.name)}
        value={index}
        onChange={(e) => p.pick(p.periods[Number(e.detail.value)].id)}
      >
        <View className="period-screen__period" data-testid="period">
          <Text>报送周期：{p.periods[index].name}</Text>
          <Text className={`${block}__hint`}>更换 ›</Text>
        </View>
      </Picker>
      <Fragment key={p.periodId}>{children(teamId, p.periodId)}</Fragment>
    </View>
  )
}
