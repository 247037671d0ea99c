import { Text, View } from '@tarojs/components'
import { ErrorState, Loading, StaleNotice } from '../../../../components/PageState'
import { PeriodScreen } from '../../components/PeriodScreen'
import type { Bar } from './dashboard-view'
import { useDashboard } from './use-dashboard'
import './index.scss'

/** A chart as plain rows: the label, a bar as wide as the data, and the number written out. */
function Bars({ items, testId }: { items: Bar[]; testId: string }) {
  return (
    <View className="dash__bars" data-testid={testId}>
      {items.map((b) => (
        <View key={b.key} className="dash__bar-row" data-testid={`${testId}-${b.key}`}>
          <View className="dash__bar-head">
            <Text className="dash__bar-label">{b.label}</Text>
            <Text className="dash__bar-value">{b.text}</Text>
          </View>
          <View className="dash__track">
            <View className="dash__fill" style={{ width: `${b.width}%` }} />
          </View>
        </View>
      ))}
    </View>
  )
}

function DashboardBody({ teamId, periodId }: { teamId: string; periodId: string }) {
  const { screen, error, loading, reload } = useDashboard(teamId, periodId)
  if (!screen) {
    if (error && !loading) return <ErrorState message={error.message} onRetry={reload} />
    return <Loading />
  }
  return (
    <View>
      {error ? <StaleNotice message={error.message} onRetry={reload} /> : null}
      <View className="card">
        <Text className="dash__title">{screen.title}</Text>
        <Text className="dash__big" data-testid="total">
          本周期共开展活动 {screen.total} 次
        </Text>
        {screen.figures.map((f) => (
          <View key={f.label} className="dash__line">
            <Text>{f.label}</Text>
            <Text className="dash__bar-value">{f.text}</Text>
          </View>
        ))}
      </View>

      <Text className="section-title">活动类型</Text>
      <View className="card">
        {screen.total === 0 ? (
          <Text className="dash__hint">本周期还没有开展活动。活动发布并开始后会计入这里。</Text>
        ) : (
          <Bars items={screen.byType} testId="by-type" />
        )}
      </View>

      <Text className="section-title">各月活动</Text>
      <View className="card">
        {screen.total === 0 ? (
          <Text className="dash__hint">本周期还没有开展活动。</Text>
        ) : (
          <Bars items={screen.byMonth} testId="by-month" />
        )}
      </View>

      <Text className="section-title">重点结合</Text>
      <View className="card" data-testid="focus-card">
        <Text className="dash__hint">每支队伍至少开展一次结合重点的活动。</Text>
        <Bars items={screen.focus} testId="focus" />
      </View>

      <Text className="section-title">队伍人数</Text>
      <View className="card" data-testid="members-card">
        <Text className="dash__line">{screen.members.line}</Text>
        {screen.members.bars.length ? <Bars items={screen.members.bars} testId="target" /> : null}
      </View>

      <Text className="section-title">截止事项</Text>
      <View className="card" data-testid="deadlines">
        {screen.deadlines.length === 0 ? (
          <Text className="dash__hint">本周期没有本类队伍需要完成的截止事项。</Text>
        ) : (
          screen.deadlines.map((d) => (
            <View key={d.key} className="dash__deadline" data-testid={`deadline-${d.key}`}>
              <View className="dash__deadline-text">
                <Text className="dash__bar-label">{d.label}</Text>
                <Text className="dash__hint">截止 {d.due}</Text>
              </View>
              <Text className={`dash__badge dash__badge--${d.state}`}>{d.stateLabel}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}

/** 数据看板: one team's reporting period at a glance, drawn as plain bars with their numbers. */
export default function DashboardPage() {
  return (
    <PeriodScreen
      block="dash"
      noTeamHint="请从队伍页面进入数据看板。"
      noPeriodHint="市支队设置报送周期后即可查看数据看板。"
    >
      {(teamId, periodId) => <DashboardBody teamId={teamId} periodId={periodId} />}
    </PeriodScreen>
  )
}
